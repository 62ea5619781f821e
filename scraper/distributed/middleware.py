"""Spider middleware (only with ``REDIS_URL``): a request is finished once its callback's output has
gone through the pipelines (every item scraped, dropped or failed, so written by the durable export
when it was kept), and then leaves the worker's in-flight record."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response

from scraper.distributed.mode import redis_url
from scraper.distributed.scheduler import running_scheduler


class FinishedRequests:
    """Marks a request finished once its callback's output is consumed and each item it gave has left
    the pipelines (``item_scraped``, ``item_dropped`` or ``item_error``): a worker killed while an item
    is still on its way to the export leaves the request in flight, to be put back."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        # Per response (by id): items still in the pipelines, and whether its callback has given them all.
        self.pending: dict[int, list[Any]] = {}
        for signal in (signals.item_scraped, signals.item_dropped, signals.item_error):
            crawler.signals.connect(self._item_left, signal=signal)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FinishedRequests:
        if not redis_url(crawler.settings):
            raise NotConfigured  # nothing to mark: stay off every response's path
        return cls(crawler)

    def _done(self, response: Response) -> None:
        scheduler = running_scheduler(self.crawler)
        if scheduler is not None:
            scheduler.finished(response.request)  # type: ignore[arg-type]

    def _given(self, response: Response, output: Any) -> None:
        if not isinstance(output, Request):
            self.pending.setdefault(id(response), [0, False, response])[0] += 1

    def _all_given(self, response: Response) -> None:
        entry = self.pending.setdefault(id(response), [0, False, response])
        entry[1] = True
        self._finish_if_done(id(response))

    def _item_left(self, item: Any = None, response: Response | None = None, **_: Any) -> None:
        entry = self.pending.get(id(response)) if response is not None else None
        if entry is not None:
            entry[0] -= 1
            self._finish_if_done(id(response))

    def _finish_if_done(self, key: int) -> None:
        count, all_given, response = self.pending[key]
        if all_given and count <= 0:
            del self.pending[key]
            self._done(response)

    def process_spider_output(self, response: Response, result: Iterable[Any]) -> Iterator[Any]:
        for output in result:
            self._given(response, output)
            yield output
        self._all_given(response)

    async def process_spider_output_async(self, response: Response, result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for output in result:
            self._given(response, output)
            yield output
        self._all_given(response)
