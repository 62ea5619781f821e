"""Hidden elements and text lines (scraper.parsing.blocks): hidden copies never doubled into the body."""

from __future__ import annotations

import pytest

from scraper.items import Article
from scraper.parsing.blocks import _top_level_rules
from tests.helpers.labels import expected_record
from tests.helpers.pages import article_from_html, parsed_article, saved_page


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


ARTICLE_TEXT = (
    "<p>每年秋冬季节，儿科门诊里因为腹泻来看病的孩子明显增多，多数是病毒感染引起的。</p>"
    "<p>预防脱水最重要，可以在医生指导下口服补液盐，少量多次，不要自行给孩子用止泻药。</p>"
    "<p>如果孩子精神差、尿量减少、持续高热或者大便带血，要及时到医院就诊。</p>"
)


def hidden_page(content: str) -> Article:
    page = (
        "<html><head><meta charset='utf-8'><title>秋季腹泻怎么办_健康号</title></head><body>"
        f"<h1>秋季腹泻怎么办</h1>{content}<div class='footer'>关于我们 联系我们</div></body></html>"
    )
    result = article_from_html(page, "http://www.jk.example/s/1.html")
    return result


@pytest.mark.parametrize(
    "style",
    ["visibility: hidden;", "display:none", "opacity: 0; visibility:hidden"],
    ids=["visibility", "display", "both"],
)
def test_a_hidden_block_that_is_the_only_copy_of_the_article_is_read(style):
    found = hidden_page(f"<div id='js_content' style='{style}'>{ARTICLE_TEXT}</div><script>reveal()</script>")
    assert "儿科门诊里因为腹泻" in found.body and "要及时到医院就诊" in found.body


def test_a_hidden_copy_of_visible_text_is_still_dropped():
    found = hidden_page(f"<div class='content'>{ARTICLE_TEXT}</div><div style='display:none'>{ARTICLE_TEXT}</div>")
    assert found.body.count("儿科门诊里因为腹泻") == 1


def test_hidden_menus_and_tooltips_stay_hidden():
    menu = "".join(f"<li><a href='/c/{n}'>栏目名称第{n}个分类页面</a></li>" for n in range(12))
    found = hidden_page(
        f"<div class='content'>{ARTICLE_TEXT}<ul style='display:none'>{menu}</ul>"
        "<span style='visibility:hidden'>点击复制链接分享给好友</span></div>"
    )
    assert "栏目名称" not in found.body and "复制链接" not in found.body
