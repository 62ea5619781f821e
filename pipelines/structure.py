"""Fields derived from the clean body: the sections tree and the body fingerprint."""

from __future__ import annotations

import hashlib
from typing import Any

from itemadapter import ItemAdapter

from scraper.sections import build_sections
from scraper.text import comparison_key


def body_fingerprint(body: str) -> str:
    """Hash of the normalised body (no whitespace, no punctuation, lower case)."""
    return hashlib.blake2b(comparison_key(body).encode("utf-8"), digest_size=16).hexdigest()


def add_structure(item: Any) -> Any:
    adapter = ItemAdapter(item)
    body = adapter.get("body") or ""
    adapter["sections"] = build_sections(body.split("\n")) if body else []
    adapter["fingerprint"] = body_fingerprint(body)
    return item


class StructurePipeline:
    def process_item(self, item: Any) -> Any:
        return add_structure(item)
