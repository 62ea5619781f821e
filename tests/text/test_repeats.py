"""Unit tests for scraper.text.repeats: blocks repeated inside one page."""

from __future__ import annotations

import pytest

from scraper.text.repeats import MIN_REPEAT_CHARS, drop_repeated_blocks
from tests.helpers.labels import expected_record

SEED_BODY = expected_record("seed-article")["body"].split("\n")

LONG = "这是一段很长的重复段落，超过二十个字符，用来测试重复段落是否会被删除。"


@pytest.mark.parametrize("copies", [2, 3])
def test_seed_body_pasted_several_times_keeps_one_copy(copies: int) -> None:
    assert drop_repeated_blocks(SEED_BODY * copies) == SEED_BODY


def test_body_pasted_twice_with_title_line_between_copies() -> None:
    # As in the seed text dump: the second copy starts with the <title> line.
    blocks = [*SEED_BODY, "腰椎微创手术后腰酸痛是怎么回事-乡间郎中", *SEED_BODY]
    assert drop_repeated_blocks(blocks) == [*SEED_BODY, "腰椎微创手术后腰酸痛是怎么回事-乡间郎中"]


def test_short_lines_pasted_twice_keep_one_copy() -> None:
    assert drop_repeated_blocks(["腰痛", "原因", "治疗", "腰痛", "原因", "治疗"]) == ["腰痛", "原因", "治疗"]


def test_short_line_repeating_alone_is_kept() -> None:
    blocks = ["一、腰痛的原因", "饮食", "少吃辛辣。", "二、腰痛的治疗", "饮食", "多喝水。"]
    assert drop_repeated_blocks(blocks) == blocks


def test_long_single_repeated_paragraph_is_dropped() -> None:
    assert len(LONG) >= MIN_REPEAT_CHARS
    blocks = ["开头的段落。", LONG, "中间的其他内容，不重复。", LONG, "结尾。"]
    assert drop_repeated_blocks(blocks) == ["开头的段落。", LONG, "中间的其他内容，不重复。", "结尾。"]


def test_min_chars_argument() -> None:
    blocks = ["腰痛", "中间", "腰痛"]
    assert drop_repeated_blocks(blocks) == blocks
    assert drop_repeated_blocks(blocks, min_chars=2) == ["腰痛", "中间"]


def test_copies_differing_only_in_whitespace_and_punctuation_are_repeats() -> None:
    variant = LONG.replace("，", ",").replace("。", " ")
    assert drop_repeated_blocks([LONG, "其他内容。", variant]) == [LONG, "其他内容。"]


def test_order_preserved_and_first_copy_kept() -> None:
    blocks = ["甲", "乙", LONG, "丙", "丁", LONG, "戊"]
    assert drop_repeated_blocks(blocks) == ["甲", "乙", LONG, "丙", "丁", "戊"]


def test_no_repeats_unchanged() -> None:
    assert drop_repeated_blocks(SEED_BODY) == SEED_BODY
    assert drop_repeated_blocks([]) == []
