"""A run's report (``report.json``): its counts, and the checks that decide its exit status."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from scraper import stats as keys
from scraper.clock import utc_now
from scraper.feeds import REPORT_NAME, write_atomically
from scraper.runs.folders import RUN_OUTPUTS
from scraper.stats import articles_seen, error_rate_verdict, faults, skipped_by_reason

MONITOR_FAILURES = ("FAIL", "ERROR")


def previous_report(runs_dir: Path, current: Path) -> dict[str, Any] | None:
    """The report of the latest earlier run that has one."""
    for run in sorted((p for p in runs_dir.iterdir() if p.is_dir() and p != current), reverse=True):
        report = run / REPORT_NAME
        if report.exists():
            try:
                data = json.loads(report.read_text(encoding="utf-8"))
            except ValueError:
                continue
            return data if isinstance(data, dict) else None
    return None


def checks(
    stats: dict[str, Any],
    exit_code: int,
    previous: dict[str, Any] | None,
    max_error_rate: float,
    monitors: list[dict[str, Any]] | None = None,
) -> list[dict[str, Any]]:
    """The checks that decide whether a run failed, each ``{name, ok, detail}``."""
    failed_monitors = [m for m in monitors or [] if m.get("status") in MONITOR_FAILURES]
    seen = articles_seen(stats)
    last_seen = int(previous.get("counts", {}).get("articles_seen", 0)) if previous else 0
    reason = stats.get(keys.FINISH_REASON)
    rate_ok, rate_detail = error_rate_verdict(stats, max_error_rate)
    export_error = stats.get(keys.EXPORT_ERROR)
    return [
        {"name": "export", "ok": export_error is None, "detail": export_error or "every record written"},
        {"name": "process", "ok": exit_code == 0, "detail": f"scrapy exit code {exit_code}"},
        {"name": "finish_reason", "ok": reason == "finished", "detail": f"finish reason {reason!r}"},
        {
            "name": "articles",
            "ok": seen > 0 or last_seen == 0,
            "detail": f"{seen} articles seen (last run: {last_seen})",
        },
        {"name": "error_rate", "ok": rate_ok, "detail": rate_detail},
        {
            "name": "monitors",
            "ok": monitors is not None and not failed_monitors,
            "detail": "; ".join(f"{m['monitor']}: {m.get('detail')}" for m in failed_monitors)
            or ("all monitors passed" if monitors is not None else "no monitor results"),
        },
    ]


def run_report(
    run: Path,
    started: str,
    code: int,
    stats: dict[str, Any],
    results: list[dict[str, Any]],
    monitors: list[dict[str, Any]] | None,
    interrupted: bool = False,
) -> dict[str, Any]:
    """``report.json`` of a finished run (see README → Scheduled scrapes → Reading report.json); its
    status is ``interrupted`` for a crawl stopped by SIGTERM/SIGINT, else ``ok`` or ``failed``."""
    status = "interrupted" if interrupted else "ok" if all(c["ok"] for c in results) else "failed"
    return {
        "run": run.name,
        "started_at": started,
        "finished_at": utc_now(),
        "status": status,
        "exit_code": code,
        "finish_reason": stats.get(keys.FINISH_REASON),
        "counts": {
            "articles_exported": stats.get(keys.ITEMS_SCRAPED, 0),
            "articles_seen": articles_seen(stats),
            "articles_updated": stats.get(keys.INCREMENTAL_UPDATED, 0),
            "not_modified": stats.get(keys.INCREMENTAL_NOT_MODIFIED, 0),
            "duplicates": stats.get(keys.DUPLICATES, 0),
            "skipped_pages": skipped_by_reason(stats),
            "invalid_records": stats.get(keys.INVALID, 0),
            "requests": stats.get(keys.REQUESTS, 0),
            "retries": stats.get(keys.RETRIES, 0),
            "faults": faults(stats),
        },
        "checks": results,
        "outputs": {name: str(run / name) for name in RUN_OUTPUTS},
        "stats": stats,
        "monitors": monitors,
    }


def killed_report(run: Path, articles: int, duplicates: int) -> dict[str, Any]:
    """``report.json`` of a run that was killed and recovered by the next one (its whole records kept)."""
    return {
        "run": run.name,
        "status": "killed",
        "recovered_at": utc_now(),
        "counts": {"articles_exported": articles, "articles_seen": articles, "duplicates": duplicates},
        "checks": [{"name": "process", "ok": False, "detail": "the run was killed; its whole records were kept"}],
    }


def write_report(run: Path, report: dict[str, Any]) -> None:
    """Write a run's ``report.json`` atomically (it marks the run as finished or recovered)."""
    write_atomically(run / REPORT_NAME, json.dumps(report, ensure_ascii=False, indent=1, default=str))
