"""The clock: every timestamp the project writes (``fetched_at``, run folders, reports) comes from here."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> str:
    """Now in UTC as ISO 8601 to the second with a ``Z`` suffix: ``2026-11-25T15:03:34Z``."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def compact(stamp: str) -> str:
    """An ISO 8601 UTC timestamp in its basic (compact) form, for file names: ``20261125T150334Z``."""
    return stamp.replace("-", "").replace(":", "")
