"""Unit tests for scraper.parsing.relative_dates: dates written relative to the moment of the fetch.

Pages with relative dates (3天前, 昨天, 2小时前, 刚刚) are saved pages (tests/fixtures/pages/date-relative-*).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from scraper.parsing.relative_dates import relative_date


def test_months_ago_are_calendar_months() -> None:
    china = timezone(timedelta(hours=8))
    assert relative_date("3个月前 回答", datetime(2026, 11, 20, 16, 0, tzinfo=china)) == "2026-08-20"
    assert relative_date("3个月前", datetime(2026, 5, 31, 9, 0, tzinfo=china)) == "2026-02-28"
