"""Publication dates: find them in text, meta values and labels; return ISO 8601.

A date alone stays a date (``2020-07-14``); a date shown with a time becomes a
datetime with the site's UTC offset (``2020-07-13T09:12:00+08:00``); an explicit
offset in the source (``Z``, ``+00:00``) is kept as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

import cn2an

from scraper.parsing.relative_dates import month_day_date, relative_date
from scraper.profiles import DEFAULT_TIMEZONE
from scraper.text.hanzi import simplified

# Labels that introduce the publication date, strongest first. Update dates are
# only used when nothing better is on the page.
# (Traditional text is converted to Simplified before matching: 發布日期 → 发布日期.)
PUBLISHED_LABELS = ("发布时间", "发布日期", "发表时间", "发表日期", "发表于", "发布于", "时间", "日期")
UPDATED_LABELS = ("更新时间", "更新日期", "修改时间", "修改日期", "最后更新", "更新于")
_UPDATE_PREFIXES = ("更新", "修改")

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}

_TIME = r"(?:[T\s]*(?P<hour>\d{1,2})[:：时](?P<minute>\d{1,2})(?:[:：分](?P<second>\d{1,2})(?:\.\d+)?秒?)?)?"
_OFFSET = r"(?P<offset>Z|[+-]\d{2}:?\d{2})?"
_NUMERIC = re.compile(
    r"(?<!\d)(?P<year>(?:19|20)\d{2})\s*(?:[-/.]|年)\s*(?P<month>\d{1,2})\s*(?:[-/.]|月)\s*"
    r"(?P<day>\d{1,2})(?!\d)\s*日?(?:\s*[（(]?\s*(?:星期|周|礼拜)[一二三四五六日天]\s*[）)]?)?" + _TIME + _OFFSET
)
_ENGLISH = re.compile(
    r"\b(?P<mname>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{2})\b"
    r"|\b(?P<day2>\d{1,2})\s+(?P<mname2>[A-Za-z]{3,9})\.?,?\s+(?P<year2>(?:19|20)\d{2})\b"
)
_COMPACT = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})(?P<month>[01]\d)(?P<day>[0-3]\d)(?!\d)")


# Dates written in Chinese numerals (二〇二〇年七月十四日), converted with cn2an.
_CHINESE_NUMERAL_DATE = re.compile(
    r"[〇零○一二三四五六七八九]{2,4}\s*年\s*[一二三四五六七八九十]{1,3}\s*月(?:\s*[一二三四五六七八九十]{1,3}\s*[日号])?"
)
# Taiwan's ROC (Minguo) years: 民國109年 = 2020 (ROC year + 1911); after a date label, 109-07-14 too.
ROC_OFFSET = 1911
_ROC_YEAR = re.compile(r"民[国國]\s*(?P<year>\d{2,3})\s*年")
_ROC_LABELLED = re.compile(
    r"(?P<label>(?:日期|时间|時間)\s*[:：]\s*)(?P<year>1\d{2})(?=\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}(?!\d))"
)


def gregorian(text: str) -> str:
    """The text with Chinese-numeral dates in digits and ROC years as Gregorian years, so that the
    date patterns read them (``二〇二〇年七月十四日`` → ``2020年7月14日``, ``民國109年`` → ``2020年``)."""
    if "年" in text:
        text = _CHINESE_NUMERAL_DATE.sub(lambda m: cn2an.transform(m.group(), "cn2an"), text)
        text = _ROC_YEAR.sub(lambda m: f"{int(m.group('year')) + ROC_OFFSET}年", text)
    return _ROC_LABELLED.sub(lambda m: m.group("label") + str(int(m.group("year")) + ROC_OFFSET), text)


@dataclass(frozen=True)
class FoundDate:
    """A date found in text, with where it starts (for choosing between several)."""

    iso: str
    start: int


def _offset(text: str) -> timezone | None:
    if text in ("", "Z"):
        return UTC if text == "Z" else None
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def timezone_of(offset: str | None) -> timezone | None:
    """``+08:00`` → that fixed-offset timezone; None for no offset."""
    return _offset(offset) if offset else None


def to_iso(
    year: int,
    month: int,
    day: int,
    time: tuple[int, int, int] | None = None,
    offset: str | None = None,
    tz: str | None = DEFAULT_TIMEZONE,
) -> str | None:
    """ISO 8601 for the parts, or None when they are not a real calendar date."""
    try:
        if time is None:
            return date(year, month, day).isoformat()
        zone = _offset(offset) if offset else timezone_of(tz)
        return datetime(year, month, day, *time, tzinfo=zone).isoformat()
    except ValueError:
        return None


def _numeric(match: re.Match[str], tz: str | None) -> str | None:
    time = None
    if match.group("hour") is not None:
        time = (int(match.group("hour")), int(match.group("minute")), int(match.group("second") or 0))
    return to_iso(
        int(match.group("year")),
        int(match.group("month")),
        int(match.group("day")),
        time,
        match.group("offset"),
        tz,
    )


def _english(match: re.Match[str]) -> str | None:
    name = (match.group("mname") or match.group("mname2") or "").lower()
    month = _MONTHS.get(name)
    if month is None:
        return None
    day = match.group("day") or match.group("day2")
    year = match.group("year") or match.group("year2")
    return to_iso(int(year), month, int(day))


def find_dates(text: str, tz: str | None = DEFAULT_TIMEZONE) -> list[FoundDate]:
    """Every date written in text, in order of appearance."""
    found = [FoundDate(iso, m.start()) for m in _NUMERIC.finditer(text) if (iso := _numeric(m, tz))]
    found += [FoundDate(iso, m.start()) for m in _ENGLISH.finditer(text) if (iso := _english(m))]
    return sorted(found, key=lambda d: d.start)


def parse_date(
    text: str | None, tz: str | None = DEFAULT_TIMEZONE, now: datetime | None = None, year: int | None = None
) -> str | None:
    """The publication date in a short text (a meta value, a date line, an info bar).

    A labelled publication date wins over an unlabelled one; an update date is
    used only when it is the only date there. With ``now`` (the fetch time in the
    site's timezone) relative dates resolve (``3天前``); with ``year`` a labelled or
    timed date without a year completes (``发布时间：09-30 22:46``).
    """
    if not text:
        return None
    text = gregorian(simplified(text))
    found = find_dates(text, tz)
    if found:
        labelled = labelled_date(text, tz, PUBLISHED_LABELS)
        if labelled:
            return labelled
        updated_starts = {d.start for d in _labelled(text, tz, UPDATED_LABELS)}
        plain = [d for d in found if d.start not in updated_starts]
        return (plain or found)[0].iso
    if now is not None:
        relative = relative_date(_without_update_dates(text), now)
        if relative:
            return relative
    if year is not None:
        return _month_day(text, year, tz)
    return None


def only_update_dates(text: str, tz: str | None = DEFAULT_TIMEZONE) -> bool:
    """True when every date in the text is labelled as an update (更新时间：…)."""
    text = gregorian(simplified(text))
    found = find_dates(text, tz)
    updated = {d.start for d in _labelled(text, tz, UPDATED_LABELS)}
    return bool(found) and all(d.start in updated for d in found)


def _without_update_dates(text: str) -> str:
    pattern = "(?:" + "|".join(map(re.escape, UPDATED_LABELS)) + r")\s*[:：]?\s*\S+"
    return re.sub(pattern, " ", text)


def _month_day(text: str, year: int, tz: str | None) -> str | None:
    """A year-less date that is labelled (发布时间：09-30) or carries a time (09-30 22:46)."""
    labels = "|".join(map(re.escape, PUBLISHED_LABELS))
    labelled = re.search(rf"(?:{labels})\s*[:：]?\s*(.{{0,30}})", _without_update_dates(text))
    if labelled:
        return month_day_date(labelled.group(1), year, timezone_of(tz))
    timed = re.search(r"(?<![\d/.-])\d{1,2}[-/月]\d{1,2}日?\s+\d{1,2}[:：]\d{2}", text)
    return month_day_date(timed.group(), year, timezone_of(tz)) if timed else None


def _labelled(text: str, tz: str | None, labels: tuple[str, ...]) -> list[FoundDate]:
    pattern = re.compile("(?:" + "|".join(map(re.escape, labels)) + r")\s*[:：]?\s*")
    found = []
    for label in pattern.finditer(text):
        # "更新时间" ends with "时间": that "时间" is no publication label.
        if text[max(0, label.start() - 2) : label.start()] in _UPDATE_PREFIXES:
            continue
        dates = find_dates(text[label.end() : label.end() + 40], tz)
        if dates and dates[0].start == 0:
            found.append(FoundDate(dates[0].iso, label.end()))
    return found


def labelled_date(
    text: str, tz: str | None = DEFAULT_TIMEZONE, labels: tuple[str, ...] = PUBLISHED_LABELS
) -> str | None:
    """The first date introduced by one of the labels (发布时间：…), or None."""
    text = gregorian(simplified(text))
    found = _labelled(text, tz, labels)
    return found[0].iso if found else None


# A statement of a page's last change: 于2013年7月15日 (星期一) 13:23最后更改 (MediaWiki's footer), 本页最后
#修订于…; a label before the date (最后修改于：…) or a verb after it.
_LAST_CHANGE_BEFORE = ("最后修改于", "最后修订于", "最后更改于", "最后编辑于", "最后更新于", "修订于", *UPDATED_LABELS)
_LAST_CHANGE_AFTER = re.compile(r"\s*(?:最后|最终)?(?:更改|修改|修订|编辑|更新)")


def last_modified_date(text: str, tz: str | None = DEFAULT_TIMEZONE) -> str | None:
    """The date of a statement of the page's last change (``此页由用户行医于2013年7月15日 (星期一) 13:23最后更改``,
    ``本页最后修订于…``), or None: the only date some pages (wiki entries) carry."""
    text = gregorian(simplified(text))
    labelled = _labelled(text, tz, _LAST_CHANGE_BEFORE)
    if labelled:
        return labelled[0].iso
    for match in _NUMERIC.finditer(text):
        if _LAST_CHANGE_AFTER.match(text, match.end()):
            return _numeric(match, tz)
    return None


def date_in_url(url: str) -> str | None:
    """A date written in a URL path (``/20200714/``, ``/2020/07/14/``), or None."""
    match = _COMPACT.search(url)
    if match:
        return to_iso(int(match.group("year")), int(match.group("month")), int(match.group("day")))
    match = re.search(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-]?(\d{1,2})/", url)
    if match:
        return to_iso(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    return None


def is_date_line(line: str, tz: str | None = DEFAULT_TIMEZONE) -> bool:
    """True when a line holds nothing but a date (with an optional label)."""
    line = gregorian(simplified(line))
    found = find_dates(line, tz)
    if not found:
        return False
    rest = _ENGLISH.sub("", _NUMERIC.sub("", line))
    rest = re.sub("|".join(map(re.escape, PUBLISHED_LABELS + UPDATED_LABELS)), "", rest)
    return len(re.sub(r"[\s:：]", "", rest)) == 0
