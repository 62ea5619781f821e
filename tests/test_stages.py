"""The per-item stages are listed once (scraper.stages.STAGES): ITEM_PIPELINES, the pipeline adapters
and the extract command are all built from that list."""

from __future__ import annotations

import pytest
from scrapy.utils.misc import load_object

from scraper import settings
from scraper.cli import extract as extract_command
from scraper.items import Article
from scraper.stages import STAGES, InvalidRecord, finish_item, item_pipelines
from scraper.stats import (
    BOILERPLATE_LINES,
    INTRA_PAGE_BLOCKS,
    INVALID,
    REPLACEMENT_CHARACTERS,
    CounterStats,
    invalid_key,
)

FETCHED_AT = "2026-11-20T08:00:00Z"
BODY = "第一段正文，讲高血压的早期症状和日常注意事项。\n第二段正文，讲饮食和运动的建议。"


def test_item_pipelines_are_the_stages_in_order():
    assert settings.ITEM_PIPELINES == item_pipelines()
    ordered = sorted(settings.ITEM_PIPELINES, key=settings.ITEM_PIPELINES.__getitem__)
    assert ordered == [stage.pipeline for stage in STAGES]
    assert len({stage.name for stage in STAGES}) == len(STAGES)


@pytest.mark.parametrize("stage", STAGES, ids=lambda stage: stage.name)
def test_each_pipeline_applies_its_stage(stage):
    pipeline = load_object(stage.pipeline)
    assert pipeline.__module__ == f"pipelines.{stage.name}"
    if stage.function is not None:
        assert pipeline.stage is stage.function
    else:
        assert not hasattr(pipeline, "stage")


def test_the_extract_command_runs_the_same_stages():
    assert extract_command.finish_item is finish_item


def test_finish_item_runs_every_per_item_stage():
    stats = CounterStats()
    body = f"{BODY}\n{BODY}\n版权所有，禁止转载"
    article = Article(url="http://s.test/a.html", title="高血压", body=body, fetched_at=FETCHED_AT)
    item = finish_item(article, stats)
    assert item.body == BODY  # boilerplate line gone (cleaning), repeated block gone (intra-page)
    assert item.fingerprint and len(item.fingerprint) == 32  # structure
    assert stats.values[BOILERPLATE_LINES] == 1 and stats.values[INTRA_PAGE_BLOCKS] == 2


def test_an_invalid_record_is_counted_and_raised_with_its_errors():
    stats = CounterStats()
    with pytest.raises(InvalidRecord) as raised:
        finish_item(Article(url="not a url", title="t", body=BODY, fetched_at=FETCHED_AT), stats)
    assert raised.value.errors and raised.value.errors[0].startswith("url")
    assert raised.value.item.url == "not a url"
    assert stats.values[INVALID] == 1 and stats.values[invalid_key("url")] == 1


def test_a_stray_undecodable_character_is_dropped_and_counted():
    stats = CounterStats()
    long_body = "\n".join(f"第{n}段：高血压患者要少吃盐，坚持运动，按时服药，定期复查血压和血脂。" for n in range(8))
    body = long_body.replace("第3段：高血压", "第3段：高\ufffd血压")
    article = Article(url="http://s.test/b.html", title="高血压\ufffd", body=body, fetched_at=FETCHED_AT)
    item = finish_item(article, stats)
    assert (item.title, item.body) == ("高血压", long_body)
    assert stats.values[REPLACEMENT_CHARACTERS] == 2


def test_a_body_full_of_undecodable_characters_is_mojibake_and_never_exported():
    stats = CounterStats()
    garbled = "\ufffd\ufffd压的早\ufffd症状和\ufffd常注意\ufffd项。" * 5
    with pytest.raises(InvalidRecord) as raised:
        finish_item(Article(url="http://s.test/c.html", title="高血压", body=garbled, fetched_at=FETCHED_AT), stats)
    assert any(error.startswith("body: mojibake") for error in raised.value.errors)
    assert stats.values[invalid_key("body")] == 1 and REPLACEMENT_CHARACTERS not in stats.values
