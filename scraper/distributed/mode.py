"""Switching a crawl to distributed mode: ``REDIS_URL`` (setting or environment) → scrapy-redis."""

from __future__ import annotations

import os
import socket
import uuid

from scrapy.settings import BaseSettings

from scraper.distributed.keys import CrawlKeys, crawl_prefix


def redis_url(settings: BaseSettings) -> str | None:
    """``REDIS_URL`` from the settings, else from the environment."""
    return settings.get("REDIS_URL") or os.environ.get("REDIS_URL") or None


def new_worker_id() -> str:
    """A name no other worker has: ``host:pid:8 hex digits``."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def use_redis(settings: BaseSettings, spider_name: str) -> bool:
    """Switch these settings to the shared scheduler when ``REDIS_URL`` is set; True if so. The worker's
    name (``REDIS_WORKER_ID``, one the scheduler and the de-duplication indexes share) is made here
    unless given."""
    url = redis_url(settings)
    if not url:
        return False
    keys = CrawlKeys(crawl_prefix(settings, spider_name))
    for name, value in {
        "REDIS_URL": url,
        "REDIS_WORKER_ID": settings.get("REDIS_WORKER_ID") or new_worker_id(),
        "SCHEDULER": "scraper.distributed.scheduler.ReliableScheduler",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_PERSIST": True,  # a worker leaving must not clear what the others still need
        "SCHEDULER_QUEUE_KEY": keys.requests,
        "SCHEDULER_DUPEFILTER_KEY": keys.dupefilter,
    }.items():
        settings.set(name, value, priority="spider")
    return True
