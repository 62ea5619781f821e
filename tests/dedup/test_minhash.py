"""MinHash signatures of bodies (scraper.dedup.minhash): what the near-duplicate index compares."""

from __future__ import annotations

import random

import numpy as np
import pytest

from benchmarks.near_duplicates import edited
from scraper.dedup.minhash import NearDuplicateConfig, shingle_hashes, signature, similarity

CONFIG = NearDuplicateConfig()


def shingle_jaccard(a: str, b: str) -> float:
    x, y = set(shingle_hashes(a, 1).tolist()), set(shingle_hashes(b, 1).tolist())
    return len(x & y) / len(x | y)


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
