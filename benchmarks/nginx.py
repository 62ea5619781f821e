"""Serve a directory with nginx on 127.0.0.1 (a config of our own in a temp dir, no root needed).

Python's ``http.server`` collapses under Scrapy's concurrency (a 5-connection listen queue), so
the crawl benchmarks serve their pages with nginx::

    with serve_directory(site_dir) as base:     # "http://127.0.0.1:PORT"
        ...
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

NGINX_CANDIDATES = ("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx")

CONFIG = """\
worker_processes 1;
daemon off;
pid {run}/nginx.pid;
error_log {run}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    types {{ text/html html htm; text/plain txt; application/xml xml; application/json json;
            text/css css; application/javascript js; image/gif gif; }}
    default_type application/octet-stream;
    charset utf-8;
    access_log off;
    sendfile on;
    keepalive_requests 100000;
    client_body_temp_path {run}/body;
    proxy_temp_path {run}/proxy;
    fastcgi_temp_path {run}/fastcgi;
    uwsgi_temp_path {run}/uwsgi;
    scgi_temp_path {run}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        index index.html;
    }}
}}
"""


def nginx_binary() -> str | None:
    """The nginx executable, or None when nginx is not installed."""
    found = shutil.which("nginx")
    return found or next((p for p in NGINX_CANDIDATES if os.access(p, os.X_OK)), None)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_listening(port: int, process: subprocess.Popen[bytes], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx exited with code {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nginx did not listen on 127.0.0.1:{port} within {timeout} s")


@contextmanager
def serve_directory(root: Path, port: int | None = None) -> Iterator[str]:
    """Serve ``root`` on ``http://127.0.0.1:PORT`` (a free port unless given) until the block ends."""
    binary = nginx_binary()
    if binary is None:
        raise RuntimeError("nginx is not installed (apt-get install -y nginx)")
    port = port or free_port()
    with tempfile.TemporaryDirectory(prefix="healthscrape-nginx-") as run:
        config = Path(run) / "nginx.conf"
        config.write_text(CONFIG.format(run=run, port=port, root=Path(root).resolve()), encoding="utf-8")
        # -e: the error log before the config is read (the default path needs root).
        process = subprocess.Popen(
            [binary, "-c", str(config), "-p", run, "-e", f"{run}/error.log"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            try:
                _wait_listening(port, process)
            except RuntimeError as exc:
                exited = process.poll() is not None and process.stderr is not None
                stderr = process.stderr.read().decode(errors="replace") if exited and process.stderr else ""
                raise RuntimeError(f"{exc} {stderr.strip()}") from exc
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
