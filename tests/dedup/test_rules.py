"""The de-duplication rules (scraper.dedup.rules): same canonical URL, same body, near-duplicate body."""

from __future__ import annotations

import random

from benchmarks.near_duplicates import edited, extracted_body, other_template
from scraper.dedup.duplicate import NEAR_DUPLICATE, SAME_BODY, SAME_CANONICAL
from scraper.dedup.exact import SqliteExactIndex
from scraper.dedup.indexes import local_deduplicator
from scraper.dedup.minhash import NearDuplicateConfig, signature, similarity
from scraper.dedup.rules import Deduplicator

CONFIG = NearDuplicateConfig()


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
    first = dedup.check("http://b.test/1.html", None, "fp-near", near)
    assert first.reason == NEAR_DUPLICATE
    # The near-duplicate's body under another URL is as near to the original as it is.
    assert dedup.check("http://d.test/1.html", None, "fp-near", near) == first


def test_a_page_crawled_again_never_matches_itself(bodies):
    dedup = memory_dedup()
    assert dedup.check("http://a.test/1.html", None, "f", bodies[0]) is None
    revised = edited(bodies[0], 0.02, random.Random(5))
    index = dedup.near
    assert index is not None
    assert index.claim("http://a.test/1.html", "http://a.test/1.html", signature(revised, CONFIG)) is None


def test_exact_index_without_near_rules():
    dedup = Deduplicator(SqliteExactIndex(), None)
    assert dedup.check("http://a.test/1.html", None, "f", "正文" * 100) is None
    assert dedup.check("http://b.test/1.html", None, "g", "正文" * 99 + "改") is None
