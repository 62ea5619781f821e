"""Dates relative to the fetch time (``3天前``, ``昨天 10:20``, ``刚刚``) or without a year (``09-30 22:46``)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

_RELATIVE = re.compile(
    r"(?P<just>刚刚|剛剛)"
    r"|(?P<n>\d{1,3})\s*(?P<unit>秒|分钟|分鐘|小时|小時|天|日|周|週|星期|个月|個月)前"
    r"|(?P<day>今天|昨天|前天)\s*(?:(?P<hour>\d{1,2})[:：](?P<minute>\d{2}))?"
)
_MONTH_DAY = re.compile(
    r"(?<![\d/.-])(?P<month>\d{1,2})\s*(?:[-/.]|月)\s*(?P<day>\d{1,2})(?![\d/.-])\s*日?"
    r"(?:\s*(?P<hour>\d{1,2})[:：](?P<minute>\d{2}))?"
)
_DAY_OFFSETS = {"今天": 0, "昨天": 1, "前天": 2}
_UNIT_SECONDS = {"秒": 1, "分钟": 60, "分鐘": 60, "小时": 3600, "小時": 3600}
_UNIT_DAYS = {"天": 1, "日": 1, "周": 7, "週": 7, "星期": 7}
_UNIT_MONTHS = ("个月", "個月")


def local_now(fetched_at: str | None, tz: timezone) -> datetime | None:
    """The fetch time (ISO 8601, UTC) in the site's timezone, or None."""
    if not fetched_at:
        return None
    try:
        moment = datetime.fromisoformat(fetched_at.replace("Z", "+00:00"))
    except ValueError:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(tz)


def relative_date(text: str, now: datetime) -> str | None:
    """A relative date in text resolved against ``now`` (aware, in the site's timezone)."""
    match = _RELATIVE.search(text)
    if not match:
        return None
    minute = now.replace(second=0, microsecond=0)
    if match.group("just"):
        return minute.isoformat()
    if match.group("day"):
        day = now.date() - timedelta(days=_DAY_OFFSETS[match.group("day")])
        if match.group("hour") is None:
            return day.isoformat()
        try:
            return datetime(
                day.year, day.month, day.day, int(match.group("hour")), int(match.group("minute")), tzinfo=now.tzinfo
            ).isoformat()
        except ValueError:
            return None
    count, unit = int(match.group("n")), match.group("unit")
    if unit in _UNIT_SECONDS:
        return (minute - timedelta(seconds=count * _UNIT_SECONDS[unit])).replace(second=0).isoformat()
    if unit in _UNIT_MONTHS:
        return _months_before(now.date(), count).isoformat()
    return (now.date() - timedelta(days=count * _UNIT_DAYS[unit])).isoformat()


def _months_before(day: date, months: int) -> date:
    """The same day of the month ``months`` calendar months earlier (clamped to the month's end)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    for clamp in range(day.day, 0, -1):
        try:
            return date(year, month + 1, clamp)
        except ValueError:
            continue
    return date(year, month + 1, 1)


def month_day_date(text: str, year: int, tz: timezone | None) -> str | None:
    """A ``MM-DD [HH:MM]`` date in text completed with ``year``."""
    match = _MONTH_DAY.search(text)
    if not match:
        return None
    try:
        month, day = int(match.group("month")), int(match.group("day"))
        if match.group("hour") is None:
            return date(year, month, day).isoformat()
        return datetime(year, month, day, int(match.group("hour")), int(match.group("minute")), tzinfo=tz).isoformat()
    except ValueError:
        return None


def has_relative_date(text: str) -> bool:
    """True when the text holds a relative date (``3天前``, ``昨天``, ``刚刚``)."""
    return bool(_RELATIVE.search(text))
