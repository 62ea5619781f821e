"""``python -m benchmarks.scale [--only NAME ...] [--quick] [-o benchmarks/RESULTS.md]``."""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from pathlib import Path

from benchmarks.results import RESULTS, write_section
from benchmarks.scale import TABLES
from benchmarks.scale.report import header


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scale", description=__doc__)
    parser.add_argument("--only", nargs="+", choices=sorted(TABLES), help="run these tables only")
    parser.add_argument("--quick", action="store_true", help="small sizes, to check the tables run (not results)")
    parser.add_argument("-o", "--output", type=Path, default=RESULTS, help="markdown results file (its sections)")
    args = parser.parse_args(argv)
    write_section("scale", header(), args.output)
    for name in args.only or list(TABLES):
        try:
            module = importlib.import_module(TABLES[name])
        except ModuleNotFoundError as exc:
            if exc.name != TABLES[name]:
                raise
            print(f"{name}: no module {TABLES[name]} yet, skipped", file=sys.stderr)
            continue
        began = time.monotonic()
        print(f"{name}: running…", file=sys.stderr)
        markdown = module.run(args.quick)
        print(markdown)
        write_section(name, markdown, args.output)
        print(f"{name}: done in {time.monotonic() - began:.0f} s, written to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
