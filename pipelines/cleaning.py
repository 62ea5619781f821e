"""Cleaning: entities, tags and whitespace in every text field; boilerplate and title-repeat lines."""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter

from pipelines.stats import Stats, StatsPipeline
from scraper.boilerplate import is_boilerplate
from scraper.text import clean_line, clean_lines, comparison_key

LINE_FIELDS = ("title", "site", "author", "description")
LIST_FIELDS = ("breadcrumbs", "keywords")


def _optional_line(value: str | None) -> str | None:
    return (clean_line(value) or None) if value is not None else None


def clean_body(body: str, title: str | None, stats: Stats) -> str:
    """Clean lines of the body, without boilerplate or a first line repeating the title."""
    lines = clean_lines(body)
    kept = [line for line in lines if not is_boilerplate(line)]
    if len(kept) != len(lines):
        stats.inc_value("clean/boilerplate_lines", len(lines) - len(kept))
    if kept and title and comparison_key(kept[0]) == comparison_key(title):
        kept = kept[1:]
        stats.inc_value("clean/title_repeats")
    return "\n".join(kept)


def clean_article(item: Any, stats: Stats) -> Any:
    """Normalise every text field of an article item in place and return it."""
    adapter = ItemAdapter(item)
    for name in LINE_FIELDS:
        adapter[name] = _optional_line(adapter.get(name))
    for name in LIST_FIELDS:
        adapter[name] = [c for c in (clean_line(v) for v in adapter.get(name) or []) if c]
    adapter["body"] = clean_body(adapter.get("body") or "", adapter.get("title"), stats)
    adapter["related"] = [
        {
            **entry,
            "title": clean_line(entry["title"]),
            "summary": "\n".join(clean_lines(entry["summary"] or "")) or None,
        }
        for entry in adapter.get("related") or []
        if clean_line(entry.get("title") or "")
    ]
    adapter["images"] = [{**img, "alt": _optional_line(img.get("alt"))} for img in adapter.get("images") or []]
    return item


class CleaningPipeline(StatsPipeline):
    def process_item(self, item: Any) -> Any:
        return clean_article(item, self.stats)
