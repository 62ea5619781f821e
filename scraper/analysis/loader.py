"""Loading crawl output into pandas: ``load_articles`` and tidy views (sections, related links, images)."""

from __future__ import annotations

import glob
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, get_type_hints

import numpy as np
import pandas as pd

from scraper.items import DUPLICATE_FIELDS, FIELD_KINDS, RECORD_FIELDS, RelatedEntry, Section, fields_of_kind
from scraper.jsonl import NotJSON, json_lines

# The tidy frames: the article's url and title, then the nested objects' keys (scraper.items).
SECTION_KEYS = [key for key in get_type_hints(Section) if key != "subsections"]
SECTION_COLUMNS = ["url", "title", "path", "depth", *SECTION_KEYS]
RELATED_KEYS = list(get_type_hints(RelatedEntry))
RELATED_COLUMNS = ["url", "title", *(f"related_{key}" for key in RELATED_KEYS)]
IMAGE_COLUMNS = ["url", "title", "image_url", "alt"]
DUPLICATE_COLUMNS = list(DUPLICATE_FIELDS)
# What a schema_version 1 record (which has no page_type) was.
V1_PAGE_TYPE = "article"
# The column kinds derive from the record's one declaration (scraper.items.Article).
CATEGORY_COLUMNS = ("site",)
STRING_COLUMNS = tuple(name for name in fields_of_kind("text") if name not in CATEGORY_COLUMNS)
DATETIME_COLUMNS = fields_of_kind("datetime")
LIST_FIELDS = fields_of_kind("text_list", "entries", "tree")
NESTED_OBJECTS = fields_of_kind("entries", "tree")
FIELD_KINDS_OF = {name: kind for kind in FIELD_KINDS for name in fields_of_kind(kind)}
INT64_MIN, INT64_MAX = int(np.iinfo(np.int64).min), int(np.iinfo(np.int64).max)
WARNED_RECORDS = 5  # skipped records named in a BadRecordWarning
PathLike = str | Path
DATETIME = pd.DatetimeTZDtype("us", "UTC")  # one unit whatever pandas infers (Parquet exports use it too)


def _expand(paths: PathLike | Iterable[PathLike]) -> list[Path]:
    items = [paths] if isinstance(paths, str | Path) else list(paths)
    found: list[Path] = []
    for item in items:
        text = str(item)
        matches = sorted(glob.glob(text)) if any(ch in text for ch in "*?[") else [text]
        if not matches:
            raise FileNotFoundError(f"no files match {text}")
        found += [Path(m) for m in matches]
    return found


OnBadLines = Literal["error", "warn", "skip"]
# The keys of a section (scraper.items.Section) and of the entries (related, images), by what they hold.
SECTION_TEXT_KEYS = ("label", "heading", "kind", "text")
ENTRY_TEXT_KEYS = ("url", "alt", "title", "summary")


class BadRecordWarning(UserWarning):
    """Records were skipped by :func:`load_articles` or :func:`load_duplicates` (``on_bad_lines="warn"``)."""


@dataclass(frozen=True)
class SkippedRecord:
    """A line of an input file that is not a usable record: where it is and what is wrong with it.
    ``str()`` gives ``path:line: problem``."""

    path: Path
    line: int
    problem: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.problem}"


def _is_int(value: Any) -> bool:
    """An integer that fits a pandas Int64 column (JSON's ``true`` is not one)."""
    return isinstance(value, int) and not isinstance(value, bool) and INT64_MIN <= value <= INT64_MAX


def _text_or_null(value: Any) -> bool:
    return value is None or isinstance(value, str)


def _objects_problem(name: str, value: Any, text_keys: tuple[str, ...]) -> str | None:
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        return f"{name} is not a list of objects"
    for index, item in enumerate(value):
        for key in text_keys:
            if not _text_or_null(item.get(key)):
                return f"{name}/{index}/{key} is not text"
    return None


def _tree_problem(name: str, sections: Any) -> str | None:
    """The first way a sections tree breaks its shape (:class:`~scraper.items.Section`, keys optional),
    as ``sections/0/subsections/1/heading is not text``; None when it has none. Iterative: any depth."""
    stack = [(name, sections)]
    while stack:
        path, value = stack.pop()
        problem = _objects_problem(path, value, SECTION_TEXT_KEYS)
        if problem:
            return problem
        for index, section in reversed(list(enumerate(value))):
            number = section.get("number")
            if number is not None and not _is_int(number):
                return f"{path}/{index}/number is not an integer"
            if section.get("subsections") is not None:
                stack.append((f"{path}/{index}/subsections", section["subsections"]))
    return None


def record_problem(record: Any, fields: tuple[str, ...] = RECORD_FIELDS) -> str | None:
    """Why a decoded JSONL line is not a record the loader can take, or None. ``url`` must be text; the
    other ``fields`` may be missing or null, and else hold their kind (:data:`scraper.items.FIELD_KINDS`):
    text, an integer, a list of text, a list of objects whose known keys hold text, a sections tree. A
    datetime field is checked for being text here, for being an ISO 8601 date when the column is
    converted (:func:`load_articles`)."""
    if isinstance(record, NotJSON):
        return str(record)
    if not isinstance(record, dict):
        return "not a JSON object"
    if not isinstance(record.get("url"), str) or not record["url"]:
        return "url is not text"
    for name in fields:
        value = record.get(name)
        if value is None or name == "url":
            continue
        kind = FIELD_KINDS_OF[name]
        if kind == "text" and not isinstance(value, str):
            return f"{name} is not text"
        if kind == "datetime" and not isinstance(value, str):
            return f"{name} is not an ISO 8601 date"
        if kind == "int" and not _is_int(value):
            return f"{name} is not an integer"
        if kind == "text_list" and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            return f"{name} is not a list of text"
        if kind == "entries" and (problem := _objects_problem(name, value, ENTRY_TEXT_KEYS)):
            return problem
        if kind == "tree" and (problem := _tree_problem(name, value)):
            return problem
    return None


def _records(
    paths: list[Path], skipped: list[SkippedRecord], problem: Callable[[Any], str | None]
) -> Iterator[tuple[SkippedRecord, dict[str, Any]]]:
    """The records of JSONL files with where each one is; the lines that ``problem`` refuses go to
    ``skipped``."""
    for path in paths:
        for number, record in json_lines(path):
            found = problem(record)
            if found is None:
                yield SkippedRecord(path, number, ""), record
            else:
                skipped.append(SkippedRecord(path, number, found))


def _settle(skipped: list[SkippedRecord], on_bad_lines: OnBadLines, what: str) -> None:
    """Raise (``error``: ValueError naming the first skipped line), warn (``warn``: one
    :class:`BadRecordWarning` naming the first few) or stay quiet (``skip``)."""
    if on_bad_lines not in ("error", "warn", "skip"):
        raise ValueError(f"on_bad_lines must be 'error', 'warn' or 'skip', not {on_bad_lines!r}")
    if not skipped or on_bad_lines == "skip":
        return
    if on_bad_lines == "error":
        raise ValueError(str(skipped[0]))
    listed = "; ".join(map(str, skipped[:WARNED_RECORDS])) + (" …" if len(skipped) > WARNED_RECORDS else "")
    warnings.warn(f"{len(skipped)} {what} skipped: {listed}", BadRecordWarning, stacklevel=3)


def load_articles(
    paths: PathLike | Iterable[PathLike], latest: bool = True, on_bad_lines: OnBadLines = "warn"
) -> pd.DataFrame:
    """Read one or more JSONL files (globs allowed, e.g. ``data/runs/*/articles.jsonl``) into a DataFrame.

    ``published`` and ``fetched_at`` become UTC datetimes (a date without a time
    is taken as midnight UTC of that day); nested fields stay Python lists/dicts.
    With ``latest`` (default) each URL appears once, at its highest ``revision``;
    ``latest=False`` keeps every exported revision.

    A line that is not a record (not JSON, not an object, a field of the wrong type:
    :func:`record_problem`; a date that is not ISO 8601) is left out and listed in
    ``frame.attrs["skipped_records"]`` (:class:`SkippedRecord`: file, line, problem); ``on_bad_lines``
    says what else happens, as in ``pandas.read_csv``: ``warn`` (default) one :class:`BadRecordWarning`,
    ``skip`` nothing, ``error`` a ValueError naming the first one. Raises FileNotFoundError when a glob
    matches nothing.
    """
    files = _expand(paths)
    skipped: list[SkippedRecord] = []
    located = list(_records(files, skipped, record_problem))
    frame = pd.DataFrame([record for _, record in located])
    for column in RECORD_FIELDS:
        if column not in frame.columns:
            frame[column] = None
    # schema_version 1 records (0.1) have no page_type (every one was an article) and no extractor_version.
    frame["page_type"] = frame["page_type"].fillna(V1_PAGE_TYPE)
    frame = frame[list(RECORD_FIELDS) + [c for c in frame.columns if c not in RECORD_FIELDS]]
    bad_dates = pd.Series(False, index=frame.index)
    for column in DATETIME_COLUMNS:
        given = frame[column].astype("object")
        converted = pd.to_datetime(given, utc=True, format="ISO8601", errors="coerce").astype(DATETIME)
        unreadable = given.notna() & converted.isna()
        for index in unreadable[unreadable & ~bad_dates].index:
            where = located[index][0]
            skipped.append(SkippedRecord(where.path, where.line, f"{column} is not an ISO 8601 date"))
        bad_dates |= unreadable
        frame[column] = converted
    frame = frame[~bad_dates].reset_index(drop=True)
    skipped.sort(key=lambda bad: (files.index(bad.path), bad.line))
    _settle(skipped, on_bad_lines, "records")
    frame["revision"] = frame["revision"].astype("Int64").fillna(1)
    if latest and len(frame):
        order = frame.sort_values(["revision", "fetched_at"], kind="stable")
        frame = order.drop_duplicates("url", keep="last").sort_index().reset_index(drop=True)
    frame = with_dtypes(frame)
    frame.attrs["skipped_records"] = skipped
    return frame


def with_dtypes(frame: pd.DataFrame) -> pd.DataFrame:
    """The loader's dtypes for the text columns and ``site`` (also applied to exports read back)."""
    for column in STRING_COLUMNS:
        frame[column] = frame[column].astype("string")
    for column in CATEGORY_COLUMNS:
        frame[column] = frame[column].astype("category")
    return frame


def duplicate_problem(record: Any) -> str | None:
    """Why a decoded JSONL line is not a duplicates line (:data:`~scraper.items.DUPLICATE_FIELDS`), or None."""
    if isinstance(record, NotJSON):
        return str(record)
    if not isinstance(record, dict):
        return "not a JSON object"
    for name in ("url", "duplicate_of", "reason"):
        if not isinstance(record.get(name), str):
            return f"{name} is not text"
    similarity = record.get("similarity")
    if similarity is not None and not (isinstance(similarity, int | float) and not isinstance(similarity, bool)):
        return "similarity is not a number"
    return None


def load_duplicates(paths: PathLike | Iterable[PathLike], on_bad_lines: OnBadLines = "warn") -> pd.DataFrame:
    """Duplicates files (``{url, duplicate_of, reason}``, plus ``similarity`` for ``near_duplicate``)
    as a DataFrame with the columns ``url, duplicate_of, reason, similarity`` (``similarity`` NaN when absent).
    Lines that are not duplicates lines (:func:`duplicate_problem`) are left out and listed in
    ``frame.attrs["skipped_records"]``, with ``on_bad_lines`` as in :func:`load_articles`."""
    files = _expand(paths)
    skipped: list[SkippedRecord] = []
    rows = [record for _, record in _records(files, skipped, duplicate_problem)]
    _settle(skipped, on_bad_lines, "duplicates lines")
    frame = pd.DataFrame(rows, columns=DUPLICATE_COLUMNS)
    frame[["url", "duplicate_of", "reason"]] = frame[["url", "duplicate_of", "reason"]].astype("string")
    frame["similarity"] = pd.to_numeric(frame["similarity"], errors="coerce").astype("float64")
    frame.attrs["skipped_records"] = skipped
    return frame


def related_frame(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per related-reading link (the site's internal link graph): article → related title/url."""
    rows = [
        {
            "url": article.url,
            "title": article.title,
            **{f"related_{k}": entry.get(k) for k in RELATED_KEYS},
        }
        for article in articles.itertuples(index=False)
        for entry in (article.related if isinstance(article.related, list) else [])
    ]
    return pd.DataFrame(rows, columns=RELATED_COLUMNS).astype("string")


def images_frame(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per body image: url, title, image_url, alt."""
    rows = [
        {"url": article.url, "title": article.title, "image_url": image.get("url"), "alt": image.get("alt")}
        for article in articles.itertuples(index=False)
        for image in (article.images if isinstance(article.images, list) else [])
    ]
    return pd.DataFrame(rows, columns=IMAGE_COLUMNS).astype("string")


def _walk(sections: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The sections and subsections in document order, with their path and depth (iterative: any depth)."""
    stack = [(section, "", 1) for section in reversed(sections)]
    while stack:
        section, prefix, depth = stack.pop()
        label = section.get("label")
        step = label if label is not None else section.get("heading")  # an encyclopedia entry's part
        path = f"{prefix}.{step}" if prefix else str(step)
        yield {**{k: section.get(k) for k in SECTION_KEYS}, "path": path, "depth": depth}
        stack += [(child, path, depth + 1) for child in reversed(section.get("subsections") or [])]


def sections_frame(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per section and subsection: url, title, path (``一.1``), depth, label, number, heading, kind, text."""
    rows = [
        {"url": article.url, "title": article.title, **row}
        for article in articles.itertuples(index=False)
        for row in _walk(article.sections if isinstance(article.sections, list) else [])
    ]
    return pd.DataFrame(rows, columns=SECTION_COLUMNS)
