"""Scheduled runs: one folder per run under ``data/runs/``, a lock, and the run's report.

``healthscrape crawl`` uses these: it takes the lock (a second run exits at once), crawls
into ``data/runs/<UTC timestamp>/`` under temporary names, renames the outputs once the
crawl has ended, and writes ``report.json`` (atomically) with the counts and checks that
decide the exit status.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scraper.state import CrawlState

LOCK_FILE = "crawl.lock"
PART = ".part"
# Checks that fail a run; thresholds can be changed with crawl options.
DEFAULT_MAX_ERROR_RATE = 0.2


class LockError(RuntimeError):
    """Another run holds the lock."""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@dataclass
class RunLock:
    """``data/state/crawl.lock`` holding the running process's pid; a dead holder's lock is taken over."""

    path: Path
    taken_over: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        content = json.dumps({"pid": os.getpid(), "started_at": utc_stamp()})
        try:
            fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            holder = self._holder()
            if holder and _alive(holder.get("pid", -1)):
                raise LockError(
                    f"another crawl is running (pid {holder['pid']}, started {holder.get('started_at', '?')}); "
                    f"lock file {self.path}"
                ) from None
            self.taken_over = holder.get("pid") if holder else None
            temporary = self.path.with_name(self.path.name + f".{os.getpid()}")
            temporary.write_text(content)
            os.replace(temporary, self.path)
            return
        with os.fdopen(fd, "w") as lock:
            lock.write(content)

    def release(self) -> None:
        holder = self._holder()
        if holder and holder.get("pid") == os.getpid():
            self.path.unlink(missing_ok=True)

    def _holder(self) -> dict[str, Any] | None:
        try:
            data = json.loads(self.path.read_text())
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None


def utc_stamp() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def new_run_dir(runs_dir: Path) -> Path:
    """``runs_dir/<UTC timestamp>/`` (a suffix keeps two runs in one second apart)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    for suffix in ["", *(f"-{n}" for n in range(1, 100))]:
        run = runs_dir / (stamp + suffix)
        try:
            run.mkdir(parents=True)
            return run
        except FileExistsError:
            continue
    raise RuntimeError(f"cannot create a run folder under {runs_dir}")


def write_atomically(path: Path, text: str) -> None:
    """Write under ``NAME.part`` and rename, so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + PART)
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def publish(run: Path, names: tuple[str, ...]) -> None:
    """Rename the run's finished outputs from ``NAME.part`` to ``NAME``."""
    for name in names:
        part = run / (name + PART)
        if part.exists():
            os.replace(part, run / name)


def articles_seen(stats: dict[str, Any]) -> int:
    """Articles the run saw: exported, plus those an incremental run found unchanged."""
    keys = ("item_scraped_count", "incremental/not_modified", "incremental/unchanged", "incremental/skipped_known")
    return sum(int(stats.get(k, 0)) for k in keys)


# Requests ignored by design, not faults (robots.txt refusals are counted by Scrapy already).
IGNORED_ON_PURPOSE = ("not_modified", "known_article", "robots")


def faults(stats: dict[str, Any]) -> dict[str, int]:
    """Every fault the crawl met, by reason: HTTP errors, download exceptions, retries given up,
    robots.txt refusals and the pages the parser skipped."""
    found: dict[str, int] = {}
    for key, value in stats.items():
        if key.startswith("downloader/response_status_count/"):
            status = key.rsplit("/", 1)[-1]
            if status not in ("200", "304"):
                found[f"http_{status}"] = int(value)
        elif key.startswith("downloader/exception_type_count/"):
            found["exception/" + key.rsplit(".", 1)[-1]] = int(value)
        elif key.startswith("parse/skipped_"):
            found["skipped/" + key.removeprefix("parse/skipped_")] = int(value)
        elif key.startswith("parse/ignored/") and key.rsplit("/", 1)[-1] not in IGNORED_ON_PURPOSE:
            found["ignored/" + key.rsplit("/", 1)[-1]] = int(value)
    for key, name in (("retry/max_reached", "retries_exhausted"), ("robotstxt/forbidden", "robots_forbidden")):
        if stats.get(key):
            found[name] = int(stats[key])
    return dict(sorted(found.items()))


def error_rate(stats: dict[str, Any]) -> float:
    requests = int(stats.get("downloader/request_count", 0))
    errors = int(stats.get("parse/skipped_error", 0))
    return errors / requests if requests else 0.0


def previous_report(runs_dir: Path, current: Path) -> dict[str, Any] | None:
    """The report of the latest earlier run that has one."""
    for run in sorted((p for p in runs_dir.iterdir() if p.is_dir() and p != current), reverse=True):
        report = run / "report.json"
        if report.exists():
            try:
                data = json.loads(report.read_text(encoding="utf-8"))
            except ValueError:
                continue
            return data if isinstance(data, dict) else None
    return None


MONITOR_FAILURES = ("FAIL", "ERROR")


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
    reason = stats.get("finish_reason")
    rate = error_rate(stats)
    return [
        {"name": "process", "ok": exit_code == 0, "detail": f"scrapy exit code {exit_code}"},
        {"name": "finish_reason", "ok": reason == "finished", "detail": f"finish reason {reason!r}"},
        {
            "name": "articles",
            "ok": seen > 0 or last_seen == 0,
            "detail": f"{seen} articles seen (last run: {last_seen})",
        },
        {
            "name": "error_rate",
            "ok": rate <= max_error_rate,
            "detail": f"{rate:.1%} of requests failed (max {max_error_rate:.0%})",
        },
        {
            "name": "monitors",
            "ok": monitors is not None and not failed_monitors,
            "detail": "; ".join(f"{m['monitor']}: {m.get('detail')}" for m in failed_monitors)
            or ("all monitors passed" if monitors is not None else "no monitor results"),
        },
    ]


def complete_lines(path: Path) -> list[str]:
    """The whole lines of a file (a line cut by a kill, without its newline, is dropped)."""
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8", errors="replace")
    return text.splitlines(keepends=True)[: text.count("\n")]


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
            "recovered_at": utc_stamp(),
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
