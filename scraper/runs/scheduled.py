"""One scheduled, incremental run (``healthscrape crawl``): lock, recover killed runs, crawl into a new
run folder, publish its outputs, write ``report.json``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from scraper.clock import utc_now
from scraper.feeds import ARTICLES_NAME, DUPLICATES_NAME, MONITORS_NAME, PART, STATS_NAME
from scraper.incremental.state import CrawlState
from scraper.runs.folders import RUN_OUTPUTS, new_run_dir, publish
from scraper.runs.lock import LOCK_FILE, RunLock
from scraper.runs.recovery import recover_killed_runs
from scraper.runs.report import checks, previous_report, run_report, write_report

EXIT_OK, EXIT_RUN_FAILED = 0, 1


def read_json(path: Path) -> Any:
    """A JSON file the crawl wrote, or None when it did not write it."""
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def scheduled_run(data_dir: Path, scrapy_args: list[str], max_error_rate: float) -> int:
    """Run ``scrapy crawl articles`` once into ``data_dir/runs/<ts>/``; the exit code (0 every check passed).

    Raises ``scraper.runs.lock.LockError`` when another run holds the lock.
    """
    state, runs = data_dir / "state", data_dir / "runs"
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
        command = [
            sys.executable, "-m", "scrapy", "crawl", "articles",
            "-s", f"STATE_DIR={state}",
            "-s", f"RUN_OUTPUT={run / ARTICLES_NAME}{PART}",
            "-s", f"DUPLICATES_FILE={run / DUPLICATES_NAME}{PART}",
            "-s", f"STATS_FILE={run / STATS_NAME}",
            "-s", f"MONITOR_RESULTS_FILE={run / MONITORS_NAME}",
            *scrapy_args,
            "-s", f"MAX_ERROR_RATE={max_error_rate}",  # the monitors' rate is the exit code's
        ]  # fmt: skip
        env = {"SCRAPY_SETTINGS_MODULE": "scraper.settings", **os.environ}
        code = subprocess.call(command, env=env)
        stats = read_json(run / STATS_NAME) or {}
        monitors = read_json(run / MONITORS_NAME)
        if code == 0:
            publish(run, RUN_OUTPUTS)
        results = checks(stats, code, previous_report(runs, run), max_error_rate, monitors)
        write_report(run, run_report(run, started, code, stats, results, monitors))
        failed = [c for c in results if not c["ok"]]
        verdict = "ok" if not failed else "FAILED: " + "; ".join(c["detail"] for c in failed)
        print(f"healthscrape: run {run} {verdict}")
        return EXIT_RUN_FAILED if failed else EXIT_OK
    finally:
        lock.release()
