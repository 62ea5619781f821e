"""Unit tests for scraper.text.sections: numbered headings as a tree of sections."""

from __future__ import annotations

from typing import Any

import pytest

from scraper.items import Article
from scraper.stages import add_structure
from scraper.stats import CounterStats
from scraper.text.sections import (
    MAX_DEPTH,
    MAX_HEADING_CHARS,
    build_entry_sections,
    build_sections,
    heading_kind,
    split_heading,
    split_run_in_items,
)
from tests.helpers.labels import expected_record
from tests.helpers.records import outline


def node(
    label: str,
    number: int,
    heading: str,
    kind: str | None,
    text: str = "",
    subsections: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    return {
        "label": label,
        "number": number,
        "heading": heading,
        "kind": kind,
        "text": text,
        "subsections": subsections or [],
    }


@pytest.mark.parametrize(
    ("lines", "labels"),
    [
        (["一、腰痛的原因", "受凉", "二、腰痛的治疗", "热敷", "三、腰痛的预防", "保暖"], ["一", "二", "三"]),
        (["1、腰痛的原因", "受凉", "2、腰痛的治疗", "热敷", "3、腰痛的预防", "保暖"], ["1", "2", "3"]),
        (["（一）腰痛的原因", "受凉", "（二）腰痛的治疗", "热敷", "（三）腰痛的预防", "保暖"], ["一", "二", "三"]),
        (
            ["方法一：腰痛的原因", "受凉", "方法二：腰痛的治疗", "热敷", "方法三：腰痛的预防", "保暖"],
            ["方法一", "方法二", "方法三"],
        ),
    ],
    ids=["cn", "arabic", "paren_cn", "named"],
)
def test_flat_tree_for_each_family(lines: list[str], labels: list[str]) -> None:
    assert build_sections(lines) == [
        node(labels[0], 1, "腰痛的原因", "cause", "受凉"),
        node(labels[1], 2, "腰痛的治疗", "treatment", "热敷"),
        node(labels[2], 3, "腰痛的预防", "prevention", "保暖"),
    ]


def test_two_levels_with_text_under_the_right_node() -> None:
    lines = ["一、腰痛的原因", "正文A", "1、受凉", "正文B", "2、劳累", "正文C", "二、腰痛的治疗", "正文D"]
    assert build_sections(lines) == [
        node(
            "一",
            1,
            "腰痛的原因",
            "cause",
            "正文A",
            [
                node("1", 1, "受凉", "cause", "正文B"),
                node("2", 2, "劳累", "cause", "正文C"),
            ],
        ),
        node("二", 2, "腰痛的治疗", "treatment", "正文D"),
    ]


def test_three_levels() -> None:
    lines = [
        "一、腰痛的原因",
        "（一）外因",
        "1、受凉",
        "受凉文字",
        "2、劳累",
        "劳累文字",
        "（二）内因",
        "内因文字",
        "二、腰痛的预防",
        "预防文字",
    ]
    assert build_sections(lines) == [
        node(
            "一",
            1,
            "腰痛的原因",
            "cause",
            "",
            [
                node(
                    "一",
                    1,
                    "外因",
                    "cause",
                    "",
                    [
                        node("1", 1, "受凉", "cause", "受凉文字"),
                        node("2", 2, "劳累", "cause", "劳累文字"),
                    ],
                ),
                node("二", 2, "内因", "cause", "内因文字"),
            ],
        ),
        node("二", 2, "腰痛的预防", "prevention", "预防文字"),
    ]


def test_sublist_restarts_under_next_parent() -> None:
    lines = ["一、原因", "1、受凉", "2、劳累", "二、治疗", "1、热敷", "2、按摩"]
    assert outline(build_sections(lines)) == [
        ("一", "原因", [("1", "受凉", []), ("2", "劳累", [])]),
        ("二", "治疗", [("1", "热敷", []), ("2", "按摩", [])]),
    ]


def test_multiple_text_lines_joined_with_newline() -> None:
    sections = build_sections(["一、症状", "第一段。", "第二段。"])
    assert sections[0]["text"] == "第一段。\n第二段。"


def test_intro_paragraphs_before_first_heading_are_in_no_section() -> None:
    lines = ["引言第一段。", "引言第二段。", "一、腰痛的原因", "受凉。"]
    sections = build_sections(lines)
    assert sections == [node("一", 1, "腰痛的原因", "cause", "受凉。")]


def test_no_headings_gives_no_sections() -> None:
    assert build_sections(["普通段落。", "另一段。"]) == []
    assert build_sections([]) == []


def test_list_that_does_not_start_at_one_is_no_heading() -> None:
    assert build_sections(["二、腰痛", "正文"]) == []


def test_marker_that_does_not_continue_its_list_stays_text() -> None:
    lines = ["1、症状", "腰酸", "3、不是标题", "背痛"]
    assert build_sections(lines) == [node("1", 1, "症状", "symptom", "腰酸\n3、不是标题\n背痛")]


def test_repeated_number_stays_text() -> None:
    lines = ["1、症状", "腰酸", "1、又是一", "2、治疗"]
    assert outline(build_sections(lines)) == [("1", "症状", []), ("2", "治疗", [])]
    assert build_sections(lines)[0]["text"] == "腰酸\n1、又是一"


def test_depth_limit() -> None:
    assert MAX_DEPTH == 3
    lines = ["一、a", "（一）b", "1、c", "①d", "②e"]
    sections = build_sections(lines)
    assert outline(sections) == [("一", "a", [("一", "b", [("1", "c", [])])])]
    deepest = sections[0]["subsections"][0]["subsections"][0]
    assert deepest["text"] == "①d\n②e"


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("腰痛的原因", "cause"),
        ("腰痛是怎么回事", "cause"),
        ("腰痛的症状", "symptom"),
        ("腰痛有哪些表现", "symptom"),
        ("腰痛的诊断", "diagnosis"),
        ("需要做哪些检查", "diagnosis"),
        ("腰痛的治疗", "treatment"),
        ("治疗方法", "treatment"),
        ("腰痛怎么办", "treatment"),
        ("腰痛的预防", "prevention"),
        ("预防方法", "prevention"),  # a weak treatment word loses to a real keyword
        ("腰痛的饮食", "diet"),
        ("腰痛吃什么好", "diet"),
        ("腰椎微创手术的危害", "risk"),
        ("腰痛的并发症", "risk"),
        ("饮食原因", "cause"),  # the keyword that ends last wins
        ("吃什么可以预防", "prevention"),
        ("腰椎间盘的变化", None),
        ("", None),
    ],
)
def test_heading_kind(heading: str, kind: str | None) -> None:
    assert heading_kind(heading) == kind


def test_subsection_without_keyword_inherits_parent_kind() -> None:
    lines = ["一、腰痛的症状", "1、腰酸", "2、背痛", "3、饮食", "二、其他", "1、杂项"]
    sections = build_sections(lines)
    assert [s["kind"] for s in sections[0]["subsections"]] == ["symptom", "symptom", "diet"]
    assert sections[1]["kind"] is None
    assert sections[1]["subsections"][0]["kind"] is None


def test_inherited_kind_passes_down_two_levels() -> None:
    sections = build_sections(["一、治疗", "（一）西医", "1、手术"])
    assert sections[0]["subsections"][0]["subsections"][0]["kind"] == "treatment"


def test_long_numbered_paragraph_splits_into_heading_and_text() -> None:
    line = "1、在进行腰椎手术以后，部分患者需要进行腰椎肌肉功能锻炼，促使肌肉功能得到恢复，一些患者在手术以后长期卧床。"
    assert len(line) - 2 > MAX_HEADING_CHARS
    assert build_sections([line, "下一段。"]) == [
        node(
            "1",
            1,
            "在进行腰椎手术以后",
            None,
            "部分患者需要进行腰椎肌肉功能锻炼，促使肌肉功能得到恢复，一些患者在手术以后长期卧床。\n下一段。",
        ),
    ]


@pytest.mark.parametrize(
    ("rest", "expected"),
    [
        ("腰痛的原因", ("腰痛的原因", "")),
        ("腰痛的原因。", ("腰痛的原因", "")),
        ("腰痛的原因：", ("腰痛的原因", "")),
        ("多喝水，少吃盐。", ("多喝水，少吃盐", "")),  # short: the whole line is the heading
        ("短句，" + "后面很长的一句话" * 6, ("短句", "后面很长的一句话" * 6)),
        ("热敷：" + "用热毛巾敷在腰部" * 6, ("热敷", "用热毛巾敷在腰部" * 6)),
        ("没" * (MAX_HEADING_CHARS + 1), ("没" * (MAX_HEADING_CHARS + 1), "")),  # no clause end
    ],
)
def test_split_heading(rest: str, expected: tuple[str, str]) -> None:
    assert split_heading(rest) == expected


def test_seed_article_sections() -> None:
    expected = expected_record("seed-article")
    assert build_sections(expected["body"].split("\n")) == expected["sections"]


def test_digit_after_a_dot_is_a_marker_only_when_the_list_goes_on() -> None:
    listed = build_sections(["一、危险信号", "1.3月龄以下的婴儿发热", "2.精神萎靡"])
    assert [s["heading"] for s in listed[0]["subsections"]] == ["3月龄以下的婴儿发热", "精神萎靡"]
    decimal = build_sections(["一、用药", "1.5倍的剂量要在医生指导下使用。", "注意观察。"])
    assert decimal[0]["subsections"] == []
    assert decimal[0]["text"] == "1.5倍的剂量要在医生指导下使用。\n注意观察。"


def test_named_lists_one_after_the_other_are_siblings():
    tree = build_sections(
        [
            "原因一：受凉",
            "寒冷刺激。",
            "原因二：劳累",
            "过度疲劳。",
            "方法一：热敷",
            "每天两次。",
            "方法二：按摩",
            "轻揉。",
        ]
    )
    assert [(s["label"], [c["label"] for c in s["subsections"]]) for s in tree] == [
        ("原因一", []),
        ("原因二", []),
        ("方法一", []),
        ("方法二", []),
    ]


@pytest.mark.parametrize(
    ("rest", "heading", "text"),
    [
        ("骨关节炎：多见于五十岁以上人群，上楼时疼痛", "骨关节炎", "多见于五十岁以上人群，上楼时疼痛"),
        ("洗澡水不要太热。水温三十七度左右，少用沐浴露", "洗澡水不要太热", "水温三十七度左右，少用沐浴露"),
        ("Omega-3: 深海鱼油有助于降低甘油三酯", "Omega-3", "深海鱼油有助于降低甘油三酯"),
        ("早上7:30起床后先喝一杯温水", "早上7:30起床后先喝一杯温水", ""),  # a time, not a run-in heading
        ("多喝水，每天喝够八杯。", "多喝水，每天喝够八杯", ""),  # a comma first: today's rule (short: all heading)
        ("饮食调理：", "饮食调理", ""),  # nothing after the colon: a heading alone
    ],
)
def test_run_in_headings_end_at_their_first_colon_or_full_stop(rest, heading, text):
    assert split_heading(rest) == (heading, text)


def test_a_run_in_numbered_list_gives_short_headings_and_their_text():
    lines = ["导致头痛的原因有很多：", "1、紧张性头痛：最常见，多与压力大有关。", "2、偏头痛：常为一侧搏动性疼痛。"]
    sections = build_sections(lines)
    assert [(s["label"], s["heading"], s["text"]) for s in sections] == [
        ("1", "紧张性头痛", "最常见，多与压力大有关。"),
        ("2", "偏头痛", "常为一侧搏动性疼痛。"),
    ]


def test_a_factor_under_a_causes_heading_is_a_cause():
    lines = ["一、失眠的原因", "1、饮食因素", "晚餐过饱。", "2、环境因素", "噪音太大。", "二、饮食因素"]
    sections = build_sections(lines)
    causes, top_level_factor = sections
    assert [s["kind"] for s in causes["subsections"]] == ["cause", "cause"]
    assert top_level_factor["kind"] == "diet"  # not under a causes heading: its keyword decides


def test_an_encyclopedia_entrys_headed_parts_are_sections_without_markers():
    lines = [
        "胃炎是胃黏膜的炎症。",
        "病因",
        "幽门螺杆菌感染、饮食不规律、长期服用止痛药都可能引起。",
        "臨床表現：",  # Traditional, with a colon
        "上腹痛、饱胀、反酸。",
        "治疗",
        "1、根除幽门螺杆菌",
        "按医嘱服用四联疗法。",
        "2、保护胃黏膜",
        "并发症",
        "少数可发展为胃溃疡。",
    ]
    sections = build_entry_sections(lines)
    assert [(s["label"], s["number"], s["heading"], s["kind"]) for s in sections] == [
        (None, None, "病因", "cause"),
        (None, None, "臨床表現", "symptom"),
        (None, None, "治疗", "treatment"),
        (None, None, "并发症", "risk"),
    ]
    assert sections[0]["text"] == "幽门螺杆菌感染、饮食不规律、长期服用止痛药都可能引起。"
    assert [(s["label"], s["heading"], s["kind"]) for s in sections[2]["subsections"]] == [
        ("1", "根除幽门螺杆菌", "treatment"),
        ("2", "保护胃黏膜", "treatment"),
    ]


def test_an_entry_without_part_headings_gets_its_numbered_tree():
    assert build_entry_sections(["一、病因", "饮食不当"]) == build_sections(["一、病因", "饮食不当"])


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            ["一、头痛：多与紧张有关。", "二、失眠：入睡困难，易醒。三、便秘：多喝水，多吃蔬菜。"],
            ["一、头痛：多与紧张有关。", "二、失眠：入睡困难，易醒。", "三、便秘：多喝水，多吃蔬菜。"],
        ),
        (  # two items run in, Traditional punctuation and a half-width colon
            ["(1)咳嗽: 乾咳為主。(2)發燒: 多在夜間；(3)乏力: 全身無力。"],
            ["(1)咳嗽: 乾咳為主。", "(2)發燒: 多在夜間；", "(3)乏力: 全身無力。"],
        ),
        (  # after a plain paragraph that follows item 1
            ["1. 饮水：每天八杯。", "说明：少量多次。2. 运动：每周三次，每次半小时。"],
            ["1. 饮水：每天八杯。", "说明：少量多次。", "2. 运动：每周三次，每次半小时。"],
        ),
    ],
    ids=["cn-numerals", "parenthesised-traditional", "after-a-plain-paragraph"],
)
def test_a_numbered_item_run_into_the_previous_paragraph_gets_its_own_line(lines, expected):
    assert split_run_in_items(lines) == expected


@pytest.mark.parametrize(
    "lines",
    [
        ["1、饮食：清淡为主。每天吃3、4次水果，分量不要太大。"],  # a count, not item 3 after item 1
        ["1、饮食：清淡为主。2、运动宜适量，不要过度。"],  # no run-in heading after the marker
        ["血压要控制好。2、运动：每周三次。"],  # no list before it
        ["1、饮食：清淡为主。1、运动：每周三次。"],  # not the next number
    ],
    ids=["count", "no-heading", "no-list-yet", "not-next"],
)
def test_numbers_inside_a_paragraph_that_are_no_run_in_item_stay(lines):
    assert split_run_in_items(lines) == lines


def test_a_run_in_item_becomes_a_section_in_the_record():
    body = "导语一段。\n1、高血压：要限盐。\n2、糖尿病：要控糖；3、痛风：少吃海鲜和动物内脏。"
    item = add_structure(Article(url="http://x.example/1.html", title="慢病", body=body), CounterStats())
    assert [s["heading"] for s in item.sections] == ["高血压", "糖尿病", "痛风"]
    assert item.body.split("\n")[-1] == "3、痛风：少吃海鲜和动物内脏。"
