"""Real crawls and commands in subprocesses: ``scrapy crawl articles`` and the ``healthscrape`` script."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.helpers.paths import HEALTHSCRAPE, ROOT


@dataclass
class CrawlResult:
    returncode: int
    stdout: str
    log: str
    articles: list[dict[str, Any]]
    duplicates: list[dict[str, Any]]
    stats: dict[str, Any]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The records of a JSONL file; none when the file does not exist."""
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def crawl_env(settings_module: bool = True) -> dict[str, str]:
    """The environment of a crawl subprocess: the project importable, its settings module set."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if settings_module:
        env["SCRAPY_SETTINGS_MODULE"] = "scraper.settings"
    return env


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
    done = subprocess.run(command, cwd=cwd, env=crawl_env(), capture_output=True, text=True, timeout=timeout)
    stats = json.loads(stats_file.read_text()) if stats_file.exists() else {}
    return CrawlResult(
        done.returncode, done.stdout, done.stderr, read_jsonl(out), read_jsonl(out.parent / "duplicates.jsonl"), stats
    )


def healthscrape(*args: str, cwd: Path | None = None, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    """Run the installed ``healthscrape`` console script with ``args``."""
    return subprocess.run(
        [str(HEALTHSCRAPE), *args], cwd=cwd, env=crawl_env(settings_module=False),
        capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip


TRACEBACK = "Traceback (most recent call last):"


def tracebacks(log: str) -> list[str]:
    """The tracebacks in a crawl's log (each as its first frame), apart from the failed monitors'
    assertions, which Spidermon prints as unittest does (a failed monitor is reported, not a crash)."""
    found = []
    for chunk in log.split(TRACEBACK)[1:]:
        frame = next((line.strip() for line in chunk.splitlines() if line.strip().startswith("File ")), "")
        if "/spidermon/" not in frame and "/scraper/monitors.py" not in frame:
            found.append(frame)
    return found
