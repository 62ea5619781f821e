"""No page may raise out of parsing: a record (one any export can write) or a counted skip, never an exception.

Explicit pages that once raised, then two properties (tests/helpers/properties.py: 300 examples each,
derandomized): small generated documents full of hostile text, and the real saved pages
(tests/fixtures/pages/, benchmarks/eval/incoming*/pages/) mutated at random offsets. The command line and a
real crawl on the same pages are tests/cli/test_extract.py and tests/e2e/test_hostile_pages.py.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from scrapy.http import HtmlResponse, TextResponse

from scraper.feeds import record_line
from scraper.parsing import ParsedPage, Skip, parse_page
from scraper.reasons import SkipReason
from scraper.stages import InvalidRecord, finish_item
from scraper.stats import CounterStats
from tests.helpers.isolated import in_child
from tests.helpers.paths import EVAL, PAGES, ROOT
from tests.helpers.properties import HOSTILE, NOT_XML, PROPERTY, TEXT, strings

URL = "http://www.ankang.test/a/1.html"
FETCHED_AT = "2026-11-25T10:00:00Z"
PROSE = (
    "<p>秋冬季节气温变化大，老年人要注意保暖，尤其是头部、颈部和脚部，外出时戴好帽子和围巾。</p>"
    "<p>有慢性病的老人要按时服药，定期复查，出现胸闷、气短等不适时要及时就医，不要硬扛。</p>"
)


def page(body: str, head: str = "") -> bytes:
    """An article page with ``body`` inside its content block, encoded as a server would send it (a lone
    surrogate becomes the three bytes a broken UTF-8 encoder writes)."""
    return (
        f'<html><head><meta charset="utf-8"><title>老人秋冬保健要点</title>{head}</head><body>'
        f'<h1>老人秋冬保健要点</h1><div class="content">{body}</div></body></html>'
    ).encode("utf-8", "surrogatepass")


def _outcome(body: bytes, content_type: str) -> tuple[str, object]:
    """What a crawl makes of a page: ``("record", the record as exported and read back)``, ``("skip",
    reason)`` or ``("invalid", errors)`` (the validation stage's counted drop). Any exception fails."""
    cls = HtmlResponse if content_type.startswith("text/html") else TextResponse
    response = cls(url=URL, body=body, headers={"Content-Type": content_type})
    result = parse_page(response, fetched_at=FETCHED_AT, second_opinion=True)
    if isinstance(result, Skip):
        assert isinstance(result.reason, SkipReason) and result.detail
        return "skip", str(result.reason)
    assert isinstance(result, ParsedPage)
    try:
        item = finish_item(result.article, CounterStats())
    except InvalidRecord as exc:
        assert exc.errors
        return "invalid", exc.errors
    line = record_line(item).encode("utf-8")  # what the feed writes: a lone surrogate cannot be
    record = json.loads(line)
    bad = [text for text in strings(record) if NOT_XML.search(text)]
    assert not bad, f"characters XML excludes in the record: {bad!r}"
    return "record", record


def outcome(body: bytes, content_type: str = "text/html; charset=utf-8") -> tuple[str, object]:
    """:func:`_outcome` in a child process (tests/helpers/isolated.py: a RecursionError through lxml
    can leave it locked for every later parse in the process)."""
    return in_child(_outcome, body, content_type)


def article(body: bytes) -> dict:
    kind, found = outcome(body)
    assert kind == "record", found
    return found


# --- pages that raised ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "hostile",
    [
        "<div hidden>x</div>\x0b",  # the page
        "<p style='display:none'>打印版</p>\x0c",
        "<span hidden>x</span>&#11;",  # the same as a character reference
        "<!-- 广告 -->\x01",  # comments are removed too
        "<noscript><img src='/a.jpg'></noscript>&#x8;",  # a <noscript> unwrapped
        "<div hidden>x</div>\x1f尾",
    ],
)
def test_a_control_character_after_a_removed_element(hostile):
    record = article(page(PROSE + hostile + PROSE))
    assert "老年人要注意保暖" in record["body"]


def test_control_characters_in_attributes_titles_and_hidden_styles():
    body = "<div class='x\x0b' style='display:none;\x0c'>打印版</div><p title='&#1;'>图</p>" + PROSE
    record = article(page(body, head="<meta name='description' content='\x0b摘&#x1;要'>"))
    assert record["title"] == "老人秋冬保健要点"
    assert record["description"] == "摘要"


def test_a_lone_surrogate_in_json_ld_is_no_crash_and_the_date_is_kept():
    head = '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"name": "\\ud800李晓"}, ' \
        '"datePublished": "2021-03-05T08:30:00+08:00", "headline": "\\udfff\\u000b"}</script>'  # fmt: skip
    record = article(page(PROSE, head=head))
    assert record["published"] == "2021-03-05T08:30:00+08:00"


@pytest.mark.parametrize("depth", [1000, 5000])
def test_deep_nesting_keeps_the_text(depth):
    record = article(page("<div>" * depth + PROSE + "</div>" * depth))
    assert "老年人要注意保暖" in record["body"]


def test_a_text_dump_with_control_characters():
    dump = (
        "老人秋冬保健要点\n2021-02-03\n秋冬季节气温变化大，老年人\x0b要注意保暖，&#1;尤其是头部。\x01\n"
        "早晚温差大的时候，出门要戴帽子和围巾，\x0c回家后先喝一杯温水。\n"
        "饮食上多吃温热的食物，少吃生冷，\x1f每天散步半小时，睡前用热水泡脚。\n"
    )
    kind, record = outcome(dump.encode("utf-8"), "text/plain; charset=utf-8")
    assert kind == "record" and "老年人" in record["body"]


# --- generated documents ----------------------------------------------------------------------------

TAGS = st.sampled_from(["div", "p", "span", "a", "td", "table", "li", "ul", "h1", "h2", "pre", "b", "br", "img"])
ATTRIBUTES = st.sampled_from(
    [
        "",
        " hidden",
        ' style="display:none"',
        ' class="content"',
        ' class="related"',
        ' id="comments"',
        ' href="/a/2.html"',
        ' src="/a.jpg"',
        ' data-big="' + "属" * 50_000 + '"',  # a huge attribute
    ]
)


def _elements(depth: int) -> st.SearchStrategy[str]:
    if depth == 0:
        return TEXT
    child = _elements(depth - 1)
    element = st.builds(
        lambda tag, attributes, title, children, closed: (
            f'<{tag}{attributes} title="{title}">{"".join(children)}' + (f"</{tag}>" if closed else "")
        ),
        TAGS,
        ATTRIBUTES,
        TEXT,
        st.lists(child, max_size=3),
        st.booleans(),
    )
    return st.one_of(TEXT, element)


def _json_ld(values: list[str]) -> str:
    keys = ("headline", "author", "datePublished", "@type")
    data = dict(zip(keys, values, strict=False))
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'  # ensure_ascii: "\ud800"


@st.composite
def documents(draw: st.DrawFn) -> tuple[bytes, str]:
    title, parts = draw(TEXT), draw(st.lists(_elements(3), max_size=5))
    head = draw(st.sampled_from(["", _json_ld(draw(st.lists(TEXT, max_size=4)))]))
    nesting = draw(st.sampled_from([0, 0, 0, 1, 255, 256, 257, 3000]))
    body = "<div>" * nesting + PROSE + "".join(parts) + "</div>" * draw(st.sampled_from([0, nesting]))
    text = f"<html><head><title>{title}</title>{head}</head><body><h1>{title}</h1>{body}</body></html>"
    if draw(st.booleans()):  # a text dump of the same text
        return text.encode("utf-8", "surrogatepass"), "text/plain; charset=utf-8"
    return text.encode("utf-8", "surrogatepass"), "text/html; charset=utf-8"


@PROPERTY
@given(documents())
def test_any_generated_document_gives_a_record_or_a_skip(document):
    outcome(*document)


# --- real pages, mutated ----------------------------------------------------------------------------

# Saved pages small enough to parse 300 times in a few seconds (most of them).
MAX_PAGE_BYTES = 60_000
SAVED = sorted(
    path
    for path in [*PAGES.glob("*/page.html"), *EVAL.glob("incoming*/pages/*.html")]
    if path.stat().st_size <= MAX_PAGE_BYTES
)


@cache
def _bytes(path: Path) -> bytes:
    return path.read_bytes()


@dataclass(frozen=True)
class Mutated:
    """A saved page and the changes made to it, in order: ``(kind, where, piece)``, ``where`` in millionths
    of the page's length (so that a failing example prints short and shrinks well)."""

    page: str
    changes: tuple[tuple[str, int, bytes], ...]

    @property
    def body(self) -> bytes:
        body = _bytes(ROOT / self.page)
        for kind, where, piece in self.changes:
            at = len(body) * where // 1_000_000
            if kind == "truncate":
                body = body[:at]
            elif kind == "cut":  # a tag or a multi-byte character cut in the middle
                body = body[:at] + body[at + len(piece) :]
            else:
                body = body[:at] + piece + body[at:]
        return body


def _encoded(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


NESTED = st.builds(
    lambda levels, text: b"<div>" * levels + _encoded(text) + b"</div>" * levels, st.sampled_from([2, 300, 3000]), TEXT
)
INSERT = st.tuples(st.just("insert"), st.integers(0, 1_000_000), (HOSTILE | TEXT).map(_encoded) | NESTED)
CUT = st.tuples(st.sampled_from(["truncate", "cut"]), st.integers(0, 1_000_000), st.binary(min_size=1, max_size=40))
CHANGES = st.one_of(INSERT, INSERT, INSERT, CUT)  # most changes insert: a truncated page is only a skip
MUTATED = st.builds(
    Mutated,
    st.sampled_from([str(path.relative_to(ROOT)) for path in SAVED]),
    st.lists(CHANGES, min_size=1, max_size=5).map(tuple),
)


def test_the_saved_pages_are_there():
    assert len(SAVED) > 100


@PROPERTY
@given(MUTATED)
def test_any_mutated_saved_page_gives_a_record_or_a_skip(mutated):
    outcome(mutated.body)
