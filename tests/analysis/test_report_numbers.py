"""The numbers of ``healthscrape report``, on a small hand-made crawl output of two runs."""

from __future__ import annotations

import warnings
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from scraper.analysis.report import numbers_for
from scraper.items import RECORD_FIELDS
from tests.helpers.runs import (
    BASE,
    RUN1_ARTICLES,
    RUN1_DUPLICATES,
    RUN1_STATS,
    RUN2_ARTICLES,
    RUN2_DUPLICATES,
    RUN2_STATS,
    write_run,
)


@pytest.fixture
def numbers(tmp_path: Path) -> dict[str, Any]:
    runs = tmp_path / "data" / "runs"
    write_run(runs / "20261125T100000Z", RUN1_ARTICLES, RUN1_DUPLICATES, RUN1_STATS)
    write_run(runs / "20261126T100000Z", RUN2_ARTICLES, RUN2_DUPLICATES, RUN2_STATS)
    found, labels = numbers_for([tmp_path / "data"])
    assert labels == ["20261125T100000Z", "20261126T100000Z"]
    return found


def latest() -> list[dict[str, Any]]:
    """The articles the report counts: the latest revision of each URL."""
    by_url = {r["url"]: r for r in RUN1_ARTICLES + RUN2_ARTICLES}
    return list(by_url.values())


def utc_month(published: str) -> str:
    moment = datetime.fromisoformat(published)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m")


def test_articles_per_month_site_and_category(numbers):
    articles = latest()
    assert numbers["totals"]["articles"] == len(articles) == 4
    months = Counter(utc_month(a["published"]) for a in articles if a["published"])
    assert {m: n for m, n in numbers["articles_per_month"].items() if n} == dict(months)
    assert list(numbers["articles_per_month"]) == ["2020-01", "2020-02", "2020-03"]  # gaps filled, in order
    assert numbers["articles_per_month"]["2020-02"] == 1  # 2020-03-01T07:00+08:00 is February in UTC
    assert numbers["articles_without_published"] == sum(1 for a in articles if not a["published"])
    assert numbers["articles_per_site"] == dict(Counter(a["site"] or "(none)" for a in articles))
    assert numbers["articles_per_category"] == {"疾病": 2, "(none)": 1, "养生": 1}  # home crumb 首页 skipped
    assert numbers["category_paths"]["疾病 › 腰痛"] == 1


def test_section_kinds_count_every_level(numbers):
    def kinds(sections):
        for s in sections:
            yield s["kind"] or "(none)"
            yield from kinds(s["subsections"])

    expected = Counter(kind for a in latest() for kind in kinds(a["sections"]))
    got = numbers["section_kinds"]
    assert {k: v["sections"] for k, v in got.items() if v["sections"]} == dict(expected)
    assert got["diagnosis"] == {"sections": 0, "articles": 0}  # every known kind is listed
    assert got["cause"]["articles"] == 1


def test_body_length_is_the_latest_revision(numbers):
    lengths = sorted(len(a["body"]) for a in latest())
    summary = numbers["body_length"]
    assert (summary["count"], summary["min"], summary["max"]) == (len(lengths), lengths[0], lengths[-1])
    assert summary["max"] == 1200  # revision 2 of article 4
    assert summary["median"] == (lengths[1] + lengths[2]) / 2
    histogram = summary["histogram"]
    assert sum(histogram["counts"]) == len(lengths)
    assert len(histogram["edges"]) == len(histogram["counts"]) + 1
    assert histogram["edges"][0] == lengths[0] and histogram["edges"][-1] == lengths[-1]


def test_field_coverage(numbers):
    articles = latest()
    coverage = numbers["field_coverage"]
    assert list(coverage) == list(RECORD_FIELDS)
    for field in RECORD_FIELDS:
        present = sum(1 for a in articles if a[field] not in (None, "", []))
        assert coverage[field] == {"present": present, "share": round(present / len(articles), 4)}, field


def test_duplicates_by_reason_month_and_run(numbers):
    duplicates = numbers["duplicates"]
    unique = {(d["url"], d["duplicate_of"], d["reason"]): d for d in RUN1_DUPLICATES + RUN2_DUPLICATES}
    assert numbers["totals"]["duplicates"] == len(unique) == 5  # the repeated line counts once
    assert duplicates["by_reason"] == dict(Counter(d["reason"] for d in unique.values()))
    assert list(duplicates["by_reason"]) == ["same_body", "near_duplicate", "same_canonical"]
    assert duplicates["reason_names"] == {
        "same_body": "exact",
        "near_duplicate": "near",
        "same_canonical": "same canonical",
    }
    assert duplicates["by_run"] == {
        "20261125T100000Z": {"same_body": 1, "near_duplicate": 1, "same_canonical": 1},
        "20261126T100000Z": {"same_body": 1, "near_duplicate": 1},  # x1 again is not counted again
    }
    # By the month of the duplicated article: 1.html is 2020-01, 2.html 2020-03, gone.html is unknown.
    assert duplicates["by_month"] == {
        "2020-01": {"same_body": 1, "near_duplicate": 2},
        "2020-03": {"same_canonical": 1},
        "unknown": {"same_body": 1},
    }
    assert duplicates["near_similarity"] == {"count": 2, "min": 0.85, "median": pytest.approx(0.88), "max": 0.91}


def test_failed_pages_from_run_reports(numbers):
    failed = numbers["failed_pages"]
    assert failed["by_reason"] == {"skipped/broken": 3, "skipped/empty": 3, "http_404": 1}
    assert failed["by_run"]["20261125T100000Z"] == {"http_404": 1, "skipped/broken": 2}
    assert numbers["totals"]["runs_with_stats"] == 2


def test_most_duplicated(numbers):
    top = numbers["most_duplicated"]
    assert [(row["url"], row["copies"]) for row in top] == [
        (f"{BASE}/1.html", 3),  # x1, x2, x3
        (f"{BASE}/2.html", 1),
        (f"{BASE}/gone.html", 1),
    ]
    assert top[0]["title"] == "文章1" and top[0]["by_reason"] == {"same_body": 1, "near_duplicate": 2}
    assert top[2]["title"] is None


def test_the_page_shows_every_reason_and_the_near_similarity(numbers, tmp_path):
    from scraper.analysis.report import MISSING_GLYPH
    from scraper.analysis.report_html import render_report

    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=MISSING_GLYPH)
        page = render_report(numbers, ["20261125T100000Z", "20261126T100000Z"], "2026-11-26T11:00:00Z")
    assert "Near duplicates: 2, similarity 0.85–0.91 (median 0.88)" in page
    assert "<tr><th>run</th><th>exact</th><th>near</th><th>same canonical</th></tr>" in page
    assert "文章1" in page and "(not among the articles)" in page
    assert page.count('src="data:image/png;base64,') == 7
