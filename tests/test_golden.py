"""Golden tests: the seed pages, crawled for real, give the hand-checked records."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import SEED, expected_record, run_crawl
from scraper.cli import extract

SEED_PATHS = {
    "article": "/jibing/yaotong/20200714/2101.html",
    "related": "/jibing/yaotong/20200713/2086.html",
}
# Fields the generic fallback (no site profile) must still get right on the seed pages.
GENERIC_FIELDS = ("title", "published", "body")


@pytest.fixture
def seed_site(tmp_path: Path, serve):
    root = tmp_path / "site"
    for name, path in SEED_PATHS.items():
        target = root / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SEED / f"{name}.html", target)
    return serve(root)


def _by_url(records: list[dict]) -> dict[str, dict]:
    return {r["url"]: r for r in records}


@pytest.mark.parametrize("site_arg", [[], ["-a", "site=xiangjianlangzhong"]], ids=["auto-profile", "forced-profile"])
def test_seed_pages_over_http_match_expected(tmp_path, seed_site, site_arg):
    urls = ",".join(seed_site.base + p for p in SEED_PATHS.values())
    result = run_crawl(tmp_path, "-a", f"start_urls={urls}", "-a", "follow=no", *site_arg)
    assert result.returncode == 0, result.log[-3000:]
    records = _by_url(result.articles)
    assert len(result.articles) == 2
    for name, path in SEED_PATHS.items():
        expected = expected_record(name, seed_site.base)
        got = records[seed_site.base + path]
        for field, value in expected.items():
            assert got[field] == value, f"{name}.{field}"


def test_generic_fallback_gets_title_date_body_right(tmp_path, seed_site):
    urls = ",".join(seed_site.base + p for p in SEED_PATHS.values())
    result = run_crawl(tmp_path, "-a", f"start_urls={urls}", "-a", "follow=no", "-a", "site=generic")
    assert result.returncode == 0, result.log[-3000:]
    records = _by_url(result.articles)
    for name, path in SEED_PATHS.items():
        expected = expected_record(name, seed_site.base)
        for field in GENERIC_FIELDS:
            assert records[seed_site.base + path][field] == expected[field], f"{name}.{field}"


def test_page_dump_read_as_file_matches_expected(tmp_path):
    dump = tmp_path / "page-dump.txt"
    shutil.copy(SEED / "page-dump.txt", dump)
    base = tmp_path.resolve().as_uri()
    expected = expected_record("page-dump", base)
    # The spider, reading the file:// URL ...
    result = run_crawl(tmp_path, "-a", f"start_urls={dump.resolve().as_uri()}")
    assert result.returncode == 0, result.log[-3000:]
    assert len(result.articles) == 1
    # ... and the one-page command give the same record.
    from_cli = extract(str(dump))
    for field, value in expected.items():
        assert result.articles[0][field] == value, field
        assert from_cli[field] == value, field
