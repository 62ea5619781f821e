"""Text normalisation shared by parsing and the cleaning pipeline (w3lib based)."""

from __future__ import annotations

import re

from w3lib.html import remove_tags, replace_entities

from scraper.text.characters import storable

# Python's \s already covers U+00A0 (&nbsp;), U+3000 (ideographic space) and the
# other Unicode spaces; zero-width characters and the BOM are not whitespace to
# Python but are invisible noise in scraped text.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = re.compile(r"\s+")
# Only real HTML tag names count: "HDL<LDL 且 TG>2.3" is text, not a tag.
HTML_TAGS = (
    "a",
    "b",
    "big",
    "blockquote",
    "br",
    "center",
    "code",
    "div",
    "em",
    "font",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "li",
    "ol",
    "p",
    "pre",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "tr",
    "u",
    "ul",
    "section",
    "article",
    "figure",
)
_TAG = re.compile(r"</?(?:" + "|".join(HTML_TAGS) + r")(?:\s[^<>]*)?/?>", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")


def clean_line(text: str) -> str:
    """One line of clean text: entities decoded, tags removed, whitespace collapsed, no character XML
    excludes (a decoded ``&#1;`` or a control character in the text: :func:`~scraper.text.characters.storable`)."""
    if "<" in text and _TAG.search(text):
        text = remove_tags(text, which_ones=HTML_TAGS)
    if "&" in text and _ENTITY.search(text):
        text = replace_entities(text)
    text = storable(text)
    text = _INVISIBLE.sub("", text)
    return _SPACES.sub(" ", text).strip()


def clean_lines(text: str) -> list[str]:
    """Split text on line breaks and clean each line, dropping the empty ones."""
    lines = (clean_line(line) for line in text.splitlines())
    return [line for line in lines if line]


_NOT_ALNUM = re.compile(r"[\W_]+")  # \w is str.isalnum() plus "_"


def comparison_key(text: str) -> str:
    """A form of the text for equality checks: no whitespace, no punctuation (only str.isalnum() characters)."""
    return _NOT_ALNUM.sub("", text).lower()


def cjk_ratio(text: str) -> float:
    """Share of CJK ideographs among the non-space characters of text."""
    chars = [ch for ch in text if not ch.isspace()]
    if not chars:
        return 0.0
    return sum(1 for ch in chars if "\u4e00" <= ch <= "\u9fff") / len(chars)
