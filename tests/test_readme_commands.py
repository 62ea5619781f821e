"""The README's operator commands work as written, and git ignores what they write (issue 12 point 14).

The "Running on several machines" steps are run against a real redis-server started with the README's own
``--requirepass``: the ``REDIS_URL`` it exports must let both the workers (redis-py, through scrapy-redis)
and its ``redis-cli`` progress commands in, with no warning printed in between.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import tempfile
from urllib.parse import urlsplit, urlunsplit

import pytest
import redis

from tests.helpers.paths import ROOT
from tests.helpers.redis_server import _wait_for, free_port

README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README[README.index("## Running on several machines") :]
SECTION = SECTION[: SECTION.index("\n## ", 5)]


def readme_redis_url(port: int) -> str:
    """The REDIS_URL the README exports, pointed at 127.0.0.1:``port``."""
    url = re.search(r"export REDIS_URL='([^']+)'", SECTION).group(1)
    parts = urlsplit(url)
    credentials = parts.netloc.rsplit("@", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{credentials}@127.0.0.1:{port}"))


@pytest.fixture
def password_redis():
    """A redis-server with the README's password, on a free 127.0.0.1 port."""
    password = re.search(r"--requirepass '([^']+)'", SECTION).group(1)
    port = free_port()
    with tempfile.TemporaryDirectory() as folder:
        process = subprocess.Popen(
            [shutil.which("redis-server") or "redis-server", "--port", str(port), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no", "--dir", folder, "--requirepass", password],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            _wait_for(port)
            yield port
        finally:
            process.terminate()
            process.wait(timeout=10)


def test_the_readme_redis_url_lets_workers_and_redis_cli_in(password_redis):
    url = readme_redis_url(password_redis)
    assert redis.Redis.from_url(url).ping()  # what scrapy-redis does with REDIS_URL
    commands = [line.split("#")[0].strip() for line in SECTION.splitlines() if line.strip().startswith("redis-cli")]
    assert len(commands) >= 3
    for command in commands:
        done = subprocess.run(
            ["bash", "-c", command], env={**os.environ, "REDIS_URL": url}, capture_output=True, text=True, timeout=30
        )
        assert done.returncode == 0 and done.stderr == "", (command, done.stderr)
        assert not re.search(r"NOAUTH|AUTH failed|ERR|WRONGPASS", done.stdout), (command, done.stdout)
        assert shlex.split(command)[0] == "redis-cli"


@pytest.mark.parametrize(
    "path",
    ["data/runs/20261201T031700Z/articles.jsonl", "data/state/state.sqlite", "data/state/crawl.lock",
     "data/articles.jsonl", "data/report.html"],
)  # fmt: skip
def test_what_a_crawl_writes_under_data_is_ignored_by_git(path):
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    done = subprocess.run(["git", "check-ignore", "--no-index", "-q", path], cwd=ROOT)
    assert done.returncode == 0, f"{path} is not ignored"


def test_the_bundled_sample_site_is_not_ignored():
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    done = subprocess.run(["git", "check-ignore", "--no-index", "-q", "data/sample_site/index.html"], cwd=ROOT)
    assert done.returncode == 1
