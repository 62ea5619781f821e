"""The life cycle of a distributed worker (extension, only with ``REDIS_URL``).

Heartbeat, rescue of dead workers' requests, and a clean exit once the shared queue has stayed empty,
with no request in flight anywhere, for ``REDIS_IDLE_CLOSE_SECONDS`` (the known complaint: scrapy-redis
workers never close). The last worker to leave a finished crawl clears its dupefilter, exact-duplicate
index and reported URLs, so the next crawl starts afresh; the near-duplicate index is kept.

The heartbeat is sent from a thread of its own: a reactor busy for longer than ``REDIS_WORKER_TIMEOUT``
(a large page parsed on a loaded machine) must not make a live worker look dead, or its requests would
be rescued and crawled twice. A heartbeat from the reactor did lapse that way on a loaded 2-core machine
(an article exported by both workers of tests/e2e/test_distributed.py, timeout 2 s).
"""

from __future__ import annotations

import logging
import threading
import time

from redis.exceptions import RedisError
from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, NotConfigured

from scraper.distributed.client import redact
from scraper.distributed.mode import redis_url
from scraper.distributed.scheduler import ReliableScheduler, as_text, running_scheduler
from scraper.stats import RESCUED_REQUESTS

logger = logging.getLogger(__name__)


class DistributedWorker:
    """Heartbeat, rescue of dead workers' requests, and a clean exit when the crawl is done."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.ttl = crawler.settings.getfloat("REDIS_WORKER_TIMEOUT")
        self.idle_close = crawler.settings.getfloat("REDIS_IDLE_CLOSE_SECONDS")
        self.idle_since: float | None = None
        self.beat: threading.Thread | None = None
        self.stopping = threading.Event()

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
        scheduler = running_scheduler(self.crawler)
        if scheduler is None:
            expected = f"{ReliableScheduler.__module__}.{ReliableScheduler.__name__}"
            raise RuntimeError(f"REDIS_URL is set but the scheduler is not {expected}")
        return scheduler

    def heartbeat(self) -> None:
        """Renew this worker's heartbeat key (it expires after ``REDIS_WORKER_TIMEOUT``)."""
        scheduler = self.scheduler
        scheduler.server.set(scheduler.heartbeat_key, int(time.time()), px=int(self.ttl * 1000))

    def _beat(self, interval: float) -> None:
        """The heartbeat thread: renew every ``interval`` seconds until the worker closes. A Redis error is
        logged and the next beat tries again (the crawl's own Redis calls report the outage)."""
        while not self.stopping.wait(interval):
            try:
                self.heartbeat()
            except RedisError as exc:
                logger.warning("Heartbeat not sent: %s", exc)

    def opened(self, spider: Spider) -> None:
        scheduler = self.scheduler
        scheduler.server.sadd(scheduler.keys.members, scheduler.worker_id)
        spider.logger.info(
            "Distributed crawl: worker %s, Redis %s, queue %s (%d requests waiting)",
            scheduler.worker_id, redact(redis_url(self.crawler.settings) or ""), scheduler.queue.key,
            len(scheduler.queue),
        )  # fmt: skip
        self.heartbeat()
        self.beat = threading.Thread(
            target=self._beat, args=(max(self.ttl / 3, 0.2),), name="redis-heartbeat", daemon=True
        )
        self.beat.start()

    def idle(self, spider: Spider) -> None:
        scheduler = self.scheduler
        stats = self.crawler.stats
        # Idle: nothing of ours is in flight, every claim of ours is written.
        scheduler.server.delete(scheduler.inflight_key, scheduler.keys.pending(scheduler.worker_id))
        rescued = scheduler.rescue()
        if stats is not None and rescued:
            stats.inc_value(RESCUED_REQUESTS, rescued)
        if rescued or len(scheduler.queue) or scheduler.busy_elsewhere():
            self.idle_since = None
            raise DontCloseSpider
        now = time.monotonic()
        self.idle_since = self.idle_since or now
        if now - self.idle_since < self.idle_close:
            raise DontCloseSpider
        spider.logger.info("The shared queue stayed empty for %.0f s: this worker is done", now - self.idle_since)

    def closed(self, spider: Spider, reason: str) -> None:
        self.stopping.set()
        if self.beat is not None:
            self.beat.join()
        scheduler = self.scheduler
        server = scheduler.server
        server.delete(scheduler.heartbeat_key)
        if reason != "finished":
            return  # a stopped worker's unfinished requests stay recorded, for the others to rescue
        server.delete(scheduler.inflight_key, scheduler.keys.pending(scheduler.worker_id))
        pipe = server.pipeline(transaction=True)  # of workers leaving together, the last sees none left
        pipe.srem(scheduler.keys.members, scheduler.worker_id)
        pipe.smembers(scheduler.keys.members)
        members = pipe.execute()[1]
        alive = [m for m in members if server.exists(scheduler.keys.workers_prefix + as_text(m))]
        if not alive and not len(scheduler.queue) and not scheduler.busy_elsewhere():
            server.delete(scheduler.keys.members)
            keys = scheduler.keys
            server.delete(keys.dupefilter, *keys.exact, keys.reported, keys.released)
            spider.logger.info("Last worker of a finished crawl: cleared its dupefilter, exact index and reported URLs")
