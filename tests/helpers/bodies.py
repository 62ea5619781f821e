"""Real article bodies to de-duplicate: the sample site's, as a crawl exports them."""

from __future__ import annotations

from functools import cache

from benchmarks.near_duplicates import extracted_body
from tests.helpers.paths import SAMPLE_SITE

SAMPLE_PAGES = sorted((SAMPLE_SITE / "jibing").rglob("*.html"))


@cache
def sample_bodies() -> list[str]:
    """The distinct clean bodies (200+ characters) of the sample site's articles, as the crawl exports them."""
    found = [extracted_body(p.read_text(encoding="utf-8"), f"http://s.test/{p.name}") for p in SAMPLE_PAGES]
    return [body for body in dict.fromkeys(found) if len(body) >= 200]
