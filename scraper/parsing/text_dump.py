"""Plain-text page dumps (like ``page-dump.txt``) → the same record as the HTML page.

A dump is the page's visible text: title line, date line, body paragraphs, the
related-reading block, often pasted two or three times, with the ``<title>``
line (``标题-站点``) between the copies.
"""

from __future__ import annotations

import re

from scraper.dates import DEFAULT_TIMEZONE, is_date_line, parse_date
from scraper.items import Article
from scraper.parsing.outcome import Skip
from scraper.related import RelatedEntry, is_related_heading, make_entry
from scraper.repeats import drop_repeated_blocks
from scraper.text import cjk_ratio, clean_lines
from scraper.titles import DEFAULT_SEPARATORS, split_title

# A related-reading title is a short line without sentence punctuation at its end.
MAX_RELATED_TITLE_CHARS = 40
_SENTENCE_END = re.compile(r"[。！？!?，,；;：:）)…]$")
# Lines searched for the date line after the title.
DATE_LINE_WINDOW = 3


def parse_text_dump(
    text: str, url: str, fetched_at: str | None = None, site: str | None = None, tz: str | None = DEFAULT_TIMEZONE
) -> Article | Skip:
    lines = clean_lines(text)
    if not lines:
        return Skip("empty", "the text page is empty")
    title = lines[0]
    lines, learned_site = _drop_title_lines(lines, title)
    lines = drop_repeated_blocks(lines)
    published = None
    body_start = 1
    for i in range(1, min(len(lines), 1 + DATE_LINE_WINDOW)):
        if is_date_line(lines[i], tz):
            published = parse_date(lines[i], tz)
            body_start = i + 1
            break
    related_at = next((i for i in range(body_start, len(lines)) if is_related_heading(lines[i])), len(lines))
    body = lines[body_start:related_at]
    if not body:
        return Skip("not_article", "no body text after the title")
    joined = "\n".join(body)
    return Article(
        url=url,
        site=site or learned_site,
        title=title,
        published=published,
        body=joined,
        related=_related(lines[related_at + 1 :]),
        language="zh" if cjk_ratio(joined) >= 0.3 else None,
        fetched_at=fetched_at,
    )


def _drop_title_lines(lines: list[str], title: str) -> tuple[list[str], str | None]:
    """Remove ``标题-站点`` lines (the dump's ``<title>``), returning the site they name."""
    kept, site = [], None
    for line in lines:
        split = split_title(line, DEFAULT_SEPARATORS)
        if split.site and split.title == title:
            site = site or split.site
            continue
        kept.append(line)
    return kept, site


def _is_related_title(line: str, next_line: str | None) -> bool:
    if next_line is not None and re.sub(r"[:：]$", "", next_line) == line:
        return True
    return len(line) <= MAX_RELATED_TITLE_CHARS and not _SENTENCE_END.search(line)


def _related(lines: list[str]) -> list[RelatedEntry]:
    entries: list[RelatedEntry] = []
    title: str | None = None
    summary: list[str] = []
    for i, line in enumerate(lines):
        next_line = lines[i + 1] if i + 1 < len(lines) else None
        repeats_title = title is not None and re.sub(r"[:：]$", "", line) == title
        if not repeats_title and _is_related_title(line, next_line):
            if title is not None:
                entries.append(make_entry(title, None, summary))
            title, summary = line, []
        elif title is not None:
            summary.append(line)
    if title is not None:
        entries.append(make_entry(title, None, summary))
    return entries
