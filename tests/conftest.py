"""Fixtures shared by every test folder, built from ``tests/helpers``."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.helpers.redis_server import redis_server
from tests.helpers.servers import LocalSite, start_server, stop_server


@pytest.fixture
def serve() -> Iterator[Callable[[Path], LocalSite]]:
    """``serve(directory)`` → a LocalSite served over HTTP on 127.0.0.1 until the test ends."""
    servers: list[ThreadingHTTPServer] = []

    def start(directory: Path) -> LocalSite:
        server, site = start_server(directory)
        servers.append(server)
        return site

    yield start
    for server in servers:
        stop_server(server)


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """A real redis-server on 127.0.0.1 (make test starts one; else one for this session)."""
    with redis_server() as url:
        yield url


@pytest.fixture
def redis_prefix(request: pytest.FixtureRequest) -> str:
    """Redis keys of their own for each test, so that tests sharing a server never meet."""
    return f"test:{request.node.name}:{os.getpid()}:{id(request)}"
