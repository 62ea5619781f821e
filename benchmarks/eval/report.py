"""Aggregate scores into the markdown table of ``benchmarks/RESULTS.md``."""

from __future__ import annotations

import os
import platform
import sys
from datetime import UTC, datetime
from pathlib import Path
from statistics import mean

from benchmarks.eval.metrics import PageScore

# The goals of the extraction issue, per column; None: reported, no goal.
GOALS = {
    "title exact": 0.98,
    "published (date)": 0.95,
    "published (date+time)": None,
    "body P": None,
    "body R": None,
    "body F1": 0.95,
    "with/without": 0.97,
    "sections exact": 0.90,
    "related exact": None,
    "author exact": None,
    "lost": None,
    "mojibake": None,
    "page type": None,
}


def _share(values: list[bool]) -> float | None:
    return sum(values) / len(values) if values else None


def summarize(scores: list[PageScore]) -> dict[str, float | None]:
    prfs = [s.body_prf for s in scores if s.body_prf is not None]
    snippets_hit = sum(s.with_hits + s.without_hits for s in scores)
    snippets_all = sum(s.with_total + s.without_total for s in scores)
    return {
        "title exact": _share([s.title for s in scores]),
        "published (date)": _share([s.date for s in scores]),
        "published (date+time)": _share([s.datetime for s in scores]),
        "body P": mean(p for p, _, _ in prfs) if prfs else None,
        "body R": mean(r for _, r, _ in prfs) if prfs else None,
        "body F1": mean(f for _, _, f in prfs) if prfs else None,
        "with/without": snippets_hit / snippets_all if snippets_all else None,
        "sections exact": _share([s.sections for s in scores if s.sections is not None]),
        "related exact": _share([s.related for s in scores if s.related is not None]),
        "author exact": _share([s.author for s in scores if s.author is not None]),
        "lost": _share([s.lost for s in scores]),
        "mojibake": _share([s.mojibake for s in scores]),
        "page type": _share([s.page_type for s in scores if s.page_type is not None]),
    }


def _cell(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}" if value <= 1 else f"{value:.2f}"


def table(results: dict[str, dict[str, float | None]]) -> str:
    columns = list(GOALS)
    lines = ["| extractor | " + " | ".join(columns) + " |", "|---" * (len(columns) + 1) + "|"]
    lines.append("| *goal* | " + " | ".join("≥ " + _cell(GOALS[c]) if GOALS[c] else "" for c in columns) + " |")
    for name, row in results.items():
        lines.append(f"| {name} | " + " | ".join(_cell(row[c]) for c in columns) + " |")
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}), Python {sys.version.split()[0]}"


HELDOUT_HISTORY = Path(__file__).resolve().parent / "HELDOUT.md"


def results_markdown(
    tables: dict[str, str], per_template: str, pages: int, counts: dict[str, int], notes: list[str]
) -> str:
    """The eval section of RESULTS.md; ``tables``: markdown tables by group (``real``, ``untouched``,
    ``written``, ``heldout``, ``all``; "" for a group without pages)."""
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Extraction evaluation",
        "",
        f"Run {when} on {machine()}; `python -m benchmarks.eval` (see `benchmarks/eval/`).",
        f"{pages} labeled pages: " + ", ".join(f"{n} {k}" for k, n in counts.items()) + ".",
        "",
        "Title and date exact over all pages; body character precision/recall/F1 over pages with a",
        "hand-checked body; with/without = share of snippets found in / kept out of the body; sections",
        "and related exact over pages with a hand-checked tree/list (peers produce neither: —); author",
        "and page type over pages labelled with them; lost = no record for an article page; mojibake =",
        "U+FFFD or a Latin-1 share ≥ 5 % in title or body.",
        "",
        "Peers run with their defaults: trafilatura gets the bytes as served, GNE the text as",
        "healthscrape decodes it (GNE takes no bytes), and both see only page 1 of a split article",
        "(they fetch nothing). A date counts as exact on the calendar day in China time; date+time also",
        "needs the minute when the page shows one.",
        "",
        "## Real pages (the headline)",
        "",
        "Pages of real Chinese health sites that we did not write: the 13 of GNE's and htmldate's test",
        "sets (`real`) and the pages collected for issue 11 from other public repositories",
        "(`incoming/` … `incoming9/`: `real-new`, and `real-new-tuned` for those drawn at random to be",
        "looked at and fixed). Their first measurements are kept in `benchmarks/eval/HELDOUT.md`.",
        "",
        tables.get("real") or "(none)",
        "",
        "## Real pages nobody tuned on",
        "",
        "The `real-new` pages: labelled by someone who saw neither healthscrape's code nor its output,",
        "and never looked at to fix anything. These are the evidence of how healthscrape does on",
        "pages nobody has shown it.",
        "",
        tables.get("untouched") or "(none)",
        "",
        "## Written templates",
        "",
        "Pages in templates we wrote ourselves (the development set): healthscrape was developed",
        "against them, so its figures here are an upper bound for unseen sites.",
        "",
        tables.get("written") or "(none)",
        "",
        "## Held-out templates",
        "",
        "Pages of `labels/heldout-*.jsonl`, written by someone who saw neither healthscrape's code nor",
        "the other templates, after the tuning above. Their first measurement is kept in",
        "`benchmarks/eval/HELDOUT.md`; a fix made after seeing them makes them less held-out.",
        "",
        tables.get("heldout") or "(none)",
        "",
        "## All pages",
        "",
        tables.get("all") or "(none)",
        "",
        "## healthscrape per template",
        "",
        per_template,
        "",
    ]
    if notes:
        lines += ["## Notes", "", *notes, ""]
    return "\n".join(lines)
