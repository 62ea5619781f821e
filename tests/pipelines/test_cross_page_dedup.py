"""The cross-page de-duplication pipeline (pipelines.cross_page_dedup): every duplicate reported."""

from __future__ import annotations

import json

import pytest
from scrapy.exceptions import DropItem

from pipelines.cross_page_dedup import CrossPageDedupPipeline
from scraper.stages import finish_item
from scraper.stats import CounterStats
from tests.helpers.crawler import project_crawler
from tests.helpers.records import article

A = "http://s.test/a.html"


def test_cross_page_dedup_reports_every_duplicate(tmp_path):
    crawler = project_crawler(FEEDS={str(tmp_path / "articles.jsonl"): {"format": "jsonlines", "overwrite": True}})
    pipeline = CrossPageDedupPipeline.from_crawler(crawler)
    pipeline.open()
    first = finish_item(article("http://s.test/a.html", canonical_url="http://s.test/a.html"), CounterStats())
    mobile = finish_item(
        article("http://s.test/m/a.html", canonical_url="http://s.test/a.html", body="另一个正文"), CounterStats()
    )
    copy = finish_item(article("http://s.test/copy.html"), CounterStats())
    refetch = finish_item(article("http://s.test/a.html"), CounterStats())
    assert pipeline.process_item(first) is first
    for item in (mobile, copy, refetch):
        with pytest.raises(DropItem):
            pipeline.process_item(item)
    pipeline.close()
    lines = [json.loads(line) for line in (tmp_path / "duplicates.jsonl").read_text().splitlines()]
    assert lines == [
        {"url": "http://s.test/m/a.html", "duplicate_of": A, "reason": "same_canonical", "similarity": None},
        {"url": "http://s.test/copy.html", "duplicate_of": A, "reason": "same_body", "similarity": 1.0},
    ]
    stats = crawler.stats.get_stats()
    assert (
        stats["dedup/duplicates"],
        stats["dedup/same_canonical"],
        stats["dedup/same_body"],
        stats["dedup/refetched"],
    ) == (2, 1, 1, 1)
