"""``healthscrape crawl [--data-dir data] [--max-error-rate R] [scrapy crawl arguments]``: one scheduled run."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from scraper.runs.scheduled import scheduled_run
from scraper.stats import DEFAULT_MAX_ERROR_RATE

TAKES_SCRAPY_ARGS = True  # the arguments it does not know go to scrapy crawl articles


def add_parser(commands: Any) -> argparse.ArgumentParser:
    """Add the ``crawl`` subcommand to ``commands`` (argparse's subparsers)."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "crawl",
        help="one scheduled, incremental run into DATA/runs/<timestamp>/ (other arguments go to scrapy crawl)",
    )
    parser.add_argument("--data-dir", type=Path, default=Path("data"), help="state and runs folder (data)")
    parser.add_argument(
        "--max-error-rate",
        type=float,
        default=DEFAULT_MAX_ERROR_RATE,
        help="share of the requested URLs that may fail (0.2); the monitors use the same (MAX_ERROR_RATE)",
    )
    return parser


def run(args: argparse.Namespace, rest: list[str]) -> int:
    """One scheduled run; ``rest`` are the arguments for ``scrapy crawl``."""
    return scheduled_run(args.data_dir, rest, args.max_error_rate)
