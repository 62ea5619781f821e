"""Where a crawl's outputs go and how they are written.

* the main output: Scrapy's feeds (``FEEDS``, ``-o``/``-O``), ``DEFAULT_FEED`` when none is given, or
  ``RUN_OUTPUT`` (the durable export of ``healthscrape crawl``);
* the duplicates file: ``DUPLICATES_FILE``, else ``duplicates.jsonl`` next to the main feed;
* one JSON line per record (:func:`record_line`), and whole files written under ``NAME.part`` and
  renamed (:func:`write_atomically`), so a reader never sees half a file.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from itemadapter import ItemAdapter
from scrapy.settings import BaseSettings

from scraper.errors import InputError
from scraper.items import RECORD_FIELDS

# The files of a crawl's output folder (a healthscrape crawl run folder, or data/ after make crawl).
ARTICLES_NAME = "articles.jsonl"
DUPLICATES_NAME = "duplicates.jsonl"
REPORT_NAME = "report.json"
STATS_NAME = "stats.json"
MONITORS_NAME = "monitors.json"
# The duplicates file when neither DUPLICATES_FILE nor a local feed says where.
FALLBACK_DUPLICATES_FILE = f"data/{DUPLICATES_NAME}"
# A Scrapy signal (``item=``) sent once the durable export (``RUN_OUTPUT``) has flushed a record to the
# file (it outlives the process; fsync follows): what a distributed worker claimed for it in the shared
# index is written (``pipelines.cross_page_dedup``).
item_written = object()
PART = ".part"


def feed_file(settings: BaseSettings) -> tuple[Path | None, bool]:
    """The first local file among the feeds and whether it is overwritten each run."""
    for uri, options in (settings.getdict("FEEDS") or {}).items():
        uri = str(uri)
        parts = urlsplit(uri)
        if "%(" in uri or parts.scheme not in ("", "file") or uri in ("-", "stdout:"):
            continue
        path = Path(parts.path if parts.scheme == "file" else uri)
        return path, bool((options or {}).get("overwrite", False))
    return None, True


def duplicates_path(settings: BaseSettings) -> tuple[Path, bool]:
    """Where duplicates go (``DUPLICATES_FILE`` or next to the main feed) and whether to overwrite."""
    feed, overwrite = feed_file(settings)
    configured = settings.get("DUPLICATES_FILE")
    if configured:
        return Path(configured), overwrite
    if feed is not None:
        return feed.parent / DUPLICATES_NAME, overwrite
    return Path(FALLBACK_DUPLICATES_FILE), overwrite


def main_output(settings: BaseSettings) -> str:
    """The main output as the end-of-run summary names it."""
    feed, _ = feed_file(settings)
    return str(settings.get("RUN_OUTPUT") or (str(feed) if feed else "the configured feeds"))


def record_line(item: Any) -> str:
    """The JSON line of a record: every field, in schema order, Chinese not escaped."""
    adapter = ItemAdapter(item)
    return json.dumps({key: adapter.get(key) for key in RECORD_FIELDS}, ensure_ascii=False) + "\n"


def json_lines(path: Path) -> Iterator[tuple[int, Any]]:
    """``(line number, value)`` for each non-blank line of a JSONL file; the value is the
    ``json.JSONDecodeError`` of a line that is not JSON, for the caller to raise or count."""
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as error:
                yield number, error


def refuse_overwriting(outputs: Iterable[Path | None], inputs: Iterable[Path]) -> None:
    """InputError when an output file is one of the input files: writing it would destroy the input."""
    read = {Path(path).resolve() for path in inputs}
    for output in outputs:
        if output is not None and Path(output).resolve() in read:
            raise InputError(f"the output {output} is also an input")


def write_atomically(path: Path, text: str) -> None:
    """Write under ``NAME.part`` and rename, so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + PART)
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
