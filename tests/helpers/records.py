"""Records as a crawl exports them, JSONL files of them, and a compact view of a sections tree."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from scraper.items import Article

URL = "http://s.test/a.html"
TITLE = "腰痛怎么办"
# A short body with two levels of numbered headings.
BODY = "一、腰痛的原因\n1、受凉\n腰部受凉以后肌肉痉挛。\n2、劳损\n长期弯腰工作导致腰肌劳损。"
FETCHED_AT = "2026-11-25T10:00:00Z"


def record(url: str = URL, **fields: Any) -> dict[str, Any]:
    """A whole record (every field, in record order): ``TITLE``, ``BODY`` and ``FETCHED_AT`` unless
    ``fields`` say otherwise, the record's defaults (null, ``[]``, revision 1) for the rest."""
    values = {"title": TITLE, "body": BODY, "fetched_at": FETCHED_AT, **fields}
    return asdict(Article(url=url, **values))


def article(url: str = URL, **fields: Any) -> Article:
    """The same record as an :class:`~scraper.items.Article` item (what the spider yields)."""
    return Article(**record(url, **fields))


def write_jsonl(path: Path, rows: Iterable[object], extra_lines: Iterable[str] = ()) -> Path:
    """One JSON line per row (Chinese unescaped), then ``extra_lines`` as they are; folders made."""
    lines = [json.dumps(row, ensure_ascii=False) for row in rows] + list(extra_lines)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def outline(sections: list[dict[str, Any]], fields: tuple[str, ...] = ("label", "heading")) -> list[tuple[Any, ...]]:
    """A sections tree as nested tuples: ``fields`` of each section, then the outline of its subsections."""
    return [(*(s[name] for name in fields), outline(s["subsections"], fields)) for s in sections]
