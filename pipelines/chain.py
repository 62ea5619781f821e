"""The per-article pipeline stages as one function, for code that runs outside a crawl.

The Scrapy pipelines in ``scraper.settings.ITEM_PIPELINES`` wrap these same stages;
cross-page de-duplication is left out because it needs a whole crawl.
"""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter

from pipelines.cleaning import clean_article
from pipelines.repeats import drop_page_repeats
from pipelines.stats import Stats
from pipelines.structure import add_structure
from pipelines.validation import record_errors


def finish_article(item: Any, stats: Stats) -> tuple[Any, list[str]]:
    """Clean, de-repeat and structure an item; return it with its schema errors (none when valid)."""
    item = clean_article(item, stats)
    item = drop_page_repeats(item, stats)
    item = add_structure(item)
    return item, record_errors(ItemAdapter(item).asdict())
