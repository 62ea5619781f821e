"""The Scrapy face of a per-item stage of ``scraper.stages``: a pipeline that applies one stage function."""

from __future__ import annotations

from typing import Any, ClassVar, Self

from scrapy.crawler import Crawler

from scraper.stats import Stats


class StagePipeline:
    """Applies ``stage`` (a function of :data:`scraper.stages.STAGES`) to every item, counting into the
    crawl's stats."""

    stage: ClassVar[staticmethod[[Any, Stats], Any]]

    def __init__(self, stats: Stats):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        assert crawler.stats is not None
        return cls(crawler.stats)

    def process_item(self, item: Any) -> Any:
        return self.stage(item, self.stats)
