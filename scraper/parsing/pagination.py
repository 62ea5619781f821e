"""Articles split over several pages: ``123.html`` → ``123_2.html`` (DedeCMS/PHPCMS style) or ``?page=2``.

A hyphen is no page separator: ``2020-07-14.html`` is a date, not page 14.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that number the pages of one article.
PAGE_PARAMS = ("page", "p", "pn", "pg", "pageno", "pagenum")
# Never follow more pages than this for one article.
MAX_PAGES = 20
_PATH_PAGE = re.compile(r"^(?P<stem>.+?)_(?P<n>\d{1,2})(?P<ext>\.s?html?|\.php|\.aspx?)?$")


def page_of(url: str) -> tuple[str, int]:
    """The URL of page 1 of the article ``url`` belongs to, and ``url``'s page number."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    for key, value in query:
        if key.lower() in PAGE_PARAMS and value.isdigit():
            rest = [(k, v) for k, v in query if k != key]
            return urlunsplit(parts._replace(query=urlencode(rest), fragment="")), int(value)
    match = _PATH_PAGE.match(parts.path)
    if match and match.group("ext") is not None:
        first = match.group("stem") + match.group("ext")
        return urlunsplit(parts._replace(path=first, query="", fragment="")), int(match.group("n"))
    return urlunsplit(parts._replace(fragment="")), 1


def continuation_urls(url: str, links: Iterable[str]) -> list[str]:
    """Links to the later pages of the same article as ``url``, in page order."""
    first, current = page_of(url)
    pages: dict[int, str] = {}
    for link in links:
        link_first, number = page_of(link)
        if link_first == first and current < number <= MAX_PAGES:
            pages.setdefault(number, link.split("#")[0])
    return [pages[n] for n in sorted(pages)]


def is_continuation(url: str, links: Iterable[str]) -> bool:
    """True for page 2+ of an article: its URL is numbered and it links back to page 1."""
    first, current = page_of(url)
    return current > 1 and any(page_of(link) == (first, 1) for link in links)


_PAGE_PARAM = re.compile(r"[?&](?:" + "|".join(PAGE_PARAMS) + r")=\d", re.IGNORECASE)


def may_be_page_links(url: str, hrefs: Iterable[str]) -> list[str]:
    """The hrefs worth resolving for pagination: they name this article's file or a page parameter."""
    first, _ = page_of(url)
    stem = urlsplit(first).path.rsplit("/", 1)[-1].split(".", 1)[0]
    return [
        h
        for h in hrefs
        if h and not h.startswith(("javascript:", "#", "mailto:")) and ((stem and stem in h) or _PAGE_PARAM.search(h))
    ]
