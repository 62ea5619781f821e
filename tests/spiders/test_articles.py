"""The articles spider's arguments and counters (scraper.spiders.articles); its crawls are
tests/e2e/test_spider_crawl.py."""

from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from scraper import stats as keys
from scraper.spiders.articles import ArticlesSpider, is_local, parse_flag, parse_start_urls
from tests.helpers.paths import FIXTURES


def test_start_urls_argument():
    assert parse_start_urls("http://a.test/x, https://b.test/y") == ["http://a.test/x", "https://b.test/y"]
    assert parse_start_urls("file:///tmp/a.html") == ["file:///tmp/a.html"]
    for bad in ("ftp://a.test/x", "a.test/x", "http://"):
        with pytest.raises(ValueError, match="not an http"):
            parse_start_urls(bad)


def test_follow_flag_and_local_hosts():
    assert parse_flag("follow", "no") is False and parse_flag("follow", "YES") is True
    with pytest.raises(ValueError, match="expected yes or no"):
        parse_flag("follow", "maybe")
    assert is_local("http://127.0.0.1:8000/") and is_local("file:///x") and is_local("http://localhost/")
    assert not is_local("https://example.org/")


def test_second_opinions_are_counted(tmp_path):
    """With SECOND_OPINION_ENABLED, each article whose body was doubted is counted: taken or kept."""
    crawler = get_crawler(ArticlesSpider, {"SECOND_OPINION_ENABLED": True, "FEEDS": {str(tmp_path / "o.jsonl"): {}}})
    spider = ArticlesSpider.from_crawler(crawler, start_urls="http://www.ankang.test/", follow="no")
    assert spider.second_opinion
    for name in ("comment-list", "short-news-excerpts"):
        body = (FIXTURES / "second_opinion" / f"{name}.html").read_bytes()
        list(spider.parse(HtmlResponse(url=f"http://www.ankang.test/a/{name}.html", body=body)))
    assert crawler.stats.get_value(keys.SECOND_OPINION_TAKEN) == 1
    assert crawler.stats.get_value(keys.SECOND_OPINION_KEPT) == 1
