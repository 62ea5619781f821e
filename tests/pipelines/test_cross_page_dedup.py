"""The cross-page de-duplication pipeline (pipelines.cross_page_dedup): every duplicate reported."""

from __future__ import annotations

import itertools
import json
import random
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from scrapy import Request, signals
from scrapy.exceptions import DropItem

from benchmarks.near_duplicates import edited
from pipelines.cross_page_dedup import CrossPageDedupPipeline
from scraper.distributed.scheduler import ReliableScheduler
from scraper.spiders.articles import ArticlesSpider
from scraper.stages import finish_item
from scraper.stats import CounterStats
from tests.helpers.bodies import sample_bodies
from tests.helpers.crawl import read_jsonl
from tests.helpers.crawler import project_crawler
from tests.helpers.records import article
from tests.helpers.threads import run_at_once

A = "http://s.test/a.html"
COPY = "http://s.test/copy.html"


def test_cross_page_dedup_reports_every_duplicate(tmp_path):
    crawler = project_crawler(FEEDS={str(tmp_path / "articles.jsonl"): {"format": "jsonlines", "overwrite": True}})
    pipeline = CrossPageDedupPipeline.from_crawler(crawler)
    pipeline.open()
    first = finish_item(article("http://s.test/a.html", canonical_url="http://s.test/a.html"), CounterStats())
    mobile = finish_item(
        article("http://s.test/m/a.html", canonical_url="http://s.test/a.html", body="另一个正文"), CounterStats()
    )
    copy = finish_item(article("http://s.test/copy.html"), CounterStats())
    refetch = finish_item(article("http://s.test/a.html"), CounterStats())
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


# Issue 12 point 2: a.html, b.html (a near copy of a) and m/b.html (a mobile copy of b: canonical → b.html).
PAGE_A, PAGE_B, MOBILE_B = "http://s.test/a.html", "http://s.test/b.html", "http://s.test/m/b.html"
ORDERS = list(itertools.permutations((PAGE_A, PAGE_B, MOBILE_B)))


def dedup_pipeline(tmp_path, name: str, **settings) -> tuple[CrossPageDedupPipeline, Path]:
    """A pipeline writing its duplicates to ``tmp_path/name/duplicates.jsonl``."""
    feed = tmp_path / name / "articles.jsonl"
    crawler = project_crawler(FEEDS={str(feed): {"format": "jsonlines", "overwrite": True}}, **settings)
    pipeline = CrossPageDedupPipeline.from_crawler(crawler)
    pipeline.open()
    return pipeline, feed.with_name("duplicates.jsonl")


def copies_of_one_article(bodies: list[str]) -> dict[str, Any]:
    """The three pages as the spider yields them (fingerprint and all): a, its near copy b, b's mobile copy."""
    near = edited(bodies[0], 0.03, random.Random(7))
    fields = {PAGE_A: {"body": bodies[0]}, PAGE_B: {"body": near}, MOBILE_B: {"body": near, "canonical_url": PAGE_B}}
    return {url: finish_item(article(url, **values), CounterStats()) for url, values in fields.items()}


def index_settings(index: str, request: pytest.FixtureRequest, number: int) -> dict[str, Any]:
    """The settings of a crawl whose indexes are ``local`` or in ``redis`` (keys of their own per ``number``)."""
    if index == "local":
        return {}
    prefix = f"{request.getfixturevalue('redis_prefix')}:{number}"
    return {"REDIS_URL": request.getfixturevalue("redis_url"), "REDIS_KEY_PREFIX": prefix}


def through(pipeline: CrossPageDedupPipeline, item: Any) -> bool:
    """Whether the pipeline kept the item."""
    try:
        pipeline.process_item(item)
    except DropItem:
        return False
    return True


def expected_reports(order: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    """What applies, by URL: b and m/b are one page (m/b names b canonical); a and b are near-duplicates."""
    kept = order[0]
    if kept == PAGE_A:
        return {PAGE_B: (PAGE_A, "near_duplicate"), MOBILE_B: (PAGE_A, "near_duplicate")}
    other = MOBILE_B if kept == PAGE_B else PAGE_B
    return {other: (kept, "same_canonical"), PAGE_A: (kept, "near_duplicate")}


@pytest.mark.parametrize("index", ["local", "redis"])
def test_each_duplicate_is_reported_once_with_its_reason_in_every_order(tmp_path, index, request):
    """All 6 orders in which a, b and m/b can reach the pipeline, then each page once more (re-fetched as a
    canonical page, or re-crawled after a worker died): the first is kept; each other URL is reported
    once, with the rule that relates it to the kept one, and its similarity where near."""
    failures = []
    for number, order in enumerate(ORDERS):
        pipeline, duplicates = dedup_pipeline(tmp_path, str(number), **index_settings(index, request, number))
        pages = copies_of_one_article(sample_bodies())
        kept = [url for url in order if through(pipeline, pages[url])]
        again = copies_of_one_article(sample_bodies())
        kept += [url for url in order if through(pipeline, again[url])]
        pipeline.close()
        reports = read_jsonl(duplicates)
        found = {d["url"]: (d["duplicate_of"], d["reason"]) for d in reports}
        near = {d["similarity"] for d in reports if d["reason"] == "near_duplicate"}
        counts = [pipeline.stats.get_value(key) for key in ("dedup/duplicates", "dedup/refetched")]
        if kept != [order[0]] or len(reports) != 2 or found != expected_reports(order) or len(near) != 1:
            failures.append((order, kept, reports))
        elif counts != [2, 3]:
            failures.append((order, "stats", counts))
    assert not failures, failures


def reported_copies(bodies: list[str]) -> list[Any]:
    """Duplicates of ``A`` (body ``bodies[1]``) by each rule: same body, near body, a mobile copy naming A canonical."""
    fields = {
        "http://s.test/copy.html": {"body": bodies[1]},
        "http://s.test/near.html": {"body": edited(bodies[1], 0.03, random.Random(9))},
        "http://s.test/m/a.html": {"body": "手机版：" + bodies[1][:50], "canonical_url": A},
    }
    return [finish_item(article(url, **values), CounterStats()) for url, values in fields.items()]


def test_a_duplicate_is_reported_once_whichever_worker_sees_it_again(tmp_path, redis_url, redis_prefix):
    """After a worker dies, its requests are crawled again by the others: each duplicate it reported (by
    body, near body, canonical URL) stays reported once, also when several workers see it at the same time."""
    settings = {"REDIS_URL": redis_url, "REDIS_KEY_PREFIX": redis_prefix}
    bodies = sample_bodies()
    victim, _ = dedup_pipeline(tmp_path, "victim", **settings)
    assert through(victim, finish_item(article(A, body=bodies[1]), CounterStats()))
    assert not any(through(victim, item) for item in reported_copies(bodies))
    survivors = [dedup_pipeline(tmp_path, f"survivor{n}", **settings)[0] for n in range(3)]

    def crawl_again(number: int) -> None:
        for item in reported_copies(bodies):
            assert not through(survivors[number], item)

    run_at_once(crawl_again, len(survivors))
    for pipeline in (victim, *survivors):
        pipeline.close()
    reported = Counter(d["url"] for path in tmp_path.glob("*/duplicates.jsonl") for d in read_jsonl(path))
    assert reported == Counter(item.url for item in reported_copies(bodies))
    assert sum(pipeline.stats.get_value("dedup/refetched", 0) for pipeline in survivors) == 9


def test_what_a_dead_worker_claimed_but_never_wrote_is_written_by_the_worker_that_rescues_it(
    tmp_path, redis_url, redis_prefix
):
    """A worker keeps an article (or takes a duplicate's report) in the shared index, then dies before its
    line is written: once its requests are put back, the worker that crawls them again writes the article
    and the duplicate, once; what the dead worker did write stays written once."""
    settings = {"REDIS_URL": redis_url, "REDIS_KEY_PREFIX": redis_prefix}
    bodies = sample_bodies()

    def pages() -> list[Any]:
        fields = [("http://s.test/2.html", bodies[2]), ("http://s.test/3.html", bodies[3]), (COPY, bodies[2])]
        return [finish_item(article(url, body=body), CounterStats()) for url, body in fields]

    kept, written, copy = pages()
    victim_crawler = project_crawler(REDIS_WORKER_ID="victim", **settings)
    victim = CrossPageDedupPipeline.from_crawler(victim_crawler)
    assert through(victim, kept)  # kept in the index, then killed before the export wrote it
    assert through(victim, written)
    spider = ArticlesSpider.from_crawler(victim_crawler, start_urls="http://s.test/")
    victim_crawler.signals.send_catch_log(signals.item_scraped, item=written, response=None, spider=spider)
    found = victim.dedup.check(COPY, None, copy.fingerprint, copy.body)
    assert found is not None and victim.dedup.report(COPY, found)  # killed before its line was written
    crawler = project_crawler(REDIS_WORKER_ID="survivor", **settings)
    scheduler = ReliableScheduler.from_crawler(crawler)
    scheduler.open(ArticlesSpider.from_crawler(crawler, start_urls="http://s.test/"))
    request = scheduler.queue._encode_request(Request(kept.url))
    scheduler.server.hset(scheduler.keys.inflight_prefix + "victim", "f", request)
    assert scheduler.rescue() == 1
    survivor, duplicates = dedup_pipeline(tmp_path, "survivor", REDIS_WORKER_ID="survivor", **settings)
    assert [item.url for item in pages() if through(survivor, item)] == [kept.url]
    survivor.close()
    assert [(d["url"], d["duplicate_of"]) for d in read_jsonl(duplicates)] == [(COPY, kept.url)]
    assert survivor.stats.get_value("dedup/rescued") == 2
