"""Records of every page we have, for checking that a change to parsing changes only what it means to.

``python -m benchmarks.eval.snapshot OUT.json`` parses every page of the labeled corpus, of
``benchmarks/eval/incoming*/`` and of ``benchmarks/eval/kinds-heldout*/``, every saved page under
``tests/fixtures/pages/`` and every field report, and writes ``{page id: record or "skip: reason"}``
(``fetched_at`` left out). ``python -m benchmarks.eval.snapshot --diff BEFORE.json AFTER.json`` prints
the pages whose records differ and how (field by field; the untouched real pages only as a count), and
exits 1 when any do.

The usual round: snapshot at HEAD (``git stash``), snapshot with the change, diff.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from itemadapter import ItemAdapter

from benchmarks.eval.corpus import EVAL_DIR, REAL_FOLDERS, UNTOUCHED_REAL, load_corpus
from benchmarks.eval.extractors import parse_saved
from scraper.parsing import Skip
from tests.helpers.field_reports import field_reports
from tests.helpers.field_reports import run_extract as extract_page
from tests.helpers.paths import FIXTURES

Records = dict[str, Any]


def _record(
    url: str, body: bytes, headers: dict[str, str], fetched_at: str, more: dict[str, bytes], second_opinion: bool
) -> Any:
    result = parse_saved(url, body, headers, fetched_at, more, second_opinion)
    if isinstance(result, Skip):
        return f"skip: {result.reason}"
    record = ItemAdapter(result).asdict()
    record.pop("fetched_at", None)
    return record


def snapshot(exclude: tuple[str, ...] = (), second_opinion: bool = True) -> Records:
    """Every page's record (or ``"skip: …"``), keyed by a stable page id; ``exclude``: folder names under
    ``benchmarks/eval/`` to leave out (held-out pages not yet measured); ``second_opinion``: parsed with
    SECOND_OPINION_ENABLED (on by default, as a crawl)."""
    records: Records = {}
    for page in load_corpus():
        records[f"corpus/{page.id}"] = _record(
            page.url, page.body, page.headers, page.fetched_at, page.more_pages, second_opinion
        )
    for folder in REAL_FOLDERS:
        if folder.name in exclude or not (folder / "labels.jsonl").exists():
            continue
        for page in load_corpus(folder, folder):
            key = f"{folder.name}/{page.id}"
            records[key] = _record(page.url, page.body, page.headers, page.fetched_at, page.more_pages, second_opinion)
    for saved in sorted((FIXTURES / "pages").glob("*/page.html")):
        meta = json.loads((saved.parent / "meta.json").read_text(encoding="utf-8"))
        body = saved.read_bytes()
        records[f"pages/{saved.parent.name}"] = _record(
            meta["url"], body, meta.get("headers") or {}, meta.get("fetched_at") or "", {}, second_opinion
        )
    kinds = sorted(EVAL_DIR.glob("kinds-heldout*/*.expected.json"))
    for page in [*field_reports(), *kinds]:
        if page.name.endswith(".expected.json"):
            expected = json.loads(page.read_text(encoding="utf-8"))
            page = next(p for p in page.parent.glob(page.name.replace(".expected.json", ".*")) if p != page)
        else:
            expected = json.loads(page.with_suffix(".expected.json").read_text(encoding="utf-8"))
        code, record = extract_page(page, expected["url"], second_opinion)
        if record is not None:
            record.pop("fetched_at", None)
        records[f"{page.parent.name}/{page.name}"] = record if code == 0 else f"exit {code}"
    return records


def untouched_keys() -> set[str]:
    """The snapshot keys of the real pages nobody tunes on (template ``real-new``)."""
    return {
        f"{folder.name}/{page.id}"
        for folder in REAL_FOLDERS
        if (folder / "labels.jsonl").exists()
        for page in load_corpus(folder, folder)
        if page.template == UNTOUCHED_REAL
    }


def diff(before: Records, after: Records, hidden: frozenset[str] = frozenset()) -> list[str]:
    """Lines saying which pages' records differ between two snapshots, field by field; pages of ``hidden``
    (the untouched real pages) are counted, never shown, so that nobody tunes on them."""
    lines = []
    changed_hidden = 0
    for key in sorted(before.keys() | after.keys()):
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        if key in hidden:
            changed_hidden += 1
            continue
        if not isinstance(old, dict) or not isinstance(new, dict):
            lines.append(f"{key}: {str(old)[:80]!r} → {str(new)[:80]!r}")
            continue
        for field in sorted(old.keys() | new.keys()):
            if old.get(field) != new.get(field):
                lines.append(f"{key}: {field}: {str(old.get(field))[:100]!r} → {str(new.get(field))[:100]!r}")
    if changed_hidden:
        lines.append(f"and {changed_hidden} untouched real page(s) (not shown: their eval figures tell)")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.eval.snapshot", description=__doc__.split("\n")[0])
    parser.add_argument("out", nargs="?", help="where to write the snapshot (JSON)")
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="FOLDER",
        help="leave out benchmarks/eval/FOLDER (held-out pages not yet measured)",
    )
    parser.add_argument("--diff", nargs=2, metavar=("BEFORE", "AFTER"), help="compare two snapshots")
    parser.add_argument("--no-second-opinion", action="store_true", help="parse without SECOND_OPINION_ENABLED")
    args = parser.parse_args(argv)
    if args.diff:
        before, after = (json.loads(Path(p).read_text(encoding="utf-8")) for p in args.diff)
        lines = diff(before, after, frozenset(untouched_keys()))
        print("\n".join(lines) if lines else f"no record differs ({len(after)} pages)")
        return 1 if lines else 0
    if not args.out:
        parser.error("give OUT.json, or --diff BEFORE AFTER")
    records = snapshot(tuple(args.exclude), not args.no_second_opinion)
    Path(args.out).write_text(json.dumps(records, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    print(f"{len(records)} pages → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
