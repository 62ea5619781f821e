"""A real HTTP server on 127.0.0.1 serving a folder, on an ephemeral port."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without logging each request."""

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass

    def send_body(
        self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8", **headers: str
    ) -> None:
        """One whole response; ``headers`` as keywords, ``_`` for ``-`` (``Content_Encoding="gzip"``)."""
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    # http.server's default listen queue (5) stalls under Scrapy's concurrency.
    request_queue_size = 128
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients that time out or are reset on purpose are not test failures


@dataclass
class LocalSite:
    base: str
    root: Path


def start_server(
    directory: Path, handler: type[SimpleHTTPRequestHandler] = QuietHandler
) -> tuple[ThreadingHTTPServer, LocalSite]:
    """Serve ``directory`` over HTTP on an ephemeral 127.0.0.1 port (stop with ``stop_server``)."""
    server = _Server(("127.0.0.1", 0), partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, LocalSite(f"http://127.0.0.1:{server.server_address[1]}", directory)


def stop_server(server: ThreadingHTTPServer) -> None:
    server.shutdown()
    server.server_close()
