"""Where a crawl's outputs go and how they are written.

* the main output: Scrapy's feeds (``FEEDS``, ``-o``/``-O``), ``DEFAULT_FEED`` when none is given, or
  ``RUN_OUTPUT`` (the durable export of ``healthscrape crawl``);
* the duplicates file: ``DUPLICATES_FILE``, else ``duplicates.jsonl`` next to the main feed;
* one JSON line per record (:func:`record_line`), appended whole or not at all (:class:`LineFile`), and
  whole files written under ``NAME.part`` and renamed (:func:`write_atomically`), so a reader never
  sees half a file or half a line.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.settings import BaseSettings
from scrapy.utils.defer import deferred_from_coro

from scraper.errors import InputError
from scraper.items import RECORD_FIELDS
from scraper.stats import EXPORT_ERROR, EXPORT_NOT_WRITTEN

logger = logging.getLogger(__name__)

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
# The finish reason of a crawl stopped because an output could not be written (Scrapy's are snake_case).
EXPORT_FAILED = "export_failed"


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


def refuse_overwriting(outputs: Iterable[Path | None], inputs: Iterable[Path]) -> None:
    """InputError when an output file is one of the input files: writing it would destroy the input."""
    read = {Path(path).resolve() for path in inputs}
    for output in outputs:
        if output is not None and Path(output).resolve() in read:
            raise InputError(f"the output {output} is also an input")


def write_atomically(path: Path, text: str) -> None:
    """Write under ``NAME.part`` and rename, so a reader never sees half a file. OSError (a full disk)
    leaves no ``NAME.part`` behind, and ``NAME`` as it was."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + PART)
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)
        raise


def cut_to_whole_lines(path: Path) -> None:
    """Truncate a file after its last newline (nothing is read but the tail)."""
    with path.open("rb+") as file:
        end = file.seek(0, os.SEEK_END)
        position = end
        while position > 0:
            start = max(0, position - 65536)
            file.seek(start)
            newline = file.read(position - start).rfind(b"\n")
            if newline >= 0:
                position = start + newline + 1
                break
            position = start
        if position != end:
            file.truncate(position)


class ExportError(Exception):
    """A line that could not be written to an output (a full disk, an I/O error); the file was left with
    its whole lines. The message names the file and the reason, in one line."""


class LineFile:
    """An output appended one whole JSON line at a time (``RUN_OUTPUT``, the duplicates file).

    Each line goes to the kernel with ``os.write`` until all of it is written (no buffer of ours holds
    half a line), then is fsynced when ``fsync`` is set. A write that fails (ENOSPC, EDQUOT, EIO, EFBIG…)
    is undone — the file is cut back to its size before the line — and raised as :class:`ExportError`.
    A file that ends in a cut line when opened (a process killed while writing it) is cut back first.
    """

    def __init__(self, path: Path, overwrite: bool = False, fsync: bool = False):
        self.path = path
        self.overwrite = overwrite
        self.fsync = fsync
        self.fd: int | None = None
        self.size = 0

    def open(self) -> None:
        """Open (create) the file for appending, or empty it with ``overwrite``; OSError if it cannot be."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.path.exists() and not self.overwrite:
            cut_to_whole_lines(self.path)
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | (os.O_TRUNC if self.overwrite else 0)
        self.fd = os.open(self.path, flags, 0o644)
        self.size = os.fstat(self.fd).st_size

    def append(self, line: str) -> None:
        """Write one line (ending in a newline) whole, or raise ExportError with the file as it was."""
        if self.fd is None:
            self.open()
        assert self.fd is not None
        data = memoryview(line.encode("utf-8"))
        try:
            written = 0
            while written < len(data):
                written += os.write(self.fd, data[written:])
            if self.fsync:
                os.fsync(self.fd)
        except OSError as error:
            self._undo()
            raise ExportError(f"cannot write {self.path}: {error.strerror or error}") from error
        self.size += len(data)

    def _undo(self) -> None:
        """Cut the file back to its whole lines (through the descriptor, else by path)."""
        assert self.fd is not None
        try:
            os.ftruncate(self.fd, self.size)
        except OSError:
            try:
                os.truncate(self.path, self.size)
            except OSError:
                pass  # the cut line is dropped when the run's outputs are published

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


def stop_on_export_error(crawler: Crawler, error: ExportError | None = None) -> None:
    """A record could not be written (``error``), or is not written because an earlier write failed
    (None): count it (``export/not_written``); on the first failure, log it in one line, keep its
    message as ``export/error`` and close the spider (finish reason :data:`EXPORT_FAILED`). The
    records not written are not in the state: the next run fetches them again."""
    stats = crawler.stats
    assert stats is not None
    stats.inc_value(EXPORT_NOT_WRITTEN)
    if error is None or stats.get_value(EXPORT_ERROR) is not None:
        return
    stats.set_value(EXPORT_ERROR, str(error))
    logger.error("%s; the crawl stops (the lines written are whole; the next run fetches the rest)", error)
    assert crawler.engine is not None
    deferred_from_coro(crawler.engine.close_spider_async(reason=EXPORT_FAILED))
