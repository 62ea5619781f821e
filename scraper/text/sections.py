"""The numbered sections of a body as a tree, each with a topical kind."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from scraper.text.hanzi import simplified
from scraper.text.numbering import Marker, parse_marker, parse_marker_before_digit

MAX_DEPTH = 3
# A numbered line longer than this is a paragraph: its first clause is the heading.
MAX_HEADING_CHARS = 40
_CLAUSE_END = re.compile(r"[。！？!?；;：:，,]")
# A run-in heading ends at a colon or a full stop that is the line's first clause end.
_RUN_IN_ENDS = "：:。"


def _is_run_in_end(text: str, at: int) -> bool:
    """True for a ``：``/``。`` (or ``:`` that is not part of a time like 7:30) at ``at``."""
    if text[at] not in _RUN_IN_ENDS:
        return False
    return not (text[at] == ":" and 0 < at < len(text) - 1 and text[at - 1].isdigit() and text[at + 1].isdigit())

# Kind keywords, checked against a heading; the keyword that ends last wins
# (a Chinese heading's head noun comes last: "腰痛的原因" is about causes).
KIND_KEYWORDS: dict[str, tuple[str, ...]] = {
    "cause": ("原因", "病因", "诱因", "成因", "为什么", "怎么回事", "引起", "导致"),
    "symptom": ("症状", "表现", "征兆", "信号", "体征", "特征"),
    "diagnosis": ("诊断", "检查", "鉴别", "化验", "确诊"),
    "treatment": ("治疗", "疗法", "用药", "缓解", "偏方", "护理", "康复"),
    "prevention": ("预防", "防止", "避免", "注意事项", "保健"),
    "diet": ("饮食", "食疗", "食用", "吃什么", "食物", "食谱", "忌口", "宜吃", "忌吃"),
    "risk": ("危害", "风险", "并发症", "后果", "副作用", "危险"),
}
# A heading naming a factor (饮食因素, 遗传因素) is a cause under a causes heading, whatever else it names.
CAUSE_FACTOR = "因素"
# Words that name a treatment only when no other kind's keyword is there ("预防方法" is prevention).
WEAK_TREATMENT_KEYWORDS = ("方法", "怎么办", "处理", "调理", "妙招")


def heading_kind(heading: str) -> str | None:
    """The kind a heading's keywords name, or None (Traditional headings match too)."""
    heading = simplified(heading)
    return _strongest_kind(heading, KIND_KEYWORDS) or _strongest_kind(heading, {"treatment": WEAK_TREATMENT_KEYWORDS})


def _strongest_kind(heading: str, keywords: dict[str, tuple[str, ...]]) -> str | None:
    best: tuple[int, str] | None = None
    for kind, words in keywords.items():
        for word in words:
            at = heading.rfind(word)
            if at >= 0 and (best is None or at + len(word) > best[0]):
                best = (at + len(word), kind)
    return best[1] if best else None


@dataclass
class _Node:
    marker: Marker
    heading: str
    lines: list[str] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)

    def to_dict(self, parent_kind: str | None) -> dict[str, Any]:
        kind = heading_kind(self.heading) or parent_kind
        if parent_kind == "cause" and simplified(self.heading).endswith(CAUSE_FACTOR):
            kind = "cause"  # 饮食因素 under a causes heading names a cause, not a diet
        return {
            "label": self.marker.label,
            "number": self.marker.number,
            "heading": self.heading,
            "kind": kind,
            "text": "\n".join(self.lines),
            "subsections": [child.to_dict(kind) for child in self.children],
        }


def split_heading(rest: str, line_length: int | None = None) -> tuple[str, str]:
    """Heading and inline text of a numbered line.

    A heading that runs into its text (``骨关节炎：多见于…``, ``洗澡水不要太热。水温…``) ends at the first
    ``：`` or ``。`` with text after it; otherwise a short line is all heading and a long one's first
    clause is. ``line_length`` is the whole line's length, marker included (default: the rest's).
    """
    first = _CLAUSE_END.search(rest)
    if first and _is_run_in_end(rest, first.start()) and rest[first.end() :].strip():
        return rest[: first.start()], rest[first.end() :].strip()
    if (line_length if line_length is not None else len(rest)) <= MAX_HEADING_CHARS:
        return rest.rstrip("。.！!？?；;：:，,"), ""
    match = _CLAUSE_END.search(rest)
    if not match:
        return rest, ""
    return rest[: match.start()], rest[match.end() :].strip()


def _peer_lists(current: str, new: str) -> bool:
    """Two named lists (原因一：…, 方法一：…) stand at the same level."""
    return current != new and current.startswith("named:") and new.startswith("named:")


def build_sections(lines: list[str]) -> list[dict[str, Any]]:
    """Numbered headings of a body (one paragraph a line) as a tree of sections.

    A marker family seen first at some depth keeps that depth; a marker only
    counts when it starts a list (number 1) or continues its list by one.
    """
    roots: list[_Node] = []
    stack: list[_Node] = []
    for i, line in enumerate(lines):
        marker = parse_marker(line) or _confirmed_before_digit(lines, i)
        node = _place(marker, stack, roots) if marker else None
        if node is None:
            if stack:
                stack[-1].lines.append(line)
            continue
        heading, text = split_heading(marker.rest, len(line))  # type: ignore[union-attr]
        node.heading = heading
        if text:
            node.lines.append(text)
    return [root.to_dict(None) for root in roots]


# Where an item may run into the previous paragraph: after the end of a sentence or clause.
_RUN_IN_ITEM_AFTER = re.compile(r"[。！？!?；;]\s*")
# An item run into a paragraph counts only with a run-in heading: its ``：`` within this many characters.
MAX_RUN_IN_HEADING_CHARS = 16


def split_run_in_items(lines: list[str]) -> list[str]:
    """The body's lines with each numbered item that runs into the previous paragraph (``…可以逆转的；
    5、骨质疏松：绝经后…``) on a line of its own. An item counts only when it is the next number of a
    list seen so far (its family, its number + 1) and has a run-in heading (``：`` soon after the
    marker), so that ``…共3、4次`` or a date stays where it is."""
    last: dict[str, int] = {}
    out: list[str] = []
    for line in lines:
        marker = parse_marker(line)
        if marker is not None:
            last[marker.family] = marker.number
        start = 0
        for match in _RUN_IN_ITEM_AFTER.finditer(line):
            rest = line[match.end() :]
            item = parse_marker(rest)
            if item is None or last.get(item.family) != item.number - 1:
                continue
            colon = re.search(r"[：:]", item.rest)
            if colon is None or colon.start() > MAX_RUN_IN_HEADING_CHARS or colon.start() == 0:
                continue
            out.append(line[start : match.start() + 1].strip())
            start = match.end()
            last[item.family] = item.number
        out.append(line[start:].strip())
    return [line for line in out if line]


def _confirmed_before_digit(lines: list[str], i: int) -> Marker | None:
    """``1.3月龄…`` as item 1 when the next line is item 2 of the same list (else a decimal)."""
    marker = parse_marker_before_digit(lines[i])
    if marker is None or i + 1 >= len(lines):
        return None
    following = parse_marker(lines[i + 1]) or parse_marker_before_digit(lines[i + 1])
    confirmed = following is not None and following.family == marker.family and following.number == marker.number + 1
    return marker if confirmed else None


def _place(marker: Marker, stack: list[_Node], roots: list[_Node]) -> _Node | None:
    """Put a marker's node into the tree (mutating stack/roots); None when it is no heading."""
    depth = next((i for i, n in enumerate(stack) if n.marker.family == marker.family), None)
    if depth is not None:
        if marker.number != stack[depth].marker.number + 1:
            return None
        del stack[depth:]
    elif marker.number != 1:
        return None
    elif stack and _peer_lists(stack[-1].marker.family, marker.family):
        del stack[-1]  # 原因一… then 方法一…: two lists side by side, not one inside the other
    elif len(stack) >= MAX_DEPTH:
        return None
    node = _Node(marker, marker.rest)
    (stack[-1].children if stack else roots).append(node)
    stack.append(node)
    return node


# The headed parts of a disease or drug encyclopedia entry (jbk.39.net style): each a heading line alone.
ENTRY_HEADINGS = frozenset(
    "概述 简介 疾病简介 病因 发病原因 症状 临床表现 典型症状 检查 诊断 鉴别诊断 治疗 治疗方法 预防 饮食 饮食保健 "
    "并发症 护理 预后 用法用量 不良反应 禁忌 注意事项 适应症 功能主治 成分".split()
)


def entry_heading(line: str) -> str | None:
    """The line as an entry's part heading (``病因``, ``臨床表現：``), or None."""
    text = "".join(line.split()).strip("：:")
    return text if simplified(text) in ENTRY_HEADINGS else None


def build_entry_sections(lines: list[str]) -> list[dict[str, Any]]:
    """An encyclopedia entry's headed parts as sections: ``label`` and ``number`` null (no marker), the
    kind from the heading, the text up to the next part, numbered lists inside it as subsections.
    Lines before the first part are left out (the entry's lead); no part heading: the numbered tree."""
    parts: list[tuple[str, list[str]]] = []
    for line in lines:
        heading = entry_heading(line)
        if heading is not None:
            parts.append((heading, []))
        elif parts:
            parts[-1][1].append(line)
    if not parts:
        return build_sections(lines)
    sections = []
    for heading, text in parts:
        kind = heading_kind(heading)
        subsections = build_sections(text)
        for sub in subsections:
            sub["kind"] = sub["kind"] or kind
        section = {"label": None, "number": None, "heading": heading, "kind": kind, "text": "\n".join(text)}
        sections.append({**section, "subsections": subsections})
    return sections
