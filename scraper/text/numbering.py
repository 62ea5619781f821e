"""Numbering markers at the start of a line: 一、 / （一） / 1、 1. (1) ① / 第一、 / 方法一：."""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "贰": 2,
    "貳": 2,
    "两": 2,
    "三": 3,
    "叁": 3,
    "參": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "陸": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
_CN_TENS = {"十": 10, "拾": 10}
_CN = "零〇一二三四五六七八九十两"
# Formal numerals (壹、貳、) number a list of their own, usually above 一、.
_CN_FORMAL = "壹贰貳叁參肆伍陆陸柒捌玖拾"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# (family, pattern); the pattern's "label" group is the marker without punctuation.
# Order matters: the first pattern that matches wins.
_FAMILIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("paren_cn", re.compile(rf"^[（(](?P<label>[{_CN}]{{1,3}})[）)]\s*[、.．:：]?\s*")),
    ("paren_arabic", re.compile(r"^[（(](?P<label>\d{1,2})[）)]\s*[、.．:：]?\s*")),
    ("circled", re.compile(rf"^(?P<label>[{_CIRCLED}])\s*[、.．:：]?\s*")),
    ("cn_formal", re.compile(rf"^(?P<label>[{_CN_FORMAL}]{{1,3}})\s*[、.．]\s*")),
    ("cn", re.compile(rf"^(?P<label>[{_CN}]{{1,3}})\s*[、.．]\s*")),
    ("arabic", re.compile(r"^(?P<label>\d{1,2})\s*(?:[、．]|\.(?!\d))\s*")),
    ("ordinal", re.compile(rf"^(?P<label>第[{_CN}]{{1,3}}(?:步|点|条|种|招|个|节|部分)?)\s*[、.．:：，,]\s*")),
    ("named", re.compile(rf"^(?P<label>(?P<prefix>[\u4e00-\u9fff]{{1,4}}?)[{_CN}]{{1,3}})\s*[：:]\s*")),
)


@dataclass(frozen=True)
class Marker:
    """A numbering marker: its family (which list it belongs to), label, value and the rest of the line."""

    family: str
    label: str
    number: int
    rest: str


def cn_number(text: str) -> int | None:
    """Value of a Chinese numeral up to 99 (一, 十, 十二, 二十, 二十三), or None."""
    if not text:
        return None
    if all(ch in _CN_DIGITS for ch in text):
        value = 0
        for ch in text:
            value = value * 10 + _CN_DIGITS[ch]
        return value if len(text) == 1 else None
    tens_at = next((i for i, ch in enumerate(text) if ch in _CN_TENS), -1)
    if tens_at < 0 or text.count(text[tens_at]) > 1:
        return None
    head, tail = text[:tens_at], text[tens_at + 1 :]
    if len(head) > 1 or len(tail) > 1:
        return None
    tens = _CN_DIGITS.get(head, 1 if not head else -1)
    ones = _CN_DIGITS.get(tail, 0 if not tail else -1)
    if tens < 1 or ones < 0:
        return None
    return tens * 10 + ones


def _value(label: str) -> int | None:
    if label.isascii() and label.isdigit():
        return int(label)
    if label in _CIRCLED:
        return _CIRCLED.index(label) + 1
    digits = "".join(ch for ch in label if ch in _CN or ch in _CN_FORMAL)
    return cn_number(digits)


# "1.3月龄以下…": item 1 whose text starts with a digit, or the decimal 1.3? Only the
# list around it can tell (see ``sections.build_sections``).
_DECIMAL_LIKE = re.compile(r"^(?P<label>\d{1,2})\.(?=\d)")


def parse_marker_before_digit(line: str) -> Marker | None:
    """``1.3月龄…`` read as marker ``1.`` + ``3月龄…`` (only valid when the list around confirms it)."""
    match = _DECIMAL_LIKE.match(line)
    rest = line[match.end() :].strip() if match else ""
    return Marker("arabic", match.group("label"), int(match.group("label")), rest) if match and rest else None


def parse_marker(line: str) -> Marker | None:
    """The numbering marker a line starts with, or None for a plain paragraph."""
    for family, pattern in _FAMILIES:
        match = pattern.match(line)
        if not match:
            continue
        label = match.group("label")
        number = _value(label)
        rest = line[match.end() :].strip()
        if number is None or number < 1 or not rest:
            return None
        if family == "named":
            family = f"named:{match.group('prefix')}"
        elif family == "ordinal":
            family = "ordinal" + label.lstrip("第").lstrip(_CN)
        return Marker(family, label, number, rest)
    return None
