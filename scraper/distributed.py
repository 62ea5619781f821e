"""Crawling with several workers through Redis (``REDIS_URL``): scrapy-redis plus what it lacks.

scrapy-redis shares the request queue and the request dupefilter. This module adds:

* :class:`ReliableScheduler`: each worker records the requests it has taken from the queue and
  not finished (``{base}:inflight:<worker>``), so a worker killed mid-crawl loses nothing: the
  others put its unfinished requests back in the queue once its heartbeat has expired.
* :class:`FinishedRequests` (spider middleware): a request is finished once its callback's
  output has gone through the pipelines.
* :class:`DistributedWorker` (extension): the heartbeat, the rescue of dead workers' requests,
  and a clean exit once the shared queue has stayed empty, with no request in flight anywhere,
  for ``REDIS_IDLE_CLOSE_SECONDS`` (the known complaint: scrapy-redis workers never close).
  The last worker to leave a finished crawl clears its dupefilter and exact-duplicate index, so
  the next crawl starts afresh; the near-duplicate index is kept across crawls.
"""

from __future__ import annotations

import logging
import os
import socket
import time
import uuid
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any

import redis
from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, NotConfigured
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy_redis.scheduler import Scheduler
from twisted.internet import task

from scraper.redis_client import redact

logger = logging.getLogger(__name__)

DEFAULT_PREFIX = "healthscrape"


def redis_url(settings: BaseSettings) -> str | None:
    """``REDIS_URL`` from the settings, else from the environment."""
    return settings.get("REDIS_URL") or os.environ.get("REDIS_URL") or None


def key_prefix(settings: BaseSettings) -> str:
    """The Redis key prefix of this project (``REDIS_KEY_PREFIX``); the near-duplicate index lives under it."""
    return str(settings.get("REDIS_KEY_PREFIX") or DEFAULT_PREFIX)


def crawl_base(settings: BaseSettings, spider_name: str) -> str:
    """The Redis key prefix of one crawl's shared state (queue, dupefilter, exact index, workers)."""
    return f"{key_prefix(settings)}:{spider_name}"


def use_redis(settings: BaseSettings, spider_name: str) -> bool:
    """Switch these settings to the shared scheduler when ``REDIS_URL`` is set; True if so."""
    url = redis_url(settings)
    if not url:
        return False
    base = crawl_base(settings, spider_name)
    for name, value in {
        "REDIS_URL": url,
        "SCHEDULER": "scraper.distributed.ReliableScheduler",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_PERSIST": True,  # a worker leaving must not clear what the others still need
        "SCHEDULER_QUEUE_KEY": f"{base}:requests",
        "SCHEDULER_DUPEFILTER_KEY": f"{base}:dupefilter",
    }.items():
        settings.set(name, value, priority="spider")
    return True


class ReliableScheduler(Scheduler):
    """scrapy-redis's scheduler; every request taken is recorded until it is finished."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ReliableScheduler:
        scheduler: ReliableScheduler = super().from_crawler(crawler)
        scheduler.crawler = crawler
        assert crawler.spidercls is not None
        base = crawl_base(crawler.settings, crawler.spidercls.name)
        scheduler.worker_id = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        scheduler.inflight_prefix = f"{base}:inflight:"
        scheduler.workers_prefix = f"{base}:workers:"
        scheduler.members_key = f"{base}:members"
        return scheduler

    @property
    def inflight_key(self) -> str:
        return self.inflight_prefix + self.worker_id

    def fingerprint(self, request: Request) -> str:
        assert self.crawler.request_fingerprinter is not None
        return self.crawler.request_fingerprinter.fingerprint(request).hex()

    def next_request(self) -> Request | None:
        request = super().next_request()
        if request is not None:
            self.server.hset(self.inflight_key, self.fingerprint(request), self.queue._encode_request(request))
        return request

    def finished(self, request: Request) -> None:
        self.server.hdel(self.inflight_key, self.fingerprint(request))

    def rescue(self) -> int:
        """Put the unfinished requests of workers whose heartbeat expired back in the queue."""
        rescued = 0
        for key in self.server.scan_iter(match=self.inflight_prefix + "*"):
            name = _text(key)
            worker = name.removeprefix(self.inflight_prefix)
            if worker == self.worker_id or self.server.exists(self.workers_prefix + worker):
                continue
            claimed = f"{name}:rescued-by:{self.worker_id}"
            try:
                self.server.rename(name, claimed)  # only one rescuer wins
            except redis.ResponseError:  # "no such key": another worker renamed it first
                continue
            requests = self.server.hvals(claimed)
            for data in requests:
                self.queue.push(self.queue._decode_request(data))
            self.server.delete(claimed)
            rescued += len(requests)
            logger.warning("Put back %d unfinished requests of the dead worker %s", len(requests), worker)
        return rescued

    def busy_elsewhere(self) -> bool:
        """Whether a live worker has requests in flight."""
        for key in self.server.scan_iter(match=self.inflight_prefix + "*"):
            name = _text(key)
            if name != self.inflight_key and self.server.hlen(name):
                return True
        return False


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


def _scheduler(crawler: Crawler) -> ReliableScheduler | None:
    engine = crawler.engine
    scheduler = getattr(getattr(engine, "_slot", None), "scheduler", None) if engine else None
    return scheduler if isinstance(scheduler, ReliableScheduler) else None


class FinishedRequests:
    """Spider middleware: marks a request finished once its callback's output is consumed."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FinishedRequests:
        if not redis_url(crawler.settings):
            raise NotConfigured  # nothing to mark: stay off every response's path
        return cls(crawler)

    def _done(self, response: Response) -> None:
        scheduler = _scheduler(self.crawler)
        if scheduler is not None:
            scheduler.finished(response.request)  # type: ignore[arg-type]

    def process_spider_output(self, response: Response, result: Iterable[Any]) -> Iterator[Any]:
        yield from result
        self._done(response)

    async def process_spider_output_async(self, response: Response, result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for item in result:
            yield item
        self._done(response)


class DistributedWorker:
    """Heartbeat, rescue of dead workers' requests, and a clean exit when the crawl is done."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.ttl = crawler.settings.getfloat("REDIS_WORKER_TIMEOUT", 30)
        self.idle_close = crawler.settings.getfloat("REDIS_IDLE_CLOSE_SECONDS", 30)
        self.idle_since: float | None = None
        self.beat: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DistributedWorker:
        if not redis_url(crawler.settings):
            raise NotConfigured
        worker = cls(crawler)
        crawler.signals.connect(worker.opened, signal=signals.spider_opened)
        crawler.signals.connect(worker.idle, signal=signals.spider_idle)
        crawler.signals.connect(worker.closed, signal=signals.spider_closed)
        return worker

    @property
    def scheduler(self) -> ReliableScheduler:
        scheduler = _scheduler(self.crawler)
        if scheduler is None:
            raise RuntimeError("REDIS_URL is set but the scheduler is not scraper.distributed.ReliableScheduler")
        return scheduler

    def heartbeat(self) -> None:
        scheduler = self.scheduler
        scheduler.server.set(scheduler.workers_prefix + scheduler.worker_id, int(time.time()), px=int(self.ttl * 1000))

    def opened(self, spider: Spider) -> None:
        scheduler = self.scheduler
        scheduler.server.sadd(scheduler.members_key, scheduler.worker_id)
        spider.logger.info(
            "Distributed crawl: worker %s, Redis %s, queue %s (%d requests waiting)",
            scheduler.worker_id, redact(redis_url(self.crawler.settings) or ""), scheduler.queue.key,
            len(scheduler.queue),
        )  # fmt: skip
        self.beat = task.LoopingCall(self.heartbeat)
        self.beat.start(max(self.ttl / 3, 0.2), now=True)

    def idle(self, spider: Spider) -> None:
        scheduler = self.scheduler
        stats = self.crawler.stats
        scheduler.server.delete(scheduler.inflight_key)  # idle: nothing of ours is in flight
        rescued = scheduler.rescue()
        if stats is not None and rescued:
            stats.inc_value("distributed/rescued_requests", rescued)
        if rescued or len(scheduler.queue) or scheduler.busy_elsewhere():
            self.idle_since = None
            raise DontCloseSpider
        now = time.monotonic()
        self.idle_since = self.idle_since or now
        if now - self.idle_since < self.idle_close:
            raise DontCloseSpider
        spider.logger.info("The shared queue stayed empty for %.0f s: this worker is done", now - self.idle_since)

    def closed(self, spider: Spider, reason: str) -> None:
        if self.beat is not None and self.beat.running:
            self.beat.stop()
        scheduler = self.scheduler
        server = scheduler.server
        server.delete(scheduler.workers_prefix + scheduler.worker_id)
        if reason != "finished":
            return  # a stopped worker's unfinished requests stay recorded, for the others to rescue
        server.delete(scheduler.inflight_key)
        pipe = server.pipeline(transaction=True)  # of workers leaving together, the last sees none left
        pipe.srem(scheduler.members_key, scheduler.worker_id)
        pipe.smembers(scheduler.members_key)
        members = pipe.execute()[1]
        alive = [m for m in members if server.exists(scheduler.workers_prefix + _text(m))]
        if not alive and not len(scheduler.queue) and not scheduler.busy_elsewhere():
            server.delete(scheduler.members_key)
            base = crawl_base(self.crawler.settings, spider.name)
            server.delete(scheduler.dupefilter_key, f"{base}:exact:urls", f"{base}:exact:fingerprints")
            spider.logger.info("Last worker of a finished crawl: cleared its dupefilter and exact index")
