"""The bundled sample site (``data/sample_site``), served on 127.0.0.1 inside the crawl's own reactor."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from twisted.internet.interfaces import IListeningPort

SAMPLE_SITE_DIR = Path(__file__).resolve().parent.parent / "data" / "sample_site"


def serve_sample_site(port: int, root: Path = SAMPLE_SITE_DIR) -> tuple[IListeningPort, str]:
    """Start serving ``root`` on 127.0.0.1 (``port``, ``SAMPLE_SITE_PORT``; when taken, a free one); return the
    listening port and the home URL. FileNotFoundError when ``root`` has no ``index.html``."""
    from twisted.internet import reactor
    from twisted.internet.error import CannotListenError
    from twisted.web.server import Site
    from twisted.web.static import File

    if not (root / "index.html").is_file():
        raise FileNotFoundError(f"sample site not found at {root} (expected index.html there)")
    resource = File(str(root))
    resource.contentTypes[".html"] = "text/html"
    listen = cast(Any, reactor).listenTCP
    try:
        listening: Any = listen(port, Site(resource), interface="127.0.0.1")
    except CannotListenError:
        listening = listen(0, Site(resource), interface="127.0.0.1")
    return listening, f"http://127.0.0.1:{listening.getHost().port}/"
