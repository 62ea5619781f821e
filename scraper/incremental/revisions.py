"""Which revision an article is, against what earlier runs exported (``STATE_DIR``)."""

from __future__ import annotations

from scraper.incremental.state import CrawlState


def next_revision(state: CrawlState, url: str, fingerprint: str | None) -> int | None:
    """The revision to export ``url`` with: 1 for a new article, ``n + 1`` when its body changed since
    revision ``n``; None when an earlier run exported this very body under this URL (unchanged)."""
    known = state.article(url)
    if known is not None and known.duplicate_of is None and known.fingerprint == fingerprint:
        return None
    if known is not None and known.fingerprint is not None:
        return known.revision + 1
    return 1  # new, or known only as a duplicate of another URL
