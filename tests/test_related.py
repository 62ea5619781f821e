"""Unit tests for scraper.parsing.related: related-reading entries and headings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scraper.parsing.related import is_related_heading, make_entry

SEED_ARTICLE = Path(__file__).resolve().parent / "fixtures" / "seed" / "expected" / "article.json"
TITLE = "腰突然直不起来是怎么回事"
URL = "http://127.0.0.1:8000/jibing/yaotong/20200713/2086.html"


@pytest.mark.parametrize(
    "summary_lines",
    [
        [f"{TITLE}:", "正文第一段"],
        [f"{TITLE}：", "正文第一段"],
        [TITLE, "正文第一段"],
        [f"  {TITLE} ：", "正文第一段"],
        ["", f"{TITLE}:", "正文第一段"],  # empty lines do not count
    ],
)
def test_summary_loses_leading_title_line(summary_lines: list[str]) -> None:
    assert make_entry(TITLE, URL, summary_lines) == {"title": TITLE, "url": URL, "summary": "正文第一段"}


@pytest.mark.parametrize(
    "first_line",
    [f"{TITLE}：正文第一段", f"{TITLE}:正文第一段", f"{TITLE}： 正文第一段"],
)
def test_summary_loses_title_prefix_on_same_line(first_line: str) -> None:
    entry = make_entry(TITLE, None, [first_line, "第二段"])
    assert entry["summary"] == "正文第一段\n第二段"


def test_summary_keeps_text_that_merely_starts_like_the_title() -> None:
    entry = make_entry("腰突然", None, ["腰突然直不起来常见于着凉"])
    assert entry["summary"] == "腰突然直不起来常见于着凉"


def test_summary_title_not_at_start_is_kept() -> None:
    entry = make_entry(TITLE, None, [f"关于{TITLE}：正文"])
    assert entry["summary"] == f"关于{TITLE}：正文"


@pytest.mark.parametrize(
    "summary_lines",
    [[], [""], ["  ", "&nbsp;", "\u3000"], [f"{TITLE}:"], [TITLE], [f"{TITLE}："]],
)
def test_summary_none_when_empty(summary_lines: list[str]) -> None:
    assert make_entry(TITLE, URL, summary_lines)["summary"] is None


def test_title_and_summary_are_cleaned() -> None:
    entry = make_entry(f"  <a>{TITLE}</a>&nbsp;", None, ["\u3000\u3000第一段 ", "", "第二段\u200b"])
    assert entry == {"title": TITLE, "url": None, "summary": "第一段\n第二段"}


def test_seed_related_entry() -> None:
    expected = json.loads(SEED_ARTICLE.read_text(encoding="utf-8"))["related"][0]
    lines = [f"{expected['title']}:", *expected["summary"].split("\n")]
    assert make_entry(expected["title"], expected["url"], lines) == expected


@pytest.mark.parametrize(
    "text",
    [
        "相关阅读",
        "相关文章",
        "延伸阅读",
        "推荐阅读",
        "相关推荐",
        "相关内容",
        "相关链接",
        "腰椎微创手术后腰酸痛是怎么回事相关阅读",
        "  相关阅读  ",
        "相关阅读：",
        "相关阅读>>",
    ],
)
def test_related_headings(text: str) -> None:
    assert is_related_heading(text)


@pytest.mark.parametrize(
    "text",
    [
        "热门推荐",
        "猜你喜欢",
        "热门文章",
        "阅读",
        "",
        "相关阅读" + "很长的正文" * 15,  # a long line is a paragraph, not a heading
    ],
)
def test_not_related_headings(text: str) -> None:
    assert not is_related_heading(text)
