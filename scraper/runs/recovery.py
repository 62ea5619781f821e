"""Recovery of a killed run: its whole records kept, published, and reported ``killed``."""

from __future__ import annotations

import json
from pathlib import Path

from scraper.clock import utc_now
from scraper.feeds import PART, write_atomically
from scraper.incremental.state import CrawlState
from scraper.runs.folders import complete_lines


def recover_killed_runs(runs_dir: Path, state: CrawlState) -> list[Path]:
    """Close the runs that were killed (outputs still ``.part``, no report): keep their whole lines,
    make sure the state knows every record they hold, publish them, and write a ``killed`` report."""
    recovered = []
    for run in sorted(p for p in runs_dir.glob("*") if p.is_dir() and not (p / "report.json").exists()):
        articles, duplicates = (
            complete_lines(run / "articles.jsonl.part"),
            complete_lines(run / "duplicates.jsonl.part"),
        )
        for line in articles:
            record = json.loads(line)
            state.record_article(record["url"], record.get("fingerprint"), int(record.get("revision") or 1))
        for line in duplicates:
            entry = json.loads(line)
            state.record_duplicate(entry["url"], entry["duplicate_of"])
        write_atomically(run / "articles.jsonl", "".join(articles))
        write_atomically(run / "duplicates.jsonl", "".join(duplicates))
        for name in ("articles.jsonl", "duplicates.jsonl"):
            (run / (name + PART)).unlink(missing_ok=True)
        report = {
            "run": run.name,
            "status": "killed",
            "recovered_at": utc_now(),
            "counts": {
                "articles_exported": len(articles),
                "articles_seen": len(articles),
                "duplicates": len(duplicates),
            },
            "checks": [{"name": "process", "ok": False, "detail": "the run was killed; its whole records were kept"}],
        }
        write_atomically(run / "report.json", json.dumps(report, ensure_ascii=False, indent=1))
        recovered.append(run)
    return recovered
