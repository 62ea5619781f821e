"""Unit tests for scraper.text.normalize: line cleaning and comparison keys."""

from __future__ import annotations

import pytest

from scraper.text.normalize import cjk_ratio, clean_line, clean_lines, comparison_key


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # Indentation and spaces
        ("&nbsp;&nbsp;腰痛是怎么回事", "腰痛是怎么回事"),
        ("\xa0\xa0腰痛是怎么回事", "腰痛是怎么回事"),
        ("\u3000\u3000腰痛是怎么回事\u3000", "腰痛是怎么回事"),
        ("  腰痛 \t 是怎么回事  ", "腰痛 是怎么回事"),
        # Zero-width characters and the BOM
        ("\ufeff腰\u200b痛\u200c是\u200d怎么\u2060回事", "腰痛是怎么回事"),
        # Entities
        ("A&amp;B", "A&B"),
        ("血压&lt;140/90", "血压<140/90"),
        ("&#20986;&#x51fa;", "出出"),
        ("&quot;引号&quot;", '"引号"'),
        # Tags
        ("<p>腰<b>痛</b></p>", "腰痛"),
        ('<span class="x">腰痛</span>', "腰痛"),
        ("第一行<br/>第二行", "第一行第二行"),
        # Comparisons are not tags
        ("血压<140/90", "血压<140/90"),
        ("血压<140/90 mmHg，心率>100次/分", "血压<140/90 mmHg，心率>100次/分"),
        ("正常值<5<br>", "正常值<5"),
        ("a < b > c", "a < b > c"),
        ("HDL<LDL", "HDL<LDL"),
        # Text without anything to clean
        ("腰痛是怎么回事", "腰痛是怎么回事"),
        ("腰痛&nbsp", "腰痛&nbsp"),  # not a complete entity
        ("", ""),
    ],
)
def test_clean_line(raw: str, expected: str) -> None:
    assert clean_line(raw) == expected


def test_comparison_between_named_values_is_not_a_tag() -> None:
    assert clean_line("当 HDL<LDL 且 TG>2.3 时需要干预") == "当 HDL<LDL 且 TG>2.3 时需要干预"


def test_clean_lines_drops_empty_lines() -> None:
    text = "第一段\n\n   \n&nbsp;\n\u3000\u3000\n\u200b\n第二段\r\n  第三段\u200b  "
    assert clean_lines(text) == ["第一段", "第二段", "第三段"]


def test_clean_lines_empty() -> None:
    assert clean_lines("") == []
    assert clean_lines("\n\n") == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("腰痛，是怎么回事？", "腰痛是怎么回事"),
        ("腰痛 是怎么回事 ABC", "腰痛是怎么回事abc"),
        ("腰突然直不起来是怎么回事:", "腰突然直不起来是怎么回事"),
        ("腰突然直不起来,是怎么回事", "腰突然直不起来，是怎么回事"),
    ],
)
def test_comparison_key_equal(a: str, b: str) -> None:
    assert comparison_key(a) == comparison_key(b)


def test_comparison_key_values() -> None:
    assert comparison_key("腰痛， 是怎么回事？ ABC-12") == "腰痛是怎么回事abc12"
    assert comparison_key("……！") == ""
    assert comparison_key("腰痛") != comparison_key("腰酸")


def test_cjk_ratio() -> None:
    assert cjk_ratio("腰痛ab") == 0.5
    assert cjk_ratio("腰 痛") == 1.0
    assert cjk_ratio("") == 0.0
    assert cjk_ratio("abc") == 0.0


def test_escaped_markup_stays_as_text():
    assert clean_line("&lt;p&gt;标签") == "<p>标签"
