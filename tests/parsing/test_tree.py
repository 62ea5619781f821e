"""The page's tree (scraper.parsing.tree): read whole however deep the page nests (html5lib where libxml2
stops at 2,048 levels), then cut at MAX_DEPTH keeping its text in order; shallower trees untouched."""

from __future__ import annotations

import pytest
from lxml.html import HtmlElement, tostring

from scraper.parsing.blocks import element_lines
from scraper.parsing.tree import LIBXML2_MAX_DEPTH, MAX_DEPTH, cap_depth, html_tree, tree_depth
from tests.helpers.pages import saved_pages


def tree(body: str) -> HtmlElement:
    root: HtmlElement = html_tree(f"<html><body>{body}</body></html>").root
    return root


@pytest.mark.parametrize("levels", [MAX_DEPTH + 1, 1500, LIBXML2_MAX_DEPTH + 10, 20_000])
def test_a_deep_tree_is_cut_at_the_cap_and_keeps_its_text_in_order(levels):
    inner = "<p>前<b>粗</b>后</p><script>var x = 1;</script><!-- 注释 --><span>尾</span>"
    root = tree("<div>" * levels + "<p>开头</p>" + inner + "</div>" * levels + "<p>页脚</p>")
    assert tree_depth(root) <= MAX_DEPTH + 1
    assert element_lines(root) == ["开头前粗后尾", "页脚"]
    assert "var x" not in tostring(root, encoding="unicode")


@pytest.mark.parametrize("line", ["<div>第{}行", "<span>第{}行<br>", "<li><div>第{}行", "<table><tr><td>第{}行"])
def test_lines_that_never_close_their_tags_are_all_kept(line):
    """libxml2 alone keeps the first 2,046 of these lines and drops the rest of the page."""
    root = tree("".join(line.format(n) for n in range(3000)) + "<p>页脚</p>")
    text = " ".join(element_lines(root))
    assert all(f"第{n}行" in text for n in (0, 2045, 2046, 2999))
    assert text.endswith("页脚")


def test_trees_under_the_cap_are_untouched():
    root = tree("<div>" * (MAX_DEPTH - 3) + "<p>正文</p>" + "</div>" * (MAX_DEPTH - 3))
    before = tostring(root)
    assert cap_depth(root) == 0
    assert tostring(root) == before


def test_no_saved_page_comes_near_the_cap():
    for page in saved_pages():
        if page.file.suffix == ".html":
            root = tree(page.file.read_bytes().decode("utf-8", "replace"))
            assert tree_depth(root) < MAX_DEPTH // 2, page.name


def test_shallow_markup_leaves_out_tags_below_the_cap_only():
    from scraper.parsing.tree import shallow_markup

    page = "<div><div><div><b>深</b><script>x</script></div>字</div></div><br/><img src=a.jpg><p>尾</p>"
    assert shallow_markup(page, max_depth=2) == "<div><div>深字</div></div><br/><img src=a.jpg><p>尾</p>"
    script = "<div><script>if (a<b) { s = '<div></div><div>'; }</script><div>正文</div></div>"
    assert shallow_markup(script, max_depth=2) == script  # a script's content is no markup
    assert shallow_markup("<div><div><style>p {}", max_depth=1) == "<div>"  # unterminated, below the cap
    assert shallow_markup("<!-- <div><div> --><div>", max_depth=1) == "<!-- <div><div> --><div>"
