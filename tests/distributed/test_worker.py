"""The distributed worker's heartbeat, against a real redis-server."""

from __future__ import annotations

import logging
import time
from types import SimpleNamespace

import redis
from scrapy.settings import Settings

from scraper.distributed.worker import DistributedWorker


class Queue(list):
    key = "queue"


class Worker(DistributedWorker):
    """The extension with a stand-in for the running scheduler (only what the heartbeat uses)."""

    def __init__(self, crawler, scheduler):
        super().__init__(crawler)
        self._scheduler = scheduler

    @property
    def scheduler(self):
        return self._scheduler


def test_the_heartbeat_outlives_a_busy_reactor(redis_url, redis_prefix):
    client = redis.Redis.from_url(redis_url)
    key = f"{redis_prefix}:workers:w1"
    scheduler = SimpleNamespace(
        server=client, heartbeat_key=key, worker_id="w1", keys=SimpleNamespace(members=f"{redis_prefix}:members"),
        queue=Queue(), inflight_key=f"{redis_prefix}:inflight:w1",
    )  # fmt: skip
    crawler = SimpleNamespace(settings=Settings({"REDIS_WORKER_TIMEOUT": 1}), stats=None)
    worker = Worker(crawler, scheduler)
    worker.opened(SimpleNamespace(logger=logging.getLogger("test")))
    try:
        # The reactor's thread is busy (parsing a huge page) for three times the timeout: no Twisted call
        # runs, yet the worker must not look dead to the others.
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            assert client.exists(key), "the heartbeat lapsed while the worker was alive"
            time.sleep(0.05)
    finally:
        worker.stopping.set()
        worker.beat.join(timeout=5)
    assert not worker.beat.is_alive()
    time.sleep(1.2)
    assert not client.exists(key), "a stopped worker's heartbeat expires"
