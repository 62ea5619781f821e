"""Incremental runs with real crawls: state in STATE_DIR carried from one run to the next."""

from __future__ import annotations

import os
import shutil

import pytest

from tests.helpers.crawl import run_crawl
from tests.helpers.labels import sample_site_manifest
from tests.helpers.paths import SAMPLE_SITE

MANIFEST = sample_site_manifest()
ARTICLES = len(MANIFEST["articles"])


@pytest.fixture
def site(tmp_path, serve):
    root = tmp_path / "site"
    shutil.copytree(SAMPLE_SITE, root)
    return serve(root)


def crawl(tmp_path, site, run: str):
    return run_crawl(tmp_path / run, "-a", f"start_urls={site.base}/", "-s", f"STATE_DIR={tmp_path / 'state'}")


def test_second_run_on_an_unchanged_site_exports_and_downloads_no_article(tmp_path, site):
    first = crawl(tmp_path, site, "run1")
    assert first.returncode == 0, first.log[-2000:]
    assert len(first.articles) == ARTICLES
    assert all(r["revision"] == 1 for r in first.articles)
    second = crawl(tmp_path, site, "run2")
    assert second.returncode == 0, second.log[-2000:]
    assert second.articles == [] and second.duplicates == []
    # Every article and mobile copy was asked for conditionally and answered 304, none in full.
    known = ARTICLES + len(MANIFEST["duplicates"])
    assert second.stats["incremental/not_modified"] == known
    assert second.stats["downloader/response_status_count/304"] == known
    assert second.stats.get("parse/articles", 0) == 0


def test_changed_article_is_exported_again_as_revision_2(tmp_path, site):
    assert crawl(tmp_path, site, "run1").returncode == 0
    page = site.root / "yangsheng" / "20200701" / "1988.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</p>", "（本文已更新）</p>", 1), encoding="utf-8")
    later = page.stat().st_mtime + 10
    os.utime(page, (later, later))
    second = crawl(tmp_path, site, "run2")
    assert second.returncode == 0, second.log[-2000:]
    assert [(r["url"], r["revision"]) for r in second.articles] == [(site.base + "/yangsheng/20200701/1988.html", 2)]
    assert "（本文已更新）" in second.articles[0]["body"]
    assert second.stats["incremental/updated"] == 1


def test_body_exported_earlier_under_another_url_is_a_duplicate(tmp_path, site):
    assert crawl(tmp_path, site, "run1").returncode == 0
    copy = site.root / "copy" / "2101.html"
    copy.parent.mkdir()
    # The same article, without the canonical link, linked from the home page.
    html = (site.root / "jibing" / "yaotong" / "20200714" / "2101.html").read_text(encoding="utf-8")
    copy.write_text(html.replace('<link rel="canonical" href="/jibing/yaotong/20200714/2101.html">', ""), "utf-8")
    home = site.root / "index.html"
    home.write_text(
        home.read_text(encoding="utf-8").replace("</body>", '<a href="/copy/2101.html">x</a></body>'), "utf-8"
    )
    second = crawl(tmp_path, site, "run2")
    assert second.articles == []
    assert second.duplicates == [
        {
            "url": site.base + "/copy/2101.html",
            "duplicate_of": site.base + "/jibing/yaotong/20200714/2101.html",
            "reason": "same_body",
            "similarity": 1.0,
        }
    ]
