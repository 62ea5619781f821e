"""Table 1: extraction speed on one core, against lxml and trafilatura on the same pages.

The pages are the article pages of a generated site (the sample site's template). The profile
path is ``parse_page`` as the spider calls it (the page matches the ``xiangjianlangzhong``
profile); the generic path is the same call with the ``generic`` profile forced, i.e. the
heuristics a site without a profile gets. Baselines: ``lxml.html.fromstring`` (parsing only) and
trafilatura ``extract`` / ``bare_extraction(with_metadata=True)`` (title + date + body, the same
job), run when trafilatura is installed (the ``eval`` extra). The measurements run in a child
process pinned to core 0; each figure is the best of a few passes over all pages, timed in CPU
time of that process (``time.process_time``), so that other work on the machine counts less.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.scale.crawls import ROOT
from benchmarks.scale.profiles import summary
from benchmarks.scale.report import AT_MOST, Row, run_line, table
from benchmarks.scale.sites import site

FETCHED_AT = "2026-11-25T00:00:00Z"
BASE = "http://127.0.0.1:8080"
CORE = 0


def _extractors() -> dict[str, tuple[Callable[[str, bytes], Any], int]]:
    """name → (extract(url, body), passes)."""
    import lxml.html
    from scrapy.http import HtmlResponse

    from scraper.parsing import parse_page

    def profile_path(url: str, body: bytes) -> Any:
        return parse_page(HtmlResponse(url=url, body=body), FETCHED_AT)

    def generic_path(url: str, body: bytes) -> Any:
        return parse_page(HtmlResponse(url=url, body=body), FETCHED_AT, site="generic")

    found: dict[str, tuple[Callable[[str, bytes], Any], int]] = {
        "lxml": (lambda url, body: lxml.html.fromstring(body), 5),
        "profile": (profile_path, 3),
        "generic": (generic_path, 3),
    }
    try:
        import trafilatura
    except ImportError:
        return found
    found["trafilatura extract"] = (lambda url, body: trafilatura.extract(body, url=url), 1)
    found["trafilatura bare_extraction"] = (
        lambda url, body: trafilatura.bare_extraction(body, url=url, with_metadata=True),
        1,
    )
    return found


def measure(directory: Path, count: int, profile: bool) -> dict[str, Any]:
    """Pages/s of each extractor over the first ``count`` articles (in this process, pinned to one core)."""
    os.sched_setaffinity(0, {CORE})
    manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
    pages = [(BASE + a["path"], (directory / a["path"].lstrip("/")).read_bytes()) for a in manifest["articles"][:count]]
    result: dict[str, Any] = {"pages": len(pages), "bytes": sum(len(b) for _, b in pages), "speed": {}, "profiles": {}}
    for name, (extract, passes) in _extractors().items():
        extract(*pages[0])  # warm up (imports, caches of compiled selectors)
        best = float("inf")
        for _ in range(passes):
            began = time.process_time()
            for url, body in pages:
                extract(url, body)
            best = min(best, time.process_time() - began)
        result["speed"][name] = len(pages) / best
        if profile and name in ("profile", "generic"):
            profiler = cProfile.Profile()
            profiler.enable()
            for url, body in pages:
                extract(url, body)
            profiler.disable()
            result["profiles"][name] = summary(pstats.Stats(profiler, stream=io.StringIO()))
    return result


GOALS = {"profile": 4.0, "extract": 3.0, "bare": 10.0}


def run(quick: bool) -> str:
    directory, _ = site(200 if quick else 1000)
    count = 100 if quick else 500
    command = [sys.executable, "-m", "benchmarks.scale.extraction", str(directory), str(count), "--profile"]
    output = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT).stdout
    found = json.loads(output)
    speed = found["speed"]
    rows = [
        Row(
            "profile path (`parse_page`, xiangjianlangzhong)", speed["profile"], "bare `lxml.html.fromstring`",
            speed["lxml"], "pages/s", GOALS["profile"], AT_MOST, ratio=speed["lxml"] / speed["profile"],
        ),
    ]  # fmt: skip
    if "trafilatura extract" in speed:
        rows += [
            Row("generic path (`parse_page`, generic)", speed["generic"], "trafilatura `extract`",
                speed["trafilatura extract"], "pages/s", GOALS["extract"]),
            Row("generic path (`parse_page`, generic)", speed["generic"],
                "trafilatura `bare_extraction(with_metadata=True)`", speed["trafilatura bare_extraction"],
                "pages/s", GOALS["bare"]),
        ]  # fmt: skip
    lines = [
        "## 1. Extraction, one core",
        "",
        run_line("extraction", quick),
        f"{found['pages']} article pages of a generated site ({found['bytes'] / found['pages'] / 1024:.1f} KiB a page"
        f" on average), core {CORE} only, best of several passes in CPU time. For the profile row the ratio is how"
        " many times slower than bare lxml parsing (goal: within 4×); for the generic rows how many times faster"
        " than the peer.",
        "",
        table(rows),
    ]
    if "trafilatura extract" not in speed:
        lines += ["", "trafilatura is not installed (`pip install -e '.[eval]'`): the generic-path rows are missing."]
    missed = [row for row in rows if row.met is False]
    if missed:
        lines += ["", "### Where the time goes (cProfile, same pages)", ""]
        for name, text in found["profiles"].items():
            lines += [f"{name} path:", "", text, ""]
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="measure extraction speed (prints JSON); used by run()")
    parser.add_argument("directory", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.directory, args.count, args.profile)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
