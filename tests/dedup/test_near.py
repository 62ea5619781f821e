"""The near-duplicate index (scraper.dedup.near): LSH bands in SQLite or Redis, claims that are atomic."""

from __future__ import annotations

import random

import pytest
import redis

from benchmarks.near_duplicates import edited
from scraper.dedup.minhash import NearDuplicateConfig, signature
from scraper.dedup.near import NearDuplicateIndex, RedisBandStore, SqliteBandStore
from tests.helpers.threads import run_at_once

CONFIG = NearDuplicateConfig()


def test_index_refuses_signatures_of_another_scheme(tmp_path):
    SqliteBandStore(tmp_path / "n.sqlite", CONFIG).close()
    with pytest.raises(ValueError, match="scheme"):
        SqliteBandStore(tmp_path / "n.sqlite", NearDuplicateConfig(shingle=3))


def test_redis_claims_are_atomic_across_workers(redis_url, redis_prefix, bodies):
    """Workers registering copies of one body at the same moment keep exactly one of them."""
    copies = [edited(bodies[3], 0.01, random.Random(seed)) for seed in range(8)]
    results: list[object] = [None] * len(copies)

    def worker(number: int) -> None:
        index = NearDuplicateIndex(RedisBandStore(redis.Redis.from_url(redis_url), CONFIG, redis_prefix), CONFIG)
        results[number] = index.claim(f"k{number}", f"http://w.test/{number}.html", signature(copies[number], CONFIG))
        index.close()

    run_at_once(worker, len(copies))
    kept = [n for n, match in enumerate(results) if match is None]
    assert len(kept) == 1
    assert {match.url for match in results if match is not None} == {f"http://w.test/{kept[0]}.html"}
