"""Page metadata (scraper.parsing.metadata): canonical URL, breadcrumbs, keywords, description,
language and images, with the site profile and without (generic)."""

from __future__ import annotations

import pytest

from tests.helpers.pages import article_from_html, parsed_article, saved_page


@pytest.mark.parametrize("site", [None, "generic"])
def test_metadata_fields(site):
    """The parser alone, profile or generic path; the values are the seed article's expected ones."""
    page = saved_page("seed-article")
    expected = page.expected
    record = parsed_article("seed-article", site=site, finish=False)
    assert record.canonical_url == page.url == expected["canonical_url"]
    assert record.breadcrumbs == expected["breadcrumbs"] == ["首页", "疾病", "腰痛"]
    assert record.keywords == expected["keywords"]
    assert record.description.startswith("在进行腰椎手术以后")
    assert record.language == expected["language"]
    assert record.images == expected["images"]


def trail_page(trail: str) -> str:
    return (
        "<html><head><meta charset='utf-8'><title>过敏性鼻炎怎么办_耳鼻喉_健康网</title></head><body>"
        "<table><tr><td class='left'><a href='/a'>栏目一</a><a href='/b'>栏目二</a></td>"
        f"<td class='main'>{trail}<h1>过敏性鼻炎怎么办</h1><div class='content'>"
        "<p>过敏性鼻炎患者要尽量避开过敏原，花粉季节外出戴口罩，回家后及时清洗鼻腔。</p>"
        "<p>症状明显时可以在医生指导下使用抗组胺药或鼻用激素，不要长期自行使用减充血剂。</p>"
        "<p>平时注意锻炼身体，增强体质，室内保持通风和适宜的湿度，也能减少发作。</p>"
        "</div><div class='pager'><a href='/p'>上一篇：鼻窦炎</a></div></td></tr></table></body></html>"
    )


@pytest.mark.parametrize(
    "trail",
    [
        "<table><tr><td class='dqwz'>当前位置：<a href='/'>首页</a> &gt;&gt; <a href='/ebh/'>耳鼻喉</a> 正文</td></tr>"
        "</table>",
        "<div class='mbx'><a href='/'>首页</a> / <a href='/ebh/'>耳鼻喉</a></div>",
        "<p><span>您现在的位置：</span><a href='/'>首页</a> › <a href='/ebh/'>耳鼻喉</a></p>",
        "<div class='site-path'><a href='/'>首页</a> » <a href='/ebh/'>耳鼻喉</a></div>",
        "<div>現在位置：<a href='/'>首页</a> &gt; <a href='/ebh/'>耳鼻喉</a></div>",  # Traditional label
    ],
    ids=["table-cell", "pinyin-class", "label-in-a-span", "path-class", "traditional-label"],
)
def test_breadcrumbs_in_cells_pinyin_classes_and_traditional_labels(trail):
    result = article_from_html(trail_page(trail), "http://www.jk.example/ebh/1.html")
    assert result.breadcrumbs == ["首页", "耳鼻喉"]


@pytest.mark.parametrize(
    "trail",
    [
        "<div class='topbar'><span><a href='/'>首页</a> › <a href='/ebh/'>耳鼻喉</a> › 正文</span></div>",
        "<p class='art-nav'><a href='/'>首页</a><em>&gt;</em><a href='/ebh/'>耳鼻喉</a></p>",
        "<section><a href='/'>首页</a> → <a href='/ebh/'>耳鼻喉</a></section><div><a href='/'>首页</a></div>",
    ],
    ids=["arrows-in-a-span", "arrow-in-its-own-element", "arrows-in-an-unknown-tag"],
)
def test_links_joined_by_arrows_are_a_trail_whatever_their_class(trail):
    result = article_from_html(trail_page(trail), "http://www.jk.example/ebh/1.html")
    assert result.breadcrumbs == ["首页", "耳鼻喉"]


@pytest.mark.parametrize(
    "trail",
    [
        # The last link goes to the page itself, under another name.
        "<div class='crumbs'><a href='/'>首页</a> &gt; <a href='/ebh/'>耳鼻喉</a> &gt; <a href='1.html'>正文</a></div>",
        # The last link is the title, cut short with an ellipsis (forum engines do this).
        "<div class='nav-path'><a href='/'>首页</a> › <a href='/ebh/'>耳鼻喉</a> › "
        "<a href='/t/9'>过敏性鼻炎怎...</a></div>",
        "<p>当前位置：<a href='/'>首页</a> &gt; <a href='/ebh/'>耳鼻喉</a> &gt; <a href='/x'>过敏性鼻炎怎么办</a></p>",
    ],
    ids=["link-to-itself", "title-cut-short", "title-whole"],
)
def test_a_trail_ending_with_the_page_itself_leaves_it_out(trail):
    result = article_from_html(trail_page(trail), "http://www.jk.example/ebh/1.html#top")
    assert result.breadcrumbs == ["首页", "耳鼻喉"]


def test_a_trail_entry_that_only_begins_like_the_title_stays():
    trail = "<div class='crumbs'><a href='/'>首页</a> &gt; <a href='/gm/'>过敏</a></div>"
    assert article_from_html(trail_page(trail), "http://www.jk.example/ebh/1.html").breadcrumbs == ["首页", "过敏"]


@pytest.mark.parametrize(
    "menu",
    [
        "<div class='menu'><a href='/'>首页</a> | <a href='/ebh/'>耳鼻喉</a> | <a href='/ek/'>儿科</a></div>",
        "<div class='menu'><a href='/'>首页</a> · <a href='/ebh/'>耳鼻喉</a></div>",
        "<div class='menu'><a href='/'>首页</a><a href='/ebh/'>耳鼻喉</a></div>",
        "<h3><a href='/sj/'>手机</a><span>/</span><a href='/sm/'>数码</a></h3>",  # a category pair
    ],
    ids=["bars", "dots", "nothing", "slash-heading"],
)
def test_a_menu_is_no_trail(menu):
    assert article_from_html(trail_page(menu), "http://www.jk.example/ebh/1.html").breadcrumbs == []


@pytest.mark.parametrize(
    ("script", "published"),
    [
        ('var publish_time = "2020-07-14" || "";', "2020-07-14"),
        ("var pubtime='2021-03-05 18:20:00';", "2021-03-05T18:20:00+08:00"),
        ('var ct = "1594689120";', "2020-07-14T09:12:00+08:00"),  # a Unix timestamp, in the site's time zone
        ("window.DATA = {createTime: 1594689120};", "2020-07-14T09:12:00+08:00"),
        ('window.__STATE__ = {"detail":{"id":7,"create_time":"2020-01-15 12:10:01"}};', "2020-01-15T12:10:01+08:00"),
    ],
)
def test_dates_in_script_variables(script, published):
    page = trail_page("").replace("</body>", f"<script>{script}</script></body>")
    result = article_from_html(page, "http://www.jk.example/ebh/1.html")
    assert result.published == published
