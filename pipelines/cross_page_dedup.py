"""Cross-page de-duplication pipeline: same canonical URL, same normalised body, or a near-duplicate body.

The rules are in :mod:`scraper.dedup.rules`. Nothing is lost silently: every duplicate becomes a
line ``{url, duplicate_of, reason, similarity}``, once per URL (the index remembers the URLs reported),
in the duplicates file (``DUPLICATES_FILE``; by default ``duplicates.jsonl`` next to
the main feed, i.e. ``data/duplicates.jsonl``). With ``REDIS_URL``, what a worker keeps or reports stays
a pending claim until it is written (the duplicates line written; the article written by the durable
export, ``scraper.feeds.item_written``, else out of the pipelines): a worker killed in between leaves
it to the one that crawls it again.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from scraper.dedup.duplicate import Duplicate
from scraper.dedup.indexes import deduplicator
from scraper.dedup.rules import Deduplicator
from scraper.feeds import ExportError, LineFile, duplicates_path, item_written, stop_on_export_error
from scraper.stats import DUPLICATES, DUPLICATES_PATH, REFETCHED, RESCUED_CLAIMS, Stats, duplicate_key

logger = logging.getLogger(__name__)


class CrossPageDedupPipeline:
    """Drops a duplicate of a kept article and writes it to the duplicates file (``scraper.dedup``)."""
    def __init__(self, crawler: Crawler, stats: Stats, path: Path, overwrite: bool, dedup: Deduplicator):
        self.crawler = crawler
        self.stats = stats
        self.path = path
        self.overwrite = overwrite
        self.dedup = dedup
        self.file = LineFile(path, overwrite=overwrite)
        self.failed = False
        # The items kept here (by URL), on their way to the export: confirmed written once they leave the
        # pipelines (not when another copy of the same URL is dropped here meanwhile).
        self.kept: dict[str, int] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrossPageDedupPipeline:
        assert crawler.stats is not None
        path, overwrite = duplicates_path(crawler.settings)
        assert crawler.spidercls is not None
        dedup = deduplicator(crawler.settings, crawler.spidercls.name)
        pipeline = cls(crawler, crawler.stats, path, overwrite, dedup)
        crawler.signals.connect(pipeline.open, signal=signals.spider_opened)
        crawler.signals.connect(pipeline.close, signal=signals.spider_closed)
        # Written: on disk (the durable export), else through every pipeline; or dropped by a later one.
        on_disk = item_written if crawler.settings.get("RUN_OUTPUT") else signals.item_scraped
        for signal in (on_disk, signals.item_dropped):
            crawler.signals.connect(pipeline.written, signal=signal)
        return pipeline

    def open(self) -> None:
        self.file.open()
        self.stats.set_value(DUPLICATES_PATH, str(self.path))
        self.stats.inc_value(DUPLICATES, 0)

    def close(self) -> None:
        self.file.close()
        self.dedup.close()

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        url, body = adapter["url"], adapter.get("body") or ""
        found = self.dedup.check(url, adapter.get("canonical_url"), adapter.get("fingerprint"), body)
        if found is None:
            self.kept[url] = id(item)
            return item
        # The same page parsed again (re-fetched as another page's canonical, re-crawled after a worker
        # died): exported already, or reported already (here or by another worker) — unless the worker
        # that claimed it died before writing it, in which case this one writes it.
        if found.duplicate_of == url:
            if not self.dedup.reclaim(url):
                self.stats.inc_value(REFETCHED)
                raise DropItem(f"already exported: {url}", log_level="DEBUG")
            self.rescued(url)
            self.kept[url] = id(item)
            return item
        if not self.dedup.report(url, found):
            if not self.dedup.reclaim(url):
                self.stats.inc_value(REFETCHED)
                raise DropItem(f"already reported as a duplicate: {url}", log_level="DEBUG")
            self.rescued(url)
        self.record(url, found)
        raise DropItem(f"duplicate ({found.reason}) of {found.duplicate_of}: {url}", log_level="INFO")

    def record(self, url: str, found: Duplicate) -> None:
        """Write the duplicate's line (whole, or not at all: a write that fails stops the crawl, see
        ``scraper.feeds.stop_on_export_error``), count it, and tell the state."""
        if self.failed:
            stop_on_export_error(self.crawler)
            return
        try:
            self.file.append(json.dumps(found.record(url), ensure_ascii=False) + "\n")
        except ExportError as error:
            self.failed = True
            stop_on_export_error(self.crawler, error)
            return
        self.stats.inc_value(DUPLICATES)
        self.stats.inc_value(duplicate_key(found.reason))
        self.dedup.confirm(url)
        if self.dedup.state is not None:
            self.dedup.state.record_duplicate(url, found.duplicate_of)

    def rescued(self, url: str) -> None:
        self.stats.inc_value(RESCUED_CLAIMS)
        logger.info("Writing %s: the worker that claimed it died before writing it", url)

    def written(self, item: Any, **_: Any) -> None:
        """An item kept here is written (or dropped by a later pipeline): its claim is no longer pending."""
        url = str(ItemAdapter(item).get("url"))
        if self.kept.get(url) == id(item):
            del self.kept[url]
            self.dedup.confirm(url)
