"""Related-reading entries from a block whose layout no profile describes.

The block is read as lines: a line that starts with a link's text starts an entry
(title + URL); the lines after it, up to the next title, are its summary, less the
metadata lines (dates, authors, read and comment counts) such feeds carry.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from lxml.html import HtmlElement

from scraper.dates import find_dates
from scraper.parsing.blocks import element_lines
from scraper.related import RelatedEntry, is_related_heading, make_entry
from scraper.relative_dates import has_relative_date
from scraper.text import clean_line

# Link texts shorter than this are authors, tags or "更多", not article titles.
MIN_TITLE_CHARS = 6
# A line this short that carries a date or a counter is metadata, not an excerpt.
MAX_META_LINE_CHARS = 40
# Buttons of a feed: 加载更多, 查看更多>>, 换一换, 展开全文.
_CONTROL = re.compile(r"^(?:加载|查看|点击|阅读)?更多.{0,6}$|^换一[换批]$|^展开(?:全文)?$|^[>»]+$")
_COUNTER = re.compile(r"\d+(?:\.\d+)?\s*万?\s*(?:阅读|评论|浏览|点赞|收藏|次|赞|人)|(?:阅读|评论|浏览)\s*[:：]?\s*\d")


def is_meta_line(line: str) -> bool:
    """True for a feed's metadata line (``李静 · 2.4万阅读``, ``2020-04-30``, ``3天前``) or button."""
    if len(line) > MAX_META_LINE_CHARS:
        return False
    return bool(
        _CONTROL.match(line) or _COUNTER.search(line) or find_dates(line) or has_relative_date(line) or "·" in line
    )


def _first_title(line: str, titles: list[str]) -> tuple[int, str] | None:
    """The earliest link title in the line (the longest one where several start there)."""
    hits = [(line.find(t), -len(t), t) for t in titles if t in line]
    if not hits:
        return None
    at, _, title = min(hits)
    return at, title


def block_entries(block: HtmlElement, base_url: str) -> list[RelatedEntry]:
    """Entries of a related-reading block, in page order."""
    links: dict[str, str | None] = {}
    for a in block.iter("a"):
        text, href = clean_line(a.text_content()), (a.get("href") or "").strip()
        if len(text) >= MIN_TITLE_CHARS and text not in links:
            usable = href and not href.startswith(("javascript:", "#"))
            links[text] = urljoin(base_url, href) if usable else None
    titles = sorted(links, key=len, reverse=True)
    entries: list[tuple[str, list[str]]] = []
    for line in element_lines(block):
        if is_related_heading(line):
            continue
        # A line may hold several titles (bare links in a row), a date before its title, or
        # repeat the current title ("标题:") at the start of its summary.
        while (found := _first_title(line, titles)) is not None:
            at, title = found
            if entries and entries[-1][0] == title and at == 0:
                break
            if at and entries:
                entries[-1][1].append(line[:at].strip())
            entries.append((title, []))
            line = line[at + len(title) :].strip()
        if entries and line:
            entries[-1][1].append(line)
    result = []
    for title, lines in entries:
        summary = [line for line in lines if line and not is_meta_line(line)]
        result.append(make_entry(title, links[title], summary))
    return result
