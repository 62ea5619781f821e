"""Finding a crawl's outputs from what a user names on the command line (``healthscrape report``/``export``).

An input is one of:

* a JSONL file: articles, or duplicates when its first record has ``duplicate_of``;
* a JSON file: a run's ``report.json`` or a ``STATS_FILE`` (``stats.json``);
* a folder holding ``articles.jsonl`` (and maybe ``duplicates.jsonl``, ``report.json`` or
  ``stats.json``): a run folder of ``healthscrape crawl``, or ``data/`` after ``make crawl``;
* a folder whose ``runs/*/`` or ``*/`` subfolders are such folders (``data/`` after
  ``healthscrape crawl``, or ``data/runs``); each run is one source.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scraper.errors import InputError
from scraper.feeds import ARTICLES_NAME, DUPLICATES_NAME, REPORT_NAME, STATS_NAME
from scraper.jsonl import json_lines

EXPORT_FORMATS = ("parquet", "csv")
# A file none of whose first lines is a JSON object is not a JSONL file of records.
SNIFFED_LINES = 1000
ARTICLES, DUPLICATES, REPORT, STATS = ARTICLES_NAME, DUPLICATES_NAME, REPORT_NAME, STATS_NAME


@dataclass
class Source:
    """One crawl's outputs; ``label`` names it in the report (a run folder's name, or the path)."""

    label: str
    articles: Path | None = None
    duplicates: Path | None = None
    stats: dict[str, Any] | None = None


@dataclass
class Outputs:
    """The sources the user's inputs name, in order."""
    sources: list[Source] = field(default_factory=list)

    @property
    def article_files(self) -> list[Path]:
        """The articles JSONL files of the sources, in order."""
        return [s.articles for s in self.sources if s.articles is not None]

    @property
    def files(self) -> list[Path]:
        """Every articles and duplicates file the sources read (no output may overwrite one)."""
        return [path for s in self.sources for path in (s.articles, s.duplicates) if path is not None]


def find_outputs(inputs: list[str | Path]) -> Outputs:
    """The sources the inputs name, in order; :class:`InputError` for anything else."""
    outputs = Outputs()
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            outputs.sources += _folder_sources(path)
        elif path.is_file():
            outputs.sources.append(_file_source(path))
        else:
            raise InputError(f"no such file or folder: {path}")
    if not outputs.article_files:
        raise InputError("no articles among the inputs: give articles JSONL files or crawl output folders")
    return outputs


def _folder_sources(folder: Path) -> list[Source]:
    sources = [_run_source(folder)] if (folder / ARTICLES).is_file() else []
    for parent in (folder / "runs", folder):
        if parent.is_dir():
            sources += [_run_source(run) for run in sorted(parent.iterdir()) if (run / ARTICLES).is_file()]
    if not sources:
        raise InputError(f"{folder}: no {ARTICLES} in it, nor in its runs/*/ or */ folders")
    return sources


def _run_source(folder: Path) -> Source:
    duplicates = folder / DUPLICATES
    stats = None
    for name in (REPORT, STATS):
        if (folder / name).is_file():
            stats = stats_of(folder / name)
            break
    label = folder.name if (folder / REPORT).is_file() else str(folder)
    return Source(label, folder / ARTICLES, duplicates if duplicates.is_file() else None, stats)


def _file_source(path: Path) -> Source:
    if path.suffix == ".json":
        return Source(str(path), stats=stats_of(path))
    first = _first_record(path)
    if first is not None and "duplicate_of" in first:
        return Source(str(path), duplicates=path)
    return Source(str(path), articles=path)


def _first_record(path: Path) -> dict[str, Any] | None:
    """The first JSON object among the first :data:`SNIFFED_LINES` non-blank lines of a JSONL file (the
    bad lines before it are the loader's to name); None for a file without lines. InputError when none of
    those lines is an object: the file is something else (an HTML report, a CSV, a binary file)."""
    seen = 0
    for _, value in json_lines(path):
        if isinstance(value, dict):
            return value
        seen += 1
        if seen == SNIFFED_LINES:
            break
    if seen:
        raise InputError(f"{path}: not a JSONL file of records (no line is a JSON object)")
    return None


def stats_of(path: Path) -> dict[str, Any]:
    """Scrapy stats from a ``STATS_FILE`` or a run's ``report.json`` (a killed run's report has only counts)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not a JSON file ({exc})") from exc
    if not isinstance(data, dict):
        raise InputError(f"{path}: not a stats or report JSON object")
    if "counts" in data or "checks" in data:  # a run report
        stats = data.get("stats")
        return stats if isinstance(stats, dict) else {}
    return data
