"""Prints where a crawl's output went and what it holds, once the spider closes."""

from __future__ import annotations

import sys
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.spiders import Spider

from scraper import stats as keys
from scraper.feeds import main_output
from scraper.stats import skipped_by_reason


class RunSummary:
    """``SUMMARY_ENABLED`` (default True): one human-readable paragraph on stdout at the end."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunSummary:
        if not crawler.settings.getbool("SUMMARY_ENABLED"):
            raise NotConfigured
        extension = cls(crawler)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_closed(self, spider: Spider, reason: str) -> None:
        assert self.crawler.stats is not None
        print(summary_text(self.crawler.stats.get_stats(), self.crawler.settings, reason), file=sys.stdout, flush=True)


def summary_text(stats: dict[str, Any], settings: Any, reason: str) -> str:
    """The summary's lines: articles and duplicates written where, pages skipped, invalid records."""
    lines = [
        f"healthscrape: {stats.get(keys.ITEMS_SCRAPED, 0)} articles written to {main_output(settings)}",
        f"healthscrape: {stats.get(keys.DUPLICATES, 0)} duplicates written to "
        f"{stats.get(keys.DUPLICATES_PATH, '(none)')}",
    ]
    skipped = skipped_by_reason(stats)
    if skipped:
        detail = ", ".join(f"{v} {k}" for k, v in sorted(skipped.items()))
        lines.append(f"healthscrape: {sum(skipped.values())} pages skipped ({detail}); see the log for URLs")
    invalid = stats.get(keys.INVALID, 0)
    if invalid:
        lines.append(f"healthscrape: {invalid} invalid records dropped; see the log")
    lines.append(f"healthscrape: finished ({reason}), {stats.get(keys.NON_ARTICLE_PAGES, 0)} non-article pages read")
    return "\n".join(lines)
