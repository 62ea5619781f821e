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
        stats = self.crawler.stats.get_stats()
        text = summary_text(stats, reason, main_output(self.crawler.settings), stats.get(keys.DUPLICATES_PATH))
        print(text, file=sys.stdout, flush=True)


def summary_text(stats: dict[str, Any], reason: str, output: str, duplicates: str | None) -> str:
    """The summary's lines: articles and duplicates written where (``output``, ``duplicates``: the files
    as they are named once the crawl is over), pages skipped, invalid records."""
    lines = [
        f"healthscrape: {stats.get(keys.ITEMS_SCRAPED, 0)} articles written to {output}",
        f"healthscrape: {stats.get(keys.DUPLICATES, 0)} duplicates written to {duplicates or '(none)'}",
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
