"""Durable export (``RUN_OUTPUT``): each record is on disk before the next one is processed.

Scrapy's feed exports buffer their file, so a process killed with SIGKILL loses the last
records it had accepted. ``healthscrape crawl`` writes through this pipeline instead: one
JSON line per record, written whole and fsynced, so that what an incremental run recorded as
exported is in the output file too (a recovery after a kill reconciles the rest). A write that
fails (a full disk) leaves the file with its whole lines and stops the crawl (finish reason
``export_failed``); the records not written are dropped, counted, and fetched again next run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured

from scraper.feeds import ExportError, LineFile, item_written, record_line, stop_on_export_error


class DurableExportPipeline:
    """``RUN_OUTPUT``: appends each record as a JSON line, written whole and fsynced before the next."""

    def __init__(self, crawler: Crawler, path: Path, fsync: bool):
        self.crawler = crawler
        self.output = LineFile(path, fsync=fsync)
        self.failed = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DurableExportPipeline:
        path = crawler.settings.get("RUN_OUTPUT")
        if not path:
            raise NotConfigured
        pipeline = cls(crawler, Path(path), crawler.settings.getbool("RUN_OUTPUT_FSYNC"))
        crawler.signals.connect(pipeline.open, signal=signals.spider_opened)
        crawler.signals.connect(pipeline.close, signal=signals.spider_closed)
        return pipeline

    @property
    def path(self) -> Path:
        return self.output.path

    def open(self) -> None:
        self.output.open()

    def close(self) -> None:
        self.output.close()

    def process_item(self, item: Any) -> Any:
        if self.failed:
            stop_on_export_error(self.crawler)
            raise DropItem(f"not written, the export stopped: {ItemAdapter(item).get('url')}", log_level="DEBUG")
        try:
            self.output.append(record_line(item))
        except ExportError as error:
            self.failed = True
            stop_on_export_error(self.crawler, error)
            raise DropItem(f"not written: {error}", log_level="DEBUG") from error
        # Written whole (and fsynced): the line outlives this process; a pending claim on it can go.
        self.crawler.signals.send_catch_log(item_written, item=item)
        return item
