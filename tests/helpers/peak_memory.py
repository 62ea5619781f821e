"""A Scrapy extension for tests: the crawl process's own peak resident memory as the stat ``test/peak_rss``.

Scrapy's ``memusage/max`` is ``getrusage(RUSAGE_SELF).ru_maxrss``, which Linux carries across fork and
exec: a crawl started by a pytest process that has grown to 420 MB reports at least 420 MB whatever the
crawl itself did. ``VmHWM`` in ``/proc/self/status`` is the high-water mark of the process's own memory
map, new at exec, so it measures the crawl alone. Enabled by adding :attr:`PeakMemory.path` to the
project's ``EXTENSIONS`` (``-s EXTENSIONS=…`` replaces the whole setting).
"""

from __future__ import annotations

from pathlib import Path

from scrapy import signals
from scrapy.crawler import Crawler

STAT = "test/peak_rss"


def peak_rss() -> int | None:
    """This process's peak resident memory in bytes (``VmHWM``), or None off Linux."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return None
    line = next((line for line in status.splitlines() if line.startswith("VmHWM:")), None)
    return int(line.split()[1]) * 1024 if line else None


class PeakMemory:
    """Sets :data:`STAT` when the spider closes."""

    path = f"{__name__}.PeakMemory"

    def __init__(self, crawler: Crawler):
        self.stats = crawler.stats
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PeakMemory:
        return cls(crawler)

    def spider_closed(self) -> None:
        peak = peak_rss()
        if peak is not None:
            self.stats.set_value(STAT, peak)
