"""The page's element tree, however deep the page nests: parsed whole, then cut at :data:`MAX_DEPTH` levels.

parsel parses with lxml (libxml2) and ``huge_tree`` on, which has two limits on nesting:

* libxml2 stops at 2,048 levels even with ``huge_tree`` (256 without) and drops the rest of the page: a
  template that never closes its ``<div>`` or ``<span>`` on each line loses every line after the 2,046th.
  Such a page is parsed again from its markup with the tags below :data:`MAX_DEPTH` left out
  (:func:`shallow_markup`). (html5lib, which has no depth limit, takes quadratic time in the depth: 16 s
  for 20,000 levels.)
* below that, every walk over the tree that recurses — our text lines (``blocks.element_lines``),
  trafilatura's second opinion, extruct's microdata — runs out of Python's stack (``RecursionError``)
  near 1,000 levels, and a ``RecursionError`` raised through lxml can leave one of its locks held: every
  later parse in the process then waits forever (a crawl hangs). So every tree is cut at
  :data:`MAX_DEPTH` levels, libxml2's own limit without ``huge_tree`` (browsers cut too: Blink's HTML
  parser stops nesting at 512 levels, ``kMaximumHTMLParserDOMTreeDepth``). Real pages nest fewer than
  60 levels; the cap never touches them.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from lxml import etree
from lxml.html import HtmlElement
from parsel import Selector

from scraper.parsing.blocks import INVISIBLE_TAGS

# libxml2's limit without huge_tree, taken as ours; real pages nest < 60 levels.
MAX_DEPTH = 256
# libxml2's limit with huge_tree (XML_PARSE_HUGE): a tree that reaches it lost the rest of its page.
LIBXML2_MAX_DEPTH = 2048


def html_tree(text: str) -> Selector:
    """The page's tree (a parsel Selector over lxml), its whole text kept, no deeper than :data:`MAX_DEPTH`
    (:func:`cap_depth`). A page libxml2 stopped reading at its depth limit is read from
    :func:`shallow_markup` instead."""
    selector = Selector(text=text)
    if tree_depth(selector.root) >= LIBXML2_MAX_DEPTH - 1:
        selector = Selector(text=shallow_markup(text))
    cap_depth(selector.root)
    return selector


# Elements without content (HTML's void elements) and elements whose content is text, not markup.
VOID_ELEMENTS = frozenset(
    ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr")
)
RAW_TEXT_ELEMENTS = frozenset(("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"))
_TAG_OR_COMMENT = re.compile(r"<!--|<(/?)([a-zA-Z][^\s/>]*)[^>]*>")


@lru_cache(maxsize=32)
def _end_tag(name: str) -> re.Pattern[str]:
    return re.compile(rf"</{re.escape(name)}\s*>", re.IGNORECASE)


def shallow_markup(text: str, max_depth: int = MAX_DEPTH) -> str:
    """The page's markup without the start tags that would open an element deeper than ``max_depth``
    (counting open elements the simple way: a start tag opens one, its end tag closes it and the ones
    opened after it; void elements and ``<x/>`` open none) and without their end tags; a script, style or
    other raw-text element left out goes whole. Other text, comments and the content of the raw-text
    elements kept stay as they are. One pass, linear in the text."""
    out: list[str] = []
    open_elements: list[str] = []  # never longer than max_depth
    left_out: Counter[str] = Counter()  # start tags left out and not yet closed, by name
    position = 0
    while (match := _TAG_OR_COMMENT.search(text, position)) is not None:
        out.append(text[position : match.start()])
        if match.group() == "<!--":
            end = text.find("-->", match.end())
            position = len(text) if end < 0 else end + 3
            out.append(text[match.start() : position])
            continue
        position = match.end()
        closing, name = match.group(1), match.group(2).lower()
        raw_text_end = None
        if not closing and name in RAW_TEXT_ELEMENTS:  # its content is text up to its end tag
            end_tag = _end_tag(name).search(text, position)
            raw_text_end = (len(text), len(text)) if end_tag is None else end_tag.span()
        if closing:
            if left_out[name]:
                left_out[name] -= 1
                continue
            if name in open_elements:
                del open_elements[len(open_elements) - 1 - open_elements[::-1].index(name) :]
        elif name not in VOID_ELEMENTS and not match.group().endswith("/>"):
            if len(open_elements) >= max_depth:
                if raw_text_end is not None:  # a script or style down there goes whole, as in cap_depth
                    position = raw_text_end[1]
                else:
                    left_out[name] += 1
                continue
            open_elements.append(name)
        out.append(match.group())
        if raw_text_end is not None:
            out.append(text[position : raw_text_end[0]])
            position = raw_text_end[0]
    out.append(text[position:])
    return "".join(out)


def tree_depth(root: etree._Element) -> int:
    """How many levels below ``root`` its deepest element is (``root`` alone: 0). Iterative."""
    deepest = depth = -1
    for event, _ in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def cap_depth(root: HtmlElement | etree._Element, max_depth: int = MAX_DEPTH) -> int:
    """Flatten every element at depth ``max_depth`` (``root`` is depth 0) that has child elements: the
    scripts, styles and other invisible elements below it go, then every other tag below it goes and its
    text and tail join the element's text in document order (lxml's ``strip_tags``). The text keeps its
    order; the tags below the cap are lost (a hidden block down there shows its text). Returns how many
    elements were flattened. Iterative (lxml's ``iterwalk``), so any depth works."""
    at_cap: list[etree._Element] = []
    depth = -1
    for event, el in etree.iterwalk(root, events=("start", "end")):
        if event == "end":
            depth -= 1
            continue
        depth += 1
        if depth == max_depth and len(el) and isinstance(el.tag, str):
            at_cap.append(el)
    for el in at_cap:
        etree.strip_elements(el, *INVISIBLE_TAGS, with_tail=False)
        etree.strip_tags(el, "*", etree.Comment, etree.ProcessingInstruction)
    return len(at_cap)
