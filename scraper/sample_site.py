"""The bundled sample site (``data/sample_site``), served on 127.0.0.1 inside the crawl's own reactor."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from twisted.internet.interfaces import IListeningPort

SAMPLE_SITE_DIR = Path(__file__).resolve().parent.parent / "data" / "sample_site"


def serve_sample_site(root: Path = SAMPLE_SITE_DIR) -> tuple[IListeningPort, str]:
    """Start serving ``root`` on an ephemeral 127.0.0.1 port; return the port and the home URL."""
    from twisted.internet import reactor
    from twisted.web.server import Site
    from twisted.web.static import File

    if not (root / "index.html").is_file():
        raise FileNotFoundError(f"sample site not found at {root} (expected index.html there)")
    resource = File(str(root))
    resource.contentTypes[".html"] = "text/html"
    port: Any = cast(Any, reactor).listenTCP(0, Site(resource), interface="127.0.0.1")
    return port, f"http://127.0.0.1:{port.getHost().port}/"
