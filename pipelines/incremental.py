"""Incremental runs (``STATE_DIR`` set): export only what is new or changed since earlier runs.

State is recorded when the item is scraped, after the export pipelines have run.
An article whose URL and body fingerprint an earlier run exported is dropped
(``incremental/unchanged``); one whose body changed is exported again with its
``revision`` raised (``incremental/updated``); a new one gets revision 1 (``incremental/new``).
"""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured

from pipelines.stats import Stats
from scraper.state import CrawlState


class IncrementalPipeline:
    def __init__(self, stats: Stats, state: CrawlState):
        self.stats = stats
        self.state = state

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> IncrementalPipeline:
        state_dir = crawler.settings.get("STATE_DIR")
        if not state_dir:
            raise NotConfigured
        assert crawler.stats is not None
        pipeline = cls(crawler.stats, CrawlState(state_dir))
        crawler.signals.connect(pipeline.exported, signal=signals.item_scraped)
        crawler.signals.connect(pipeline.state.close, signal=signals.spider_closed)
        return pipeline

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        url, fingerprint = adapter["url"], adapter.get("fingerprint")
        known = self.state.article(url)
        if known is not None and known.duplicate_of is None and known.fingerprint == fingerprint:
            self.stats.inc_value("incremental/unchanged")
            raise DropItem(f"unchanged since an earlier run: {url}", log_level="DEBUG")
        changed = known is not None and known.fingerprint is not None
        adapter["revision"] = known.revision + 1 if changed and known else 1
        self.stats.inc_value("incremental/updated" if changed else "incremental/new")
        return item

    def exported(self, item: Any) -> None:
        """Remember an article once every pipeline (the durable export included) has passed it."""
        adapter = ItemAdapter(item)
        self.state.record_article(adapter["url"], adapter.get("fingerprint"), adapter["revision"])
