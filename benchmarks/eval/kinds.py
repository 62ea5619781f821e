"""``python -m benchmarks.eval.kinds [DIR]``: judge pages written per kind of fault (``NAME.html`` or
``NAME.txt`` with ``NAME.expected.json``, the field reports' format) and print what each gets wrong
(``--no-second-opinion``: without SECOND_OPINION_ENABLED, on by default).

For pages written by someone who has not seen the fixes (``benchmarks/eval/kinds-heldout/``): their
first result goes to ``HELDOUT.md`` before anything is changed for them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tests.helpers.field_reports import failures, run_extract

KINDS_DIR = Path(__file__).resolve().parent / "kinds-heldout"


def judge(folder: Path, second_opinion: bool = True) -> list[tuple[str, list[str]]]:
    """(page name, what it gets wrong) for every page of ``folder`` with an ``.expected.json``."""
    results = []
    for expected_file in sorted(folder.glob("*.expected.json")):
        name = expected_file.name.removesuffix(".expected.json")
        page = next((folder / f"{name}{ext}" for ext in (".html", ".txt") if (folder / f"{name}{ext}").is_file()), None)
        if page is None:
            results.append((name, ["no page file"]))
            continue
        expected = json.loads(expected_file.read_text(encoding="utf-8"))
        code, record = run_extract(page, expected["url"], second_opinion)
        results.append((name, failures(record, code, expected)))
    return results


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    second_opinion = "--no-second-opinion" not in args  # SECOND_OPINION_ENABLED (trafilatura), on by default
    folder = Path(next((a for a in args if a != "--no-second-opinion"), str(KINDS_DIR)))
    results = judge(folder, second_opinion)
    for name, wrong in results:
        print(f"- `{name}`: " + ("ok" if not wrong else "; ".join(w[:120] for w in wrong)))
    print(f"\n{sum(1 for _, wrong in results if not wrong)}/{len(results)} pages as expected")
    return 0


if __name__ == "__main__":
    sys.exit(main())
