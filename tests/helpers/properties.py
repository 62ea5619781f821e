"""The settings of every property-based test (hypothesis), and hostile inputs they share.

Issue 12's acceptance: at least 300 examples per property, ``derandomize=True`` (the same examples on
every run, so a failure in CI fails again on a laptop), no example database (nothing found earlier is
replayed silently: what a property once found is kept as an explicit example beside it).
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

EXAMPLES = 300
PROPERTY = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)

# XML 1.0's excluded characters (§2.2, production Char): C0 controls but tab, LF and CR; surrogates; U+FFFE/F.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Text that has broken parsers: control characters (raw and as references, also double-escaped), lone
# surrogates, non-characters, emoji (astral, joined, with a variation selector), line separators, markup
# cut in the middle, and the characters of math text ($…$) and format strings.
HOSTILE_PIECES = (
    "\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x85", "\u2028", "\u2029",
    "\ud800", "\udfff", "\ufffe", "\uffff", "\ufeff", "\u200b",
    "😷", "👨‍👩‍👧", "❤️", "🀄", "\U0010fffd",
    "&#11;", "&#x1;", "&#0;", "&#xD800;", "&#x1F637;", "&#1114112;", "&amp;#x1;", "&#12",
    "&", "<", ">", '"', "'", "<p", "</div", "<!--", "-->", "<![CDATA[", "]]>", "<?php ?>", "</html>", "</body>",
    "<div hidden>x</div>\x0b", "<span style='display:none'>隐</span>\x0c",
    "$", "$x^$", "$\\frac{1}$", "%s", "{0}", "\\",
)  # fmt: skip
HOSTILE = st.sampled_from(HOSTILE_PIECES)
PROSE = st.sampled_from(
    [
        "秋冬季节气温变化大，老年人要注意保暖，尤其是头部、颈部和脚部。",
        "有慢性病的老人要按时服药，定期复查，出现胸闷、气短等不适时要及时就医。",
        "腰痛",
        "首页",
        "发布时间：2021-02-03 08:30",
        "作者：李晓",
        "Health tips for winter.",
        " ",
        "\n",
    ]
)
# Short text mixing prose, hostile pieces and anything hypothesis makes (surrogates included).
TEXT = st.lists(PROSE | HOSTILE | st.text(st.characters(exclude_categories=()), max_size=6), max_size=6).map("".join)


def strings(value: object) -> list[str]:
    """Every string in a JSON-like value (keys too), however deep (iterative)."""
    found: list[str] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            stack += [*item.keys(), *item.values()]
        elif isinstance(item, list | tuple):
            stack += list(item)
    return found


# Pages that raised inside parsing (issue 12 point 4), for the command line and a real crawl.
RAISED = {
    "control.html": "<div hidden>x</div>\x0b",  # a control character after a hidden element (lxml's ValueError)
    "reference.html": "<span style='display:none'>x</span>&#12;",  # the same as a character reference
    "nested.html": "<div>" * 5000 + "<p>嵌套很深的一段正文。</p>" + "</div>" * 5000,  # a RecursionError
}


SENTENCES = (
    "秋冬季节气温变化大，老年人要注意保暖，外出时戴好帽子和围巾。",
    "高血压患者每天早晚各量一次血压，记下数值，复诊时带给医生看。",
    "糖尿病人的早餐宜选粗粮和鸡蛋，少喝稀粥，饭后半小时再散步。",
    "失眠的人睡前一小时放下手机，卧室保持安静和黑暗，不喝浓茶。",
)


def article_with(piece: str, title: str = "老人秋冬保健要点", sentence: str = SENTENCES[0]) -> str:
    """An article page (UTF-8, three paragraphs of ``sentence`` either side) with ``piece`` in the middle
    of its body. Pages crawled together need different sentences (:data:`SENTENCES`), or they are
    near-duplicates of each other."""
    paragraphs = "".join(f"<p>第{n}段：{sentence}</p>" for n in range(3))
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title></head><body><h1>{title}</h1>'
        f'<div class="content">{paragraphs}{piece}{paragraphs}</div></body></html>'
    )
