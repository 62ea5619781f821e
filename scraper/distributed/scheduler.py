"""scrapy-redis's scheduler, made reliable: each worker records the requests it took until they are finished.

A worker killed mid-crawl loses nothing: the others put its unfinished requests back in the queue
once its heartbeat has expired (:meth:`ReliableScheduler.rescue`), and release what it had kept or
reported in the de-duplication index but not written, for the worker that crawls it again to write.
"""

from __future__ import annotations

import logging
import pickle

import redis
from scrapy import Request
from scrapy.crawler import Crawler
from scrapy_redis.scheduler import Scheduler

from scraper.distributed.keys import CrawlKeys, crawl_prefix
from scraper.distributed.mode import new_worker_id
from scraper.stats import UNQUEUEABLE_REQUESTS

logger = logging.getLogger(__name__)


class ReliableScheduler(Scheduler):
    """scrapy-redis's scheduler; every request taken is recorded until it is finished."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ReliableScheduler:
        scheduler: ReliableScheduler = super().from_crawler(crawler)
        scheduler.crawler = crawler
        assert crawler.spidercls is not None
        scheduler.keys = CrawlKeys(crawl_prefix(crawler.settings, crawler.spidercls.name))
        scheduler.worker_id = crawler.settings.get("REDIS_WORKER_ID") or new_worker_id()
        return scheduler

    @property
    def inflight_key(self) -> str:
        return self.keys.inflight_prefix + self.worker_id

    @property
    def heartbeat_key(self) -> str:
        return self.keys.workers_prefix + self.worker_id

    def fingerprint(self, request: Request) -> str:
        assert self.crawler.request_fingerprinter is not None
        return self.crawler.request_fingerprinter.fingerprint(request).hex()

    def enqueue_request(self, request: Request) -> bool:
        """scrapy-redis's, refusing a request its serializer cannot take (one logged line, counted in
        ``distributed/unqueueable_requests``) instead of losing it unseen in a failed task."""
        try:
            return bool(super().enqueue_request(request))
        except (TypeError, ValueError, AttributeError, pickle.PicklingError) as error:
            logger.error(
                "%s cannot be queued in Redis (%s: %s): dropped; a request may carry plain data only",
                request.url, type(error).__name__, error,
            )  # fmt: skip
            if self.stats is not None:
                self.stats.inc_value(UNQUEUEABLE_REQUESTS)
            return False

    def next_request(self) -> Request | None:
        request = super().next_request()
        if request is not None:
            self.server.hset(self.inflight_key, self.fingerprint(request), self.queue._encode_request(request))
        return request

    def finished(self, request: Request) -> None:
        self.server.hdel(self.inflight_key, self.fingerprint(request))

    def rescue(self) -> int:
        """Put the unfinished requests of workers whose heartbeat expired back in the queue, after releasing
        their pending claims (kept or reported, never written: :attr:`CrawlKeys.released`)."""
        rescued = 0
        for key in self.server.scan_iter(match=self.keys.inflight_prefix + "*"):
            name = as_text(key)
            worker = name.removeprefix(self.keys.inflight_prefix)
            if worker == self.worker_id or self.server.exists(self.keys.workers_prefix + worker):
                continue
            claimed = self.keys.rescued(name, self.worker_id)
            try:
                self.server.rename(name, claimed)  # only one rescuer wins
            except redis.ResponseError:  # "no such key": another worker renamed it first
                continue
            self.release(worker)
            requests = self.server.hvals(claimed)
            for data in requests:
                self.queue.push(self.queue._decode_request(data))
            self.server.delete(claimed)
            rescued += len(requests)
            logger.warning("Put back %d unfinished requests of the dead worker %s", len(requests), worker)
        return rescued

    def release(self, worker: str) -> None:
        """Move a dead worker's pending claims to the released ones, in one transaction."""
        pending = self.keys.pending(worker)
        claims = self.server.hgetall(pending)
        if claims:
            pipe = self.server.pipeline(transaction=True)
            pipe.hset(self.keys.released, mapping=claims)
            pipe.delete(pending)
            pipe.execute()
            logger.warning("Released %d claims the dead worker %s never wrote", len(claims), worker)

    def busy_elsewhere(self) -> bool:
        """Whether a live worker has requests in flight."""
        for key in self.server.scan_iter(match=self.keys.inflight_prefix + "*"):
            name = as_text(key)
            if name != self.inflight_key and self.server.hlen(name):
                return True
        return False


def as_text(value: bytes | str) -> str:
    """A Redis reply (bytes) as text."""
    return value.decode() if isinstance(value, bytes) else value


def running_scheduler(crawler: Crawler) -> ReliableScheduler | None:
    """The crawl's scheduler when it is the reliable one (None before the engine starts or without Redis)."""
    engine = crawler.engine
    scheduler = getattr(getattr(engine, "_slot", None), "scheduler", None) if engine else None
    return scheduler if isinstance(scheduler, ReliableScheduler) else None
