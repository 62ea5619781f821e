"""Near-duplicate rules (MinHash + LSH) and the persistent indexes: SQLite on disk and Redis."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from functools import cache
from pathlib import Path

import numpy as np
import pytest
import redis

from benchmarks.near_duplicates import edited, extracted_body, other_template
from conftest import SAMPLE_SITE
from scraper.dedup.rules import (
    NEAR_DUPLICATE,
    SAME_BODY,
    SAME_CANONICAL,
    Deduplicator,
    SqliteExactIndex,
    local_deduplicator,
    redis_deduplicator,
)
from scraper.dedup.minhash import NearDuplicateConfig, shingle_hashes, signature, similarity
from scraper.dedup.near import NEAR_INDEX_FILE, NearDuplicateIndex, RedisBandStore, SqliteBandStore

CONFIG = NearDuplicateConfig()
SAMPLE_PAGES = sorted((SAMPLE_SITE / "jibing").rglob("*.html"))


@cache
def sample_bodies() -> list[str]:
    """The distinct clean bodies (200+ characters) of the sample site's articles, as the crawl exports them."""
    found = [extracted_body(p.read_text(encoding="utf-8"), f"http://s.test/{p.name}") for p in SAMPLE_PAGES]
    return [body for body in dict.fromkeys(found) if len(body) >= 200]


def shingle_jaccard(a: str, b: str) -> float:
    x, y = set(shingle_hashes(a, 1).tolist()), set(shingle_hashes(b, 1).tolist())
    return len(x & y) / len(x | y)


@pytest.fixture(scope="module")
def bodies() -> list[str]:
    assert len(sample_bodies()) >= 5
    return sample_bodies()


def test_signature_estimates_jaccard_of_the_character_sets(bodies):
    a, b = bodies[0], edited(bodies[0], 0.05, random.Random(1))
    estimate = similarity(signature(a, CONFIG), signature(b, CONFIG))
    assert abs(estimate - shingle_jaccard(a, b)) < 0.1
    assert signature(a, CONFIG).dtype == np.uint32 and len(signature(a, CONFIG)) == CONFIG.num_perm
    # Deterministic across processes: the same body, the same signature (the index persists).
    assert (signature(a, CONFIG) == signature(a, NearDuplicateConfig())).all()


def test_short_bodies_are_left_to_the_exact_check():
    assert signature("头痛怎么办？多喝水。", CONFIG) is None


def test_config_is_validated_and_names_its_scheme():
    with pytest.raises(ValueError, match="threshold"):
        NearDuplicateConfig(threshold=1.5)
    assert NearDuplicateConfig().name != NearDuplicateConfig(shingle=2).name
    assert CONFIG.bands * CONFIG.rows <= CONFIG.num_perm


def memory_dedup() -> Deduplicator:
    return local_deduplicator(CONFIG)


def test_near_duplicate_is_reported_with_similarity(bodies):
    dedup = memory_dedup()
    original = bodies[0]
    assert dedup.check("http://a.test/1.html", None, "f1", original) is None
    found = dedup.check("http://b.test/copy.html", None, "f2", edited(original, 0.03, random.Random(2)))
    assert found is not None
    assert (found.duplicate_of, found.reason) == ("http://a.test/1.html", NEAR_DUPLICATE)
    assert CONFIG.threshold <= found.similarity <= 1.0
    assert found.record("http://b.test/copy.html") == {
        "url": "http://b.test/copy.html",
        "duplicate_of": "http://a.test/1.html",
        "reason": NEAR_DUPLICATE,
        "similarity": found.similarity,
    }


def test_threshold_is_configurable(bodies):
    strict = NearDuplicateConfig(threshold=0.95)
    dedup = local_deduplicator(strict)
    original = bodies[0]
    copy = edited(original, 0.10, random.Random(3))
    assert dedup.check("http://a.test/1.html", None, None, original) is None
    assert similarity(signature(original, strict), signature(copy, strict)) < 0.95
    assert dedup.check("http://b.test/2.html", None, None, copy) is None


def test_different_articles_are_kept_even_with_the_same_template_and_related_list(bodies):
    """Related-reading excerpts and furniture never make two different articles look alike."""
    dedup = memory_dedup()
    for number, body in enumerate(bodies):
        page_body = extracted_body(other_template("标题", body), f"http://o.test/{number}.html")
        assert "相关阅读" not in page_body and "版权所有" not in page_body
        assert dedup.check(f"http://o.test/{number}.html", None, None, page_body) is None


def test_same_body_in_another_template_is_a_near_or_exact_duplicate(bodies):
    dedup = memory_dedup()
    assert dedup.check("http://a.test/1.html", None, None, bodies[1]) is None
    other = extracted_body(other_template("另一个站", bodies[1]), "http://o.test/1.html")
    found = dedup.check("http://o.test/1.html", None, None, other)
    assert found is not None and found.duplicate_of == "http://a.test/1.html"


def test_exact_rules_come_first_and_a_copy_of_a_near_duplicate_points_to_the_original(bodies):
    dedup = memory_dedup()
    original, near = bodies[2], edited(bodies[2], 0.02, random.Random(4))
    assert dedup.check("http://a.test/1.html", None, "fp-original", original) is None
    assert dedup.check("http://a.test/m/1.html", "http://a.test/1.html", "fp-x", original).reason == SAME_CANONICAL
    assert dedup.check("http://c.test/1.html", None, "fp-original", original).reason == SAME_BODY
    assert dedup.check("http://b.test/1.html", None, "fp-near", near).reason == NEAR_DUPLICATE
    again = dedup.check("http://d.test/1.html", None, "fp-near", near)
    assert (again.duplicate_of, again.reason) == ("http://a.test/1.html", SAME_BODY)


def test_a_page_crawled_again_never_matches_itself(bodies):
    dedup = memory_dedup()
    assert dedup.check("http://a.test/1.html", None, "f", bodies[0]) is None
    revised = edited(bodies[0], 0.02, random.Random(5))
    index = dedup.near
    assert index is not None
    assert index.claim("http://a.test/1.html", "http://a.test/1.html", signature(revised, CONFIG)) is None


def test_local_index_persists_between_runs_under_the_state_dir(tmp_path, bodies):
    first = local_deduplicator(CONFIG, tmp_path)
    assert first.check("http://a.test/1.html", None, "f1", bodies[0]) is None
    first.close()
    assert (tmp_path / NEAR_INDEX_FILE).exists()
    second = local_deduplicator(CONFIG, tmp_path)
    found = second.check("http://b.test/1.html", None, "f2", edited(bodies[0], 0.02, random.Random(6)))
    assert found is not None and (found.duplicate_of, found.reason) == ("http://a.test/1.html", NEAR_DUPLICATE)
    # The same page in a later run is the same article, not a duplicate of itself.
    assert second.check("http://a.test/1.html", None, "f1", bodies[0]) is None
    second.close()


def test_index_refuses_signatures_of_another_scheme(tmp_path):
    SqliteBandStore(tmp_path / "n.sqlite", CONFIG).close()
    with pytest.raises(ValueError, match="scheme"):
        SqliteBandStore(tmp_path / "n.sqlite", NearDuplicateConfig(shingle=3))


def test_redis_index_is_shared_and_persists(redis_url, redis_prefix, bodies):
    one = redis_deduplicator(redis.Redis.from_url(redis_url), CONFIG, f"{redis_prefix}:run", redis_prefix)
    two = redis_deduplicator(redis.Redis.from_url(redis_url), CONFIG, f"{redis_prefix}:run", redis_prefix)
    assert one.check("http://a.test/1.html", None, "f1", bodies[0]) is None
    found = two.check("http://b.test/1.html", None, "f2", edited(bodies[0], 0.03, random.Random(7)))
    assert found is not None and (found.duplicate_of, found.reason) == ("http://a.test/1.html", NEAR_DUPLICATE)
    assert two.check("http://c.test/1.html", None, "f1", bodies[0]).reason == SAME_BODY
    one.close()
    two.close()
    later = redis_deduplicator(redis.Redis.from_url(redis_url), CONFIG, f"{redis_prefix}:run2", redis_prefix)
    found = later.check("http://e.test/1.html", None, "f3", edited(bodies[0], 0.01, random.Random(8)))
    assert found is not None and found.duplicate_of == "http://a.test/1.html"
    later.close()


def run_at_once(worker: Callable[[int], None], count: int) -> None:
    """``worker(0)`` … ``worker(count - 1)`` in threads started together."""
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


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


def test_exact_index_without_near_rules():
    dedup = Deduplicator(SqliteExactIndex(), None)
    assert dedup.check("http://a.test/1.html", None, "f", "正文" * 100) is None
    assert dedup.check("http://b.test/1.html", None, "g", "正文" * 99 + "改") is None


def test_state_files_stay_in_the_state_dir(tmp_path: Path, bodies):
    dedup = local_deduplicator(CONFIG, tmp_path / "state")
    dedup.check("http://a.test/1.html", None, "f", bodies[0])
    dedup.close()
    assert sorted(p.name for p in (tmp_path / "state").iterdir() if p.suffix == ".sqlite") == [
        NEAR_INDEX_FILE,
        "state.sqlite",
    ]


def test_redis_deduplicators_racing_keep_one_copy(redis_url, redis_prefix, bodies):
    """The same through the crawl's one-round-trip path (exact and near claims in one script)."""
    copies = [edited(bodies[4], 0.01, random.Random(seed)) for seed in range(8)]
    found: list[object] = [None] * len(copies)

    def worker(number: int) -> None:
        dedup = redis_deduplicator(redis.Redis.from_url(redis_url), CONFIG, f"{redis_prefix}:run", redis_prefix)
        found[number] = dedup.check(f"http://w.test/{number}.html", None, f"fp{number}", copies[number])
        dedup.close()

    run_at_once(worker, len(copies))
    kept = [n for n, duplicate in enumerate(found) if duplicate is None]
    assert len(kept) == 1
    assert {d.duplicate_of for d in found if d is not None} == {f"http://w.test/{kept[0]}.html"}
