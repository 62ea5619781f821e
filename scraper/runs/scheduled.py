"""One scheduled, incremental run (``healthscrape crawl``): lock, recover killed runs, crawl into a new
run folder, publish its outputs, write ``report.json``.

The crawl runs in this process, the one that holds the lock (:mod:`scraper.commands.crawl`): killing the
lock's pid kills every writer of the run, and SIGTERM/SIGINT stop the crawl through Scrapy's graceful
shutdown, after which the run is published as it is and reported ``interrupted``.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

from scrapy.exceptions import UsageError

from scraper import stats as keys
from scraper.clock import utc_now
from scraper.commands.crawl import crawler_process, project_settings, read_arguments, run_crawl
from scraper.extensions.summary import summary_text
from scraper.feeds import ARTICLES_NAME, DUPLICATES_NAME, MONITORS_NAME, PART, STATS_NAME
from scraper.incremental.state import CrawlState
from scraper.runs.folders import discard_run, new_run_dir
from scraper.runs.lock import LOCK_FILE, RunLock
from scraper.runs.recovery import recover_killed_runs, settle_outputs
from scraper.runs.report import checks, previous_report, run_report, write_report

EXIT_OK, EXIT_RUN_FAILED = 0, 1
SPIDER = "articles"
# The finish reason of a crawl stopped by SIGTERM/SIGINT (Scrapy's graceful shutdown).
SHUTDOWN = "shutdown"


def read_json(path: Path) -> Any:
    """A JSON file the crawl wrote, or None when it did not write it."""
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def run_settings(state: Path, run: Path) -> dict[str, str]:
    """What every scheduled crawl writes where: the state, and the run folder's files."""
    return {
        "STATE_DIR": str(state),
        "RUN_OUTPUT": f"{run / ARTICLES_NAME}{PART}",
        "DUPLICATES_FILE": f"{run / DUPLICATES_NAME}{PART}",
        "STATS_FILE": str(run / STATS_NAME),
        "MONITOR_RESULTS_FILE": str(run / MONITORS_NAME),
        # Printed by finish_run once the outputs are published under their final names.
        "SUMMARY_ENABLED": "False",
    }


def scheduled_run(data_dir: Path, scrapy_args: list[str], max_error_rate: float) -> int:
    """Crawl ``articles`` once (``scrapy_args``: what ``scrapy crawl articles`` takes) into
    ``data_dir/runs/<ts>/``; the exit code (0 every check passed, 1 a check failed or the run was
    interrupted).

    Raises ``scraper.runs.lock.LockError`` when another run holds the lock, and
    ``scrapy.exceptions.UsageError`` for arguments ``scrapy crawl`` refuses (checked before the lock is
    taken; a setting refused while the crawl is set up leaves no run folder either).
    """
    state, runs = data_dir / "state", data_dir / "runs"
    arguments = read_arguments([SPIDER, *scrapy_args], project_settings())
    lock = RunLock(state / LOCK_FILE)
    lock.acquire()
    try:
        if lock.taken_over is not None:
            print(f"healthscrape: took over the stale lock of dead process {lock.taken_over}", file=sys.stderr)
        if runs.is_dir():
            store = CrawlState(state)
            try:
                for killed in recover_killed_runs(runs, store):
                    print(f"healthscrape: recovered the killed run {killed}", file=sys.stderr)
            finally:
                store.close()
        run = new_run_dir(runs)
        started = utc_now()
        summary = arguments.settings.getbool("SUMMARY_ENABLED")
        arguments.settings.setdict(run_settings(state, run), priority="cmdline")
        arguments.settings.set("MAX_ERROR_RATE", max_error_rate, priority="cmdline")  # the monitors' rate is ours
        process = crawler_process(arguments.settings)
        outcome = run_crawl(process, process.create_crawler(arguments.spider), arguments.spider_arguments)
        if outcome.refused:
            discard_run(run)
            raise UsageError(str(outcome.bootstrap_error), print_help=False)
        assert outcome.crawler.stats is not None
        stats = read_json(run / STATS_NAME) or outcome.crawler.stats.get_stats()
        try:
            return finish_run(run, state, started, outcome.started, stats, max_error_rate, summary)
        except (OSError, sqlite3.Error) as error:  # a full disk: the next run recovers the run
            print(f"healthscrape: run {run} FAILED: it could not be published ({error}); the next run recovers it")
            return EXIT_RUN_FAILED
    finally:
        lock.release()


def finish_run(
    run: Path,
    state: Path,
    started: str,
    crawled: bool,
    stats: dict[str, Any],
    max_error_rate: float,
    summary: bool = True,
) -> int:
    """Settle the run's outputs, write its report, print the summary (``summary``: SUMMARY_ENABLED, with
    the outputs' published names) and the verdict in one line; the exit code. OSError or sqlite3.Error
    when the disk is full (the run, unreported, is recovered by the next)."""
    runs = run.parent
    monitors = read_json(run / MONITORS_NAME)
    code = 0 if crawled else 1
    store = CrawlState(state)
    try:
        settle_outputs(run, store)
    finally:
        store.close()
    if summary:
        reason = str(stats.get(keys.FINISH_REASON))
        print(summary_text(stats, reason, str(run / ARTICLES_NAME), str(run / DUPLICATES_NAME)), flush=True)
    interrupted = crawled and stats.get(keys.FINISH_REASON) in (SHUTDOWN, None)
    results = checks(stats, code, previous_report(runs, run), max_error_rate, monitors)
    write_report(run, run_report(run, started, code, stats, results, monitors, interrupted))
    failed = [c for c in results if not c["ok"]]
    if interrupted:
        print(f"healthscrape: run {run} interrupted (finish reason {stats.get(keys.FINISH_REASON)!r}); "
              "its records are published, the next run goes on from there")  # fmt: skip
    else:
        verdict = "ok" if not failed else "FAILED: " + "; ".join(c["detail"] for c in failed)
        print(f"healthscrape: run {run} {verdict}")
    return EXIT_RUN_FAILED if failed or interrupted else EXIT_OK
