"""Incremental runs (``STATE_DIR`` set): export only what is new or changed since earlier runs.

State is recorded when the item is scraped, after the export pipelines have run.
An article whose URL and body fingerprint an earlier run exported is dropped
(``incremental/unchanged``); one whose body changed is exported again with its
``revision`` raised (``incremental/updated``); a new one gets revision 1 (``incremental/new``).
The rule is :func:`scraper.incremental.revisions.next_revision`.
"""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from scraper.incremental.revisions import next_revision
from scraper.incremental.state import CrawlState, crawl_state
from scraper.stats import INCREMENTAL_NEW, INCREMENTAL_UNCHANGED, INCREMENTAL_UPDATED, Stats


class IncrementalPipeline:
    """Drops unchanged articles, numbers the revisions of changed ones, records what was exported."""
    def __init__(self, stats: Stats, state: CrawlState):
        self.stats = stats
        self.state = state

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> IncrementalPipeline:
        state = crawl_state(crawler)
        assert crawler.stats is not None
        pipeline = cls(crawler.stats, state)
        crawler.signals.connect(pipeline.exported, signal=signals.item_scraped)
        crawler.signals.connect(pipeline.state.close, signal=signals.spider_closed)
        return pipeline

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        url = adapter["url"]
        revision = next_revision(self.state, url, adapter.get("fingerprint"))
        if revision is None:
            self.stats.inc_value(INCREMENTAL_UNCHANGED)
            raise DropItem(f"unchanged since an earlier run: {url}", log_level="DEBUG")
        adapter["revision"] = revision
        self.stats.inc_value(INCREMENTAL_UPDATED if revision > 1 else INCREMENTAL_NEW)
        return item

    def exported(self, item: Any) -> None:
        """Remember an article once every pipeline (the durable export included) has passed it."""
        adapter = ItemAdapter(item)
        self.state.record_article(adapter["url"], adapter.get("fingerprint"), adapter["revision"])
