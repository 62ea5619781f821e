"""``healthscrape export``: articles (as ``load_articles`` reads them) → Parquet or CSV.

Parquet keeps lists as Arrow lists and the related/image entries as structs (:data:`PARQUET_SCHEMA`);
``sections`` is a tree of any depth, which Arrow cannot type, so it is a JSON string. CSV holds every
nested field (``breadcrumbs``, ``keywords``, ``sections``, ``related``, ``images``) as a JSON string
and the datetimes as ISO 8601; it is the spreadsheet format, so a text cell that a spreadsheet would run
as a formula is neutralised (:func:`neutralise_formula`), and rows end in CRLF (RFC 4180), so that a
carriage return inside a value is quoted rather than read as a row break. ``read_parquet`` reads a
Parquet export back into the loader's DataFrame.
"""

from __future__ import annotations

import json
import re
from dataclasses import fields
from pathlib import Path
from typing import Any, get_type_hints

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from scraper.analysis.inputs import EXPORT_FORMATS, find_outputs
from scraper.analysis.loader import (
    DATETIME,
    DATETIME_COLUMNS,
    V1_PAGE_TYPE,
    SkippedRecord,
    load_articles,
    with_dtypes,
)
from scraper.feeds import refuse_overwriting
from scraper.items import ENTRY_TYPES, RECORD_FIELDS, Article, fields_of_kind

TIMESTAMP = pa.timestamp("us", tz="UTC")
NESTED = fields_of_kind("text_list", "entries", "tree")
JSON_IN_PARQUET = fields_of_kind("tree")


def _arrow_type(name: str, kind: str) -> pa.DataType:
    """The Arrow type of a record field of ``kind`` (see ``scraper.items.FIELD_KINDS``)."""
    if kind == "entries":  # a list of objects whose values are all text (RelatedEntry, Image)
        return pa.list_(pa.struct([(key, pa.string()) for key in get_type_hints(ENTRY_TYPES[name])]))
    return {
        "int": pa.int64(),
        "text": pa.string(),
        "datetime": TIMESTAMP,
        "text_list": pa.list_(pa.string()),
        "tree": pa.string(),  # a tree of any depth, which an Arrow schema cannot type: JSON
    }[kind]


PARQUET_SCHEMA = pa.schema([(f.name, _arrow_type(f.name, f.metadata["kind"])) for f in fields(Article)])


def _json(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    return json.dumps(value, ensure_ascii=False)


def _python(series: pd.Series) -> list[Any]:
    """A column as plain Python values, missing values as None."""
    return [None if v is None or v is pd.NA or v is pd.NaT or v != v else v for v in series.astype("object")]


def to_arrow(articles: pd.DataFrame) -> pa.Table:
    """The articles as an Arrow table of :data:`PARQUET_SCHEMA` (``sections`` as JSON text)."""
    columns = []
    for field in PARQUET_SCHEMA:
        values = _python(articles[field.name])
        if field.name in JSON_IN_PARQUET:
            values = [_json(v) for v in values]
        columns.append(pa.array(values, type=field.type))
    return pa.Table.from_arrays(columns, schema=PARQUET_SCHEMA)


def read_parquet(path: str | Path) -> pd.DataFrame:
    """A Parquet export as the DataFrame ``load_articles`` gives (same columns, dtypes and values)."""
    table = pq.read_table(path)
    frame = pd.DataFrame({name: table.column(name).to_pylist() for name in table.column_names})
    for column in RECORD_FIELDS:  # an export of schema_version 1 records (healthscrape 0.1) lacks two
        if column not in frame.columns:
            frame[column] = V1_PAGE_TYPE if column == "page_type" else None
    frame = frame[list(RECORD_FIELDS)]
    for column in JSON_IN_PARQUET:
        frame[column] = frame[column].map(lambda text: None if text is None else json.loads(text))
    for column in DATETIME_COLUMNS:
        frame[column] = pd.to_datetime(frame[column], utc=True).astype(DATETIME)
    frame["revision"] = frame["revision"].astype("Int64")
    return with_dtypes(frame)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection")."""
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def neutralise_formula(value: Any) -> Any:
    """``value`` as a spreadsheet shows it without running it: text starting with one of
    :data:`FORMULA_STARTS` gets a leading ``'`` (OWASP's recommendation for CSV injection), unless it is a
    plain number such as ``-3``; anything else (numbers, None, other text) is returned as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def to_csv_frame(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles with nested fields as JSON strings, datetimes as ISO 8601 strings and text that would
    start a formula neutralised (:func:`neutralise_formula`)."""
    frame = pd.DataFrame({name: _python(articles[name]) for name in RECORD_FIELDS})
    for column in NESTED:
        frame[column] = frame[column].map(_json)
    for column in DATETIME_COLUMNS:
        frame[column] = frame[column].map(lambda t: None if t is None else t.isoformat())
    return frame.map(neutralise_formula)


def export_articles(
    inputs: list[str | Path], fmt: str, output: Path, *, excel: bool = False
) -> tuple[int, list[SkippedRecord]]:
    """Write the inputs' articles (latest revision per URL) to ``output``; the number of rows, and the
    lines of the inputs that are not records (left out, :func:`~scraper.analysis.loader.load_articles`).

    ``excel`` (CSV only) starts the file with a UTF-8 byte order mark, which Excel on Windows needs to
    read it as UTF-8 rather than the system code page. Raises ValueError for an unknown ``fmt``."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown format {fmt!r} (one of {', '.join(EXPORT_FORMATS)})")
    found = find_outputs(inputs)
    refuse_overwriting((output,), [*map(Path, inputs), *found.files])
    articles = load_articles(found.article_files, on_bad_lines="skip")
    output.parent.mkdir(parents=True, exist_ok=True)
    temporary = output.with_name(output.name + ".part")
    if fmt == "parquet":
        pq.write_table(to_arrow(articles), temporary)
    else:
        encoding = "utf-8-sig" if excel else "utf-8"
        to_csv_frame(articles).to_csv(temporary, index=False, encoding=encoding, lineterminator="\r\n")
    temporary.replace(output)
    return len(articles), articles.attrs["skipped_records"]
