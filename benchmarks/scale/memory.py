"""Table 5: peak RSS of a 20,000-page crawl against a 2,000-page crawl (``scrapy crawl articles``).

Both sites are generated (the sample site's template) and served by nginx; each crawl is one
``scrapy crawl articles`` process with all pipelines and a temp state dir; peak RSS is its
``VmHWM`` (see ``crawls.py`` for why not ``ru_maxrss``), and its RSS is sampled over the run.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks.nginx import serve_directory
from benchmarks.scale.crawls import CrawlRun, articles_crawl
from benchmarks.scale.report import AT_MOST, Row, run_line, table
from benchmarks.scale.sites import site

GOAL = 1.5


def _crawl(articles: int, work: Path) -> CrawlRun:
    directory, _ = site(articles)
    with serve_directory(directory) as base:
        return articles_crawl(base, work)


def run(quick: bool) -> str:
    small, large = (200, 2000) if quick else (2000, 20000)
    with tempfile.TemporaryDirectory(prefix="healthscrape-bench-memory-") as tmp:
        runs = {n: _crawl(n, Path(tmp) / str(n)) for n in (small, large)}
    row = Row(
        f"peak RSS, {large:,}-article crawl", runs[large].peak_rss_mib, f"{small:,}-article crawl",
        runs[small].peak_rss_mib, "MiB", GOAL, AT_MOST,
    )  # fmt: skip
    details = "; ".join(
        f"{n:,} articles: {r.items:,} exported, {r.responses:,} responses in {r.seconds:.0f} s, "
        f"`ru_maxrss` {r.stats.get('memusage/max', 0) / 2**20:.0f} MiB (Scrapy's memusage/max: includes the parent's"
        " pages before exec)"
        for n, r in runs.items()
    )
    lines = ["## 5. Memory", "", run_line("memory", quick), details + ".", "", table([row]), ""]
    lines += [f"RSS of the {n:,}-article crawl over its run: {_trace(r)}." for n, r in runs.items()]
    return "\n".join(lines) + "\n"


def _trace(run: CrawlRun, points: int = 10) -> str:
    """The RSS at ``points`` evenly spaced moments of the run, as ``t s: MiB``."""
    trace = run.rss_trace
    if not trace:
        return "not sampled"
    step = max(1, len(trace) // points)
    shown = trace[::step] + ([trace[-1]] if (len(trace) - 1) % step else [])
    return ", ".join(f"{t:.0f} s: {rss:.0f}" for t, rss in shown) + " MiB"
