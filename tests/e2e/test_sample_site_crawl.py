"""A real ``scrapy crawl articles`` over the bundled sample site served on 127.0.0.1."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from collections import Counter

import pytest

from scraper.schema import record_errors
from tests.helpers.crawl import crawl_env, healthscrape, read_jsonl, run_crawl
from tests.helpers.labels import sample_site_manifest
from tests.helpers.paths import SAMPLE_SITE
from tests.helpers.records import outline
from tests.helpers.redis_server import free_port
from tests.helpers.servers import start_server, stop_server

MANIFEST = sample_site_manifest()
# The manifest gives each article's sections tree without kinds and texts.
OUTLINE = ("label", "number", "heading")


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    """One crawl of the sample site, shared by the tests of this module."""
    server, site = start_server(SAMPLE_SITE)
    try:
        result = run_crawl(tmp_path_factory.mktemp("crawl"), "-a", f"start_urls={site.base}/")
    finally:
        stop_server(server)
    assert result.returncode == 0, result.log[-3000:]
    return site.base, result


def test_every_article_exported_exactly_once(crawl):
    base, result = crawl
    urls = Counter(r["url"] for r in result.articles)
    expected = {base + a["path"] for a in MANIFEST["articles"]}
    assert set(urls) == expected
    assert all(count == 1 for count in urls.values())


def test_records_have_the_manifest_fields(crawl):
    base, result = crawl
    records = {r["url"]: r for r in result.articles}
    for article in MANIFEST["articles"]:
        record = records[base + article["path"]]
        assert record["title"] == article["title"], article["path"]
        assert record["published"] == article["published"], article["path"]
        assert outline(record["sections"], OUTLINE) == outline(article["sections"], OUTLINE), article["path"]
        assert record["site"] == "乡间郎中"


def test_mobile_duplicates_only_in_duplicates_file(crawl):
    base, result = crawl
    exported = {r["url"] for r in result.articles}
    duplicates = {d["url"]: d for d in result.duplicates}
    assert set(duplicates) == {base + p for p in MANIFEST["duplicates"]}
    assert not exported & set(duplicates)
    for entry in duplicates.values():
        assert entry["duplicate_of"] in exported
        assert entry["reason"] == "same_canonical"
        assert set(entry) == {"url", "duplicate_of", "reason", "similarity"}
        assert entry["similarity"] is None
        # Logged once, by its reason, without dumping the whole item.
        assert f"Dropped: duplicate (same_canonical) of {entry['duplicate_of']}: {entry['url']}\n" in result.log


def test_non_article_pages_give_no_record(crawl):
    base, result = crawl
    exported = {r["url"] for r in result.articles}
    for path in MANIFEST["not_articles"]:
        assert base + path not in exported
    assert result.stats["parse/non_article_pages"] >= len(MANIFEST["not_articles"])


def test_broken_page_is_a_logged_counted_skip(crawl):
    base, result = crawl
    broken = base + MANIFEST["broken"][0]
    assert broken not in {r["url"] for r in result.articles}
    assert result.stats["parse/skipped_broken"] == 1
    assert f"Skipped {broken}: truncated HTML" in result.log
    assert "1 pages skipped (1 broken)" in result.stdout


def test_every_record_validates(crawl):
    _, result = crawl
    assert result.articles
    for record in result.articles:
        assert record_errors(record) == [], record["url"]
    assert result.stats.get("validation/invalid", 0) == 0


def test_gbk_page_decoded(crawl):
    base, result = crawl
    gbk = next(a for a in MANIFEST["articles"] if a["encoding"] == "gbk")
    record = next(r for r in result.articles if r["url"] == base + gbk["path"])
    assert record["title"] == gbk["title"]
    assert "\ufffd" not in record["body"]


def test_default_crawl_without_arguments_uses_bundled_site(tmp_path):
    """``scrapy crawl articles`` alone serves the sample site itself and writes data/articles.jsonl."""
    done = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "articles"],
        cwd=tmp_path,
        env=crawl_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    articles = read_jsonl(tmp_path / "data" / "articles.jsonl")
    duplicates = read_jsonl(tmp_path / "data" / "duplicates.jsonl")
    assert len(articles) == len(MANIFEST["articles"])
    assert len(duplicates) == len(MANIFEST["duplicates"])
    assert f"{len(articles)} articles written to data/articles.jsonl" in done.stdout
    assert f"{len(duplicates)} duplicates written to data/duplicates.jsonl" in done.stdout


def test_the_sample_site_keeps_its_urls_when_its_port_is_taken(tmp_path):
    """A second ``healthscrape crawl`` of the sample site while its port is taken (it is then served on a free
    one) finds the same pages unchanged: same URLs, nothing exported again, no duplicates of the last run."""
    port = free_port()
    runs = []
    for taken in (False, True):
        with socket.socket() as holder:
            if taken:
                holder.bind(("127.0.0.1", port))
                holder.listen()
            done = healthscrape("crawl", "-s", f"SAMPLE_SITE_PORT={port}", cwd=tmp_path)
        assert done.returncode == 0, done.stderr[-3000:]
        (run,) = sorted((tmp_path / "data" / "runs").iterdir())[len(runs) :]
        runs.append(run)
    first = read_jsonl(runs[0] / "articles.jsonl")
    assert {r["url"] for r in first} == {f"http://127.0.0.1:{port}{a['path']}" for a in MANIFEST["articles"]}
    assert read_jsonl(runs[1] / "articles.jsonl") == []
    assert len(read_jsonl(runs[0] / "duplicates.jsonl")) == len(MANIFEST["duplicates"])
    assert read_jsonl(runs[1] / "duplicates.jsonl") == []  # the mobile copies are not modified either
    report = json.loads((runs[1] / "report.json").read_text(encoding="utf-8"))
    assert report["counts"]["not_modified"] == len(MANIFEST["articles"]) + len(MANIFEST["duplicates"])
