"""Building the de-duplication indexes a crawl's settings ask for: on this machine, or in Redis."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from scrapy.settings import BaseSettings

from scraper.dedup.exact import RedisExactIndex, SqliteExactIndex
from scraper.dedup.minhash import NearDuplicateConfig
from scraper.dedup.near import NEAR_INDEX_FILE, NearDuplicateIndex, RedisBandStore, SqliteBandStore
from scraper.dedup.rules import Deduplicator, RedisDeduplicator
from scraper.distributed.client import redis_client
from scraper.distributed.keys import CrawlKeys, crawl_prefix, project_prefix
from scraper.distributed.mode import new_worker_id, redis_url
from scraper.incremental.state import CrawlState

if TYPE_CHECKING:
    import redis


def local_deduplicator(config: NearDuplicateConfig | None, state_dir: str | Path | None = None) -> Deduplicator:
    """Indexes on this machine: exact in memory; near-duplicates on disk under ``state_dir`` or in memory."""
    near = None
    if config is not None:
        path = Path(state_dir) / NEAR_INDEX_FILE if state_dir else ":memory:"
        near = NearDuplicateIndex(SqliteBandStore(path, config), config)
    state = CrawlState(state_dir) if state_dir else None
    return Deduplicator(SqliteExactIndex(), near, state)


def redis_deduplicator(
    client: redis.Redis,
    config: NearDuplicateConfig | None,
    run_prefix: str,
    index_prefix: str,
    worker: str | None = None,
) -> Deduplicator:
    """Indexes in Redis: the exact one for this crawl (under ``run_prefix``), with the claims of ``worker``
    (``REDIS_WORKER_ID``; a new name when None) pending until written, the near one kept across crawls
    (under ``index_prefix``)."""
    exact = RedisExactIndex(client, CrawlKeys(run_prefix), worker or new_worker_id())
    if config is None:
        return Deduplicator(exact, None)
    store = RedisBandStore(client, config, index_prefix)
    return RedisDeduplicator(exact, NearDuplicateIndex(store, config), store)


def deduplicator(settings: BaseSettings, spider_name: str) -> Deduplicator:
    """The indexes these settings ask for: in Redis with ``REDIS_URL``, else on this machine.

    Raises ``scraper.distributed.client.RedisUnavailable`` when Redis cannot be reached, and
    ValueError for near-duplicate settings that make no index (or that an existing index refuses).
    """
    config = NearDuplicateConfig.from_settings(settings) if settings.getbool("NEAR_DUPLICATES_ENABLED") else None
    url = redis_url(settings)
    if url:
        run_prefix = crawl_prefix(settings, spider_name)
        worker = settings.get("REDIS_WORKER_ID")
        return redis_deduplicator(redis_client(url), config, run_prefix, project_prefix(settings), worker)
    return local_deduplicator(config, settings.get("STATE_DIR"))
