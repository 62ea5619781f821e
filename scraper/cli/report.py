"""``healthscrape report RUN_OR_JSONL... [-o report.html] [--json [PATH]]``: the analysts' report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from scraper.cli.errors import EXIT_OK, CommandError, warn_skipped

TAKES_SCRAPY_ARGS = False
INPUTS_HELP = "articles/duplicates JSONL files, report.json/stats.json files, run folders or data folders"


def add_parser(commands: Any) -> argparse.ArgumentParser:
    """Add the ``report`` subcommand to ``commands`` (argparse's subparsers)."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "report", help="an HTML report (charts inline) and/or its numbers as JSON"
    )
    parser.add_argument("inputs", nargs="+", metavar="RUN_OR_JSONL", help=INPUTS_HELP)
    parser.add_argument("-o", "--output", type=Path, help="the HTML file to write")
    parser.add_argument(
        "--json", nargs="?", const="-", metavar="PATH", help="the numbers as JSON to PATH (stdout without PATH)"
    )
    return parser


def run(args: argparse.Namespace, rest: list[str]) -> int:
    """Write the report (HTML and/or JSON) on the inputs."""
    from scraper.analysis.report import to_json, write_report  # pandas and matplotlib only for this command

    if args.output is None and args.json is None:
        raise CommandError("report: give -o report.html, --json [PATH] or both")
    numbers = write_report(args.inputs, args.output, args.json)
    warn_skipped(numbers["skipped_records"]["records"], numbers["skipped_records"]["count"])
    log = sys.stdout
    if args.json == "-":
        sys.stdout.write(to_json(numbers))
        log = sys.stderr  # stdout is the JSON
    elif args.json is not None:
        print(f"healthscrape: report numbers written to {args.json}", file=log)
    if args.output is not None:
        print(f"healthscrape: report written to {args.output}", file=log)
    return EXIT_OK
