"""``STATS_FILE``: write the crawl's final stats as JSON, for scripts and monitoring."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.spiders import Spider

from scraper.feeds import write_atomically
from scraper.stats import FINISH_REASON

logger = logging.getLogger(__name__)


class StatsFile:
    """``STATS_FILE``: the final stats (and finish reason) as JSON, written atomically when the spider closes."""
    def __init__(self, crawler: Crawler, path: Path):
        self.crawler = crawler
        self.path = path

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StatsFile:
        path = crawler.settings.get("STATS_FILE")
        if not path:
            raise NotConfigured
        extension = cls(crawler, Path(path))
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_closed(self, spider: Spider, reason: str) -> None:
        assert self.crawler.stats is not None
        stats = {**self.crawler.stats.get_stats(), FINISH_REASON: reason}
        try:
            write_atomically(self.path, json.dumps(stats, default=str, indent=1, sort_keys=True))
        except OSError as error:  # a full disk: said in one line; the crawl's outputs are what matter
            logger.error("Cannot write the stats to %s: %s", self.path, error.strerror or error)
