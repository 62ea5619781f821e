"""The crawl's scope: the URLs a crawl may request, decided from its start URLs alone.

* **http(s)**: the start URLs' hosts and their subdomains (Scrapy's ``allowed_domains`` rule), on the start
  URLs' ports. Another port of a start host (``127.0.0.1:6379`` beside ``127.0.0.1:8000``) is another site
  unless a start URL names that origin; the standard ports 80 and 443 count as one, since a site moves
  between http and https.
* **file**: only inside the folders of the ``file://`` start URLs (a start file's folder and everything
  under it), judged on disk as Scrapy's file handler would open it: ``..``, percent-encoded dots and
  symbolic links that lead out are outside. A crawl without a ``file://`` start URL requests no file.
* Any other scheme is off-site. The start URLs themselves are always in scope.

The spider follows in-scope links only (:meth:`CrawlScope.refusal`); :class:`ScopeMiddleware` checks every
request at download time, so that redirects, canonical and continuation pages obey the same rule (Scrapy's
``OffsiteMiddleware`` compares host names only, and lets ``dont_filter`` requests pass). Each refusal is
counted as ``scope/refused/<reason>``; a refused request is also an ignored request
(``parse/ignored/<reason>``, :class:`scraper.ignored.OutOfScope`).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from scrapy.crawler import Crawler
from scrapy.http import Request, Response
from w3lib.url import file_uri_to_path, safe_url_string

from scraper.ignored import OutOfScope
from scraper.reasons import IgnoreReason
from scraper.stats import Stats, scope_refused_key

logger = logging.getLogger(__name__)

# Ports a site moves between when it switches scheme: one start URL on either allows both.
STANDARD_PORTS = {"http": 80, "https": 443}
# Statuses whose Location Scrapy's RedirectMiddleware follows (it leaves non-http(s) targets unfollowed).
REDIRECT_STATUSES = (301, 302, 303, 307, 308)


@dataclass(frozen=True)
class Refusal:
    """Why a URL is out of scope: ``reason`` for the stats, ``detail`` for people."""

    reason: IgnoreReason
    detail: str


def file_path(url: str) -> str:
    """The real path (symbolic links resolved) that Scrapy's file handler would read for a ``file:`` URL;
    ValueError for one that names no path (a NUL byte)."""
    return os.path.realpath(file_uri_to_path(url))


class CrawlScope:
    """The scope of a crawl from its start URLs (http(s) and file URLs; see the module docstring)."""

    def __init__(self, start_urls: Iterable[str]):
        self.start_urls = frozenset(start_urls)
        self._ports: dict[str, set[int]] = {}
        self.folders: list[str] = []
        for url in self.start_urls:
            parts = urlsplit(url)
            if parts.scheme == "file":
                path = file_uri_to_path(url)
                folder = path if url.endswith("/") else os.path.dirname(path)
                self.folders.append(os.path.realpath(folder))
            elif parts.scheme in STANDARD_PORTS and parts.hostname:
                port = _port(parts.scheme, parts.port)
                ports = self._ports.setdefault(parts.hostname, set())
                ports.update(STANDARD_PORTS.values() if port in STANDARD_PORTS.values() else (port,))

    @property
    def hosts(self) -> list[str]:
        """The start URLs' host names (their subdomains are in scope too)."""
        return sorted(self._ports)

    def refusal(self, url: str) -> Refusal | None:
        """None when ``url`` is in scope, else why it is not."""
        if url in self.start_urls:
            return None
        parts = urlsplit(url)
        if parts.scheme == "file":
            return self._file_refusal(url)
        if parts.scheme not in STANDARD_PORTS:
            return Refusal(IgnoreReason.OFFSITE, f"not an http(s) URL ({parts.scheme or 'no scheme'})")
        host = parts.hostname or ""
        matching = [h for h in self._ports if host == h or host.endswith("." + h)]
        if not matching:
            return Refusal(IgnoreReason.OFFSITE, f"{host or 'no host'} is not a start URL's host")
        try:
            port = _port(parts.scheme, parts.port)
        except ValueError:
            return Refusal(IgnoreReason.OFFSITE, f"{parts.netloc} has no valid port")
        if not any(port in self._ports[h] for h in matching):
            return Refusal(IgnoreReason.OFFSITE_PORT, f"port {port} of {host} is no start URL's port")
        return None

    def _file_refusal(self, url: str) -> Refusal | None:
        if not self.folders:
            return Refusal(IgnoreReason.FILE_IN_WEB_CRAWL, "a file: URL in a crawl without file:// start URLs")
        try:
            path = file_path(url)
        except ValueError:
            return Refusal(IgnoreReason.FILE_OUTSIDE_TREE, "a file: URL that names no readable path")
        if any(os.path.commonpath([path, folder]) == folder for folder in self.folders):
            return None
        return Refusal(IgnoreReason.FILE_OUTSIDE_TREE, f"{path} is outside {', '.join(sorted(self.folders))}")


def _port(scheme: str, port: int | None) -> int:
    return port if port is not None else STANDARD_PORTS[scheme]


class ScopeRefusals:
    """Counts refusals (``scope/refused/<reason>``) and logs them with their URL: links at INFO (plain
    off-site links, on every page of most sites, at DEBUG), requests at WARNING."""

    def __init__(self, stats: Stats, log: logging.Logger | logging.LoggerAdapter[Any] = logger):
        self.stats = stats
        self.log = log

    def link(self, url: str, refusal: Refusal) -> None:
        """A link (or a sitemap entry, a canonical URL) not followed."""
        self.stats.inc_value(scope_refused_key(refusal.reason))
        level = logging.DEBUG if refusal.reason is IgnoreReason.OFFSITE else logging.INFO
        self.log.log(level, "Not following %s: out of scope (%s: %s)", url, refusal.reason, refusal.detail)

    def request(self, url: str, refusal: Refusal) -> None:
        """A request refused at download time (a redirect's target, …)."""
        self.stats.inc_value(scope_refused_key(refusal.reason))
        self.log.warning("Refused %s: out of scope (%s: %s)", url, refusal.reason, refusal.detail)


class ScopeMiddleware:
    """Downloader middleware: refuses every request outside the spider's ``scope`` (a :class:`CrawlScope`;
    a spider without one is not checked), whether it is ``dont_filter`` or a redirect, and a redirect
    response pointing outside it (a ``Location: file:…`` Scrapy leaves unfollowed). Raises
    :class:`~scraper.ignored.OutOfScope`, which carries the reason to the request's errback."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        assert crawler.stats is not None
        self.refusals = ScopeRefusals(crawler.stats)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ScopeMiddleware:
        return cls(crawler)

    def _scope(self) -> CrawlScope | None:
        scope = getattr(self.crawler.spider, "scope", None)
        return scope if isinstance(scope, CrawlScope) else None

    def process_request(self, request: Request, spider: Any = None) -> None:
        scope = self._scope()
        refusal = scope.refusal(request.url) if scope is not None else None
        if refusal is not None:
            self.refusals.request(request.url, refusal)
            raise OutOfScope(refusal.reason, f"out of scope: {request.url} ({refusal.detail})")

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Response:
        scope = self._scope()
        location = response.headers.get(b"Location")
        if scope is None or response.status not in REDIRECT_STATUSES or not location:
            return response
        target = urljoin(request.url, safe_url_string(location))
        refusal = scope.refusal(target)
        if refusal is not None:
            self.refusals.request(target, refusal)
            raise OutOfScope(refusal.reason, f"redirect out of scope: {request.url} → {target} ({refusal.detail})")
        return response
