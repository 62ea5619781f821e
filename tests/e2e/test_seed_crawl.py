"""Golden tests: the seed pages, crawled for real, give the hand-checked records.

The pages and their expected records are tests/fixtures/pages/seed-*; each is served under the path
of its URL (meta.json), from a local server whose origin replaces the expected record's.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scraper.cli.extract import extract
from tests.helpers.crawl import run_crawl
from tests.helpers.labels import expected_record
from tests.helpers.pages import saved_page

SEED_PAGES = ("seed-article", "seed-related")
# Fields the generic fallback (no site profile) must still get right on the seed pages.
GENERIC_FIELDS = ("title", "published", "body")


@pytest.fixture
def seed_site(tmp_path: Path, serve):
    root = tmp_path / "site"
    for name in SEED_PAGES:
        page = saved_page(name)
        target = root / page.path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(page.file, target)
    return serve(root)


def _by_url(records: list[dict]) -> dict[str, dict]:
    return {r["url"]: r for r in records}


@pytest.mark.parametrize("site_arg", [[], ["-a", "site=xiangjianlangzhong"]], ids=["auto-profile", "forced-profile"])
def test_seed_pages_over_http_match_expected(tmp_path, seed_site, site_arg):
    urls = ",".join(seed_site.base + saved_page(name).path for name in SEED_PAGES)
    result = run_crawl(tmp_path, "-a", f"start_urls={urls}", "-a", "follow=no", *site_arg)
    assert result.returncode == 0, result.log[-3000:]
    records = _by_url(result.articles)
    assert len(result.articles) == 2
    for name in SEED_PAGES:
        expected = expected_record(name, seed_site.base)
        got = records[seed_site.base + saved_page(name).path]
        for field, value in expected.items():
            assert got[field] == value, f"{name}.{field}"


def test_generic_fallback_gets_title_date_body_right(tmp_path, seed_site):
    urls = ",".join(seed_site.base + saved_page(name).path for name in SEED_PAGES)
    result = run_crawl(tmp_path, "-a", f"start_urls={urls}", "-a", "follow=no", "-a", "site=generic")
    assert result.returncode == 0, result.log[-3000:]
    records = _by_url(result.articles)
    for name in SEED_PAGES:
        expected = expected_record(name, seed_site.base)
        for field in GENERIC_FIELDS:
            assert records[seed_site.base + saved_page(name).path][field] == expected[field], f"{name}.{field}"


def test_page_dump_read_as_file_matches_expected(tmp_path):
    page = saved_page("seed-page-dump")
    dump = tmp_path / Path(page.path).name  # page-dump.txt
    shutil.copy(page.file, dump)
    base = tmp_path.resolve().as_uri()
    expected = expected_record("seed-page-dump", base)
    # The spider, reading the file:// URL ...
    result = run_crawl(tmp_path, "-a", f"start_urls={dump.resolve().as_uri()}")
    assert result.returncode == 0, result.log[-3000:]
    assert len(result.articles) == 1
    # ... and the one-page command give the same record.
    from_cli = extract(str(dump))
    for field, value in expected.items():
        assert result.articles[0][field] == value, field
        assert from_cli[field] == value, field
