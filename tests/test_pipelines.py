"""The item pipelines, each on its own and as the chain the settings wire up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from pipelines.chain import finish_article
from pipelines.cleaning import CleaningPipeline
from pipelines.cross_page_dedup import CrossPageDedupPipeline, duplicates_path
from pipelines.intra_page_dedup import IntraPageDedupPipeline
from scraper.stats import CounterStats
from pipelines.structure import StructurePipeline, body_fingerprint
from pipelines.validation import ValidationPipeline, record_errors
from scraper.items import Article
from scraper.spiders.articles import ArticlesSpider

BODY = "一、腰痛的原因\n1、受凉\n腰部受凉以后肌肉痉挛。\n2、劳损\n长期弯腰工作导致腰肌劳损。"


def crawler_for(tmp_path: Path, **settings):
    return get_crawler(
        ArticlesSpider,
        {"FEEDS": {str(tmp_path / "articles.jsonl"): {"format": "jsonlines", "overwrite": True}}, **settings},
    )


def article(url: str = "http://s.test/a.html", body: str = BODY, **fields) -> Article:
    return Article(
        url=url, title=fields.pop("title", "腰痛怎么办"), body=body, fetched_at="2026-11-25T10:00:00Z", **fields
    )


def test_cleaning_normalises_text_and_drops_boilerplate_and_title_repeat(tmp_path):
    crawler = crawler_for(tmp_path)
    item = article(
        title="  腰痛怎么办\u3000",
        body="腰痛怎么办：\n&nbsp;&nbsp;第一段\u3000文字\n\n[某站]独家稿件，未经授权禁止转载。\n　　第二段",
        keywords=["腰痛 ", ""],
        related=[{"title": " 相关 ", "url": None, "summary": "\xa0\xa0摘要\n\n"}],
    )
    CleaningPipeline.from_crawler(crawler).process_item(item)
    assert item.title == "腰痛怎么办"
    assert item.body == "第一段 文字\n第二段"
    assert item.keywords == ["腰痛"]
    assert item.related == [{"title": "相关", "url": None, "summary": "摘要"}]
    stats = crawler.stats.get_stats()
    assert stats["clean/boilerplate_lines"] == 1
    assert stats["clean/title_repeats"] == 1


def test_intra_page_dedup_keeps_a_doubled_body_once(tmp_path):
    crawler = crawler_for(tmp_path)
    item = article(body="\n".join([BODY, BODY, BODY]))
    IntraPageDedupPipeline.from_crawler(crawler).process_item(item)
    assert item.body == BODY
    assert crawler.stats.get_value("dedup/intra_page_blocks") == 2 * len(BODY.split("\n"))


def test_structure_builds_sections_and_fingerprint():
    item = StructurePipeline().process_item(article())
    assert [s["heading"] for s in item.sections] == ["腰痛的原因"]
    assert [s["kind"] for s in item.sections[0]["subsections"]] == ["cause", "cause"]
    assert item.fingerprint == body_fingerprint(BODY)
    # The fingerprint ignores whitespace and punctuation differences.
    assert body_fingerprint("甲，乙。\n丙") == body_fingerprint("甲,乙.丙 ")


def test_validation_drops_invalid_items_with_a_counted_reason(tmp_path):
    crawler = crawler_for(tmp_path)
    pipeline = ValidationPipeline.from_crawler(crawler)
    good, _ = finish_article(article(), CounterStats())
    assert pipeline.process_item(good) is good
    bad = article(url="not-a-url")
    bad.fingerprint = "x"
    with pytest.raises(DropItem, match="invalid record not-a-url"):
        pipeline.process_item(bad)
    stats = crawler.stats.get_stats()
    assert stats["validation/invalid"] == 1
    assert stats["validation/invalid/url"] == 1
    assert stats["validation/invalid/fingerprint"] == 1


def test_schema_requires_every_field_even_when_empty():
    record, errors = finish_article(article(), CounterStats())
    assert errors == []
    data = record.__dict__.copy()
    del data["author"]
    assert any("author" in e for e in record_errors(data))


A = "http://s.test/a.html"


def test_cross_page_dedup_reports_every_duplicate(tmp_path):
    crawler = crawler_for(tmp_path)
    pipeline = CrossPageDedupPipeline.from_crawler(crawler)
    pipeline.open()
    first = finish_article(article("http://s.test/a.html", canonical_url="http://s.test/a.html"), CounterStats())[0]
    mobile = finish_article(
        article("http://s.test/m/a.html", canonical_url="http://s.test/a.html", body="另一个正文"), CounterStats()
    )[0]
    copy = finish_article(article("http://s.test/copy.html"), CounterStats())[0]
    refetch = finish_article(article("http://s.test/a.html"), CounterStats())[0]
    assert pipeline.process_item(first) is first
    for item in (mobile, copy, refetch):
        with pytest.raises(DropItem):
            pipeline.process_item(item)
    pipeline.close()
    lines = [json.loads(line) for line in (tmp_path / "duplicates.jsonl").read_text().splitlines()]
    assert lines == [
        {"url": "http://s.test/m/a.html", "duplicate_of": A, "reason": "same_canonical", "similarity": None},
        {"url": "http://s.test/copy.html", "duplicate_of": A, "reason": "same_body", "similarity": 1.0},
    ]
    stats = crawler.stats.get_stats()
    assert (
        stats["dedup/duplicates"],
        stats["dedup/same_canonical"],
        stats["dedup/same_body"],
        stats["dedup/refetched"],
    ) == (2, 1, 1, 1)


def test_duplicates_file_sits_next_to_the_feed_unless_configured(tmp_path):
    assert duplicates_path(crawler_for(tmp_path).settings) == (tmp_path / "duplicates.jsonl", True)
    configured = crawler_for(tmp_path, DUPLICATES_FILE=str(tmp_path / "x" / "d.jsonl"))
    assert duplicates_path(configured.settings)[0] == tmp_path / "x" / "d.jsonl"
    stdout_only = get_crawler(ArticlesSpider, {"FEEDS": {"stdout:": {"format": "jsonlines"}}})
    assert duplicates_path(stdout_only.settings)[0] == Path("data/duplicates.jsonl")
