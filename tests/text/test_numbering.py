"""Unit tests for scraper.text.numbering: numbering markers at the start of a line."""

from __future__ import annotations

import pytest

from scraper.text.numbering import Marker, cn_number, parse_marker


@pytest.mark.parametrize(
    ("line", "family", "label", "number", "rest"),
    [
        # Chinese numerals with 、 (or a dot)
        ("一、腰痛的原因", "cn", "一", 1, "腰痛的原因"),
        ("十二、预防", "cn", "十二", 12, "预防"),
        ("二十一、饮食", "cn", "二十一", 21, "饮食"),
        ("一.概述", "cn", "一", 1, "概述"),
        ("一、 腰痛", "cn", "一", 1, "腰痛"),
        # Chinese numerals in parentheses, full- or half-width
        ("（一）症状表现", "paren_cn", "一", 1, "症状表现"),
        ("(二)治疗方法", "paren_cn", "二", 2, "治疗方法"),
        # Arabic numerals with 、 . ．
        ("1、腰椎间盘的变化", "arabic", "1", 1, "腰椎间盘的变化"),
        ("2.腰椎承重增加", "arabic", "2", 2, "腰椎承重增加"),
        ("3．肌肉功能恢复异常", "arabic", "3", 3, "肌肉功能恢复异常"),
        ("1. 多喝水", "arabic", "1", 1, "多喝水"),
        ("10、第十条", "arabic", "10", 10, "第十条"),
        # Arabic numerals in parentheses
        ("（1）热敷", "paren_arabic", "1", 1, "热敷"),
        ("(2)按摩", "paren_arabic", "2", 2, "按摩"),
        # Circled numbers
        ("①多喝水", "circled", "①", 1, "多喝水"),
        ("② 少吃盐", "circled", "②", 2, "少吃盐"),
        ("⑳最后一条", "circled", "⑳", 20, "最后一条"),
        # Ordinals: the family carries the measure word so 第一步 and 第一点 are different lists
        ("第一、多休息", "ordinal", "第一", 1, "多休息"),
        ("第二步：热敷", "ordinal步", "第二步", 2, "热敷"),
        ("第三点，注意保暖", "ordinal点", "第三点", 3, "注意保暖"),
        ("第二十一条：附则", "ordinal条", "第二十一条", 21, "附则"),
        # Named markers: the prefix names the list
        ("方法一：热敷", "named:方法", "方法一", 1, "热敷"),
        ("原因二：受凉", "named:原因", "原因二", 2, "受凉"),
        ("方法十二：按摩", "named:方法", "方法十二", 12, "按摩"),
    ],
)
def test_markers(line: str, family: str, label: str, number: int, rest: str) -> None:
    assert parse_marker(line) == Marker(family, label, number, rest)


@pytest.mark.parametrize(
    "line",
    [
        "1.5倍的剂量",  # a decimal number
        "2.5",
        "12.5%的患者",
        "2020年",
        "2020年7月14日",
        "一些患者会出现腰酸背痛",  # 一 as a word, not a marker
        "第一是软组织痉挛",  # 第一 inside a sentence
        "三是要注意休息",
        "1 2 3",
        "普通的一段话。",
        "",
    ],
)
def test_non_markers(line: str) -> None:
    assert parse_marker(line) is None


@pytest.mark.parametrize("line", ["一、", "（一）", "(1)", "1、", "2.", "①", "第一、", "方法一：", "一、   "])
def test_marker_with_nothing_after_it(line: str) -> None:
    assert parse_marker(line) is None


@pytest.mark.parametrize("line", ["零、无", "0、无", "(0)无", "一百、太大", "十十、无效"])
def test_markers_with_invalid_numbers(line: str) -> None:
    assert parse_marker(line) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一", 1),
        ("二", 2),
        ("两", 2),
        ("九", 9),
        ("十", 10),
        ("一十", 10),
        ("十二", 12),
        ("二十", 20),
        ("二十三", 23),
        ("九十九", 99),
        ("壹", 1),
        ("拾贰", 12),
        ("零", 0),
    ],
)
def test_cn_number(text: str, expected: int) -> None:
    assert cn_number(text) == expected


@pytest.mark.parametrize("text", ["", "一二", "十十", "二十十", "二二十", "三十四五", "百", "一百", "abc", "1"])
def test_cn_number_invalid(text: str) -> None:
    assert cn_number(text) is None
