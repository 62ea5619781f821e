"""Crawl subprocesses for the tables: ``scrapy crawl articles`` and the bare baseline spider.

Each run gets a fresh work directory (output, state, log, stats). Time is the spider's own
(``elapsed_time_seconds``: spider opened → closed, interpreter start-up excluded, the same for
both spiders) and the process's CPU time (user + system); peak RSS is its ``ru_maxrss`` (both from
``wait4``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
BARE_SPIDER = Path(__file__).resolve().parent / "bare_spider.py"


@dataclass
class CrawlRun:
    name: str
    returncode: int
    wall_seconds: float
    peak_rss_mib: float
    cpu_seconds: float
    stats: dict[str, Any]
    work: Path

    @property
    def seconds(self) -> float:
        return float(self.stats["elapsed_time_seconds"])

    @property
    def responses(self) -> int:
        return int(self.stats.get("downloader/response_count", 0))

    @property
    def items(self) -> int:
        return int(self.stats.get("item_scraped_count", 0))

    def pages_per_second(self, pages: int) -> float:
        return pages / self.seconds

    def pages_per_cpu_second(self, pages: int) -> float:
        """Pages per second of the crawl process's own CPU time (start-up included): robust to other load."""
        return pages / self.cpu_seconds

    def check(self) -> CrawlRun:
        if self.returncode != 0 or not self.stats:
            log = (self.work / "crawl.log").read_text(encoding="utf-8", errors="replace")[-3000:]
            raise RuntimeError(f"{self.name} crawl failed (exit {self.returncode}):\n{log}")
        return self


def _run(name: str, args: list[str], cwd: Path, work: Path) -> CrawlRun:
    work.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    with open(work / "stdout.txt", "wb") as out:
        process = subprocess.Popen(args, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - began
    stats_file = work / "stats.json"
    stats = json.loads(stats_file.read_text(encoding="utf-8")) if stats_file.exists() else {}
    cpu = usage.ru_utime + usage.ru_stime
    return CrawlRun(name, process.returncode, wall, usage.ru_maxrss / 1024, cpu, stats, work)


def _settings(work: Path) -> list[str]:
    return ["-s", f"STATS_FILE={work / 'stats.json'}", "-s", f"LOG_FILE={work / 'crawl.log'}", "-s", "LOG_LEVEL=INFO"]


def articles_crawl(base: str, work: Path, profile: bool = False) -> CrawlRun:
    """``scrapy crawl articles`` from the site's home page, all pipelines on, state in ``work``.

    ``profile``: under cProfile, written to ``work/crawl.prof``.
    """
    python = [sys.executable, *(["-m", "cProfile", "-o", str(work / "crawl.prof")] if profile else [])]
    args = [
        *python, "-m", "scrapy", "crawl", "articles", "-a", f"start_urls={base}/",
        "-O", str(work / "articles.jsonl"), "-s", f"STATE_DIR={work / 'state'}", *_settings(work),
    ]  # fmt: skip
    return _run("articles", args, ROOT, work).check()


def bare_crawl(base: str, work: Path) -> CrawlRun:
    """The baseline spider from the same home page (Scrapy's defaults: run outside the project)."""
    spider = ["-m", "scrapy", "runspider", str(BARE_SPIDER)]
    args = [sys.executable, *spider, "-a", f"start_urls={base}/", *_settings(work)]
    work.mkdir(parents=True, exist_ok=True)
    return _run("bare", args, work, work).check()
