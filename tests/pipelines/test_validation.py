"""The validation pipeline (pipelines.validation): invalid records dropped with a counted reason."""

from __future__ import annotations

import pytest
from scrapy.exceptions import DropItem

from pipelines.validation import ValidationPipeline
from scraper.stages import finish_item
from scraper.stats import CounterStats
from tests.helpers.crawler import project_crawler
from tests.helpers.records import article


def test_validation_drops_invalid_items_with_a_counted_reason():
    crawler = project_crawler()
    pipeline = ValidationPipeline.from_crawler(crawler)
    good = finish_item(article(), CounterStats())
    assert pipeline.process_item(good) is good
    bad = article(url="not-a-url")
    bad.fingerprint = "x"
    with pytest.raises(DropItem, match="invalid record not-a-url"):
        pipeline.process_item(bad)
    stats = crawler.stats.get_stats()
    assert stats["validation/invalid"] == 1
    assert stats["validation/invalid/url"] == 1
    assert stats["validation/invalid/fingerprint"] == 1
