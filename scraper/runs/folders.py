"""Run folders: one per scheduled run under ``data/runs/<UTC timestamp>/``, outputs published by renaming."""

from __future__ import annotations

import os
from pathlib import Path

from scraper.clock import compact, utc_now
from scraper.feeds import ARTICLES_NAME, DUPLICATES_NAME, PART, cut_to_whole_lines

# What a run writes under temporary names and publishes when the crawl has ended.
RUN_OUTPUTS = (ARTICLES_NAME, DUPLICATES_NAME)


def new_run_dir(runs_dir: Path) -> Path:
    """``runs_dir/<UTC timestamp>/`` (a suffix keeps two runs in one second apart)."""
    stamp = compact(utc_now())
    for suffix in ["", *(f"-{n}" for n in range(1, 100))]:
        run = runs_dir / (stamp + suffix)
        try:
            run.mkdir(parents=True)
            return run
        except FileExistsError:
            continue
    raise RuntimeError(f"cannot create a run folder under {runs_dir}")


def discard_run(run: Path) -> None:
    """Remove the folder of a run whose crawl never started (a setting refused while it was being set
    up): its files, unless an output holds a record, and the folder itself."""
    outputs = {name + suffix for name in RUN_OUTPUTS for suffix in ("", PART)}
    files = [path for path in run.iterdir() if path.is_file()]
    if any(path.name in outputs and path.stat().st_size > 0 for path in files):
        return
    for path in files:
        path.unlink()
    run.rmdir()


def publish(run: Path, names: tuple[str, ...]) -> None:
    """Rename the run's outputs from ``NAME.part`` to ``NAME``, each cut after its last whole line (a
    line cut by a kill or a full disk is dropped); an output the crawl never opened is created empty.
    An output already published is left as it is, so publishing twice (a run killed while it was
    being published) changes nothing."""
    for name in names:
        part = run / (name + PART)
        if part.exists():
            cut_to_whole_lines(part)
            os.replace(part, run / name)
        elif not (run / name).exists():
            (run / name).touch()  # a crawl that wrote nothing: the run still has its (empty) outputs


def complete_lines(path: Path) -> list[str]:
    """The whole lines of a file (a line cut by a kill, without its newline, is dropped)."""
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8", errors="replace")
    return text.splitlines(keepends=True)[: text.count("\n")]
