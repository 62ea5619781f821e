"""What parsing one page gives back when it is not an article."""

from __future__ import annotations

from dataclasses import dataclass

from scraper.reasons import SkipReason


@dataclass(frozen=True)
class Skip:
    """A page that yields no record: ``reason`` says why for the stats, ``detail`` for people."""

    reason: SkipReason
    detail: str
