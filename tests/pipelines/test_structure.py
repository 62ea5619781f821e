"""The structure pipeline (pipelines.structure): sections tree and body fingerprint."""

from __future__ import annotations

from pipelines.structure import StructurePipeline
from scraper.stats import CounterStats
from scraper.text.fingerprint import body_fingerprint
from tests.helpers.records import BODY, article


def test_structure_builds_sections_and_fingerprint():
    item = StructurePipeline(CounterStats()).process_item(article())
    assert [s["heading"] for s in item.sections] == ["腰痛的原因"]
    assert [s["kind"] for s in item.sections[0]["subsections"]] == ["cause", "cause"]
    assert item.fingerprint == body_fingerprint(BODY)
    # The fingerprint ignores whitespace and punctuation differences.
    assert body_fingerprint("甲，乙。\n丙") == body_fingerprint("甲,乙.丙 ")
