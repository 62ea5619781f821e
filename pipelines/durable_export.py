"""Durable export (``RUN_OUTPUT``): each record is on disk before the next one is processed.

Scrapy's feed exports buffer their file, so a process killed with SIGKILL loses the last
records it had accepted. ``healthscrape crawl`` writes through this pipeline instead: one
JSON line per record, flushed and fsynced, so that what an incremental run recorded as
exported is in the output file too (a recovery after a kill reconciles the rest).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.signalmanager import SignalManager

from scraper.feeds import item_written, record_line


class DurableExportPipeline:
    """``RUN_OUTPUT``: appends each record as a JSON line, flushed (then ``scraper.feeds.item_written``
    is sent) and fsynced before the next."""
    def __init__(self, path: Path, fsync: bool, signals: SignalManager | None = None):
        self.path = path
        self.fsync = fsync
        self.signals = signals
        self.file: IO[str] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DurableExportPipeline:
        path = crawler.settings.get("RUN_OUTPUT")
        if not path:
            raise NotConfigured
        pipeline = cls(Path(path), crawler.settings.getbool("RUN_OUTPUT_FSYNC"), crawler.signals)
        crawler.signals.connect(pipeline.open, signal=signals.spider_opened)
        crawler.signals.connect(pipeline.close, signal=signals.spider_closed)
        return pipeline

    def open(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.file = self.path.open("a", encoding="utf-8")

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None

    def process_item(self, item: Any) -> Any:
        if self.file is None:
            self.open()
        assert self.file is not None
        self.file.write(record_line(item))
        self.file.flush()
        if self.signals is not None:
            # Flushed: the line outlives this process (a kill); fsync then keeps it through a power cut.
            self.signals.send_catch_log(item_written, item=item)
        if self.fsync:
            os.fsync(self.file.fileno())
        return item
