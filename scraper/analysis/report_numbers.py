"""The numbers of ``healthscrape report``: a plain dict (JSON-ready) computed from DataFrames, no rendering.

Conventions (also in the README):

* months are calendar months of ``published`` in UTC (the loader's datetimes), gaps filled with 0 (within
  fifty years: a longer span lists only the months that have articles);
  articles without a date are counted apart (``articles_without_published``);
* a breadcrumb category is the first crumb after the home crumb (首页); ``category_paths`` gives the
  whole trail (``疾病 › 腰痛``);
* duplicates over time are counted two ways: by the month of the article they duplicate (its
  ``published``; ``unknown`` when it has none or is not among the articles) and by the run that
  recorded them; a duplicate recorded by several runs counts once, at the first;
* failed pages are the faults of each run's stats, as in ``report.json`` (``scraper.stats.faults``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from scraper.analysis.loader import sections_frame
from scraper.items import RECORD_FIELDS, SECTION_KINDS
from scraper.stats import faults

NO_VALUE = "(none)"
UNKNOWN_MONTH = "unknown"
HOME_CRUMBS = frozenset({"首页", "首頁", "主页", "网站首页", "home"})
# Duplicate reasons as the report names them, in this order; any other reason follows under its own name.
REASON_NAMES = {"same_body": "exact", "near_duplicate": "near", "same_canonical": "same canonical"}
MOST_DUPLICATED = 20
HISTOGRAM_BINS = 20
MAX_FILLED_MONTHS = 600  # fifty years: a longer span lists only the months that have articles


def report_numbers(
    articles: pd.DataFrame, duplicates: pd.DataFrame, stats: Iterable[tuple[str, dict[str, Any]]]
) -> dict[str, Any]:
    """Every number of the report.

    ``articles`` as from ``load_articles``; ``duplicates`` as from ``load_duplicates`` plus a ``run``
    column (the source that recorded each line); ``stats``: ``(run, Scrapy stats)`` pairs.
    """
    duplicates = duplicates.drop_duplicates(["url", "duplicate_of", "reason"]).reset_index(drop=True)
    runs = list(stats)
    return {
        "totals": {
            "articles": len(articles),
            "duplicates": len(duplicates),
            "sites": int(articles["site"].nunique()),
            "runs_with_stats": len(runs),
        },
        "articles_per_month": _month_counts(articles["published"]),
        "articles_without_published": int(articles["published"].isna().sum()),
        "articles_per_site": _counts(articles["site"].astype("object")),
        "articles_per_category": _counts(articles["breadcrumbs"].map(lambda c: _category(c)[:1])),
        "category_paths": _counts(articles["breadcrumbs"].map(_category)),
        "section_kinds": section_kinds(articles),
        "body_length": body_length(articles["body"]),
        "field_coverage": field_coverage(articles),
        "duplicates": duplicate_numbers(articles, duplicates),
        "failed_pages": failed_pages(runs),
        "most_duplicated": most_duplicated(articles, duplicates),
    }


def _category(crumbs: Any) -> list[str]:
    trail = [str(c) for c in crumbs] if isinstance(crumbs, list | np.ndarray) else []
    if trail and trail[0].strip().lower() in HOME_CRUMBS:
        trail = trail[1:]
    return trail


def _counts(values: pd.Series) -> dict[str, int]:
    """Value counts, most frequent first (ties by name); lists are joined with ›, empty values are (none)."""
    names = values.map(lambda v: " › ".join(v) if isinstance(v, list) else v)
    names = names.map(lambda v: NO_VALUE if v is None or v is pd.NA or v == "" or v != v else str(v))
    counts = names.value_counts()
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return {str(k): int(v) for k, v in ordered}


def _months(published: pd.Series) -> pd.Series:
    return published.dt.tz_convert("UTC").dt.strftime("%Y-%m")


def _month_counts(published: pd.Series) -> dict[str, int]:
    """Articles per month, oldest first, the months between them filled with 0 unless the span is longer
    than :data:`MAX_FILLED_MONTHS` (one record dated 0001-01-01 would otherwise make 24,000 empty months)."""
    known = published.dropna()
    if known.empty:
        return {}
    counts = _months(known).value_counts()
    first, last = known.min(), known.max()
    if (last.year - first.year) * 12 + last.month - first.month >= MAX_FILLED_MONTHS:
        return {str(month): int(counts[month]) for month in sorted(counts.index)}
    span = pd.period_range(first.strftime("%Y-%m"), last.strftime("%Y-%m"), freq="M")
    return {str(month): int(counts.get(str(month), 0)) for month in span}


def section_kinds(articles: pd.DataFrame) -> dict[str, dict[str, int]]:
    """Per kind: the sections and subsections of that kind, and the articles with at least one."""
    rows = sections_frame(articles)
    kinds = rows["kind"].map(lambda k: k if isinstance(k, str) and k else NO_VALUE)
    found = [k for k in kinds.unique() if k not in SECTION_KINDS and k != NO_VALUE]
    result = {}
    for kind in (*SECTION_KINDS, *sorted(found), NO_VALUE):
        mine = rows[kinds == kind]
        result[kind] = {"sections": len(mine), "articles": int(mine["url"].nunique())}
    return result


def body_length(bodies: pd.Series) -> dict[str, Any]:
    """Body length in characters: summary and a histogram (``edges`` has one more entry than ``counts``)."""
    lengths = bodies.fillna("").astype("object").map(len).to_numpy(dtype=float)
    if not len(lengths):
        return {"count": 0, "histogram": {"edges": [], "counts": []}}
    counts, edges = np.histogram(lengths, bins=min(HISTOGRAM_BINS, max(1, len(np.unique(lengths)))))
    quartiles = np.percentile(lengths, [25, 50, 75])
    return {
        "count": len(lengths),
        "min": int(lengths.min()),
        "p25": float(quartiles[0]),
        "median": float(quartiles[1]),
        "p75": float(quartiles[2]),
        "max": int(lengths.max()),
        "mean": round(float(lengths.mean()), 1),
        "histogram": {"edges": [round(float(e), 1) for e in edges], "counts": [int(c) for c in counts]},
    }


def _present(value: Any) -> bool:
    if isinstance(value, list | dict | str | np.ndarray):
        return len(value) > 0
    return not (value is None or value is pd.NA or value is pd.NaT or value != value)


def field_coverage(articles: pd.DataFrame) -> dict[str, dict[str, float]]:
    """Per record field: the articles where it has a value (not null, not empty), and their share."""
    total = len(articles)
    result = {}
    for column in RECORD_FIELDS:
        present = int(articles[column].astype("object").map(_present).sum()) if column in articles else 0
        result[column] = {"present": present, "share": round(present / total, 4) if total else 0.0}
    return result


def _reason_order(reasons: Iterable[str]) -> list[str]:
    return [*(r for r in REASON_NAMES if r in reasons), *sorted(set(reasons) - set(REASON_NAMES))]


def _by(frame: pd.DataFrame, key: str) -> dict[str, dict[str, int]]:
    table = frame.groupby([key, "reason"]).size()
    result: dict[str, dict[str, int]] = {}
    for (group, reason), count in table.items():
        result.setdefault(str(group), {})[str(reason)] = int(count)
    return {group: {r: result[group][r] for r in _reason_order(result[group])} for group in sorted(result)}


def duplicate_numbers(articles: pd.DataFrame, duplicates: pd.DataFrame) -> dict[str, Any]:
    """Duplicates by reason, by the duplicated article's month and by run, and the most duplicated articles."""
    reasons = duplicates["reason"].astype("object").fillna(NO_VALUE)
    counts = reasons.value_counts()
    frame = pd.DataFrame({"reason": reasons, "run": duplicates["run"].astype("object")})
    published = articles.set_index(articles["url"].astype("object"))["published"]
    published = published[~published.index.duplicated()]
    original = duplicates["duplicate_of"].astype("object").map(published.to_dict())  # NaN when not an article
    frame["month"] = _months(pd.to_datetime(original, utc=True)).fillna(UNKNOWN_MONTH)
    near = duplicates.loc[reasons == "near_duplicate", "similarity"].dropna()
    similarity = (
        {"count": len(near), "min": float(near.min()), "median": float(near.median()), "max": float(near.max())}
        if len(near)
        else {"count": 0}
    )
    return {
        "by_reason": {r: int(counts[r]) for r in _reason_order(counts.index)},
        "reason_names": {r: REASON_NAMES.get(r, r) for r in _reason_order(counts.index)},
        "by_month": _by(frame, "month"),
        "by_run": _by(frame, "run"),
        "near_similarity": similarity,
    }


def failed_pages(runs: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    """Faults by reason over all runs, and per run (from each run's stats)."""
    by_run = {run: faults(stats) for run, stats in runs}
    total: dict[str, int] = {}
    for found in by_run.values():
        for reason, count in found.items():
            total[reason] = total.get(reason, 0) + count
    return {"by_reason": dict(sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))), "by_run": by_run}


def most_duplicated(
    articles: pd.DataFrame, duplicates: pd.DataFrame, top: int = MOST_DUPLICATED
) -> list[dict[str, Any]]:
    """The articles with the most duplicates: url, title, copies (distinct duplicate URLs), by reason."""
    if duplicates.empty:
        return []
    titles = articles.set_index(articles["url"].astype("object"))["title"].astype("object")
    titles = titles[~titles.index.duplicated()]
    rows: list[dict[str, Any]] = []
    for original, group in duplicates.groupby(duplicates["duplicate_of"].astype("object")):
        reasons = group["reason"].astype("object").value_counts()
        title = titles.get(original)
        copies: int = group["url"].nunique()
        rows.append(
            {
                "url": str(original),
                "title": None if title is None or title != title else str(title),
                "copies": int(copies),
                "by_reason": {r: int(reasons[r]) for r in _reason_order(reasons.index)},
            }
        )
    rows.sort(key=lambda row: (-int(row["copies"]), str(row["url"])))
    return rows[:top]
