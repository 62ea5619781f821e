"""Where a crawl's outputs go (scraper.feeds)."""

from __future__ import annotations

from pathlib import Path

from scraper.feeds import duplicates_path
from tests.helpers.crawler import project_crawler


def feed(tmp_path: Path) -> dict[str, dict[str, object]]:
    return {str(tmp_path / "articles.jsonl"): {"format": "jsonlines", "overwrite": True}}


def test_duplicates_file_sits_next_to_the_feed_unless_configured(tmp_path):
    assert duplicates_path(project_crawler(FEEDS=feed(tmp_path)).settings) == (tmp_path / "duplicates.jsonl", True)
    configured = project_crawler(FEEDS=feed(tmp_path), DUPLICATES_FILE=str(tmp_path / "x" / "d.jsonl"))
    assert duplicates_path(configured.settings)[0] == tmp_path / "x" / "d.jsonl"
    stdout_only = project_crawler(FEEDS={"stdout:": {"format": "jsonlines"}})
    assert duplicates_path(stdout_only.settings)[0] == Path("data/duplicates.jsonl")
