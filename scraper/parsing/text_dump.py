"""Plain-text page dumps (like ``page-dump.txt``) → the same record as the HTML page.

A dump is the page's visible text: title line, date line, body paragraphs, the
related-reading block, often pasted two or three times, with the ``<title>``
line (``标题-站点``) between the copies.

Any ``text/plain`` page comes here (``ads.txt``, ``LICENSE.txt``, ``robots.txt``, a CSV or JSON file), so a
text is an article only when it reads as one: a title line in Chinese, a body in Chinese (the crawl's
language: the project crawls Chinese health sites), and enough running text (sentences). Anything else is a
non-article page (``Skip(NOT_ARTICLE)``, counted as ``parse/non_article_pages``).
"""

from __future__ import annotations

from functools import cached_property

from scraper.items import Article, RelatedEntry
from scraper.parsing.article_page import MAX_UNTITLED_HEADLINE_CHARS
from scraper.parsing.bylines import byline_author, is_info_line
from scraper.parsing.dates import DEFAULT_TIMEZONE, is_date_line, parse_date
from scraper.parsing.outcome import Skip
from scraper.parsing.related import is_related_heading, text_entries
from scraper.parsing.second_opinion import MIN_PROSE_CJK, prose_chars
from scraper.parsing.titles import DEFAULT_SEPARATORS, split_title
from scraper.reasons import SkipReason
from scraper.text.normalize import cjk_ratio, clean_lines
from scraper.text.repeats import drop_repeated_blocks

# Lines searched for the date line after the title.
DATE_LINE_WINDOW = 3
# A title line is at most this long (a headline found without <title>, as on HTML pages); a longer first
# line is a paragraph or a data row.
MAX_TITLE_LINE_CHARS = MAX_UNTITLED_HEADLINE_CHARS
# Text in the crawl's language: at least this share of CJK ideographs (the prose rule of the second opinion,
# and the share above which a record's ``language`` is ``zh``).
MIN_CHINESE_SHARE = MIN_PROSE_CJK
# A dump is an article with at least this many characters of running text (prose lines: sentences, mostly
# Chinese; scraper.parsing.second_opinion.is_prose). The shortest dumps of articles in the tests hold 61 and
# 73; ads.txt, LICENSE.txt, robots.txt, a CSV table, a keyword list hold none.
MIN_PROSE_CHARS = 50


class TextDumpPage:
    """A plain-text page as an article: inputs given to the constructor, one lazily computed attribute
    per record field, :meth:`to_item` for the whole record."""

    def __init__(
        self,
        text: str,
        url: str,
        fetched_at: str | None = None,
        site: str | None = None,
        tz: str | None = DEFAULT_TIMEZONE,
    ):
        self.text = text
        self.url = url
        self.fetched_at = fetched_at
        self.forced_site = site
        self.tz = tz

    @cached_property
    def _all_lines(self) -> list[str]:
        """The clean lines, the first one being the title without a site suffix (``标题-站点`` → ``标题``)."""
        lines = clean_lines(self.text)
        if lines:
            lines[0] = split_title(lines[0], DEFAULT_SEPARATORS).title
        return lines

    @cached_property
    def title(self) -> str | None:
        """The first line, less a site suffix."""
        return self._all_lines[0] if self._all_lines else None

    @cached_property
    def _lines_and_site(self) -> tuple[list[str], str | None]:
        """The lines without the ``标题-站点`` lines and repeated blocks, and the site those lines name
        (the first line's suffix included)."""
        first_site = split_title(clean_lines(self.text)[0], DEFAULT_SEPARATORS).site if self._all_lines else None
        lines, site = _drop_title_lines(self._all_lines, self.title or "")
        return drop_repeated_blocks(lines), site or first_site

    @cached_property
    def _date_line(self) -> int | None:
        """Index of the date line right after the title, if any."""
        lines = self._lines_and_site[0]
        window = range(1, min(len(lines), 1 + DATE_LINE_WINDOW))
        info = (i for i in window if is_date_line(lines[i], self.tz) or is_info_line(lines[i]))
        return next(info, None)

    @cached_property
    def published(self) -> str | None:
        at = self._date_line
        return parse_date(self._lines_and_site[0][at], self.tz) if at is not None else None

    @cached_property
    def author(self) -> str | None:
        """The byline of the info line under the title (``来源：… 作者：…``), if any."""
        at = self._date_line
        return byline_author(self._lines_and_site[0][at]) if at is not None else None

    @cached_property
    def _related_at(self) -> int:
        lines = self._lines_and_site[0]
        return next((i for i in range(self._body_start, len(lines)) if is_related_heading(lines[i])), len(lines))

    @property
    def _body_start(self) -> int:
        return self._date_line + 1 if self._date_line is not None else 1

    @cached_property
    def body(self) -> str:
        return "\n".join(self._lines_and_site[0][self._body_start : self._related_at])

    @cached_property
    def site(self) -> str | None:
        return self.forced_site or self._lines_and_site[1]

    @cached_property
    def related(self) -> list[RelatedEntry]:
        return text_entries(self._lines_and_site[0][self._related_at + 1 :])

    @cached_property
    def language(self) -> str | None:
        return "zh" if cjk_ratio(self.body) >= MIN_CHINESE_SHARE else None

    @cached_property
    def not_article(self) -> str | None:
        """Why this text does not read as an article, for people (None when it does): no title line in
        Chinese, no body, a body not in Chinese, or too little running text."""
        title = self.title or ""
        if len(title) > MAX_TITLE_LINE_CHARS or cjk_ratio(title) < MIN_CHINESE_SHARE:
            return f"a text page without a title line in Chinese (first line: {title[:40]!r})"
        if not self.body:
            return "no body text after the title"
        if self.language is None:
            return f"a text page not in Chinese ({cjk_ratio(self.body):.0%} Chinese characters)"
        prose = prose_chars(self.body.split("\n"), ())
        if prose < MIN_PROSE_CHARS:
            return f"a text page with too little running text ({prose} characters of sentences)"
        return None

    def to_item(self) -> Article | Skip:
        """The article, or a Skip saying why this text is not one (``EMPTY``, or ``NOT_ARTICLE``:
        :attr:`not_article`)."""
        if not self._all_lines:
            return Skip(SkipReason.EMPTY, "the text page is empty")
        if self.not_article is not None:
            return Skip(SkipReason.NOT_ARTICLE, self.not_article)
        return Article(
            url=self.url,
            site=self.site,
            title=self.title,
            published=self.published,
            author=self.author,
            body=self.body,
            related=self.related,
            language=self.language,
            fetched_at=self.fetched_at,
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
