"""The crawl baseline: a bare Scrapy spider that downloads the pages and follows their links, nothing else.

Run with ``scrapy runspider`` outside the project (Scrapy's defaults, not ours), with the settings
that make its work the same as the ``articles`` spider's on a loopback site, taken from ours:
robots.txt read, the same concurrency, no throttling, the same link extractor and domain filter.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy.http import Request, Response, TextResponse
from scrapy.linkextractors import LinkExtractor

from scraper import settings as project

# Scrapy settings the articles crawl sets that change how much work Scrapy itself does.
SHARED = ("ROBOTSTXT_OBEY", "CONCURRENT_REQUESTS_PER_DOMAIN", "CONCURRENT_ITEMS", "USER_AGENT")


class BareSpider(scrapy.Spider):
    name = "bare"
    custom_settings = {
        **{name: getattr(project, name) for name in SHARED if hasattr(project, name)},
        "AUTOTHROTTLE_ENABLED": False,  # the articles spider turns it off for loopback sites
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "INFO",
        # Only the project's stats writer, so that both crawls report their time the same way.
        "EXTENSIONS": {"scraper.extensions.stats_file.StatsFile": 910},
    }

    def __init__(self, start_urls: str = "", *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.start_urls = start_urls.split(",")
        self.allowed_domains = ["127.0.0.1"]
        self.link_extractor = LinkExtractor()

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Request]:
        if isinstance(response, TextResponse):
            for link in self.link_extractor.extract_links(response):
                yield Request(link.url, callback=self.parse)
