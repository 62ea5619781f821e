"""A stats interface the pipelines' pure parts can count into, with or without a crawler."""

from __future__ import annotations

from collections import Counter
from typing import Protocol, Self

from scrapy.crawler import Crawler


class Stats(Protocol):
    def inc_value(self, key: str, count: int = 1, start: int = 0) -> None: ...

    def set_value(self, key: str, value: object) -> None: ...


class CounterStats:
    """Stats for code run outside a crawl (the ``healthscrape extract`` command, tests)."""

    def __init__(self) -> None:
        self.values: Counter[str] = Counter()
        self.notes: dict[str, object] = {}

    def inc_value(self, key: str, count: int = 1, start: int = 0) -> None:
        self.values[key] += count

    def set_value(self, key: str, value: object) -> None:
        self.notes[key] = value


class StatsPipeline:
    """Base of the pipelines that count into the crawl's stats."""

    def __init__(self, stats: Stats):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        assert crawler.stats is not None
        return cls(crawler.stats)
