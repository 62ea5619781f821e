"""Every request the articles spider yields survives scrapy-redis's serializer (issue 12 point 5).

A distributed crawl (``REDIS_URL``) keeps its requests in Redis: scrapy-redis turns each one into a dict
(``Request.to_dict`` with the spider) and that dict into bytes with the configured serializer
(``SCHEDULER_SERIALIZER``, pickle unless set). The spider is driven here page by page over a site of saved
pages, once with its requests as they are and once with each request round-tripped through a real
scheduler's queue in Redis before it is answered: both give the same articles.
"""

from __future__ import annotations

import asyncio
import json
from collections import deque
from collections.abc import Callable
from dataclasses import asdict
from typing import Any
from urllib.parse import urlsplit

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse, Response, XmlResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from scraper.distributed.scheduler import ReliableScheduler
from scraper.items import Article
from scraper.spiders.articles import ArticlesSpider
from tests.helpers.crawler import project_crawler
from tests.helpers.pages import LAST_LINE_OF_PAGE_3, SEED_ARTICLE, flows_site

BASE = "http://s.test"
# What the spider's requests can carry: (callback, errback, cb_kwargs keys).
REQUEST_KINDS = {
    ("parse", "on_error", ()),  # start URLs, links, sitemap entries
    ("parse", "on_canonical_error", ("alternate",)),  # a copy's canonical page
    ("parse_continuation", "on_continuation_error", ("split",)),  # page 2+ of a split article
}


def kind(request: Request) -> tuple[str, str, tuple[str, ...]]:
    return (request.callback.__name__, request.errback.__name__, tuple(sorted(request.cb_kwargs)))


def answer(request: Request, pages: dict[str, bytes]) -> Any:
    """The request's callback called with its page, or its errback with a 404 when the site has none."""
    path = urlsplit(request.url).path
    body = pages.get("/index.html" if path == "/" else path)
    if body is None:
        failure = Failure(HttpError(Response(request.url, status=404, request=request)))
        failure.request = request  # type: ignore[attr-defined] - as Scrapy's downloader sets it
        return request.errback(failure) or []
    cls = XmlResponse if path.endswith(".xml") else HtmlResponse
    return request.callback(cls(request.url, body=body, request=request), **request.cb_kwargs)


def drive(spider: ArticlesSpider, pages: dict[str, bytes], through: Callable[[Request], Request]) -> tuple[list, set]:
    """Every article the spider yields over ``pages`` (each request passed ``through`` before it is
    answered; a URL answered once, but for requests that say ``dont_filter``), and the request kinds seen."""

    async def start() -> list[Request]:
        return [request async for request in spider.start()]

    waiting, seen, articles, kinds = deque(asyncio.run(start())), set(), [], set()
    while waiting:
        request = waiting.popleft()
        if not request.dont_filter:  # as Scrapy's dupefilter: what dont_filter fetches is not recorded
            if request.url in seen:
                continue
            seen.add(request.url)
        kinds.add(kind(request))
        for output in answer(through(request), pages):
            if isinstance(output, Request):
                waiting.append(output)
            else:
                articles.append(output)
    return articles, kinds


def comparable(articles: list[Article]) -> list[dict[str, Any]]:
    """The articles without their fetch time (each run fetches at its own time)."""
    return [{**asdict(article), "fetched_at": None} for article in articles]


@pytest.mark.parametrize("complete", [True, False], ids=["complete", "pages-missing"])
def test_every_request_the_spider_yields_survives_the_redis_queue(complete, redis_url, redis_prefix):
    pages = flows_site(complete)
    direct_spider = ArticlesSpider.from_crawler(project_crawler(), start_urls=f"{BASE}/")
    direct, kinds = drive(direct_spider, pages, lambda request: request)
    crawler = project_crawler(REDIS_URL=redis_url, REDIS_KEY_PREFIX=redis_prefix)
    spider = ArticlesSpider.from_crawler(crawler, start_urls=f"{BASE}/")
    scheduler = ReliableScheduler.from_crawler(crawler)
    scheduler.open(spider)

    def through_redis(request: Request) -> Request:
        assert scheduler.enqueue_request(request)
        again = scheduler.next_request()
        assert again is not None and again.url == request.url
        json.dumps(again.cb_kwargs)  # plain data only, which any serializer takes
        return again

    articles, round_tripped = drive(spider, pages, through_redis)
    assert kinds == round_tripped == REQUEST_KINDS
    assert comparable(articles) == comparable(direct)
    urls = [article.url for article in articles]
    assert urls.count(f"{BASE}/a/123.html") == 2  # after its mobile copy's canonical redirect, and from the sitemap
    assert {f"{BASE}/m/a/123.html", f"{BASE}/m{SEED_ARTICLE}"} <= set(urls)  # the copies, reported by the pipeline
    assert (f"{BASE}{SEED_ARTICLE}" in urls) is complete
    merged = next(article for article in articles if article.url == f"{BASE}/a/123.html")
    assert merged.body.endswith(LAST_LINE_OF_PAGE_3) is complete


def test_a_request_the_serializer_refuses_is_a_counted_logged_error(redis_url, redis_prefix, caplog):
    """Whatever a request carries that the serializer refuses (a response, a parsed page, a lambda), it is
    refused with one line naming the URL and the reason, and counted; the crawl goes on."""
    crawler = project_crawler(REDIS_URL=redis_url, REDIS_KEY_PREFIX=redis_prefix)
    spider = ArticlesSpider.from_crawler(crawler, start_urls=f"{BASE}/")
    scheduler = ReliableScheduler.from_crawler(crawler)
    scheduler.open(spider)
    page = HtmlResponse(f"{BASE}/a.html", body=b"<html><body><p>x</p></body></html>")
    page.css("p")  # a response that was read holds a Selector
    refused = [
        Request(f"{BASE}/1.html", callback=spider.parse, cb_kwargs={"page": page}),
        Request(f"{BASE}/2.html", callback=spider.parse, cb_kwargs={"later": lambda: None}),
    ]
    for request in refused:
        assert scheduler.enqueue_request(request) is False
    assert scheduler.enqueue_request(Request(f"{BASE}/3.html", callback=spider.parse)) is True
    assert crawler.stats.get_value("distributed/unqueueable_requests") == 2
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 2 and all("cannot be queued in Redis" in e and "\n" not in e for e in errors)
    assert f"{BASE}/1.html" in errors[0] and "Selector" in errors[0]
