"""``healthscrape export INPUT... --format parquet|csv -o PATH``: the articles as one table file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from scraper.analysis.inputs import EXPORT_FORMATS
from scraper.cli.errors import EXIT_OK, CommandError, warn_skipped
from scraper.cli.report import INPUTS_HELP

TAKES_SCRAPY_ARGS = False


def add_parser(commands: Any) -> argparse.ArgumentParser:
    """Add the ``export`` subcommand to ``commands`` (argparse's subparsers)."""
    parser: argparse.ArgumentParser = commands.add_parser("export", help="the articles as one Parquet or CSV file")
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help=INPUTS_HELP)
    parser.add_argument("--format", required=True, choices=EXPORT_FORMATS, help="parquet (pyarrow) or csv")
    parser.add_argument(
        "--excel", action="store_true", help="csv: start with a UTF-8 byte order mark (for Excel on Windows)"
    )
    parser.add_argument("-o", "--output", type=Path, required=True, help="the file to write")
    return parser


def run(args: argparse.Namespace, rest: list[str]) -> int:
    """Write the inputs' articles as one Parquet or CSV file."""
    from scraper.analysis.export import export_articles  # pyarrow only for this command

    if args.excel and args.format != "csv":
        raise CommandError("export: --excel applies to --format csv only")
    rows, skipped = export_articles(args.inputs, args.format, args.output, excel=args.excel)
    warn_skipped(skipped)
    print(f"healthscrape: {rows} articles written to {args.output}")
    return EXIT_OK
