"""The article record: one JSON object per line in the output (schema_version 1)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypedDict

from scraper.related import RelatedEntry

SCHEMA_VERSION = 1


class Image(TypedDict):
    url: str
    alt: str | None


@dataclass
class Article:
    """One article. Missing values are ``None`` or ``[]``, never absent.

    ``body`` is the clean text, one paragraph a line; ``sections`` is the tree of
    numbered headings derived from it; ``published`` and ``fetched_at`` are ISO 8601;
    ``revision`` counts exports of the URL across incremental runs (2+: the article changed).
    """

    url: str
    schema_version: int = SCHEMA_VERSION
    canonical_url: str | None = None
    site: str | None = None
    title: str | None = None
    published: str | None = None
    author: str | None = None
    breadcrumbs: list[str] = field(default_factory=list)
    description: str | None = None
    keywords: list[str] = field(default_factory=list)
    body: str = ""
    sections: list[dict[str, Any]] = field(default_factory=list)
    related: list[RelatedEntry] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    language: str | None = None
    fetched_at: str | None = None
    fingerprint: str | None = None
    revision: int = 1


# Order of the keys in every exported record.
RECORD_FIELDS = (
    "schema_version",
    "url",
    "canonical_url",
    "site",
    "title",
    "published",
    "author",
    "breadcrumbs",
    "description",
    "keywords",
    "body",
    "sections",
    "related",
    "images",
    "language",
    "fetched_at",
    "fingerprint",
    "revision",
)
