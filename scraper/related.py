"""Related-reading (相关阅读) entries as structured links."""

from __future__ import annotations

import re
from typing import TypedDict

from scraper.hanzi import simplified
from scraper.text import clean_line, comparison_key

# Headings that introduce a related-reading block, on pages and in text dumps.
RELATED_HEADINGS = ("相关阅读", "相关文章", "延伸阅读", "推荐阅读", "相关推荐", "相关内容", "相关链接")


class RelatedEntry(TypedDict):
    title: str
    url: str | None
    summary: str | None


def is_related_heading(text: str) -> bool:
    """True for a short heading line like ``XX相关阅读`` (or ``延伸閱讀``)."""
    text = simplified(text.strip())
    return len(text) <= 60 and any(text.endswith(h) or text.startswith(h) for h in RELATED_HEADINGS)


def make_entry(title: str, url: str | None, summary_lines: list[str]) -> RelatedEntry:
    """An entry whose summary lost a leading repeat of the title (``标题:``)."""
    title = clean_line(title)
    lines = [line for line in (clean_line(raw) for raw in summary_lines) if line]
    if lines:
        first = lines[0]
        if comparison_key(first) == comparison_key(title):
            lines = lines[1:]
        elif first.startswith(title):
            rest = re.sub(r"^[:：\s]+", "", first[len(title) :])
            if rest != first[len(title) :]:
                lines[0:1] = [rest] if rest else []
    return {"title": title, "url": url, "summary": "\n".join(lines) or None}
