"""The ``healthscrape`` command: one module per subcommand, each with ``add_parser`` and ``run``.

* ``extract PATH_OR_URL [--url URL] [--site NAME]``: one page's record as JSONL;
* ``crawl [--data-dir data] [scrapy crawl arguments]``: one scheduled, incremental run;
* ``dedup INPUT.jsonl... -o OUT.jsonl``: de-duplicate existing exports;
* ``report RUN_OR_JSONL... [-o report.html] [--json [PATH]]``: the analysts' report;
* ``export INPUT... --format parquet|csv -o PATH``: the articles as a table file.

Failures are mapped to exit codes in one place, :mod:`scraper.cli.errors`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType

from scraper.cli import crawl, dedup, export, extract, report
from scraper.cli.errors import as_command_error

COMMANDS: dict[str, ModuleType] = {
    "extract": extract,
    "crawl": crawl,
    "dedup": dedup,
    "report": report,
    "export": export,
}


def build_parser() -> argparse.ArgumentParser:
    """The ``healthscrape`` argument parser, one subparser per module of :data:`COMMANDS`."""
    parser = argparse.ArgumentParser(prog="healthscrape", description="Health-article extraction tools.")
    commands = parser.add_subparsers(dest="command", required=True)
    for module in COMMANDS.values():
        module.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``healthscrape ARGV``; the exit code (an expected failure: one stderr line, see ``cli.errors``)."""
    parser = build_parser()
    args, rest = parser.parse_known_args(argv)
    command = COMMANDS[args.command]
    if rest and not command.TAKES_SCRAPY_ARGS:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    try:
        code: int = command.run(args, rest)
    except Exception as exc:
        failure = as_command_error(args.command, exc)
        if failure is None:
            raise
        print(f"healthscrape: {failure}", file=sys.stderr)
        return failure.code
    return code


