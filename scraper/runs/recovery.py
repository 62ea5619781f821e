"""Recovery of a killed run: its whole records kept, published, and reported ``killed``."""

from __future__ import annotations

import json
from pathlib import Path

from scraper.feeds import PART, REPORT_NAME, write_atomically
from scraper.incremental.state import CrawlState
from scraper.runs.folders import RUN_OUTPUTS, complete_lines
from scraper.runs.report import killed_report, write_report


def recover_killed_runs(runs_dir: Path, state: CrawlState) -> list[Path]:
    """Close the runs that were killed (outputs still ``.part``, no report): keep their whole lines,
    make sure the state knows every record they hold, publish them, and write a ``killed`` report."""
    recovered = []
    for run in sorted(p for p in runs_dir.glob("*") if p.is_dir() and not (p / REPORT_NAME).exists()):
        articles, duplicates = (complete_lines(run / (name + PART)) for name in RUN_OUTPUTS)
        for line in articles:
            record = json.loads(line)
            state.record_article(record["url"], record.get("fingerprint"), int(record.get("revision") or 1))
        for line in duplicates:
            entry = json.loads(line)
            state.record_duplicate(entry["url"], entry["duplicate_of"])
        for name, lines in zip(RUN_OUTPUTS, (articles, duplicates), strict=True):
            write_atomically(run / name, "".join(lines))
            (run / (name + PART)).unlink(missing_ok=True)
        write_report(run, killed_report(run, len(articles), len(duplicates)))
        recovered.append(run)
    return recovered
