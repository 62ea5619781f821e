"""``healthscrape dedup INPUT.jsonl... -o OUT.jsonl``: de-duplicate existing exports with the crawl's rules."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from scraper.cli.errors import EXIT_OK
from scraper.dedup.minhash import NearDuplicateConfig
from scraper.dedup.offline import dedup_files, default_duplicates_path
from scraper.settings import NEAR_DUPLICATE_THRESHOLD

TAKES_SCRAPY_ARGS = False


def add_parser(commands: Any) -> argparse.ArgumentParser:
    """Add the ``dedup`` subcommand to ``commands`` (argparse's subparsers)."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "dedup", help="de-duplicate existing JSONL exports with the crawl's rules"
    )
    parser.add_argument("inputs", metavar="INPUT.jsonl", nargs="+", type=Path)
    parser.add_argument("-o", "--output", required=True, type=Path, help="where the kept records go")
    parser.add_argument("--duplicates", type=Path, help="where duplicates go (default: OUT.duplicates.jsonl)")
    parser.add_argument(
        "--threshold",
        type=float,
        default=NEAR_DUPLICATE_THRESHOLD,
        help=f"near-duplicate Jaccard ({NEAR_DUPLICATE_THRESHOLD})",
    )
    parser.add_argument("--state", type=Path, help="keep the near-duplicate index here between calls")
    return parser


def run(args: argparse.Namespace, rest: list[str]) -> int:
    """De-duplicate the inputs into the output; print the summary."""
    duplicates = args.duplicates or default_duplicates_path(args.output)
    config = NearDuplicateConfig(threshold=args.threshold)
    summary = dedup_files(args.inputs, args.output, duplicates, config, args.state, sys.stderr)
    for line in summary.lines(args.output, duplicates):
        print(f"healthscrape: {line}")
    return EXIT_OK
