"""Spider behaviour with real crawls: arguments, robots.txt, domains, canonical pages."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import EVAL, FIXTURES, SAMPLE_SITE, SEED, SPLIT_ARTICLE, eval_label, run_crawl
from scraper.spiders.articles import is_local, parse_flag, parse_start_urls

ARTICLE = "/jibing/yaotong/20200714/2101.html"
RELATED = "/jibing/yaotong/20200713/2086.html"
MOBILE = "/m/jibing/yaotong/20200714/2101.html"


def test_start_urls_argument():
    assert parse_start_urls("http://a.test/x, https://b.test/y") == ["http://a.test/x", "https://b.test/y"]
    assert parse_start_urls("file:///tmp/a.html") == ["file:///tmp/a.html"]
    for bad in ("ftp://a.test/x", "a.test/x", "http://"):
        with pytest.raises(ValueError, match="not an http"):
            parse_start_urls(bad)


def test_follow_flag_and_local_hosts():
    assert parse_flag("follow", "no") is False and parse_flag("follow", "YES") is True
    with pytest.raises(ValueError, match="expected yes or no"):
        parse_flag("follow", "maybe")
    assert is_local("http://127.0.0.1:8000/") and is_local("file:///x") and is_local("http://localhost/")
    assert not is_local("https://example.org/")


@pytest.fixture
def small_site(tmp_path, serve):
    """Seed pages plus a robots-disallowed article and an offsite link."""
    root = tmp_path / "site"
    for source, path in (("article.html", ARTICLE), ("related.html", RELATED), ("article.html", "/admin/secret.html")):
        target = root / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SEED / source, target)
    (root / "robots.txt").write_text("User-agent: *\nDisallow: /admin/\n")
    (root / "index.html").write_text(
        f'<html><body><a href="{ARTICLE}">a</a> <a href="/admin/secret.html">s</a>'
        '<a href="http://offsite.test/x.html">o</a></body></html>'
    )
    return serve(root)


def test_crawl_obeys_robots_and_stays_on_the_start_domain(tmp_path, small_site):
    result = run_crawl(tmp_path, "-a", f"start_urls={small_site.base}/")
    assert result.returncode == 0, result.log[-3000:]
    assert sorted(r["url"] for r in result.articles) == [small_site.base + RELATED, small_site.base + ARTICLE]
    assert result.stats["robotstxt/forbidden"] == 1
    assert f"Forbidden by robots.txt: <GET {small_site.base}/admin/secret.html>" in result.log
    assert "offsite.test" not in "".join(line for line in result.log.splitlines() if "Crawled (" in line)


def test_follow_no_parses_only_the_start_urls(tmp_path, small_site):
    result = run_crawl(tmp_path, "-a", f"start_urls={small_site.base}{ARTICLE}", "-a", "follow=no")
    assert result.returncode == 0, result.log[-3000:]
    assert [r["url"] for r in result.articles] == [small_site.base + ARTICLE]
    assert result.stats["downloader/request_count"] == 2  # robots.txt and the page


def test_alternate_page_is_exported_when_its_canonical_cannot_be_fetched(tmp_path, serve):
    root = tmp_path / "site"
    (root / "m").mkdir(parents=True)
    shutil.copy(SEED / "mobile-duplicate.html", root / "m" / "a.html")  # canonical points to a missing page
    site = serve(root)
    result = run_crawl(tmp_path, "-a", f"start_urls={site.base}/m/a.html")
    assert result.returncode == 0, result.log[-3000:]
    assert [r["url"] for r in result.articles] == [site.base + "/m/a.html"]
    assert result.duplicates == []
    assert f"Skipped {site.base}{ARTICLE}: " in result.log  # the canonical page, a 404


def test_bad_argument_fails_with_a_clear_message(tmp_path):
    result = run_crawl(tmp_path, "-a", "start_urls=ftp://x.test/")
    assert result.returncode != 0
    assert "start_urls: 'ftp://x.test/' is not an http(s):// or file:// URL" in result.log
    result = run_crawl(tmp_path, "-a", "site=nope")
    assert result.returncode != 0
    assert "unknown site profile 'nope'" in result.log


def test_sitemap_start_url_expands_to_its_pages(tmp_path, serve):
    site = serve(SAMPLE_SITE)
    result = run_crawl(tmp_path, "-a", f"start_urls={site.base}/sitemap.xml", "-a", "follow=no")
    assert result.returncode == 0, result.log[-3000:]
    manifest = json.loads((FIXTURES / "sample_site_manifest.json").read_text(encoding="utf-8"))
    assert len(result.articles) == len(manifest["articles"])
    assert result.stats["parse/skipped_broken"] == 1


def test_split_article_is_fetched_and_merged_into_one_record(tmp_path, serve):
    """A DedeCMS article over three pages (eval corpus t8-dede/2345) crawled for real."""
    from urllib.parse import urlsplit

    label = eval_label(SPLIT_ARTICLE)
    corpus = EVAL / "corpus"
    root = tmp_path / "site"
    for url, file in [(label["url"], label["file"]), *label["more_pages"].items()]:
        target = root / urlsplit(url).path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(corpus / file, target)
    site = serve(root)
    first = site.base + urlsplit(label["url"]).path
    result = run_crawl(tmp_path, "-a", f"start_urls={first}")
    assert result.returncode == 0, result.log[-3000:]
    assert [r["url"] for r in result.articles] == [first]
    record = result.articles[0]
    assert record["body"] == label["expected"]["body"]
    assert record["title"] == label["title"]
    assert result.stats["parse/split_articles"] == 1
    assert result.stats["parse/non_article_pages"] >= 2  # pages 2 and 3 found as links are no articles of their own


def test_an_output_given_on_the_command_line_replaces_the_default_one(tmp_path, small_site):
    result = run_crawl(tmp_path, "-a", f"start_urls={small_site.base}{ARTICLE}", "-a", "follow=no", cwd=tmp_path)
    assert result.returncode == 0, result.log[-2000:]
    assert len(result.articles) == 1
    assert not (tmp_path / "data" / "articles.jsonl").exists()
