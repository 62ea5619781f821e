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
    BROKEN = "broken"  # truncated HTML, an unreadable sitemap
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
    OFFSITE = "offsite"  # a redirect or link off the crawled domains
    OTHER = "other"

    @property
    def on_purpose(self) -> bool:
        """True for requests ignored by design rather than by a fault: not among ``faults()``'s
        ``ignored/<reason>`` entries (robots.txt refusals are reported there once, as ``robots_forbidden``)."""
        return self in (IgnoreReason.NOT_MODIFIED, IgnoreReason.KNOWN_ARTICLE, IgnoreReason.ROBOTS)
