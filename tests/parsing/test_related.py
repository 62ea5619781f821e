"""Related reading (scraper.parsing.related): entries and headings, blocks of any layout, whole pages."""

from __future__ import annotations

import pytest
from parsel import Selector

from scraper.items import Article
from scraper.parsing.related import block_entries, find_related_blocks, is_meta_line, is_related_heading, make_entry
from tests.helpers.labels import expected_record
from tests.helpers.pages import article_from_html, parsed_article

TITLE = "腰突然直不起来是怎么回事"
URL = "http://127.0.0.1:8000/jibing/yaotong/20200713/2086.html"


@pytest.mark.parametrize(
    "summary_lines",
    [
        [f"{TITLE}:", "正文第一段"],
        [f"{TITLE}：", "正文第一段"],
        [TITLE, "正文第一段"],
        [f"  {TITLE} ：", "正文第一段"],
        ["", f"{TITLE}:", "正文第一段"],  # empty lines do not count
    ],
)
def test_summary_loses_leading_title_line(summary_lines: list[str]) -> None:
    assert make_entry(TITLE, URL, summary_lines) == {"title": TITLE, "url": URL, "summary": "正文第一段"}


@pytest.mark.parametrize(
    "first_line",
    [f"{TITLE}：正文第一段", f"{TITLE}:正文第一段", f"{TITLE}： 正文第一段"],
)
def test_summary_loses_title_prefix_on_same_line(first_line: str) -> None:
    entry = make_entry(TITLE, None, [first_line, "第二段"])
    assert entry["summary"] == "正文第一段\n第二段"


def test_summary_keeps_text_that_merely_starts_like_the_title() -> None:
    entry = make_entry("腰突然", None, ["腰突然直不起来常见于着凉"])
    assert entry["summary"] == "腰突然直不起来常见于着凉"


def test_summary_title_not_at_start_is_kept() -> None:
    entry = make_entry(TITLE, None, [f"关于{TITLE}：正文"])
    assert entry["summary"] == f"关于{TITLE}：正文"


@pytest.mark.parametrize(
    "summary_lines",
    [[], [""], ["  ", "&nbsp;", "\u3000"], [f"{TITLE}:"], [TITLE], [f"{TITLE}："]],
)
def test_summary_none_when_empty(summary_lines: list[str]) -> None:
    assert make_entry(TITLE, URL, summary_lines)["summary"] is None


def test_title_and_summary_are_cleaned() -> None:
    entry = make_entry(f"  <a>{TITLE}</a>&nbsp;", None, ["\u3000\u3000第一段 ", "", "第二段\u200b"])
    assert entry == {"title": TITLE, "url": None, "summary": "第一段\n第二段"}


def test_seed_related_entry() -> None:
    expected = expected_record("seed-article")["related"][0]
    lines = [f"{expected['title']}:", *expected["summary"].split("\n")]
    assert make_entry(expected["title"], expected["url"], lines) == expected


@pytest.mark.parametrize(
    "text",
    [
        "相关阅读",
        "相关文章",
        "延伸阅读",
        "推荐阅读",
        "相关推荐",
        "相关内容",
        "相关链接",
        "腰椎微创手术后腰酸痛是怎么回事相关阅读",
        "  相关阅读  ",
        "相关阅读：",
        "相关阅读>>",
    ],
)
def test_related_headings(text: str) -> None:
    assert is_related_heading(text)


@pytest.mark.parametrize(
    "text",
    [
        "热门推荐",
        "猜你喜欢",
        "热门文章",
        "阅读",
        "",
        "相关阅读" + "很长的正文" * 15,  # a long line is a paragraph, not a heading
    ],
)
def test_not_related_headings(text: str) -> None:
    assert not is_related_heading(text)


# --- related-reading blocks of any layout, read as lines

BASE = "http://www.h.example/jkkp/202204/t1.html"


def entries(html: str) -> list[dict]:
    root = Selector(text=f"<html><body>{html}</body></html>").root
    blocks = find_related_blocks(root)
    assert len(blocks) == 1
    return block_entries(blocks[0], BASE)


def test_date_before_the_title_is_metadata():
    got = entries(
        '<div class="xgwz"><div><span>相关文章</span></div><ul>'
        '<li><span>2022-04-09</span><a href="./t2.html">花粉过敏季，这些误区要避开</a></li>'
        '<li><span>2022-03-25</span><a href="../202203/t3.html">过敏性结膜炎的防治要点</a></li></ul></div>'
    )
    assert got == [
        {"title": "花粉过敏季，这些误区要避开", "url": "http://www.h.example/jkkp/202204/t2.html", "summary": None},
        {"title": "过敏性结膜炎的防治要点", "url": "http://www.h.example/jkkp/202203/t3.html", "summary": None},
    ]


def test_table_block_with_heading_cell():
    got = entries(
        '<table class="xglj"><tr><td colspan="2">相关链接</td></tr>'
        '<tr><td><img src="dot.gif"></td><td><a href="/a/1.html">胃镜检查前后需要注意什么</a></td></tr>'
        '<tr><td><img src="dot.gif"></td><td><a href="/a/2.html">慢性胃炎会发展成胃癌吗</a></td></tr></table>'
    )
    assert [e["title"] for e in got] == ["胃镜检查前后需要注意什么", "慢性胃炎会发展成胃癌吗"]
    assert got[0]["url"] == "http://www.h.example/a/1.html"


def test_feed_entries_keep_excerpts_and_drop_metadata_and_buttons():
    got = entries(
        '<div class="feed"><h3>相关推荐</h3>'
        '<div class="item"><a href="/a/1.html"><img src="x.jpg"></a>'
        '<a href="/a/1.html">每天一杯酸奶，肠道真的会变好吗</a>'
        "<p>酸奶中的益生菌能否活着到达肠道，与菌株和储存条件有关。</p><p>营养师李悦 · 12评论 · 3天前</p></div>"
        '<div class="item"><a href="/a/2.html">空腹血糖6.5算高吗</a><p>糖友之家 2.4万阅读</p></div>'
        '<a class="more" href="#">加载更多</a></div>'
    )
    assert got == [
        {
            "title": "每天一杯酸奶，肠道真的会变好吗",
            "url": "http://www.h.example/a/1.html",
            "summary": "酸奶中的益生菌能否活着到达肠道，与菌株和储存条件有关。",
        },
        {"title": "空腹血糖6.5算高吗", "url": "http://www.h.example/a/2.html", "summary": None},
    ]


def test_meta_lines():
    for line in ("2020-04-30", "李静 · 2.4万阅读", "营养师李悦12评论2023-05-12", "3天前", "加载更多", "查看更多>>"):
        assert is_meta_line(line), line
    assert not is_meta_line("酸奶中的益生菌能否活着到达肠道，与菌株和储存条件有关。")


# --- related reading on whole pages (each page's related entries are checked by tests/parsing/test_saved_pages.py)


@pytest.mark.parametrize("site", [None, "generic"])
def test_related_reading_is_structured_and_not_in_body(site):
    record = parsed_article("seed-article", site=site, finish=False)
    assert record.related == expected_record("seed-article")["related"]
    assert "相关阅读" not in record.body
    assert "软组织痉挛" not in record.body
    # Site-wide widgets are neither body nor related.
    assert "热门推荐" not in record.body and "腰肌劳损怎么办" not in record.body
    assert all(entry["title"] != "腰肌劳损怎么办" for entry in record.related)


def test_hot_guess_and_rank_widgets_are_neither_body_nor_related():
    body = parsed_article("related-widgets").body
    for widget_text in (
        "热门推荐",
        "秋冬进补的五个误区",
        "猜你喜欢",
        "早上起床腰疼是什么原因",
        "本周排行",
        "吃什么可以补钙最快",
    ):
        assert widget_text not in body


def test_traditional_yanshen_yuedu_is_related():
    body = parsed_article("traditional-big5").body
    assert "延伸閱讀" not in body and "鼻塞睡不好怎麼辦" not in body


def flat_page(rows: str) -> Article:
    page = (
        "<html><head><meta charset='utf-8'><title>冬季如何预防感冒_健康频道</title></head><body>"
        "<h1>冬季如何预防感冒</h1><div class='text'>"
        "<p>冬季气温低，感冒高发，要注意保暖，根据天气及时增减衣物，避免受凉。</p>"
        "<p>勤洗手、多通风，尽量少去人员密集的场所，必要时佩戴口罩。</p>"
        "<p>平时坚持锻炼，保证充足睡眠，饮食均衡，才能增强抵抗力。</p>"
        f"{rows}<p class='editor'>（责编：王小明）</p></div></body></html>"
    )
    result = article_from_html(page, "http://health.jk.example/n/1.html")
    return result


@pytest.mark.parametrize(
    "heading", ["<p><strong>相关报道</strong></p>", "<h4>更多阅读：</h4>", "<div><b>更多报道</b></div>"]
)
def test_a_heading_and_link_paragraphs_among_the_articles_own_are_related_reading(heading):
    found = flat_page(
        f"{heading}<p><a href='/n/2.html'>失眠怎么办</a></p><p><a href='/n/3.html'>鼻炎和感冒怎么区分</a></p>"
    )
    assert [(r["title"], r["url"]) for r in found.related] == [
        ("失眠怎么办", "http://health.jk.example/n/2.html"),  # five characters is a title
        ("鼻炎和感冒怎么区分", "http://health.jk.example/n/3.html"),
    ]
    assert "冬季气温低" in found.body and "勤洗手" in found.body
    assert "失眠怎么办" not in found.body and "报道" not in found.body and "阅读" not in found.body


def test_a_related_heading_followed_by_prose_swallows_nothing():
    found = flat_page("<p><strong>相关报道</strong></p><p>以上内容由健康频道整理，仅供参考，具体请遵医嘱。</p>")
    assert found.related == []
    assert "冬季气温低" in found.body
