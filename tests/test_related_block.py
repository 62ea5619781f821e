"""Related-reading blocks of any layout, read as lines (scraper.parsing.related_block)."""

from __future__ import annotations

from parsel import Selector

from scraper.parsing.content import find_related_blocks
from scraper.parsing.related_block import block_entries, is_meta_line

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
