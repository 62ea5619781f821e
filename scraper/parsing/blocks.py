"""HTML elements to text lines: one line per block element or ``<br>``, hidden parts skipped."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from cssselect import SelectorError
from lxml import etree
from lxml.html import HtmlElement

from scraper.text.normalize import clean_line, comparison_key

BLOCK_TAGS = frozenset(
    "p div section article main header footer aside nav h1 h2 h3 h4 h5 h6 li ul ol dl dt dd "
    "table thead tbody tfoot tr blockquote pre figure figcaption form hr address center "
    "fieldset details summary".split()
)
CELL_TAGS = frozenset(("td", "th"))
# Never text: scripts, styles and the templates/fallbacks a browser does not show.
INVISIBLE_TAGS = frozenset(
    ("script", "style", "noscript", "template", "textarea", "iframe", "svg", "select", "button", "object")
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_BREAK = "\x00"

Skip = Callable[[HtmlElement], bool]


def is_hidden(el: HtmlElement) -> bool:
    """True for an element a reader never sees (hidden by style or attribute)."""
    if not isinstance(el.tag, str):
        return False
    if el.tag in INVISIBLE_TAGS or el.get("hidden") is not None:
        return True
    return bool(_HIDDEN_STYLE.search(el.get("style", "")))


# Selectors a hiding rule may use here: tag, .class, #id and their simple combinations.
_SIMPLE_SELECTOR = re.compile(r"^[\w.#\s>-]+$")


def _top_level_rules(css: str) -> list[tuple[str, str]]:
    """``(selectors, declarations)`` of the rules outside any ``@media``/``@supports`` block (linear time)."""
    rules: list[tuple[str, str]] = []
    depth, prelude, declarations, in_at_block = 0, "", "", False
    for token in re.split(r"([{}])", css):
        if token == "{":
            depth += 1
            if depth == 1:
                in_at_block = prelude.lstrip().startswith("@")
                declarations = ""
        elif token == "}":
            depth = max(depth - 1, 0)
            if depth == 0:
                if not in_at_block:
                    rules.append((prelude.strip(), declarations))
                prelude, in_at_block = "", False
        elif depth == 0:
            prelude = token
        elif depth == 1:
            declarations = token
    return rules


def stylesheet_hidden(root: HtmlElement) -> set[HtmlElement]:
    """Elements hidden by a rule of the page's own ``<style>``.

    Rules inside ``@media`` are left out: a print rule hides nothing on screen.
    """
    hidden: set[HtmlElement] = set()
    for style in root.iter("style"):
        for selectors, declarations in _top_level_rules(style.text or ""):
            if not _HIDDEN_STYLE.search(declarations):
                continue
            for selector in selectors.split(","):
                selector = selector.strip()
                if not _SIMPLE_SELECTOR.match(selector) or selector in ("html", "body"):
                    continue
                try:
                    hidden.update(root.cssselect(selector))
                except (SelectorError, ValueError):
                    continue
    return hidden


# Elements with attributes that may hide them (is_hidden decides): lxml finds them (with the invisible tags,
# by iter) 4× faster than a Python loop over every element or one XPath with a self:: test per tag.
_STYLED = etree.XPath("descendant-or-self::*[@style or @hidden]")
_NEVER_REMOVED = ("head", "html", "body")


# A hidden block at least this long (characters of text) that holds paragraphs, few links, and text found
# nowhere else on the page is the page's only copy of it, hidden until a script reveals it (WeChat's
# visibility:hidden article body): a reader ends up seeing it, so it is kept. 100: a short article
# (the WeChat field report's is 189) passes; hidden tooltips and menus are shorter or link lists.
MIN_REVEALED_CHARS = 100
MIN_REVEALED_PARAGRAPHS = 2
MAX_REVEALED_LINK_SHARE = 0.3
# Characters of a hidden block's text compared with the rest of the page (three samples).
SAMPLE_CHARS = 24


def revealed_later(el: HtmlElement, page_key: str) -> bool:
    """True for a hidden block that is the only copy of an article-like text (see :data:`MIN_REVEALED_CHARS`);
    ``page_key`` is the comparison key of the whole page's text (the block's included)."""
    if el.tag in INVISIBLE_TAGS:
        return False
    length = text_length(el)
    if length < MIN_REVEALED_CHARS or link_text_length(el) > MAX_REVEALED_LINK_SHARE * length:
        return False
    paragraphs = sum(1 for p in el.iter("p", "section") if text_length(p) >= SAMPLE_CHARS)
    if paragraphs < MIN_REVEALED_PARAGRAPHS:
        return False
    key = comparison_key(el.text_content() or "")
    samples = [key[at : at + SAMPLE_CHARS] for at in (0, len(key) // 2, len(key) - SAMPLE_CHARS)]
    return all(page_key.count(sample) == 1 for sample in samples if sample)


# A wiki heading's edit link ([编辑], 编辑本段, [edit]): no part of the heading.
EDIT_LINK_TEXTS = frozenset(("编辑", "编辑本段", "編輯", "編輯本段", "edit", "[编辑]", "[edit]"))


def remove_heading_edit_links(root: HtmlElement) -> int:
    """Remove the edit links of wiki headings (MediaWiki's ``span.mw-editsection`` with its brackets, a
    link reading 编辑/编辑本段/edit), keeping their tail text; return how many."""
    doomed = []
    for heading in root.iter("h1", "h2", "h3", "h4", "h5", "h6"):
        for el in heading.iterdescendants():
            if not isinstance(el.tag, str):
                continue
            hints = element_hints(el)
            text = "".join(el.text_content().split()).lower()
            if "editsection" in hints or (el.tag == "a" and text in EDIT_LINK_TEXTS):
                doomed.append(el)
    outermost = [el for el in doomed if not any(a in doomed for a in el.iterancestors())]
    for el in outermost:
        el.drop_tree()
    return len(outermost)


def remove_hidden(root: HtmlElement) -> int:
    """Remove hidden and invisible elements (keeping their tail text); return how many.

    A hidden block that is the only copy of an article-like text stays (:func:`revealed_later`); a
    hidden copy of visible text (a print copy) goes.
    """
    by_stylesheet = stylesheet_hidden(root)
    candidates = {*root.iter(*INVISIBLE_TAGS), *_STYLED(root), *by_stylesheet}
    doomed = [el for el in candidates if el.tag not in _NEVER_REMOVED and (el in by_stylesheet or is_hidden(el))]
    big = [el for el in doomed if el.tag not in INVISIBLE_TAGS and text_length(el) >= MIN_REVEALED_CHARS]
    if big:
        body = root.find("body")
        page_key = comparison_key(_visible_text(body if body is not None else root))
        kept = {el for el in big if revealed_later(el, page_key)}
        for el in kept:  # shown as the script would show it
            el.attrib.pop("hidden", None)
            if el.get("style"):
                el.set("style", _HIDDEN_STYLE.sub("", el.get("style", "")))
        doomed = [el for el in doomed if el not in kept]
    doomed += [el for el in root.iter(etree.Comment)]
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()
    return len(doomed)


def _visible_text(el: HtmlElement) -> str:
    """The element's text less scripts, styles and the other invisible tags (hidden blocks included)."""
    return " ".join(
        text
        for node in el.iter()
        if isinstance(node.tag, str) and node.tag not in INVISIBLE_TAGS
        for text in (node.text, node.tail)
        if text
    )


def element_lines(el: HtmlElement, skip: Skip | None = None) -> list[str]:
    """The visible text of ``el`` as clean lines, one per block element or ``<br>``."""
    parts: list[str] = []
    _walk(el, parts, skip or (lambda _: False), top=True)
    return [line for line in (clean_line(p) for p in "".join(parts).split(_BREAK)) if line]


def element_hints(el: HtmlElement) -> str:
    """The element's class and id, lowercased and space-joined (``"art-title main"``), for hint words."""
    return f"{el.get('class', '')} {el.get('id', '')}".lower()


def hint_tokens(hints: str) -> set[str]:
    """The words of a class/id hint string split at anything not a letter or digit (``"d-ad gg_1"`` →
    ``{"d", "ad", "gg", "1"}``), for hints that only count as a whole word (``ad``, ``q``)."""
    return {token for token in re.split(r"[^a-z0-9]+", hints) if token}


def selected_text(found: list[HtmlElement | str]) -> str:
    """Text of what a CSS selector found: values for ``::text``/``::attr``, visible lines for elements."""
    parts = []
    for item in found:
        if isinstance(item, HtmlElement):
            parts.append(" ".join(element_lines(item)))
        else:
            parts.append(clean_line(str(item)))
    return " ".join(p for p in parts if p).strip()


def elements_lines(elements: Iterable[HtmlElement], skip: Skip | None = None) -> list[str]:
    """The lines of several elements, in order."""
    lines: list[str] = []
    for el in elements:
        lines += element_lines(el, skip)
    return lines


def _text(value: str | None) -> str:
    return value.replace("\n", " ").replace("\r", " ") if value else ""


def _walk(el: HtmlElement, parts: list[str], skip: Skip, top: bool = False) -> None:
    tag = el.tag if isinstance(el.tag, str) else None
    if tag is None or is_hidden(el) or (not top and skip(el)):
        return
    if tag == "br":
        parts.append(_BREAK)
        return
    block = tag in BLOCK_TAGS
    if block:
        parts.append(_BREAK)
    parts.append(_text(el.text))
    for child in el:
        _walk(child, parts, skip)
        parts.append(_text(child.tail))
    if block:
        parts.append(_BREAK)
    elif tag in CELL_TAGS:
        parts.append(" ")


def text_length(el: HtmlElement) -> int:
    """Characters of the element's text, whitespace left out."""
    return len(re.sub(r"\s+", "", el.text_content() or ""))


def link_text_length(el: HtmlElement) -> int:
    """Characters of the element's link text, whitespace left out."""
    return sum(text_length(a) for a in el.iter("a"))
