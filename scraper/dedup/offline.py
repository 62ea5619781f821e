"""``healthscrape dedup INPUT.jsonl... -o OUT.jsonl``: the crawl's de-duplication over existing exports.

Records stream through one at a time (bounded memory: the indexes are SQLite files in a
temporary folder, or under ``--state`` to remember them for the next call). The first record
of an article is kept and written to the output; later ones go to the duplicates file as
``{url, duplicate_of, reason, similarity}``, exactly as in a crawl. A line that is not a
record (or whose ``canonical_url`` or ``body`` is not text), and a record whose URL was already
read, are skipped, counted and reported. A record's stored ``fingerprint`` is never trusted: it is
recomputed from the body it holds (a body edited after export keeps no stale identity), and the kept
record is written with it.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from scraper.dedup.exact import SqliteExactIndex
from scraper.dedup.minhash import NearDuplicateConfig
from scraper.dedup.near import NEAR_INDEX_FILE, NearDuplicateIndex, SqliteBandStore
from scraper.dedup.rules import Deduplicator
from scraper.errors import InputError
from scraper.feeds import refuse_overwriting
from scraper.jsonl import NotJSON, json_lines
from scraper.text.fingerprint import body_fingerprint


@dataclass
class DedupSummary:
    """What ``healthscrape dedup`` read, kept, found duplicated and skipped (by reason), and how many
    stored fingerprints did not match their record's body (``recomputed``)."""
    read: int = 0
    kept: int = 0
    recomputed: int = 0
    duplicates: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)

    def lines(self, output: Path, duplicates: Path) -> list[str]:
        """The summary's lines for the command's output."""
        found = ", ".join(f"{n} {reason}" for reason, n in sorted(self.duplicates.items())) or "none"
        lines = [
            f"{self.read} records read, {self.kept} kept → {output}",
            f"{sum(self.duplicates.values())} duplicates ({found}) → {duplicates}",
        ]
        if self.skipped:
            lines.append("skipped: " + ", ".join(f"{n} {reason}" for reason, n in sorted(self.skipped.items())))
        if self.recomputed:
            lines.append(f"{self.recomputed} fingerprints did not match their body (recomputed)")
        return lines


def default_duplicates_path(output: Path) -> Path:
    """``OUT.duplicates.jsonl`` next to the output ``OUT.jsonl``."""
    return output.with_name(output.stem + ".duplicates.jsonl")


# The fields compared besides the URL: text or null, or the record is skipped.
TEXT_FIELDS = ("canonical_url", "body")


def refusal(value: object) -> tuple[str, str] | None:
    """Why a JSONL line's value cannot be de-duplicated, as (the summary's reason, the message), or None."""
    if isinstance(value, NotJSON):
        return "not JSON", str(value)
    if not isinstance(value, dict) or not isinstance(value.get("url"), str):
        return "no url", "not a record with a url"
    for name in TEXT_FIELDS:
        if not isinstance(value.get(name), str | None):
            return f"{name} not text", f"{name} is not text"
    return None


def _records(paths: list[Path], summary: DedupSummary, warn: IO[str]) -> Iterator[dict[str, Any]]:
    for path in paths:
        for number, record in json_lines(path):
            refused = refusal(record)
            if refused is None:
                yield record
                continue
            reason, message = refused
            summary.skipped[reason] += 1
            print(f"healthscrape: {path}:{number}: skipped, {message}", file=warn)


def dedup_files(
    inputs: list[Path],
    output: Path,
    duplicates: Path,
    config: NearDuplicateConfig,
    state_dir: Path | None,
    warn: IO[str],
) -> DedupSummary:
    """Write the kept records of ``inputs`` to ``output`` and the duplicates to ``duplicates``."""
    missing = [str(p) for p in inputs if not p.is_file()]
    if missing:
        raise InputError(f"no such file: {', '.join(missing)}")
    refuse_overwriting((output, duplicates), inputs)
    summary = DedupSummary()
    with tempfile.TemporaryDirectory(prefix="healthscrape-dedup-") as scratch:
        folder = state_dir or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        near = NearDuplicateIndex(SqliteBandStore(folder / NEAR_INDEX_FILE, config), config)
        dedup = Deduplicator(SqliteExactIndex(Path(scratch) / "exact.sqlite"), near)
        output.parent.mkdir(parents=True, exist_ok=True)
        duplicates.parent.mkdir(parents=True, exist_ok=True)
        try:
            with output.open("w", encoding="utf-8") as kept, duplicates.open("w", encoding="utf-8") as dups:
                for record in _records(inputs, summary, warn):
                    summary.read += 1
                    _one(record, dedup, summary, kept, dups)
        finally:
            dedup.close()
    return summary


def _one(record: dict[str, Any], dedup: Deduplicator, summary: DedupSummary, kept: IO[str], dups: IO[str]) -> None:
    url, body = record["url"], record.get("body") or ""
    fingerprint = body_fingerprint(body)  # the crawl's (scraper.stages.add_structure), never the stored one
    if record.get("fingerprint") not in (None, fingerprint):
        summary.recomputed += 1
    if "fingerprint" in record:
        record["fingerprint"] = fingerprint
    found = dedup.check(url, record.get("canonical_url"), fingerprint if body else None, body)
    if found is None:
        summary.kept += 1
        kept.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif found.duplicate_of == url or not dedup.report(url, found):
        summary.skipped["repeated URL"] += 1
    else:
        summary.duplicates[found.reason] += 1
        dups.write(json.dumps(found.record(url), ensure_ascii=False) + "\n")
