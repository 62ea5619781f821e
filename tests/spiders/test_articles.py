"""The articles spider's arguments (scraper.spiders.articles); its crawls are tests/e2e/test_spider_crawl.py."""

from __future__ import annotations

import pytest

from scraper.spiders.articles import is_local, parse_flag, parse_start_urls


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
