"""Choose the shingle size for near-duplicate detection by measurement, not by guess.

``python -m benchmarks.near_duplicate_calibration`` takes the hand-checked bodies of the
extraction corpus, makes near-duplicates of each (sentence reordering, added and removed
boilerplate, 1–10 % character edits, truncation) and pairs of different articles on the same
site or topic, and prints, for each shingle size, the precision and recall of "exact Jaccard
similarity of the shingle sets ≥ threshold" (MinHash only estimates this Jaccard).
"""

from __future__ import annotations

import argparse
import random
import re
from itertools import combinations

from benchmarks.eval.corpus import load_corpus
from scraper.text import comparison_key

BOILERPLATE = (
    "本文来源：网络",
    "责任编辑：王芳",
    "免责声明：本文仅供参考，不作为诊断依据。",
    "关注我们，获取更多健康知识。",
)
EDIT_CHARS = "的一是了不在人有我他这中大来上个国和也子时道出而要于就下得可你年生"


def shingles(text: str, size: int) -> set[str]:
    key = comparison_key(text)
    return {key[i : i + size] for i in range(max(len(key) - size + 1, 1))}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def variants(body: str, rng: random.Random) -> list[str]:
    """Near-duplicates of one body, one per kind of change (edits at 1, 5 and 10 %)."""
    sentences = [s for s in re.split(r"(?<=[。！？])", body) if s]
    reordered = sentences[:]
    rng.shuffle(reordered)
    lines = body.split("\n")
    out = [
        "".join(reordered),
        "\n".join([*lines, *rng.sample(BOILERPLATE, 2)]),
        "\n".join(lines[:-1]) if len(lines) > 3 else body,
        body[: int(len(body) * 0.9)],
    ]
    for rate in (0.01, 0.05, 0.10):
        chars = list(body)
        for i in rng.sample(range(len(chars)), max(1, int(len(chars) * rate))):
            chars[i] = rng.choice(EDIT_CHARS)
        out.append("".join(chars))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threshold", type=float, default=0.8)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    bodies = sorted({p.expected["body"] for p in load_corpus() if len(p.expected.get("body") or "") >= 200})
    positives = [(body, v) for body in bodies for v in variants(body, rng)]
    negatives = list(combinations(bodies, 2))
    print(f"{len(bodies)} bodies, {len(positives)} near-duplicate pairs, {len(negatives)} different-article pairs")
    print(f"| shingle | recall @ {args.threshold} | false positives | worst positive J | highest negative J |")
    print("|---|---|---|---|---|")
    for size in (2, 3, 4, 5):
        pos = [jaccard(shingles(a, size), shingles(b, size)) for a, b in positives]
        neg = [jaccard(shingles(a, size), shingles(b, size)) for a, b in negatives]
        recall = sum(j >= args.threshold for j in pos) / len(pos)
        false = sum(j >= args.threshold for j in neg)
        print(f"| {size} | {recall:.1%} | {false} of {len(neg)} | {min(pos):.2f} | {max(neg):.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
