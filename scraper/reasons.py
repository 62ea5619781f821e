"""Why a page gave no record, or a request no response: the typed reasons behind every skip counter.

Each value is the last part of a stats key (``parse/skipped_<reason>``, ``parse/ignored/<reason>``,
see :mod:`scraper.stats`), so they are what operators read; an enum instead of strings means a typo
is an AttributeError, not a new counter nobody watches.
"""

from __future__ import annotations

from enum import StrEnum


class SkipReason(StrEnum):
    """Why parsing gave no record for a page (``scraper.parsing.outcome.Skip``)."""

    # The page was meant to be an article but could not be read: counted as a failed page.
    BROKEN = "broken"  # truncated HTML (an invalid sitemap is sitemap/invalid, not a page)
    EMPTY = "empty"  # no body bytes, or an empty text page
    UNDECODABLE = "undecodable"  # no encoding decodes it
    NOT_TEXT = "not_text"  # an image, a PDF, …
    ERROR = "error"  # a download error, or a parser bug (logged with its traceback)
    NO_PAGES = "no_pages"  # a file:// start URL naming a directory with no page in it, or unreadable
    # An ordinary page that is not an article: counted as a non-article page.
    NOT_ARTICLE = "not_article"  # list, tag and home pages, XML documents
    CONTINUATION = "continuation"  # page 2+ of a split article, read through page 1

    @property
    def failed(self) -> bool:
        """True when the page was meant to be an article but could not be read."""
        return self not in (SkipReason.NOT_ARTICLE, SkipReason.CONTINUATION)


class IgnoreReason(StrEnum):
    """Why a request was ignored before its page could be parsed (``scraper.ignored``)."""

    ROBOTS = "robots"  # forbidden by robots.txt
    TOO_LARGE = "too_large"  # over DOWNLOAD_MAXSIZE, as sent or after decompression
    NOT_MODIFIED = "not_modified"  # incremental: 304 to a conditional request
    KNOWN_ARTICLE = "known_article"  # incremental: exported before, no validators to check it with
    # Out of the crawl's scope (scraper.scope): a link, redirect or canonical page …
    OFFSITE = "offsite"  # … off the start URLs' hosts (or not http(s)/file at all)
    OFFSITE_PORT = "offsite_port"  # … on another port of a start host (127.0.0.1:6379)
    FILE_OUTSIDE_TREE = "file_outside_tree"  # … to a file outside the file:// start URLs' folders
    FILE_IN_WEB_CRAWL = "file_in_web_crawl"  # … to a file, in a crawl without file:// start URLs
    OTHER = "other"

    @property
    def failed(self) -> bool:
        """True when the URL was requested but its page could not be had (too large, another refusal
        on the way): a failed URL. Requests never sent (robots.txt, off-site) and answers an incremental run
        expects (not modified, known) are not failures."""
        return self in (IgnoreReason.TOO_LARGE, IgnoreReason.OTHER)
