"""Judging a record against a field report's ``NN-name.expected.json`` (the rules of the shared check.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scraper.cli.errors import CommandError
from scraper.cli.extract import extract
from tests.helpers.paths import FIXTURES

FIELD_REPORTS = FIXTURES / "field_reports"
EXACT = ("title", "published", "author", "site", "language", "page_type")


def field_reports() -> list[Path]:
    """The field-report pages, in name order."""
    return sorted(FIELD_REPORTS.glob("*.html"))


def run_extract(page: Path, url: str, second_opinion: bool = True) -> tuple[int, dict[str, Any] | None]:
    """``healthscrape extract PAGE --url URL [--no-second-opinion]`` in process: the exit code and the
    record (None unless 0)."""
    try:
        return 0, extract(str(page), url=url, second_opinion=second_opinion)
    except CommandError as exc:
        return exc.code, None


def failures(record: dict[str, Any] | None, code: int, expected: dict[str, Any]) -> list[str]:
    """What the record gets wrong against ``expected``; empty when it is what a reader expects."""
    wrong = [] if code == expected.get("exit", 0) else [f"exit {code}"]
    if record is None:
        return wrong
    wrong += [f"{key}: {record.get(key)!r}" for key in EXACT if key in expected and record.get(key) != expected[key]]
    for key, field in (("author_any", "author"), ("published_any", "published")):
        if key in expected and record.get(field) not in expected[key]:
            wrong.append(f"{field}: {record.get(field)!r}")
    if "published_prefix" in expected and not (record.get("published") or "").startswith(expected["published_prefix"]):
        wrong.append(f"published: {record.get('published')!r}")
    if "breadcrumbs" in expected and record["breadcrumbs"] != expected["breadcrumbs"]:
        wrong.append(f"breadcrumbs: {record['breadcrumbs']!r}")
    wrong += [f"body lacks {s!r}" for s in expected.get("body_with", []) if s not in record["body"]]
    wrong += [f"body has {s!r}" for s in expected.get("body_without", []) if s in record["body"]]
    if "sections" in expected:
        got = [[s["label"], s["heading"]] for s in record["sections"]]
        if (not got) if expected["sections"] == "any" else got != expected["sections"]:
            wrong.append(f"sections: {got!r}")
    related = [{"title": r["title"], "url": r["url"]} for r in record["related"]]
    wrong += [f"related lacks {r!r}" for r in expected.get("related", []) if r not in related]
    if "related_count" in expected and len(related) != expected["related_count"]:
        wrong.append(f"related: {len(related)} entries")
    images = [image["url"] for image in record["images"]]
    wrong += [f"images lack {u}" for u in expected.get("images", []) if u not in images]
    wrong += [f"images have {u}" for u in expected.get("images_without", []) if u in images]
    return wrong
