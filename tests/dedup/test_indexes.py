"""The indexes a crawl de-duplicates against (scraper.dedup.indexes): on this machine, persisted under
the state folder, or shared in Redis."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import redis

from benchmarks.near_duplicates import edited
from scraper.dedup.duplicate import NEAR_DUPLICATE, SAME_BODY, SAME_CANONICAL
from scraper.dedup.indexes import local_deduplicator, redis_deduplicator
from scraper.dedup.minhash import NearDuplicateConfig
from scraper.dedup.near import NEAR_INDEX_FILE
from scraper.dedup.rules import Deduplicator
from tests.helpers.threads import run_at_once

CONFIG = NearDuplicateConfig()


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


def test_state_files_stay_in_the_state_dir(tmp_path: Path, bodies):
    dedup = local_deduplicator(CONFIG, tmp_path / "state")
    dedup.check("http://a.test/1.html", None, "f", bodies[0])
    dedup.close()
    assert sorted(p.name for p in (tmp_path / "state").iterdir() if p.suffix == ".sqlite") == [
        NEAR_INDEX_FILE,
        "state.sqlite",
    ]


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


def index_of(kind: str, request: pytest.FixtureRequest) -> Deduplicator:
    """A deduplicator whose indexes are ``local`` (in memory) or in ``redis`` (keys of the test's own)."""
    if kind == "local":
        return local_deduplicator(CONFIG)
    prefix = request.getfixturevalue("redis_prefix")
    client = redis.Redis.from_url(request.getfixturevalue("redis_url"))
    return redis_deduplicator(client, CONFIG, f"{prefix}:run", prefix)


@pytest.mark.parametrize("kind", ["local", "redis"])
def test_the_same_page_or_body_as_a_near_duplicate_relates_to_the_original_as_it_does(kind, request, bodies):
    """A page that is a reported near-duplicate again (its URL, a page naming it canonical, the same body
    under another URL) is that near-duplicate's copy: near_duplicate of the same original, same similarity,
    never same_canonical or same_body of an article whose canonical URL or body it does not share."""
    dedup = index_of(kind, request)
    original, near = bodies[3], edited(bodies[3], 0.04, random.Random(8))
    kept, copy = "http://a.test/1.html", "http://b.test/1.html"
    assert dedup.check(kept, None, "fp-original", original) is None
    first = dedup.check(copy, None, "fp-near", near)
    assert first is not None and (first.duplicate_of, first.reason) == (kept, NEAR_DUPLICATE)
    for url, canonical, fingerprint, body in (
        (copy, None, "fp-near", near),  # the same page again
        ("http://b.test/m/1.html", copy, "fp-mobile", "手机版正文很短"),  # names it canonical
        ("http://c.test/1.html", None, "fp-near", near),  # its body under another URL
        ("http://b.test/1.html?from=timeline", None, "fp-other", near),  # another spelling of its URL
    ):
        assert dedup.check(url, canonical, fingerprint, body) == first, url
    # What an exported article's own keys lead to is unchanged.
    assert dedup.check("http://a.test/m/1.html", kept, "fp-x", "另一个版本").reason == SAME_CANONICAL
    assert dedup.check("http://d.test/1.html", None, "fp-original", original).reason == SAME_BODY
    dedup.close()
