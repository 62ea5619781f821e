"""Downloader middleware for incremental runs (``STATE_DIR`` set): known articles are fetched
conditionally or not at all.

A URL exported (or reported as a duplicate) by an earlier run is requested with
``If-None-Match`` / ``If-Modified-Since`` from the validators the server sent then; a ``304``
ends the request (``incremental/not_modified``). A known article whose server sent no
validators is skipped (``incremental/skipped_known``) unless ``INCREMENTAL_REFETCH`` is true.
List pages and new URLs are always fetched.
"""

from __future__ import annotations

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.statscollectors import StatsCollector

from scraper.ignored import KnownWithoutValidators, NotModified
from scraper.incremental.state import CrawlState, crawl_state
from scraper.stats import INCREMENTAL_NOT_MODIFIED, INCREMENTAL_SKIPPED_KNOWN


class IncrementalMiddleware:
    """Conditional requests for known articles, 304 → ignored; saves each 200's validators."""
    def __init__(self, state: CrawlState, stats: StatsCollector, refetch: bool):
        self.state = state
        self.stats = stats
        self.refetch = refetch

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> IncrementalMiddleware:
        state = crawl_state(crawler)
        assert crawler.stats is not None
        middleware = cls(state, crawler.stats, crawler.settings.getbool("INCREMENTAL_REFETCH"))
        crawler.signals.connect(middleware.close, signal=signals.spider_closed)
        return middleware

    def close(self) -> None:
        self.state.close()

    def process_request(self, request: Request, spider: Spider) -> None:
        if request.method != "GET" or self.state.article(request.url) is None:
            return
        validators = self.state.validators(request.url)
        etag, last_modified = validators or (None, None)
        if not etag and not last_modified:
            if self.refetch:
                return
            self.stats.inc_value(INCREMENTAL_SKIPPED_KNOWN)
            raise KnownWithoutValidators(f"known article, no validators to check it: {request.url}")
        if etag:
            request.headers[b"If-None-Match"] = etag
        if last_modified:
            request.headers[b"If-Modified-Since"] = last_modified
        request.meta["incremental_conditional"] = True

    def process_response(self, request: Request, response: Response, spider: Spider) -> Response:
        if response.status == 304 and request.meta.get("incremental_conditional"):
            self.stats.inc_value(INCREMENTAL_NOT_MODIFIED)
            raise NotModified(f"not modified since the last run: {request.url}")
        if response.status == 200:
            etag, last_modified = response.headers.get(b"ETag"), response.headers.get(b"Last-Modified")
            if etag or last_modified:
                self.state.save_validators(
                    response.url,
                    etag.decode("latin-1") if etag else None,
                    last_modified.decode("latin-1") if last_modified else None,
                )
        return response
