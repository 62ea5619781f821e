"""Bylines and info lines: who wrote an article, and the line of facts about it that is not body text.

* :func:`byline_author` reads the names after ``作者：``, ``文/``, ``撰文：``, ``记者`` in an info line
  (``发布时间：… 作者：急诊科 王建国、李敏 阅读次数：…``), up to the next label; departments and job
  titles are left out and several names become one string joined by ``、``.
* :func:`slot_author` reads a platform's author slot (``#js_author_name``, ``.author``, Discuz!'s
  ``.authi``): an element named for the author whose text is a short name.
* :func:`byline_names` keeps the person names of a name list (JSON-LD's ``author`` is read with it, in
  ``structured_data``).
* :func:`is_info_line` tells an info line from body text, so that it never stays in the body.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from scraper.parsing.blocks import element_hints
from scraper.parsing.content import is_comment_thread
from scraper.text.hanzi import simplified
from scraper.text.normalize import clean_line

# Labels that introduce the author's names, and the labels that end them (the next fact of the line).
_BYLINE = re.compile(r"(?:作者|撰文|撰稿|文|记者|通讯员|供稿|咨询|口述)\s*[:：/／]\s*|(?:^|\s)记者\s*")
_NEXT_LABEL = re.compile(
    r"(?:来源|来自|出处|发布时间|发布日期|发表时间|更新时间|时间|日期|阅读|浏览|点击|人气|责任编辑|编辑(?!部)|审核|校对|字号|"
    r"评论|分享|收藏|标签|关键词|栏目|分类|核心提示|导读|摘要|提要|简介)\s*[:：]?|(?:图|摄影|摄)\s*[/／:：]|"
    r"\d{4}\s*[-年/.]|[|｜【\[（(]"
)
# Words in a byline that are not names: job titles (a whole token) and units (a token ending so).
TITLES = frozenset(
    "主任医师 副主任医师 主治医师 住院医师 医师 医生 教授 副教授 博士 硕士 研究员 护士长 护师 药师 记者 通讯员 "
    "实习生 特约记者 编辑 主编 院长 副院长 主任 副主任 专家 营养师 心理咨询师".split()
)
UNIT_ENDINGS = ("医院", "科", "中心", "大学", "学院", "研究所", "研究院", "部", "室", "报", "网", "社", "台", "站")
_NAME_SEPARATORS = re.compile(r"\s*(?:[、，,/／;；]|\s和\s|\s)\s*")
# Bylines that name nobody.
NOBODY = frozenset("网络整理 网络 综合 综合整理 本站 本站原创 佚名 匿名 未知 管理员 admin".split())
# A self-media account's platform badge after its name: 内分泌科周医生健康领域创作者.
_PLATFORM_BADGE = re.compile(r"(?:优质)?[\u4e00-\u9fff]{2}领域创作者$")
MAX_NAME_CHARS = 20
# A token ending so is a sentence (a lead run into the byline), not a name.
SENTENCE_ENDS = ("。", "！", "？", "；", ".", "!", "?")
# Class/id words of an author slot.
SLOT_HINTS = ("author", "authi", "zuozhe", "writer", "byline")
# Labels of an info line (two of them make a short line an info line).
INFO_LABELS = (
    "发布时间", "发布日期", "发表时间", "更新时间", "时间", "日期",
    "来源", "作者", "阅读", "浏览", "点击", "编辑", "字号",
)  # fmt: skip


def _is_title(token: str) -> bool:
    """A job title alone (医师), or a unit's title (眼科醫師); not a name with a title (孙医师)."""
    if token in TITLES:
        return True
    title = next((t for t in TITLES if token.endswith(t)), None)
    return title is not None and token[: -len(title)].endswith(UNIT_ENDINGS)


def byline_names(text: str) -> str | None:
    """Person names in a byline's text joined by 、; else the organisation it names; None for nobody."""
    names: list[str] = []
    units: list[str] = []
    for raw in _NAME_SEPARATORS.split(text.strip()):
        raw = _PLATFORM_BADGE.sub("", raw.strip(" ：:"))
        token = simplified(raw)
        if not token or token in NOBODY or _is_title(token) or len(token) > MAX_NAME_CHARS:
            continue
        if any(ch.isdigit() for ch in token) or token.endswith(SENTENCE_ENDS):
            continue
        (units if token.endswith(UNIT_ENDINGS) else names).append(raw)
    return "、".join(dict.fromkeys(names)) or (units[0] if units else None)


def byline_author(line: str) -> str | None:
    """The author names of an info line or byline (``作者：王建国、李敏``, ``文/张三``), or None."""
    line = clean_line(line)
    match = _BYLINE.search(simplified(line))
    if not match:
        return None
    rest = line[match.end() :]
    end = _NEXT_LABEL.search(simplified(rest))
    return byline_names(rest[: end.start()] if end else rest)


def slot_author(root: HtmlElement, skip: set[HtmlElement]) -> str | None:
    """The first author slot's name: an element whose class/id names the author, holding a short name
    (no digits, no label), outside the ``skip`` elements (related blocks) and comment threads."""
    for el in root.iter("span", "a", "div", "em", "p", "strong", "address", "cite"):
        hints = element_hints(el)
        if not any(word in hints for word in SLOT_HINTS) or _inside(el, skip):
            continue
        if any(is_comment_thread(node) for node in el.iterancestors()):
            continue
        text = clean_line(el.text_content())
        if text and len(text) <= MAX_NAME_CHARS and not any(ch.isdigit() for ch in text) and "：" not in text:
            name = byline_author(text) or byline_names(text)
            if name:
                return name
    return None


def _inside(el: HtmlElement, ancestors: set[HtmlElement]) -> bool:
    return any(node in ancestors for node in (el, *el.iterancestors()))


def is_info_line(line: str) -> bool:
    """True for an info line (``发布时间：… 作者：… 阅读次数：…``): two labels or more, short."""
    text = simplified(line)
    return len(text) <= 120 and sum(1 for label in INFO_LABELS if label in text) >= 2 and (
        "：" in text or ":" in text
    )
