"""Intra-page de-duplication: a body block that repeats inside one page is kept once."""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter

from pipelines.stats import Stats, StatsPipeline
from scraper.repeats import drop_repeated_blocks


def drop_page_repeats(item: Any, stats: Stats) -> Any:
    adapter = ItemAdapter(item)
    lines = (adapter.get("body") or "").split("\n")
    kept = drop_repeated_blocks(lines)
    if len(kept) != len(lines):
        stats.inc_value("dedup/intra_page_blocks", len(lines) - len(kept))
        adapter["body"] = "\n".join(kept)
    return item


class IntraPageDedupPipeline(StatsPipeline):
    def process_item(self, item: Any) -> Any:
        return drop_page_repeats(item, self.stats)
