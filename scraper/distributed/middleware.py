"""Spider middleware (only with ``REDIS_URL``): a request is finished once its callback's output has
gone through the pipelines, and then leaves the worker's in-flight record."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response

from scraper.distributed.mode import redis_url
from scraper.distributed.scheduler import running_scheduler


class FinishedRequests:
    """Marks a request finished once its callback's output is consumed."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FinishedRequests:
        if not redis_url(crawler.settings):
            raise NotConfigured  # nothing to mark: stay off every response's path
        return cls(crawler)

    def _done(self, response: Response) -> None:
        scheduler = running_scheduler(self.crawler)
        if scheduler is not None:
            scheduler.finished(response.request)  # type: ignore[arg-type]

    def process_spider_output(self, response: Response, result: Iterable[Any]) -> Iterator[Any]:
        yield from result
        self._done(response)

    async def process_spider_output_async(self, response: Response, result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for item in result:
            yield item
        self._done(response)
