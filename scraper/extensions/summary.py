"""Prints where a crawl's output went and what it holds, once the spider closes."""

from __future__ import annotations

import sys
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.spiders import Spider

from pipelines.dedup import feed_file


class RunSummary:
    """``SUMMARY_ENABLED`` (default True): one human-readable paragraph on stdout at the end."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunSummary:
        if not crawler.settings.getbool("SUMMARY_ENABLED", True):
            raise NotConfigured
        extension = cls(crawler)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_closed(self, spider: Spider, reason: str) -> None:
        assert self.crawler.stats is not None
        print(summary_text(self.crawler.stats.get_stats(), self.crawler.settings, reason), file=sys.stdout, flush=True)


def summary_text(stats: dict[str, Any], settings: Any, reason: str) -> str:
    feed, _ = feed_file(settings)
    output = settings.get("RUN_OUTPUT") or (str(feed) if feed else "the configured feeds")
    duplicates_file = stats.get("dedup/duplicates_file", "(none)")
    lines = [
        f"healthscrape: {stats.get('item_scraped_count', 0)} articles written to {output}",
        f"healthscrape: {stats.get('dedup/duplicates', 0)} duplicates written to {duplicates_file}",
    ]
    skipped = {k.removeprefix("parse/skipped_"): v for k, v in stats.items() if k.startswith("parse/skipped_")}
    if skipped:
        detail = ", ".join(f"{v} {k}" for k, v in sorted(skipped.items()))
        lines.append(f"healthscrape: {sum(skipped.values())} pages skipped ({detail}); see the log for URLs")
    invalid = stats.get("validation/invalid", 0)
    if invalid:
        lines.append(f"healthscrape: {invalid} invalid records dropped; see the log")
    lines.append(f"healthscrape: finished ({reason}), {stats.get('parse/non_article_pages', 0)} non-article pages read")
    return "\n".join(lines)
