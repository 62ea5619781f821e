"""The failed-URL rate's two counts, from the crawl's components: URLs requested, and failures that no
callback or errback sees (a record lost in a pipeline, an exception in a callback).

:class:`FailureAccounting` is a downloader middleware that counts each URL the crawl asks for once
(``crawl/requested_urls``): not robots.txt, not a retry or a redirect of a URL already counted (both keep the
request's ``meta``), not a request refused before it is sent (off-site, robots.txt, which come earlier in
``DOWNLOADER_MIDDLEWARES``). Download failures and unreadable pages are counted where they become final, in
the spider's errback and skips (:func:`scraper.stats.count_failed_url`).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.http import Request

from scraper import stats as keys

COUNTED = "healthscrape_requested"  # request.meta flag: this URL is counted already


def is_robots_txt(request: Request) -> bool:
    """True for the robots.txt request Scrapy's RobotsTxtMiddleware makes (not a page of the crawl)."""
    return urlsplit(request.url).path == "/robots.txt" and bool(request.meta.get("dont_obey_robotstxt"))


class FailureAccounting:
    """Counts requested URLs (``process_request``) and the URLs lost after their download: an item that a
    pipeline raised on (``crawl/failed/item_error``) or a callback that raised (``crawl/failed/spider_error``)."""

    def __init__(self, stats: Any):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Any) -> FailureAccounting:
        middleware = cls(crawler.stats)
        crawler.signals.connect(middleware.item_error, signal=signals.item_error)
        crawler.signals.connect(middleware.spider_error, signal=signals.spider_error)
        return middleware

    def process_request(self, request: Request, spider: Any = None) -> None:
        if request.meta.get(COUNTED) or is_robots_txt(request):
            return
        request.meta[COUNTED] = True
        self.stats.inc_value(keys.REQUESTED_URLS)

    def item_error(self, *args: Any, **kwargs: Any) -> None:
        keys.count_failed_url(self.stats, "item_error")

    def spider_error(self, *args: Any, **kwargs: Any) -> None:
        keys.count_failed_url(self.stats, "spider_error")
