"""Switching a crawl to distributed mode: ``REDIS_URL`` (setting or environment) → scrapy-redis."""

from __future__ import annotations

import os

from scrapy.settings import BaseSettings

from scraper.distributed.keys import CrawlKeys, crawl_prefix


def redis_url(settings: BaseSettings) -> str | None:
    """``REDIS_URL`` from the settings, else from the environment."""
    return settings.get("REDIS_URL") or os.environ.get("REDIS_URL") or None


def use_redis(settings: BaseSettings, spider_name: str) -> bool:
    """Switch these settings to the shared scheduler when ``REDIS_URL`` is set; True if so."""
    url = redis_url(settings)
    if not url:
        return False
    keys = CrawlKeys(crawl_prefix(settings, spider_name))
    for name, value in {
        "REDIS_URL": url,
        "SCHEDULER": "scraper.distributed.scheduler.ReliableScheduler",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_PERSIST": True,  # a worker leaving must not clear what the others still need
        "SCHEDULER_QUEUE_KEY": keys.requests,
        "SCHEDULER_DUPEFILTER_KEY": keys.dupefilter,
    }.items():
        settings.set(name, value, priority="spider")
    return True
