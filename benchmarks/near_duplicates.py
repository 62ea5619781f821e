"""Near-duplicate quality on a generated evaluation set: precision and recall at the default threshold.

``python -m benchmarks.near_duplicates [--shingles 1 2 3] [--articles N]`` builds the set and
runs the project's own de-duplication rules (:class:`scraper.dedup.rules.Deduplicator`, MinHash +
LSH, the crawl's settings) over it, then prints, per shingle size, precision and recall of the
reported pairs, the recall of each kind of change, and the exact Jaccard range of positives and
negatives (what MinHash estimates).

The set, from hand-checked bodies (the extraction corpus) and generated articles
(:mod:`benchmarks.sitegen`, many on the same subject, written from the same sentence templates):

* near-duplicates of each original: sentences reordered; boilerplate lines added (an editor's
  line, a disclaimer); the original's last paragraph removed; 1, 3, 5 and 10 % of the characters
  substituted, inserted or deleted at random; truncated to 90 %; the same body in another page
  template (parsed from HTML, so the other template's furniture and 相关阅读 list must not count);
* negatives: every other pair, i.e. unrelated articles, including many on the same subject.
"""

from __future__ import annotations

import argparse
import random
import re
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from itertools import combinations
from pathlib import Path

from itemadapter import ItemAdapter
from scrapy.http import HtmlResponse

from benchmarks.eval.corpus import load_corpus
from benchmarks.eval.extractors import finished
from benchmarks.results import write_section
from benchmarks.sitegen import generate_site
from scraper.dedup.exact import SqliteExactIndex
from scraper.dedup.minhash import NearDuplicateConfig
from scraper.dedup.near import NearDuplicateIndex, SqliteBandStore
from scraper.dedup.rules import Deduplicator
from scraper.parsing import Skip, parse_article
from scraper.text.normalize import comparison_key

BOILERPLATE = ("责任编辑：王芳", "免责声明：本文仅供参考，不作为诊断依据。", "本文来源：健康时报")
EDIT_CHARS = "的一是了不在人有我他这中大来上个国和也子时道出而要于就下得可你年生病症治疗"
EDIT_RATES = (0.01, 0.03, 0.05, 0.10)
RELATED = ("秋季养生要注意什么", "高血压患者的饮食禁忌", "失眠的五个小妙招", "小儿发烧怎么办")


@dataclass(frozen=True)
class Document:
    key: str
    body: str
    original: str | None  # the key of the original for a near-duplicate
    change: str


def sentences(body: str) -> list[str]:
    return [s for s in re.split(r"(?<=[。！？])", body) if s]


def edited(body: str, rate: float, rng: random.Random) -> str:
    """``rate`` of the characters substituted, deleted or followed by an inserted one."""
    chars = list(body)
    for index in sorted(rng.sample(range(len(chars)), max(1, int(len(chars) * rate))), reverse=True):
        if chars[index] == "\n":
            continue
        operation = rng.randrange(3)
        if operation == 0:
            chars[index] = rng.choice(EDIT_CHARS)
        elif operation == 1:
            del chars[index]
        else:
            chars.insert(index + 1, rng.choice(EDIT_CHARS))
    return "".join(chars)


def other_template(title: str, body: str) -> str:
    """The body in another site's page: header, breadcrumbs, share bar, 相关阅读, footer."""
    paragraphs = "".join(f"<p>{escape(line)}</p>" for line in body.split("\n"))
    related = "".join(f'<li><a href="/r/{i}.html">{escape(t)}</a></li>' for i, t in enumerate(RELATED))
    return (
        "<html><head><meta charset='utf-8'><title>" + escape(title) + "_健康频道_某某网</title></head><body>"
        "<div class='nav'><a href='/'>首页</a> &gt; <a href='/jk/'>健康</a></div>"
        f"<div class='article'><h1>{escape(title)}</h1><div class='meta'>2021-03-04 10:20 来源：某某网</div>"
        f"<div class='content'>{paragraphs}</div>"
        "<div class='share'>分享到：微信 微博</div>"
        f"<div class='related'><h3>相关阅读</h3><ul>{related}</ul></div></div>"
        "<div class='footer'>Copyright © 2021 某某网 版权所有</div></body></html>"
    )


def variants(key: str, title: str, body: str, rng: random.Random) -> Iterator[Document]:
    parts = sentences(body)
    shuffled = parts[:]
    rng.shuffle(shuffled)
    lines = body.split("\n")
    yield Document(f"{key}~reordered", "".join(shuffled), key, "sentences reordered")
    yield Document(f"{key}~boilerplate", "\n".join([*lines, *BOILERPLATE[:2]]), key, "boilerplate added")
    if len(lines) > 3:
        yield Document(f"{key}~paragraph", "\n".join(lines[:-1]), key, "last paragraph removed")
    yield Document(f"{key}~truncated", body[: int(len(body) * 0.9)], key, "truncated to 90 %")
    for rate in EDIT_RATES:
        yield Document(f"{key}~edit{rate:.0%}", edited(body, rate, rng), key, f"{rate:.0%} characters edited")
    other = extracted_body(other_template(title, body), f"http://other.test/{len(key)}/{len(body)}.html")
    if other:
        yield Document(f"{key}~template", other, key, "another page template")


def extracted_body(html: str, url: str) -> str:
    """The clean body the crawl would export for a page."""
    response = HtmlResponse(url, body=html.encode("utf-8"), encoding="utf-8")
    result = parse_article(response)
    if isinstance(result, Skip):
        return ""
    item = finished(result)
    return str(ItemAdapter(item).get("body") or "")


def originals(articles: int) -> list[tuple[str, str, str]]:
    """(key, title, body) of distinct articles: the extraction corpus and a generated site."""
    found: dict[str, tuple[str, str, str]] = {}
    for page in load_corpus():
        body = page.expected.get("body") or ""
        if len(comparison_key(body)) >= 200:
            found.setdefault(comparison_key(body), (f"corpus:{page.id}", page.expected.get("title") or "", body))
    with tempfile.TemporaryDirectory() as folder:
        for spec in generate_site(Path(folder), articles, seed=11)["articles"]:
            body = "\n".join(spec["body"])
            found.setdefault(comparison_key(body), (f"site:{spec['path']}", spec["title"], body))
    return list(found.values())


def evaluation_set(articles: int, seed: int = 7) -> list[Document]:
    rng = random.Random(seed)
    documents = []
    for key, title, body in originals(articles):
        documents.append(Document(key, body, None, "original"))
        documents.extend(variants(key, title, body, rng))
    return documents


def shingle_set(body: str, size: int) -> set[str]:
    key = comparison_key(body)
    return {key[i : i + size] for i in range(max(len(key) - size + 1, 1))}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


@dataclass
class Score:
    shingle: int
    precision: float
    recall: float
    reported: int
    expected: int
    by_change: dict[str, float]
    positive_range: tuple[float, float]
    highest_negative: float


def score(documents: list[Document], config: NearDuplicateConfig) -> Score:
    """Run the crawl's de-duplication over the documents (originals first) and score its pairs."""
    dedup = Deduplicator(SqliteExactIndex(), NearDuplicateIndex(SqliteBandStore(":memory:", config), config))
    ordered = [d for d in documents if d.original is None] + [d for d in documents if d.original is not None]
    origin = {d.key: d.original or d.key for d in documents}
    reported: set[tuple[str, str]] = set()
    for document in ordered:
        found = dedup.check(document.key, None, None, document.body)
        if found is not None:
            reported.add((document.key, found.duplicate_of))
    expected = {(d.key, d.original) for d in documents if d.original is not None and _comparable(d, config)}
    correct = {(key, of) for key, of in reported if origin[key] == origin[of]}
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    changes = {d.key: d.change for d in documents}
    for key, _ in expected:
        totals[changes[key]] += 1
        hits[changes[key]] += any(k == key for k, _ in correct)
    positives, negatives = _jaccard_ranges(documents, config.shingle)
    return Score(
        config.shingle,
        len(correct) / len(reported) if reported else 1.0,
        sum(hits.values()) / len(expected) if expected else 1.0,
        len(reported),
        len(expected),
        {change: hits[change] / totals[change] for change in totals},
        positives,
        negatives,
    )


def _comparable(document: Document, config: NearDuplicateConfig) -> bool:
    return len(comparison_key(document.body)) >= config.min_chars


def _jaccard_ranges(documents: list[Document], size: int) -> tuple[tuple[float, float], float]:
    sets = {d.key: shingle_set(d.body, size) for d in documents}
    positive = [jaccard(sets[d.key], sets[d.original]) for d in documents if d.original is not None]
    originals_only = [d.key for d in documents if d.original is None]
    negative = max(jaccard(sets[a], sets[b]) for a, b in combinations(originals_only, 2))
    return (min(positive), sorted(positive)[len(positive) // 20]), negative


def report(scores: list[Score], documents: list[Document], threshold: float) -> str:
    originals_count = sum(d.original is None for d in documents)
    lines = [
        "## Near-duplicate detection (generated evaluation set)",
        "",
        f"`python -m benchmarks.near_duplicates`: {originals_count} distinct articles (extraction corpus +"
        f" generated site, many on the same subject), {len(documents) - originals_count} near-duplicates of"
        f" them; the crawl's rules end to end (MinHash 128 values, LSH, threshold {threshold}).",
        "Goal: precision ≥ 0.98 and recall ≥ 0.95 at the default threshold.",
        "",
        "| shingle | precision | recall | pairs reported / expected | worst positive J (5th pct.) "
        "| highest negative J |",
        "|---|---|---|---|---|---|",
    ]
    for s in scores:
        lines.append(
            f"| {s.shingle} | {s.precision:.3f} | {s.recall:.3f} | {s.reported} / {s.expected} "
            f"| {s.positive_range[0]:.2f} ({s.positive_range[1]:.2f}) | {s.highest_negative:.2f} |"
        )
    changes = sorted({c for s in scores for c in s.by_change})
    lines += ["", "Recall by kind of change:", "", "| change | " + " | ".join(f"k={s.shingle}" for s in scores) + " |"]
    lines.append("|---|" + "---|" * len(scores))
    for change in changes:
        lines.append(f"| {change} | " + " | ".join(f"{s.by_change.get(change, 0):.2f}" for s in scores) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shingles", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--articles", type=int, default=300, help="generated articles besides the corpus")
    parser.add_argument("--threshold", type=float, default=NearDuplicateConfig().threshold)
    parser.add_argument("--no-write", action="store_true", help="print only; leave benchmarks/RESULTS.md alone")
    args = parser.parse_args(argv)
    documents = evaluation_set(args.articles)
    scores = [score(documents, NearDuplicateConfig(threshold=args.threshold, shingle=k)) for k in args.shingles]
    text = report(scores, documents, args.threshold)
    print(text)
    if not args.no_write:
        write_section("near_duplicates", text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
