"""Loading crawl output into pandas: ``load_articles`` and tidy views (sections, related links, images)."""

from __future__ import annotations

import glob
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, get_type_hints

import pandas as pd

from scraper.feeds import json_lines
from scraper.items import DUPLICATE_FIELDS, RECORD_FIELDS, RelatedEntry, Section, fields_of_kind

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


def _records(path: Path, lists: tuple[str, ...] = ()) -> Iterator[dict[str, Any]]:
    """The JSON objects of a JSONL file; ``lists`` names fields that must be lists (of objects, for the
    nested ones) or null. A line that breaks this is a ``ValueError`` naming the file and line."""
    for number, record in json_lines(path):
        if isinstance(record, json.JSONDecodeError):
            raise ValueError(f"{path}:{number}: not a JSON line ({record.msg})") from record
        if not isinstance(record, dict):
            raise ValueError(f"{path}:{number}: not a JSON object")
        for name in lists:
            value = record.get(name)
            if value is not None and not (
                isinstance(value, list) and (name not in NESTED_OBJECTS or all(isinstance(v, dict) for v in value))
            ):
                raise ValueError(f"{path}:{number}: {name} is not a list" + " of objects" * (name in NESTED_OBJECTS))
        yield record


def load_articles(paths: PathLike | Iterable[PathLike], latest: bool = True) -> pd.DataFrame:
    """Read one or more JSONL files (globs allowed, e.g. ``data/runs/*/articles.jsonl``) into a DataFrame.

    ``published`` and ``fetched_at`` become UTC datetimes (a date without a time
    is taken as midnight UTC of that day); nested fields stay Python lists/dicts.
    With ``latest`` (default) each URL appears once, at its highest ``revision``;
    ``latest=False`` keeps every exported revision.
    """
    rows = [record for path in _expand(paths) for record in _records(path, LIST_FIELDS)]
    frame = pd.DataFrame(rows)
    for column in RECORD_FIELDS:
        if column not in frame.columns:
            frame[column] = None
    # schema_version 1 records (0.1) have no page_type (every one was an article) and no extractor_version.
    frame["page_type"] = frame["page_type"].fillna(V1_PAGE_TYPE)
    frame = frame[list(RECORD_FIELDS) + [c for c in frame.columns if c not in RECORD_FIELDS]]
    for column in DATETIME_COLUMNS:
        frame[column] = pd.to_datetime(frame[column], utc=True, format="ISO8601").astype(DATETIME)
    frame["revision"] = frame["revision"].fillna(1).astype("Int64")
    if latest and len(frame):
        order = frame.sort_values(["revision", "fetched_at"], kind="stable")
        frame = order.drop_duplicates("url", keep="last").sort_index().reset_index(drop=True)
    return with_dtypes(frame)


def with_dtypes(frame: pd.DataFrame) -> pd.DataFrame:
    """The loader's dtypes for the text columns and ``site`` (also applied to exports read back)."""
    for column in STRING_COLUMNS:
        frame[column] = frame[column].astype("string")
    for column in CATEGORY_COLUMNS:
        frame[column] = frame[column].astype("category")
    return frame


def load_duplicates(paths: PathLike | Iterable[PathLike]) -> pd.DataFrame:
    """Duplicates files (``{url, duplicate_of, reason}``, plus ``similarity`` for ``near_duplicate``)
    as a DataFrame with the columns ``url, duplicate_of, reason, similarity`` (``similarity`` NaN when absent)."""
    rows = [record for path in _expand(paths) for record in _records(path)]
    frame = pd.DataFrame(rows, columns=DUPLICATE_COLUMNS)
    frame[["url", "duplicate_of", "reason"]] = frame[["url", "duplicate_of", "reason"]].astype("string")
    frame["similarity"] = pd.to_numeric(frame["similarity"], errors="coerce").astype("float64")
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


def _walk(sections: list[dict[str, Any]], prefix: str, depth: int) -> Iterator[dict[str, Any]]:
    for section in sections:
        label = section["label"]
        step = label if label is not None else section.get("heading")  # an encyclopedia entry's part
        path = f"{prefix}.{step}" if prefix else str(step)
        yield {
            **{k: section.get(k) for k in SECTION_KEYS},
            "path": path,
            "depth": depth,
        }
        yield from _walk(section.get("subsections") or [], path, depth + 1)


def sections_frame(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per section and subsection: url, title, path (``一.1``), depth, label, number, heading, kind, text."""
    rows = [
        {"url": article.url, "title": article.title, **row}
        for article in articles.itertuples(index=False)
        for row in _walk(list(article.sections or []), "", 1)
    ]
    return pd.DataFrame(rows, columns=SECTION_COLUMNS)
