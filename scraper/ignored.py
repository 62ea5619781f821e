"""Requests ignored before their page is parsed, with typed reasons instead of message matching.

The project's own middlewares raise :class:`IgnoredRequest` subclasses that carry their
:class:`~scraper.reasons.IgnoreReason` (as Scrapy's ``HttpError`` carries its response). Three of
Scrapy's downloader middlewares raise a bare ``IgnoreRequest`` whose only clue is its message; two of them
are subclassed here (wired in ``DOWNLOADER_MIDDLEWARES`` in place of Scrapy's) to re-raise it typed, and
the third, ``OffsiteMiddleware``, is replaced by :mod:`scraper.scope`. Scrapy
2.19's download handlers raise ``DownloadCancelledError`` for a body over ``DOWNLOAD_MAXSIZE``.
:func:`ignore_reason` maps an exception to its reason by type alone.
"""

from __future__ import annotations

from typing import Any

from scrapy.downloadermiddlewares.httpcompression import HttpCompressionMiddleware
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import DownloadCancelledError, IgnoreRequest
from scrapy.http import Request, Response
from scrapy.spidermiddlewares.httperror import HttpError

from scraper.reasons import IgnoreReason


class IgnoredRequest(IgnoreRequest):
    """An ignored request and why (``reason``); the message is for people only."""

    reason: IgnoreReason = IgnoreReason.OTHER


class ForbiddenByRobots(IgnoredRequest):
    """Forbidden by the site's robots.txt."""
    reason = IgnoreReason.ROBOTS


class TooLarge(IgnoredRequest):
    """A body over ``DOWNLOAD_MAXSIZE`` once decompressed."""
    reason = IgnoreReason.TOO_LARGE


class OutOfScope(IgnoredRequest):
    """A request outside the crawl's scope (:mod:`scraper.scope`): off-site, another port of a start host,
    a file outside the start folders or a file in a web crawl, as ``reason`` says."""

    def __init__(self, reason: IgnoreReason, message: str):
        super().__init__(message)
        self.reason = reason


class NotModified(IgnoredRequest):
    """Incremental: the server answered 304 to a conditional request."""
    reason = IgnoreReason.NOT_MODIFIED


class KnownWithoutValidators(IgnoredRequest):
    """Incremental: an article exported before whose server sent no ETag/Last-Modified to check it with."""
    reason = IgnoreReason.KNOWN_ARTICLE


def ignore_reason(exception: BaseException) -> IgnoreReason | None:
    """Why a request was ignored, by the exception's type; None when it was not ignored but failed
    (an HTTP error status, a timeout, a refused connection: those are errors of the page)."""
    if isinstance(exception, IgnoredRequest):
        return exception.reason
    if isinstance(exception, DownloadCancelledError):  # Scrapy 2.19: over DOWNLOAD_MAXSIZE while downloading
        return IgnoreReason.TOO_LARGE
    if isinstance(exception, IgnoreRequest) and not isinstance(exception, HttpError):
        return IgnoreReason.OTHER
    return None


def download_failure(exception: BaseException) -> str:
    """The final reason a request failed that was not ignored (see :func:`ignore_reason`), as counted in
    ``crawl/failed/<reason>``: ``http_<status>`` for an HTTP error status (Scrapy's ``HttpError``, raised once
    retries are used up), ``exception/<type>`` for a download exception (``exception/DownloadTimeoutError``)."""
    if isinstance(exception, HttpError):
        return f"http_{exception.response.status}"
    return f"exception/{type(exception).__name__}"


class TypedRobotsTxtMiddleware(RobotsTxtMiddleware):
    """Scrapy's robots.txt middleware, raising :class:`ForbiddenByRobots`."""

    def process_request_2(self, rp: Any, request: Request) -> None:
        try:
            super().process_request_2(rp, request)
        except IgnoreRequest as exc:
            raise ForbiddenByRobots(str(exc)) from None


class TypedHttpCompressionMiddleware(HttpCompressionMiddleware):
    """Scrapy's decompression middleware, raising :class:`TooLarge` for a body over ``DOWNLOAD_MAXSIZE``
    once decompressed (the only ``IgnoreRequest`` it raises)."""

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Request | Response:
        try:
            return super().process_response(request, response)
        except IgnoreRequest as exc:
            raise TooLarge(str(exc)) from None
