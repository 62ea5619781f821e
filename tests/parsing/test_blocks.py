"""Hidden elements and text lines (scraper.parsing.blocks): hidden copies never doubled into the body."""

from __future__ import annotations

import pytest

from scraper.parsing.blocks import _top_level_rules
from tests.helpers.labels import expected_record
from tests.helpers.pages import parsed_article, saved_page


def assert_body_once(name: str) -> None:
    """The parser alone (before the intra-page repeats stage could hide a doubling) gives the body once;
    the finished record's title and body are the page's expected ones (tests/parsing/test_saved_pages.py)."""
    raw = parsed_article(name, finish=False)
    assert raw.body == saved_page(name).expected["body"]


def test_display_none_print_copy_is_not_in_the_body():
    assert_body_once("hidden-print-copy")


def test_print_copy_hidden_by_a_stylesheet_rule_is_not_in_the_body():
    assert_body_once("hidden-print-copy-stylesheet")


def test_noscript_copy_is_not_in_the_body():
    assert_body_once("hidden-noscript")


def test_template_copy_is_not_in_the_body():
    assert_body_once("hidden-template")


def test_hidden_textarea_copy_is_not_in_the_body():
    assert_body_once("hidden-textarea")


def test_element_with_hidden_attribute_is_not_in_the_body():
    assert_body_once("hidden-attribute")


@pytest.mark.parametrize("site", [None, "generic"])
def test_hidden_print_copy_is_not_doubled(site):
    body = parsed_article("seed-article", site=site, finish=False).body
    first_paragraph = expected_record("seed-article")["body"].split("\n")[0]
    assert body.count(first_paragraph) == 1
    assert "乡间郎中-乡间郎中" not in body and "腰椎微创手术后腰酸痛是怎么回事-乡间郎中" not in body


def test_stylesheet_rules_inside_media_blocks_hide_nothing_on_screen():
    css = ".a{display:none} @media print{.b{display:none} .c{color:red}} #d, .e {visibility: hidden} x" * 2
    assert _top_level_rules(css)[:2] == [(".a", "display:none"), ("#d, .e", "visibility: hidden")]
    assert all(selector != ".b" for selector, _ in _top_level_rules(css))
