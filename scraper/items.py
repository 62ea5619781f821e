"""The article record: one JSON object per line in the output (``schema_version`` 2).

:class:`Article` is the one declaration of the record's fields, in output order. Everything that
lists fields derives from it: :data:`RECORD_FIELDS` (the key order of every exported line and the
feed's columns), the loader's list and text columns and the Parquet columns (``scraper.analysis``),
and a test that checks the shipped JSON Schema (``scraper/schema/article.schema.json``) against it.
Each field's ``metadata["kind"]`` says what it holds (:data:`FIELD_KINDS`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, TypedDict

from scraper import __version__

SCHEMA_VERSION = 2
# The kinds of page a record comes from (``page_type``; ``scraper.parsing.page_types`` decides).
PAGE_TYPES = ("article", "qa", "encyclopedia", "forum_thread")
ARTICLE, QA, ENCYCLOPEDIA, FORUM_THREAD = PAGE_TYPES

# What a record field holds (``field(metadata={"kind": …})``):
# int; text (a string or null); datetime (ISO 8601 text); text_list (list of strings);
# entries (list of objects of a fixed shape: related, images); tree (sections, any depth).
FIELD_KINDS = ("int", "text", "datetime", "text_list", "entries", "tree")

# The topical kinds of a section, from keywords in its heading (``scraper.text.sections``).
SECTION_KINDS = ("cause", "symptom", "diagnosis", "treatment", "prevention", "diet", "risk")


class Image(TypedDict):
    """A body image: absolute ``url`` (lazy attributes resolved) and its ``alt`` text or None."""

    url: str
    alt: str | None


class Section(TypedDict):
    """A numbered section: ``label`` the marker as written without punctuation (``一``, ``1``, ``方法一``),
    ``number`` its value, ``heading``, ``kind`` (one of :data:`SECTION_KINDS` or None), ``text`` the
    paragraphs up to the next heading (``\n``-joined), ``subsections`` of the same shape."""

    label: str
    number: int
    heading: str
    kind: str | None
    text: str
    subsections: list[Section]


class RelatedEntry(TypedDict):
    """A related-reading entry: its ``title``, absolute ``url`` (None when it has no usable link)
    and ``summary`` (the excerpt under it, lines joined by ``\\n``; None when it has none)."""

    title: str
    url: str | None
    summary: str | None


def _kind(kind: str, line: bool = False, **options: Any) -> Any:
    """A record field holding ``kind``; ``line``: text cleaned to one line (titles, names)."""
    return field(metadata={"kind": kind, "line": line}, **options)


@dataclass(kw_only=True)
class Article:
    """One article. Missing values are ``None`` or ``[]``, never absent.

    ``body`` is the clean text, one paragraph a line; ``sections`` is the tree of numbered headings
    derived from it (``{label, number, heading, kind, text, subsections}``); ``published`` is ISO 8601
    (a date, or a datetime with the site's UTC offset) and ``fetched_at`` UTC ISO 8601 (``…Z``);
    ``fingerprint`` is 32 hex digits of the normalised body; ``revision`` counts exports of the URL
    across incremental runs (2+: the article changed); ``page_type`` is one of :data:`PAGE_TYPES`;
    ``extractor_version`` is the healthscrape version that produced the record.
    """

    schema_version: int = _kind("int", default=SCHEMA_VERSION)
    url: str = _kind("text")
    canonical_url: str | None = _kind("text", default=None)
    site: str | None = _kind("text", line=True, default=None)
    page_type: str = _kind("text", default="article")
    title: str | None = _kind("text", line=True, default=None)
    published: str | None = _kind("datetime", default=None)
    author: str | None = _kind("text", line=True, default=None)
    breadcrumbs: list[str] = _kind("text_list", default_factory=list)
    description: str | None = _kind("text", line=True, default=None)
    keywords: list[str] = _kind("text_list", default_factory=list)
    body: str = _kind("text", default="")
    sections: list[Section] = _kind("tree", default_factory=list)
    related: list[RelatedEntry] = _kind("entries", default_factory=list)
    images: list[Image] = _kind("entries", default_factory=list)
    language: str | None = _kind("text", default=None)
    fetched_at: str | None = _kind("datetime", default=None)
    extractor_version: str | None = _kind("text", default=__version__)
    fingerprint: str | None = _kind("text", default=None)
    revision: int = _kind("int", default=1)


def fields_of_kind(*kinds: str) -> tuple[str, ...]:
    """The record fields holding one of ``kinds`` (see :data:`FIELD_KINDS`), in record order."""
    unknown = set(kinds) - set(FIELD_KINDS)
    if unknown:
        raise ValueError(f"unknown field kinds {sorted(unknown)}; known: {', '.join(FIELD_KINDS)}")
    return tuple(f.name for f in fields(Article) if f.metadata["kind"] in kinds)


# Order of the keys in every exported record.
RECORD_FIELDS = tuple(f.name for f in fields(Article))
# Text fields cleaned to one line (entities, tags, whitespace) by the cleaning stage.
LINE_FIELDS = tuple(f.name for f in fields(Article) if f.metadata["line"])
# The shape of each object in an ``entries`` field.
ENTRY_TYPES: dict[str, type] = {"related": RelatedEntry, "images": Image}
# A line of the duplicates file, in key order: the duplicate's URL, the kept article's URL, the rule
# that found it (``same_canonical``, ``same_body``, ``near_duplicate``) and its similarity (or null).
DUPLICATE_FIELDS = ("url", "duplicate_of", "reason", "similarity")
