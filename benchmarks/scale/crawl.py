"""Table 2: end-to-end ``scrapy crawl articles`` against a bare Scrapy spider, same pages, same server.

nginx serves a generated site of 2,000 articles (with its list pages); in the same run a bare
spider (``bare_spider.py``: downloads and follows links, nothing else, with the Scrapy settings of
ours that change Scrapy's own work: concurrency, robots.txt) and ``scrapy crawl
articles`` with all pipelines (state in a temp dir, so the incremental pipeline and SQLite work
too) crawl it from its home page, alternately, twice each; the best run of each counts. Pages/s =
the site's pages / the spider's own elapsed time (open → close).
"""

from __future__ import annotations

import os
import pstats
import tempfile
from pathlib import Path

from benchmarks.nginx import serve_directory
from benchmarks.scale.crawls import CrawlRun, articles_crawl, bare_crawl
from benchmarks.scale.profiles import cumulative_share, summary
from benchmarks.scale.report import Row, run_line, table
from benchmarks.scale.sites import site
from scraper.stages import STAGES as PIPELINE_STAGES

GOAL = 0.8


def run(quick: bool) -> str:
    articles = 300 if quick else 2000
    directory, manifest = site(articles)
    pages = len(manifest["pages"])
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    bare: list[CrawlRun] = []
    ours: list[CrawlRun] = []
    with tempfile.TemporaryDirectory(prefix="healthscrape-bench-crawl-") as tmp, serve_directory(directory) as base:
        work = Path(tmp)
        for attempt in range(1 if quick else 2):
            bare.append(bare_crawl(base, work / f"bare-{attempt}"))
            ours.append(articles_crawl(base, work / f"articles-{attempt}"))
        best_bare = min(bare, key=lambda r: r.seconds)
        best = min(ours, key=lambda r: r.seconds)
        rows = [
            Row(
                f"`scrapy crawl articles`, all pipelines ({best.items:,} articles)", best.pages_per_second(pages),
                "bare Scrapy spider (download + follow links)", best_bare.pages_per_second(pages), "pages/s", GOAL,
            ),
            Row(
                "the same, per CPU second of the crawl process", max(r.pages_per_cpu_second(pages) for r in ours),
                "the same", max(r.pages_per_cpu_second(pages) for r in bare), "pages/CPU-s", GOAL,
            ),
        ]  # fmt: skip
        profile = None
        if any(row.met is False for row in rows):
            profile = _explained(pstats.Stats(str(_profiled(base, work / "profiled"))), rows[1])
    lines = [
        "## 2. Crawl",
        "",
        run_line("crawl", quick),
        f"{pages:,} pages ({articles:,} articles and their list pages) served by nginx on 127.0.0.1; each spider"
        f" crawled them {len(ours)}× (alternately), best run shown. Times of all runs (s, spider open → close):"
        f" bare {', '.join(f'{r.seconds:.1f}' for r in bare)}; articles {', '.join(f'{r.seconds:.1f}' for r in ours)}."
        f" Peak RSS: bare {best_bare.peak_rss_mib:.0f} MiB, articles {best.peak_rss_mib:.0f} MiB. Load average"
        f" before the runs: {load}. The second row counts the crawl process's CPU time instead of the elapsed"
        " time: both spiders are single-threaded and CPU-bound here, so it is the figure other work on the machine"
        " (other test suites, nginx) disturbs least.",
        "",
        table(rows),
    ]
    if profile:
        lines += ["", "### Where the time goes (cProfile of one more `scrapy crawl articles` run)", "", profile]
    return "\n".join(lines) + "\n"


def _profiled(base: str, work: Path) -> Path:
    articles_crawl(base, work, profile=True)
    return work / "crawl.prof"


# Stages of the articles crawl: (label, file suffix, function) whose cumulative time is its share.
STAGES = [
    ("page parsing (`parse_page`)", "scraper/spiders/articles.py", "_parse_page"),
    ("link extraction (Scrapy's `LinkExtractor`, as in the bare spider)", "scraper/spiders/articles.py", "_links"),
    # The stages in their order (scraper.stages.STAGES): a per-item stage is its function, the others their pipeline.
    *[
        (f"stage `{stage.name}`", "scraper/stages.py", stage.function.__name__)
        if stage.function is not None
        else (f"stage `{stage.name}`", f"{stage.pipeline.rsplit('.', 1)[0].replace('.', '/')}.py", "process_item")
        for stage in PIPELINE_STAGES
    ],
    ("incremental state: record an exported article (SQLite)", "pipelines/incremental.py", "exported"),
    ("incremental state: requests and response validators (SQLite)", "scraper/incremental/middleware.py",
     "process_request"),
    ("", "scraper/incremental/middleware.py", "process_response"),
    ("feed export (`-O`, Scrapy)", "scrapy/extensions/feedexport.py", "item_scraped"),
]


def _explained(stats: pstats.Stats, cpu_row: Row) -> str:
    """Each stage's share of the crawl's time, what would be left without parsing, and the top functions."""
    shares: list[tuple[str, float]] = []
    for label, path, function in STAGES:  # a stage without a label adds to the one before it
        share = cumulative_share(stats, path, function)
        if label:
            shares.append((label, share))
        else:
            shares[-1] = (shares[-1][0], shares[-1][1] + share)
    rest = 1 - sum(share for _, share in shares)
    lines = ["| stage | share of the crawl's time |", "|---|---|"]
    lines += [f"| {label} | {share:.1%} |" for label, share in shares]
    lines += [f"| Scrapy's engine, downloader, scheduler, signals, start-up and the rest | {rest:.1%} |"]
    parse = shares[0][1]
    assert cpu_row.ratio is not None
    lines += [
        "",
        f"Bound: even with page parsing moved entirely off the crawl process (to the second core), the CPU-time"
        f" ratio would be about {cpu_row.ratio / (1 - parse):.2f}× (measured {cpu_row.ratio:.2f}×, goal ≥ {GOAL:g}×).",
        "",
        summary(stats, top=12),
    ]
    return "\n".join(lines)
