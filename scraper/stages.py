"""What happens to an article after parsing: the stages, as plain functions, listed once in order.

Each per-item stage takes an item (an :class:`~scraper.items.Article` or any item ItemAdapter reads)
and the stats to count into, changes the item in place and returns it. :data:`STAGES` lists every
stage in order with the Scrapy pipeline that applies it in a crawl (``pipelines/``, wired by
``ITEM_PIPELINES``, which ``scraper.settings`` derives from this list); the last three need a whole
crawl (indexes, state, the output file) and live in their pipelines only. The ``healthscrape extract``
command (and the evaluation) run the per-item stages with :func:`finish_item`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from itemadapter import ItemAdapter

from scraper.items import ENCYCLOPEDIA, LINE_FIELDS, fields_of_kind
from scraper.schema import error_field, record_errors
from scraper.stats import (
    BOILERPLATE_LINES,
    INTRA_PAGE_BLOCKS,
    INVALID,
    REPLACEMENT_CHARACTERS,
    TITLE_REPEATS,
    Stats,
    invalid_key,
)
from scraper.text.boilerplate import is_boilerplate, strip_trailing_boilerplate
from scraper.text.fingerprint import body_fingerprint
from scraper.text.normalize import clean_line, clean_lines, comparison_key
from scraper.text.repeats import drop_repeated_blocks
from scraper.text.sections import build_entry_sections, build_sections, split_run_in_items

# Text lists cleaned item by item (empty items dropped).
TEXT_LIST_FIELDS = fields_of_kind("text_list")


class InvalidRecord(ValueError):
    """A record that breaks the JSON Schema; ``errors`` lists how (``path: message``), ``item`` is the record."""

    def __init__(self, item: Any, errors: list[str]):
        self.url = ItemAdapter(item).get("url")
        super().__init__(f"invalid record {self.url}: {'; '.join(errors[:5])}")
        self.item = item
        self.errors = errors


def _optional_line(value: str | None) -> str | None:
    return (clean_line(value) or None) if value is not None else None


def clean_body(body: str, title: str | None, stats: Stats) -> str:
    """Clean lines of the body, without boilerplate or a first line repeating the title."""
    lines = [strip_trailing_boilerplate(line) for line in clean_lines(body)]
    kept = [line for line in lines if line and not is_boilerplate(line)]
    if len(kept) != len(lines):
        stats.inc_value(BOILERPLATE_LINES, len(lines) - len(kept))
    if kept and title and comparison_key(kept[0]) == comparison_key(title):
        kept = kept[1:]
        stats.inc_value(TITLE_REPEATS)
    return "\n".join(kept)


# U+FFFD stands for bytes that did not decode. A few (a character cut in two where the page was saved,
# one broken byte) carry nothing and are dropped; more than this share of the title and body means the
# page was decoded wrongly, and the record is mojibake: left as it is, for validation to refuse.
REPLACEMENT = "\ufffd"
MAX_REPLACEMENT_SHARE = 0.01


def is_mojibake(text: str) -> bool:
    """True when more than :data:`MAX_REPLACEMENT_SHARE` of the text is U+FFFD."""
    return text.count(REPLACEMENT) > MAX_REPLACEMENT_SHARE * len(text)


def drop_stray_replacements(adapter: ItemAdapter, stats: Stats) -> None:
    """Drop the stray U+FFFD of the title and body (counted in ``clean/replacement_characters``),
    unless there are so many that the text is mojibake (see :data:`MAX_REPLACEMENT_SHARE`)."""
    text = f"{adapter.get('title') or ''}{adapter.get('body') or ''}"
    found = text.count(REPLACEMENT)
    if not found or is_mojibake(text):
        return
    for name in ("title", "body"):
        if adapter.get(name):
            adapter[name] = adapter[name].replace(REPLACEMENT, "")
    stats.inc_value(REPLACEMENT_CHARACTERS, found)


def mojibake_errors(item: Any) -> list[str]:
    """``field: message`` for a title or body that is mojibake (U+FFFD above the stray share)."""
    adapter = ItemAdapter(item)
    errors = []
    for name in ("title", "body"):
        value = adapter.get(name) or ""
        if is_mojibake(value):
            errors.append(f"{name}: mojibake ({value.count(REPLACEMENT)} undecodable characters)")
    return errors


def clean(item: Any, stats: Stats) -> Any:
    """Cleaning: entities, tags and whitespace in every text field; boilerplate and title-repeat lines;
    stray undecodable characters (U+FFFD)."""
    adapter = ItemAdapter(item)
    drop_stray_replacements(adapter, stats)
    for name in LINE_FIELDS:
        adapter[name] = _optional_line(adapter.get(name))
    for name in TEXT_LIST_FIELDS:
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


def drop_intra_page_repeats(item: Any, stats: Stats) -> Any:
    """Intra-page de-duplication: a body block that repeats inside one page is kept once."""
    adapter = ItemAdapter(item)
    lines = (adapter.get("body") or "").split("\n")
    kept = drop_repeated_blocks(lines)
    if len(kept) != len(lines):
        stats.inc_value(INTRA_PAGE_BLOCKS, len(lines) - len(kept))
        adapter["body"] = "\n".join(kept)
    return item


def add_structure(item: Any, stats: Stats) -> Any:
    """Fields derived from the clean body (each numbered item run into the previous paragraph first put on a
    line of its own): the sections tree (an encyclopedia entry's headed parts, else
    its numbered headings) and the body fingerprint."""
    adapter = ItemAdapter(item)
    lines = split_run_in_items((adapter.get("body") or "").split("\n"))
    body = adapter["body"] = "\n".join(lines)
    entry = adapter.get("page_type") == ENCYCLOPEDIA
    adapter["sections"] = (build_entry_sections(lines) if entry else build_sections(lines)) if body else []
    adapter["fingerprint"] = body_fingerprint(body)
    return item


def validate(item: Any, stats: Stats) -> Any:
    """Validation against the shipped JSON Schema, and no mojibake in title or body; raises
    :class:`InvalidRecord` (counted by field)."""
    adapter = ItemAdapter(item)
    errors = record_errors(adapter.asdict()) + mojibake_errors(item)
    if not errors:
        return item
    stats.inc_value(INVALID)
    for message in errors:
        stats.inc_value(invalid_key(error_field(message)))
    raise InvalidRecord(item, errors)


StageFunction = Callable[[Any, Stats], Any]


@dataclass(frozen=True)
class Stage:
    """One stage: its ``name``, the pure per-item ``function`` (None for a stage that needs a whole
    crawl) and the dotted path of the Scrapy ``pipeline`` that applies it in a crawl."""

    name: str
    function: StageFunction | None
    pipeline: str


STAGES = (
    Stage("cleaning", clean, "pipelines.cleaning.CleaningPipeline"),
    Stage("intra_page_dedup", drop_intra_page_repeats, "pipelines.intra_page_dedup.IntraPageDedupPipeline"),
    Stage("structure", add_structure, "pipelines.structure.StructurePipeline"),
    Stage("validation", validate, "pipelines.validation.ValidationPipeline"),
    Stage("cross_page_dedup", None, "pipelines.cross_page_dedup.CrossPageDedupPipeline"),
    Stage("incremental", None, "pipelines.incremental.IncrementalPipeline"),
    Stage("durable_export", None, "pipelines.durable_export.DurableExportPipeline"),
)
# Order numbers of ITEM_PIPELINES: 100, 200, … in list order.
ORDER_STEP = 100


def item_pipelines() -> dict[str, int]:
    """``ITEM_PIPELINES`` for these stages: each pipeline's dotted path and its order number."""
    return {stage.pipeline: ORDER_STEP * (position + 1) for position, stage in enumerate(STAGES)}


def finish_item(item: Any, stats: Stats) -> Any:
    """Run every per-item stage in order (cross-page ones aside); raises :class:`InvalidRecord`."""
    for stage in STAGES:
        if stage.function is not None:
            item = stage.function(item, stats)
    return item
