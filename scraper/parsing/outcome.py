"""What parsing one page gives back when it is not an article."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Skip:
    """A page that yields no record: ``reason`` is a short stats key, ``detail`` says why."""

    reason: str
    detail: str
