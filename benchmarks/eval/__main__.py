"""``python -m benchmarks.eval [--no-peers] [--failures] [-o benchmarks/RESULTS.md]`` (rewrites its section only).

Scores the labeled corpus and the real pages of ``incoming*/``; the headline is the real pages (old and
new), then the real pages nobody tuned on, then the templates written by us.

``--corpus DIR`` scores the pages of another folder (``DIR/*.jsonl`` labels, page files relative to
``DIR``: new pages waiting for their first measurement) and only prints, writing nothing.
``--no-second-opinion`` scores healthscrape without its second opinion on doubtful bodies
(``SECOND_OPINION_ENABLED``, on by default) and only prints too.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from functools import partial
from pathlib import Path

from benchmarks.eval.corpus import REAL_TEMPLATES, UNTOUCHED_REAL, load_all, load_corpus
from benchmarks.eval.extractors import EXTRACTORS, healthscrape
from benchmarks.eval.metrics import PageScore, score_page
from benchmarks.eval.report import GOALS, results_markdown, summarize, table
from benchmarks.results import RESULTS, write_section


def _failures(pages, scores: list[PageScore]) -> list[str]:
    """One line per failing page; pages nobody tuned on are counted, never named (so nobody tunes on them)."""
    lines = []
    untouched = 0
    for page, score in zip(pages, scores, strict=True):
        checked = ("title", "date", "sections", "related", "author")
        problems = [name for name in checked if getattr(score, name) is False]
        problems += [name for name in ("lost", "mojibake") if getattr(score, name)]
        if score.body_prf is not None and score.body_prf[2] < 0.95:
            problems.append(f"body F1 {score.body_prf[2]:.2f}")
        if score.with_hits < score.with_total or score.without_hits < score.without_total:
            hits = f"with {score.with_hits}/{score.with_total} without {score.without_hits}/{score.without_total}"
            problems.append(hits)
        if problems and page.template == UNTOUCHED_REAL:
            untouched += 1
        elif problems:
            lines.append(f"- `{page.id}`: " + ", ".join(problems))
    if untouched:
        lines.append(f"- and {untouched} of the untouched real pages (not named)")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.eval", description=__doc__)
    parser.add_argument("--no-peers", action="store_true", help="score healthscrape only (no trafilatura/GNE)")
    parser.add_argument("--failures", action="store_true", help="list healthscrape's failing pages")
    parser.add_argument("-o", "--output", type=Path, default=RESULTS, help="markdown results file (its eval section)")
    parser.add_argument("--corpus", type=Path, help="score the labeled pages of this folder instead; print only")
    parser.add_argument(
        "--no-second-opinion", action="store_true", help="healthscrape without its second opinion (trafilatura)"
    )
    args = parser.parse_args(argv)

    pages = load_corpus(args.corpus, args.corpus) if args.corpus else load_all()
    own = partial(healthscrape, second_opinion=False) if args.no_second_opinion else healthscrape
    extractors = {"healthscrape": own} if args.no_peers else {**EXTRACTORS, "healthscrape": own}
    groups: dict[str, list[bool]] = {
        "all": [True] * len(pages),
        "real": [p.template in REAL_TEMPLATES for p in pages],
        "untouched": [p.template == UNTOUCHED_REAL for p in pages],
        "written": [p.template not in REAL_TEMPLATES for p in pages],
        "heldout": [p.heldout for p in pages],
    }
    results: dict[str, dict[str, dict[str, float | None]]] = {group: {} for group in groups}
    own_scores: list[PageScore] = []
    for name, extract in extractors.items():
        scores = [score_page(page, extract(page)) for page in pages]
        for group, member in groups.items():
            results[group][name] = summarize([s for s, m in zip(scores, member, strict=True) if m])
        if name == "healthscrape":
            own_scores = scores
    templates = sorted({p.template for p in pages})
    per_template = {
        t: summarize([s for p, s in zip(pages, own_scores, strict=True) if p.template == t]) for t in templates
    }
    headline = "all" if args.corpus else "real"
    print(table(results[headline]))
    print()
    print(table(per_template))
    failures = _failures(pages, own_scores)
    if args.failures or args.corpus or args.no_second_opinion:
        print("\n".join(failures) or "no failing pages")
    if args.corpus or args.no_second_opinion:
        return 0
    real = results["real"]["healthscrape"]
    misses = [c for c, goal in GOALS.items() if goal and real[c] is not None and real[c] < goal]
    notes = [f"- Goal not met on the real pages: {c} ({real[c]:.1%} < {GOALS[c]:.0%})" for c in misses]
    counts = Counter(p.template for p in pages)
    tables = {group: table(results[group]) if any(groups[group]) else "" for group in groups}
    markdown = results_markdown(tables, table(per_template), len(pages), dict(counts), notes + failures)
    write_section("eval", markdown, args.output)
    print(f"\nwrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
