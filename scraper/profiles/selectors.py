"""The profiles' CSS selectors, translated to XPath and compiled once, run on lxml elements.

parsel's ``Selector.css`` translates and compiles its expression on every call and wraps each
result in a new Selector: 17 calls a page were a quarter of the profile path's time. Results are
elements, or strings for ``::text`` and ``::attr(name)``.
"""

from __future__ import annotations

from functools import lru_cache

from lxml import etree
from lxml.html import HtmlElement
from parsel.csstranslator import css2xpath


@lru_cache(maxsize=1024)
def _compiled(css: str) -> etree.XPath:
    return etree.XPath(css2xpath(css), smart_strings=False)


def select(root: HtmlElement, css: str) -> list[HtmlElement | str]:
    """What ``css`` finds under ``root`` (``root`` itself included), in document order."""
    found: list[HtmlElement | str] = _compiled(css)(root)
    return found


def select_elements(root: HtmlElement, css: str) -> list[HtmlElement]:
    """The elements ``css`` finds under ``root`` (values of ``::text``/``::attr`` left out)."""
    return [item for item in select(root, css) if isinstance(item, HtmlElement)]


def first_value(root: HtmlElement, css: str) -> str:
    """The first thing ``css`` finds as a string (an element as its HTML, like parsel's ``.get()``); "" if none."""
    for item in select(root, css):
        if isinstance(item, str):
            return item
        return etree.tostring(item, method="html", encoding="unicode", with_tail=False)
    return ""
