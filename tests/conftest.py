"""Shared test helpers: a real HTTP server on 127.0.0.1 and a real ``scrapy crawl`` subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SEED = FIXTURES / "seed"
SAMPLE_SITE = ROOT / "data" / "sample_site"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass


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
    directory: Path, handler: type[SimpleHTTPRequestHandler] = _QuietHandler
) -> tuple[ThreadingHTTPServer, LocalSite]:
    """Serve ``directory`` over HTTP on an ephemeral 127.0.0.1 port (stop with ``stop_server``)."""
    server = _Server(("127.0.0.1", 0), partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, LocalSite(f"http://127.0.0.1:{server.server_address[1]}", directory)


def stop_server(server: ThreadingHTTPServer) -> None:
    server.shutdown()
    server.server_close()


@pytest.fixture
def serve() -> Iterator[Any]:
    """``serve(directory)`` → a LocalSite served over HTTP on 127.0.0.1 until the test ends."""
    servers: list[ThreadingHTTPServer] = []

    def start(directory: Path) -> LocalSite:
        server, site = start_server(directory)
        servers.append(server)
        return site

    yield start
    for server in servers:
        stop_server(server)


@dataclass
class CrawlResult:
    returncode: int
    stdout: str
    log: str
    articles: list[dict[str, Any]]
    duplicates: list[dict[str, Any]]
    stats: dict[str, Any]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run_crawl(tmp_path: Path, *args: str, cwd: Path = ROOT, timeout: int = 120) -> CrawlResult:
    """Run ``scrapy crawl articles ARGS`` in a subprocess; outputs go under tmp_path."""
    out = tmp_path / "out" / "articles.jsonl"
    stats_file = tmp_path / "out" / "stats.json"
    command = [
        sys.executable,
        "-m",
        "scrapy",
        "crawl",
        "articles",
        *args,
        "-O",
        f"{out}:jsonlines",
        "-s",
        f"STATS_FILE={stats_file}",
        "-s",
        "LOG_LEVEL=DEBUG",
    ]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "scraper.settings", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    stats = json.loads(stats_file.read_text()) if stats_file.exists() else {}
    return CrawlResult(
        done.returncode, done.stdout, done.stderr, read_jsonl(out), read_jsonl(out.parent / "duplicates.jsonl"), stats
    )


def expected_record(name: str, base: str) -> dict[str, Any]:
    text = (SEED / "expected" / f"{name}.json").read_text(encoding="utf-8")
    return json.loads(text.replace("{base}", base))  # type: ignore[no-any-return]


EVAL = ROOT / "benchmarks" / "eval"
SPLIT_ARTICLE = "t8-dede/2345.html"  # a DedeCMS article over three pages in the eval corpus


def eval_label(file: str) -> dict[str, Any]:
    """The eval corpus label of one page (``t8-dede/2345.html``)."""
    template = file.split("/", 1)[0]
    lines = (EVAL / "labels" / f"{template}.jsonl").read_text(encoding="utf-8").splitlines()
    return next(label for label in map(json.loads, lines) if label["file"] == file)


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """A real redis-server on 127.0.0.1 (make test starts one; else one for this session)."""
    from redis_server import redis_server

    with redis_server() as url:
        yield url


@pytest.fixture
def redis_prefix(request: pytest.FixtureRequest) -> str:
    """Redis keys of their own for each test, so that tests sharing a server never meet."""
    return f"test:{request.node.name}:{os.getpid()}:{id(request)}"
