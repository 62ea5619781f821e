"""Two small hand-made runs of crawl output (articles, duplicates, stats), as ``healthscrape crawl``
leaves them in ``data/runs/<run>/``: the report's numbers are checked against them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.helpers.records import record, write_jsonl

BASE = "http://s.test"


def numbered(n: int, **fields: Any) -> dict[str, Any]:
    """Article ``n`` of site 甲网 (``BASE/n.html``, title 文章n, fingerprint n)."""
    values = {"title": f"文章{n}", "site": "甲网", "body": "正文", "fingerprint": f"{n:032x}", **fields}
    return record(f"{BASE}/{n}.html", **values)


def section(kind: str | None, *subsections: dict[str, Any]) -> dict[str, Any]:
    return {"label": "一", "number": 1, "heading": "标题", "kind": kind, "text": "", "subsections": list(subsections)}


RUN1_ARTICLES = [
    numbered(
        1, published="2020-01-15", breadcrumbs=["首页", "疾病", "腰痛"], body="腰" * 100, author="张三",
        sections=[section("cause", section("cause"), section(None)), section("treatment")],
    ),
    numbered(2, published="2020-03-02T09:00:00+08:00", breadcrumbs=["首页", "疾病"], body="血" * 300,
             sections=[section("symptom")]),
    # 07:00 in Beijing on 1 March is still February in UTC: months are UTC months.
    numbered(3, site="乙网", published="2020-03-01T07:00:00+08:00", breadcrumbs=["养生"], body="养" * 50),
    numbered(4, site=None, published=None, body="食" * 1000, sections=[section("diet")],
             images=[{"url": f"{BASE}/a.jpg", "alt": "图"}], revision=1),
]  # fmt: skip
RUN2_ARTICLES = [numbered(4, site=None, published=None, body="食" * 1200, sections=[section("diet")], revision=2)]
RUN1_DUPLICATES = [
    {"url": f"{BASE}/x1.html", "duplicate_of": f"{BASE}/1.html", "reason": "same_body"},
    {"url": f"{BASE}/x2.html", "duplicate_of": f"{BASE}/1.html", "reason": "near_duplicate", "similarity": 0.91},
    {"url": f"{BASE}/m/2.html", "duplicate_of": f"{BASE}/2.html", "reason": "same_canonical"},
]
RUN2_DUPLICATES = [
    {"url": f"{BASE}/x3.html", "duplicate_of": f"{BASE}/1.html", "reason": "near_duplicate", "similarity": 0.85},
    {"url": f"{BASE}/x1.html", "duplicate_of": f"{BASE}/1.html", "reason": "same_body"},  # recorded again
    {"url": f"{BASE}/x5.html", "duplicate_of": f"{BASE}/gone.html", "reason": "same_body"},  # original not loaded
]
# Run 1 counts failed URLs by final reason; run 2 is from before those counts, read from its skips.
RUN1_STATS = {"parse/skipped_broken": 2, "parse/skipped_error": 1, "downloader/response_status_count/404": 1,
              "downloader/response_status_count/200": 10, "crawl/requested_urls": 13, "crawl/failed_urls": 3,
              "crawl/failed/http_404": 1, "crawl/failed/skipped/broken": 2}  # fmt: skip
RUN2_STATS = {"parse/skipped_broken": 1, "parse/skipped_empty": 3, "downloader/response_status_count/404": 2}


def write_run(folder: Path, articles: list[dict], duplicates: list[dict], stats: dict[str, Any]) -> None:
    """A run folder: articles.jsonl, duplicates.jsonl and a report.json with the run's stats."""
    write_jsonl(folder / "articles.jsonl", articles)
    write_jsonl(folder / "duplicates.jsonl", duplicates)
    report = {"run": folder.name, "status": "ok", "counts": {}, "checks": [], "stats": stats}
    (folder / "report.json").write_text(json.dumps(report), encoding="utf-8")
