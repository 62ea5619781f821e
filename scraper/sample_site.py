"""The bundled sample site (``data/sample_site``), served on 127.0.0.1 inside the crawl's own reactor.

Its URLs are always ``http://127.0.0.1:<SAMPLE_SITE_PORT>/…``: the incremental state and the duplicate
index are keyed by URL, so a run that found the port taken and served the site on another one would
otherwise see new URLs whose bodies are all duplicates of the last run's. When the port is taken, the site
is served on a free port and :class:`SampleSiteRoute` sends the sample site's requests there as to an
HTTP proxy (Scrapy's ``meta["proxy"]``): the request keeps its URL, and our server, which accepts a
request line in absolute form (RFC 9112 §3.2.2), answers it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

from scrapy.http import Request
from twisted.internet.interfaces import IListeningPort
from twisted.web.server import Request as TwistedRequest

SAMPLE_SITE_DIR = Path(__file__).resolve().parent.parent / "data" / "sample_site"


@dataclass(frozen=True)
class SampleSite:
    """The served sample site: its listening port, its home URL (on the configured port) and, when it is
    served on another port, the ``http://127.0.0.1:<port>`` its requests are routed to (else None)."""

    listening: IListeningPort
    home: str
    route: str | None


class _AbsoluteFormRequest(TwistedRequest):
    """A request whose request line may carry an absolute URL (``GET http://host:port/path``), as a client
    sends it to a proxy: it is served as the path (``/path``)."""

    def requestReceived(self, command: bytes, path: bytes, version: bytes) -> None:  # noqa: N802 - Twisted
        parts = urlsplit(path)
        if parts.scheme:
            path = (parts.path or b"/") + (b"?" + parts.query if parts.query else b"")
        super().requestReceived(command, path, version)


def serve_sample_site(port: int, root: Path = SAMPLE_SITE_DIR) -> SampleSite:
    """Start serving ``root`` on 127.0.0.1, on ``port`` (``SAMPLE_SITE_PORT``) or, when it is taken, on a free
    one. FileNotFoundError when ``root`` has no ``index.html``."""
    from twisted.internet import reactor
    from twisted.internet.error import CannotListenError
    from twisted.web.server import Site
    from twisted.web.static import File

    if not (root / "index.html").is_file():
        raise FileNotFoundError(f"sample site not found at {root} (expected index.html there)")
    resource = File(str(root))
    resource.contentTypes[".html"] = "text/html"
    site = Site(resource)
    site.requestFactory = _AbsoluteFormRequest
    listen = cast(Any, reactor).listenTCP
    try:
        listening: Any = listen(port, site, interface="127.0.0.1")
    except CannotListenError:
        listening = listen(0, site, interface="127.0.0.1")
    served = listening.getHost().port
    route = None if served == port else f"http://127.0.0.1:{served}"
    return SampleSite(listening, f"http://127.0.0.1:{port}/", route)


class SampleSiteRoute:
    """Downloader middleware: a request for the sample site's URLs goes to the port it is served on when
    that is not the configured one (``meta["proxy"]``, read by Scrapy's HttpProxyMiddleware after this).
    Does nothing unless the spider serves the sample site on another port (``spider.sample_site_served``)."""

    def __init__(self, crawler: Any):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> SampleSiteRoute:
        return cls(crawler)

    def process_request(self, request: Request, spider: Any = None) -> None:
        served: SampleSite | None = getattr(self.crawler.spider, "sample_site_served", None)
        if served is None or served.route is None or "proxy" in request.meta:
            return
        home = urlsplit(served.home)
        url = urlsplit(request.url)
        if (url.scheme, url.netloc) == (home.scheme, home.netloc):
            request.meta["proxy"] = served.route
