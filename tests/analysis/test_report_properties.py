"""No record sinks the loader or the report (issue 12 point 10): generated and mutated JSONL files, and any
text as a chart label.

Properties (hypothesis, :data:`tests.helpers.properties.PROPERTY`: 300 derandomized examples each):

* any file of generated lines (well-typed records, records with fields of any JSON type, other JSON values,
  text that is not JSON, bytes that are not UTF-8) loads: every non-blank line is a row or a skipped
  record named by its line, and the report's numbers are computed on what loaded, as JSON that encodes;
* lines of a real export, mutated at random offsets, load the same way;
* any text is drawn as a chart label literally (no math text) and without a missing glyph.
"""

from __future__ import annotations

import io
import json
import warnings
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st
from matplotlib.figure import Figure

from scraper.items import RECORD_FIELDS, fields_of_kind
from tests.helpers.labels import expected_record
from tests.helpers.properties import PROPERTY, TEXT
from tests.helpers.records import record

SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | TEXT
ANY_JSON = st.recursive(
    SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3), max_leaves=8
)
DATES = st.sampled_from(
    ["2021-03-05", "2021-03-05T08:30:00+08:00", "2026-11-25T10:00:00Z", "0001-01-01", "9999-12-31T23:59:59Z",
     "2021-13-01", "昨天 20:05", "", "2021-03-05T25:00:00"]
)  # fmt: skip


def _section(children: st.SearchStrategy) -> st.SearchStrategy:
    return st.fixed_dictionaries(
        {"label": TEXT | st.none(), "heading": TEXT | st.none(), "subsections": st.lists(children, max_size=2)},
        optional={"number": st.integers() | st.none(), "kind": TEXT | st.none(), "text": TEXT},
    )


SECTIONS = st.lists(st.recursive(st.just({}), _section, max_leaves=6), max_size=3)
ENTRIES = st.lists(st.fixed_dictionaries({"url": TEXT | st.none()}, optional={"alt": TEXT, "title": TEXT}), max_size=3)
WELL_TYPED = {
    "text": TEXT | st.none(),
    "datetime": DATES | st.none(),
    "text_list": st.lists(TEXT, max_size=3),
    "entries": ENTRIES,
    "tree": SECTIONS,
    "int": st.integers(-5, 5) | st.none(),
}
KINDS = {name: kind for kind in WELL_TYPED for name in fields_of_kind(kind)}
RECORDS = st.fixed_dictionaries(
    {"url": st.sampled_from(["http://s.test/a.html", "http://s.test/b.html", "http://s.test/c.html"]) | TEXT},
    optional={name: WELL_TYPED[KINDS[name]] | ANY_JSON for name in RECORD_FIELDS if name != "url"},
)


@st.composite
def lines(draw: st.DrawFn) -> bytes:
    """One line of a JSONL file (no line break in it)."""
    value = draw(RECORDS | ANY_JSON)
    kind = draw(st.sampled_from(["ascii", "unicode", "text", "bytes"]))
    if kind == "text":  # text that is mostly not JSON
        return draw(TEXT).encode("utf-8", "surrogatepass").replace(b"\n", b" ").replace(b"\r", b" ")
    if kind == "bytes":
        return draw(st.binary(max_size=20)).replace(b"\n", b" ")
    # A lone surrogate is escaped by ensure_ascii, written raw (not UTF-8) without it.
    return json.dumps(value, ensure_ascii=kind == "ascii").encode("utf-8", "surrogatepass")


def _load_and_report(path: Path) -> None:
    from scraper.analysis.loader import DUPLICATE_COLUMNS, load_articles
    from scraper.analysis.report import to_json
    from scraper.analysis.report_numbers import report_numbers

    rows = [line for line in path.read_bytes().split(b"\n") if line.strip()]
    everything = load_articles(path, latest=False, on_bad_lines="skip")
    assert len(everything) + len(everything.attrs["skipped_records"]) == len(rows)
    articles = load_articles(path, on_bad_lines="skip")
    duplicates = pd.DataFrame(columns=[*DUPLICATE_COLUMNS, "run"])
    numbers = report_numbers(articles, duplicates, [("run", {"item_scraped_count": len(articles)})])
    assert numbers["totals"]["articles"] == len(articles)
    to_json(numbers).encode("utf-8")  # no lone surrogate reaches the outputs


@PROPERTY
@given(st.lists(lines(), max_size=8))
def test_any_generated_jsonl_file_loads_and_reports(tmp_path_factory, generated):
    path = tmp_path_factory.mktemp("generated") / "articles.jsonl"
    path.write_bytes(b"".join(line + b"\n" for line in generated))
    _load_and_report(path)


@cache
def _exported() -> bytes:
    names = ("article", "related", "mobile-duplicate")
    return b"".join(
        json.dumps(record(**expected_record(f"seed-{name}", "http://s.test")), ensure_ascii=False).encode() + b"\n"
        for name in names
    )


@dataclass(frozen=True)
class Mutation:
    """Bytes replaced at an offset of a real export."""

    offset: int
    length: int
    insert: bytes

    def apply(self, data: bytes) -> bytes:
        at = self.offset % (len(data) + 1)
        return data[:at] + self.insert + data[at + self.length :]


MUTATIONS = st.builds(
    Mutation,
    st.integers(0, 1 << 20),
    st.integers(0, 40),
    TEXT.map(lambda text: text.encode("utf-8", "surrogatepass")) | st.binary(max_size=8),
)


@PROPERTY
@given(st.lists(MUTATIONS, min_size=1, max_size=4))
def test_any_mutated_export_loads_and_reports(tmp_path_factory, mutations):
    data = _exported()
    for mutation in mutations:
        data = mutation.apply(data)
    path = tmp_path_factory.mktemp("mutated") / "articles.jsonl"
    path.write_bytes(data)
    _load_and_report(path)


@cache
def _fonts() -> None:
    from scraper.analysis.cjk_font import use_cjk_font

    use_cjk_font()


@PROPERTY
@given(TEXT)
def test_any_text_is_drawn_literally_without_a_missing_glyph(text):
    from scraper.analysis.cjk_font import drawable

    _fonts()
    label = drawable(text)
    figure = Figure(figsize=(2, 1))
    axes = figure.add_subplot()
    axes.barh([label], [1])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph is a UserWarning from matplotlib
        figure.savefig(io.BytesIO(), format="png", dpi=20)
    (tick,) = axes.get_yticklabels()
    assert tick.get_text() == label
    assert tick._preprocess_math(label) == (label, False)  # math text off: $…$ is drawn as it is
