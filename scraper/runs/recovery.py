"""Settling a run's outputs, after its crawl or after a kill: whole lines published, the state made to
agree with them; and recovery of the runs that were killed before they were settled (reported ``killed``)."""

from __future__ import annotations

import json
from pathlib import Path

from scraper.feeds import REPORT_NAME
from scraper.incremental.state import CrawlState
from scraper.runs.folders import RUN_OUTPUTS, complete_lines, publish
from scraper.runs.report import killed_report, write_report


def settle_outputs(run: Path, state: CrawlState) -> tuple[int, int]:
    """Publish the run's outputs with their whole lines and make sure the state knows every record they
    hold (an article written just before a kill is not exported again). Idempotent. Returns the number
    of articles and of duplicates the run holds."""
    publish(run, RUN_OUTPUTS)
    articles, duplicates = (complete_lines(run / name) for name in RUN_OUTPUTS)
    for line in articles:
        record = json.loads(line)
        state.record_article(record["url"], record.get("fingerprint"), int(record.get("revision") or 1))
    for line in duplicates:
        entry = json.loads(line)
        state.record_duplicate(entry["url"], entry["duplicate_of"])
    return len(articles), len(duplicates)


def recover_killed_runs(runs_dir: Path, state: CrawlState) -> list[Path]:
    """Close the runs that were killed (no report: outputs still ``.part``, or published but not
    reported): settle their outputs and write a ``killed`` report."""
    recovered = []
    for run in sorted(p for p in runs_dir.glob("*") if p.is_dir() and not (p / REPORT_NAME).exists()):
        articles, duplicates = settle_outputs(run, state)
        write_report(run, killed_report(run, articles, duplicates))
        recovered.append(run)
    return recovered
