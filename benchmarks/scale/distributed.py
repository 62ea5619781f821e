"""Table 4, distributed scaling: two workers against one, same site, same nginx, same Redis.

A generated site (the sample template) is served by nginx on 127.0.0.1; a redis-server of its own
holds the shared queue. One worker crawls it alone, then two workers crawl it together (a fresh
key prefix each time, so nothing is shared between the runs). Pages/s = the site's pages / the time
from the first worker's start to the last article written (the end of the crawl proper: workers
then wait ``REDIS_IDLE_CLOSE_SECONDS`` for more work before they exit, which is not crawling).
Goal: two workers ≥ 1.7× the pages/s of one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.nginx import serve_directory
from benchmarks.scale.report import Row, run_line, table
from benchmarks.scale.sites import site

ROOT = Path(__file__).resolve().parents[2]
GOAL = 1.7


def _worker(base: str, redis_url: str, prefix: str, work: Path) -> subprocess.Popen[bytes]:
    work.mkdir(parents=True)
    command = [
        sys.executable, "-m", "scrapy", "crawl", "articles", "-a", f"start_urls={base}/",
        "-s", f"REDIS_URL={redis_url}", "-s", f"REDIS_KEY_PREFIX={prefix}", "-s", "REDIS_IDLE_CLOSE_SECONDS=3",
        "-s", f"RUN_OUTPUT={work / 'articles.jsonl'}", "-s", f"DUPLICATES_FILE={work / 'duplicates.jsonl'}",
        "-s", f"STATS_FILE={work / 'stats.json'}", "-s", f"LOG_FILE={work / 'crawl.log'}", "-s", "LOG_LEVEL=INFO",
    ]  # fmt: skip
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "scraper.settings"}
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def crawl(base: str, redis_url: str, workers: int, work: Path) -> tuple[float, int, list[int], float]:
    """Seconds from start to the last article written, articles written, articles per worker, and
    the workers' CPU seconds in all."""
    prefix = f"bench{workers}:{time.time_ns()}"
    began = time.time()
    processes = [_worker(base, redis_url, prefix, work / f"w{i}") for i in range(workers)]
    cpu = 0.0
    for process in processes:
        _, status, usage = os.wait4(process.pid, 0)
        cpu += usage.ru_utime + usage.ru_stime
        if os.waitstatus_to_exitcode(status) != 0:
            raise RuntimeError(f"a worker failed; see {work}")
    outputs = [work / f"w{i}" / "articles.jsonl" for i in range(workers)]
    counts = [sum(1 for _ in path.open(encoding="utf-8")) if path.exists() else 0 for path in outputs]
    last = max(path.stat().st_mtime for path in outputs if path.exists())
    return last - began, sum(counts), counts, cpu


def run(quick: bool) -> str:
    from tests.helpers.redis_server import redis_server

    articles = 300 if quick else 3000
    directory, manifest = site(articles)
    pages = len(manifest["pages"])
    with (
        tempfile.TemporaryDirectory(prefix="healthscrape-bench-dist-") as tmp,
        serve_directory(directory) as base,
        redis_server() as redis_url,
    ):
        work = Path(tmp)
        one_seconds, one_items, _, one_cpu = crawl(base, redis_url, 1, work / "one")
        two_seconds, two_items, split, two_cpu = crawl(base, redis_url, 2, work / "two")
        stats = [json.loads((work / "two" / f"w{i}" / "stats.json").read_text()) for i in range(2)]
    if one_items != articles or two_items != articles:
        raise RuntimeError(f"expected {articles} articles, got {one_items} (one worker) and {two_items} (two)")
    rows = [
        Row(f"2 workers ({split[0]:,} + {split[1]:,} articles)", pages / two_seconds, "1 worker", pages / one_seconds,
            "pages/s", GOAL),
    ]  # fmt: skip
    reasons = ", ".join(str(s.get("finish_reason")) for s in stats)
    return "\n".join(
        [
            "## 4. Distributed scaling",
            "",
            run_line("distributed", quick),
            "",
            __doc__.split("\n\n", 1)[1].strip(),
            "",
            table(rows),
            "",
            f"{pages:,} pages, {articles:,} articles; one worker {one_seconds:.1f} s, two workers {two_seconds:.1f} s;"
            f" both workers exited by themselves ({reasons}). Where the time goes: the workers are CPU-bound"
            f" (Scrapy + parsing; see table 2's profile). One worker used {one_cpu:.0f} CPU-s"
            f" ({one_cpu / one_seconds:.2f} cores on average, idle wait included); two used {two_cpu:.0f} CPU-s"
            f" ({two_cpu / two_seconds:.2f} cores) on a machine of {os.cpu_count()} cores that nginx and redis-server"
            " share. Two workers can reach 2× only with a free core each; here the ceiling is the spare capacity"
            " of the second core.",
            "",
        ]
    )
