"""Crawl subprocesses for the tables: ``scrapy crawl articles`` and the bare baseline spider.

Each run gets a fresh work directory (output, state, log, stats). Time is the spider's own
(``elapsed_time_seconds``: spider opened → closed, interpreter start-up excluded, the same for
both spiders) and the process's CPU time (user + system, from ``wait4``). Peak RSS is the largest
``VmHWM`` of ``/proc/PID/status`` sampled while it runs, not ``ru_maxrss``: on Linux ``ru_maxrss``
keeps the high-water mark of the memory the child had before ``exec``, i.e. of this (parent)
process, which holds the generated site's manifest (a 20,000-article crawl "peaked" at 485 MiB by
``ru_maxrss`` while its RSS never went above ~120 MiB).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
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
    # (seconds since start, RSS MiB) sampled every RSS_INTERVAL seconds
    rss_trace: list[tuple[float, float]] = field(default_factory=list)

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
    trace: list[tuple[float, float]] = []
    sampler = threading.Thread(target=_sample_rss, args=(process.pid, began, trace), daemon=True)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - began
    stats_file = work / "stats.json"
    stats = json.loads(stats_file.read_text(encoding="utf-8")) if stats_file.exists() else {}
    cpu = usage.ru_utime + usage.ru_stime
    sampler.join()
    peak = max((hwm for _, _, hwm in trace), default=usage.ru_maxrss / 1024)
    rss = [(t, current) for t, current, _ in trace]
    return CrawlRun(name, process.returncode, wall, peak, cpu, stats, work, rss)


RSS_INTERVAL = 0.5


def _kib(status: str, key: str) -> float:
    return int(status.split(key, 1)[1].split()[0]) / 1024


def _sample_rss(pid: int, began: float, trace: list[tuple[float, float, float]]) -> None:
    """Append ``(seconds, VmRSS MiB, VmHWM MiB)`` every RSS_INTERVAL seconds until the process ends."""
    path = Path(f"/proc/{pid}/status")
    while True:
        try:
            status = path.read_text()
        except OSError:
            return
        if "VmHWM:" not in status:  # a zombie: it has ended
            return
        # Popen returns once the child has exec'd: these are the crawl's own numbers, not ours.
        trace.append((time.perf_counter() - began, _kib(status, "VmRSS:"), _kib(status, "VmHWM:")))
        time.sleep(RSS_INTERVAL)


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
