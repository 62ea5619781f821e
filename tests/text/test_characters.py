"""Characters no document may hold (scraper.text.characters): XML 1.0's excluded code points, raw or as
numeric character references, replaced; everything else untouched."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from scraper.text.characters import REPLACEMENT, storable
from tests.helpers.properties import NOT_XML, PROPERTY


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("第一行\x0b第二行", "第一行\n第二行"),  # Word's manual line break
        ("上一页\x0c下一页", "上一页\n下一页"),  # a page break
        ("正\x00文\x01内\x1f容", "正文内容"),
        ("a\ud800b\udfffc", f"a{REPLACEMENT}b{REPLACEMENT}c"),
        ("\ufffe\uffff", ""),
        ("&#11;&#xb;&#XC;&#12", "\n\n\n\n"),
        ("&#0;&#x1;&#31;&#xD800;&#55296;&#xFFFF;", f"{REPLACEMENT}{REPLACEMENT}"),
    ],
)
def test_excluded_characters_and_references_to_them_are_replaced(text, expected):
    assert storable(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "秋冬季节\t气温\r\n变化大",
        "&#9;&#10;&#13;&#32;&#x1F637;&#8220;&amp;#1;&#1114112;&#99999999999;&#",
        "😷👨‍👩‍👧\u2028\x7f\x85\U0010fffd",
    ],
)
def test_other_text_is_unchanged(text):
    assert storable(text) == text


@PROPERTY
@given(st.text(st.characters(exclude_categories=())) | st.from_regex(r"(&#x?[0-9a-fA-F]{1,7};?|[^&])*"))
def test_any_text_becomes_text_lxml_stores(text):
    """Whatever the text, lxml takes the result as a text node and parses it back unchanged."""
    result = storable(text)
    assert not NOT_XML.search(result)
    element = etree.Element("p")
    element.text = result
    assert element.text == result
    assert storable(result) == result
