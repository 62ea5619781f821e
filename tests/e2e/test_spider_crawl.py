"""Spider behaviour with real crawls: robots.txt, domains, canonical pages, sitemaps, split articles.

The spider's arguments alone are tests/spiders/test_articles.py.
"""

from __future__ import annotations

import itertools
import random
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

from benchmarks.near_duplicates import edited, other_template
from tests.helpers.bodies import sample_bodies
from tests.helpers.crawl import CrawlResult, run_crawl
from tests.helpers.labels import SPLIT_ARTICLE, eval_label, sample_site_manifest
from tests.helpers.pages import saved_page
from tests.helpers.paths import EVAL, SAMPLE_SITE
from tests.helpers.text_pages import ARTICLE_DUMP, NOT_ARTICLE_TEXTS
from tests.helpers.threads import run_at_once

ARTICLE = saved_page("seed-article").path  # /jibing/yaotong/20200714/2101.html
RELATED = saved_page("seed-related").path  # /jibing/yaotong/20200713/2086.html


@pytest.fixture
def small_site(tmp_path, serve):
    """Seed pages plus a robots-disallowed article and an offsite link."""
    root = tmp_path / "site"
    for source, path in (("seed-article", ARTICLE), ("seed-related", RELATED), ("seed-article", "/admin/secret.html")):
        target = root / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(saved_page(source).file, target)
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
    shutil.copy(saved_page("seed-mobile-duplicate").file, root / "m" / "a.html")  # canonical points to a missing page
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
    manifest = sample_site_manifest()
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


def test_text_files_that_are_no_articles_are_counted_not_exported(tmp_path, serve):
    """ads.txt, LICENSE.txt, robots.txt, data.json, … linked from a site are non-article pages; its text dump
    of an article is a record."""
    root = tmp_path / "site"
    root.mkdir()
    texts = {**NOT_ARTICLE_TEXTS, "过敏性鼻炎.txt": ARTICLE_DUMP}
    for name, text in texts.items():
        (root / name).write_text(text, encoding="utf-8")
    links = "".join(f'<a href="/{quote(name)}">{name}</a>' for name in texts)
    (root / "index.html").write_text(f"<html><body>{links}</body></html>", encoding="utf-8")
    site = serve(root)
    result = run_crawl(tmp_path, "-a", f"start_urls={site.base}/")
    assert result.returncode == 0, result.log[-3000:]
    assert [r["title"] for r in result.articles] == ["春季过敏性鼻炎怎么预防"]
    for name in ("ads.txt", "LICENSE.txt", "robots.txt", "data.json"):
        assert f"Not an article: {site.base}/{name}" in result.log
    assert result.stats["parse/non_article_pages"] >= 5  # the home page and the text files crawled
    assert "parse/skipped" not in result.stats  # a text file that is no article is no failure


def test_a_directory_start_url_crawls_the_pages_in_it(tmp_path):
    root = tmp_path / "saved pages"
    (root / "sub").mkdir(parents=True)
    shutil.copy(saved_page("seed-article").file, root / "a.html")
    shutil.copy(saved_page("seed-related").file, root / "sub" / "b.htm")  # linked from neither
    (root / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # not a page: not requested
    (root / ".hidden.html").write_text("<html></html>")
    result = run_crawl(tmp_path, "-a", f"start_urls={root.as_uri()}/", "-a", "follow=no")
    assert result.returncode == 0, result.log[-3000:]
    assert sorted(r["url"] for r in result.articles) == [(root / "a.html").as_uri(), (root / "sub" / "b.htm").as_uri()]
    assert result.stats.get("parse/skipped", 0) == 0
    assert "Traceback" not in result.log


def test_a_directory_start_url_without_pages_says_why_and_is_counted(tmp_path):
    root = tmp_path / "empty"
    root.mkdir()
    (root / "notes.pdf").write_bytes(b"%PDF-1.4")
    # (No article: the articles-seen monitor would fail, and Spidermon print its assertion's traceback.)
    result = run_crawl(tmp_path, "-a", f"start_urls={root.as_uri()}", "-s", "SPIDERMON_MIN_ARTICLES=0")
    assert result.returncode == 0, result.log[-3000:]
    assert result.articles == []
    assert result.stats["parse/skipped_no_pages"] == 1
    assert f"Skipped {root.as_uri()}: a directory with no page in it" in result.log
    assert "Traceback" not in result.log


def copies_site(root: Path, links: tuple[str, ...]) -> None:
    """Issue 12 point 2's pages: a.html, b.html (a near copy of a), m/b.html (b's mobile copy, canonical →
    /b.html), linked from the home page in the order of ``links``."""
    body = sample_bodies()[0]
    near = edited(body, 0.03, random.Random(7))
    mobile = other_template("腰痛怎么办", near)
    pages = {
        "a.html": other_template("腰痛怎么办", body),
        "b.html": other_template("腰痛怎么办", near),
        "m/b.html": mobile.replace("</title>", '</title><link rel="canonical" href="/b.html">'),
        "index.html": "<html><body>" + "".join(f'<a href="/{path}">{path}</a> ' for path in links) + "</body></html>",
    }
    for path, html in pages.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(html, encoding="utf-8")


def test_each_duplicate_is_reported_once_with_its_reason_whatever_the_order_of_responses(tmp_path, serve):
    """One response at a time, in the order the home page links them (all 6 orders of a, b, m/b): the first
    of a and b is exported; the other is its near_duplicate; m/b, fetched after its canonical b, is b's
    same_canonical where b was exported, else a near_duplicate of a like b — each reported once."""
    orders = list(itertools.permutations(("a.html", "b.html", "m/b.html")))
    sites = []
    for number, links in enumerate(orders):
        copies_site(tmp_path / f"site{number}", links)
        sites.append(serve(tmp_path / f"site{number}"))
    results: list[CrawlResult] = [None] * len(orders)  # type: ignore[list-item]

    def crawl(number: int) -> None:
        results[number] = run_crawl(
            tmp_path / f"crawl{number}", "-a", f"start_urls={sites[number].base}/",
            "-s", "CONCURRENT_REQUESTS=1", "-s", "SCHEDULER_MEMORY_QUEUE=scrapy.squeues.FifoMemoryQueue",
        )  # fmt: skip

    run_at_once(crawl, len(orders))
    found, wanted = {}, {}
    for links, site, result in zip(orders, sites, results, strict=True):
        assert result.returncode == 0, result.log[-3000:]
        kept = next(path for path in links if path != "m/b.html")
        if kept == "a.html":
            expected = {"b.html": ("a.html", "near_duplicate"), "m/b.html": ("a.html", "near_duplicate")}
        else:
            expected = {"a.html": ("b.html", "near_duplicate"), "m/b.html": ("b.html", "same_canonical")}
        path = len(site.base) + 1
        found[links] = (
            [r["url"][path:] for r in result.articles],
            sorted((d["url"][path:], (d["duplicate_of"][path:], d["reason"])) for d in result.duplicates),
        )
        wanted[links] = ([kept], sorted(expected.items()))
    assert found == wanted
