"""Main content (scraper.parsing.content): the body container found on pages of any layout.

The saved pages layout-* (paragraphs, <br>, runs of divs, mixed, lists, tables, indentation) are
checked by tests/parsing/test_saved_pages.py.
"""

from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse

from scraper.items import Article
from scraper.parsing import Skip, parse_response
from scraper.parsing.content import is_comment_heading
from tests.helpers.pages import article_from_html

BASE = "http://site.test"


def test_generic_body_written_with_br_and_divs():
    page = """<html><head><title>感冒怎么办_某健康网</title></head><body>
    <div class="nav"><a href="/">首页</a> <a href="/a">疾病</a></div>
    <div id="text"><h1>感冒怎么办</h1><div class="meta">发布时间：2021-03-04 10:00</div>
    感冒是常见的上呼吸道感染，多数由病毒引起，一般一周左右可以自愈。<br>一、感冒的症状<br>
    鼻塞、流涕、咽痛，有时伴有发热和全身乏力。<br><br>二、感冒怎么办<br>
    <div>多喝水，注意休息，必要时在医生指导下用药。</div></div>
    <div class="footer">Copyright 2021</div></body></html>"""
    result = parse_response(HtmlResponse(url=BASE + "/g.html", body=page.encode("utf-8")))
    assert isinstance(result, Article)
    assert result.title == "感冒怎么办"
    assert result.site == "某健康网"
    assert result.published == "2021-03-04T10:00:00+08:00"
    assert result.body.split("\n") == [
        "感冒是常见的上呼吸道感染，多数由病毒引起，一般一周左右可以自愈。",
        "一、感冒的症状",
        "鼻塞、流涕、咽痛，有时伴有发热和全身乏力。",
        "二、感冒怎么办",
        "多喝水，注意休息，必要时在医生指导下用药。",
    ]
    assert "首页" not in result.body and "Copyright" not in result.body


def test_article_written_mostly_as_lists_is_an_article():
    page = """<html><head><meta charset="utf-8"><title>感冒了怎么办_康宁健康网</title></head><body>
    <div class="nav"><a href="/">首页</a><a href="/jb/">疾病</a></div>
    <div class="article"><h1>感冒了怎么办</h1><div class="info">发布时间：2021-01-05</div>
    <div class="content"><p>感冒大多可以自愈，但生活上需要注意以下几点：</p>
    <ul><li>多喝温水，保证充足的休息和睡眠。</li><li>饮食清淡，多吃新鲜蔬菜和水果。</li>
    <li>室内经常开窗通风，保持空气流通。</li></ul>
    <p>出现下列情况时应及时就医：</p>
    <ol><li>高热持续三天以上不退。</li><li>出现呼吸困难或胸痛。</li><li>老人和婴幼儿症状明显加重。</li></ol>
    </div></div><div class="footer">Copyright 2021 康宁健康网</div></body></html>"""
    result = parse_response(
        HtmlResponse(url="http://www.kangning.example/jb/1.html", body=page.encode()), site="generic"
    )
    assert not isinstance(result, Skip), result
    assert result.body.split("\n") == [
        "感冒大多可以自愈，但生活上需要注意以下几点：",
        "多喝温水，保证充足的休息和睡眠。",
        "饮食清淡，多吃新鲜蔬菜和水果。",
        "室内经常开窗通风，保持空气流通。",
        "出现下列情况时应及时就医：",
        "高热持续三天以上不退。",
        "出现呼吸困难或胸痛。",
        "老人和婴幼儿症状明显加重。",
    ]


ARTICLE_PARAGRAPHS = (
    "<p>高血压患者冬季要注意保暖，清晨起床动作要慢，避免血压骤然升高引起不适。</p>"
    "<p>饮食上要少盐少油，多吃蔬菜水果，每天坚持适量运动，按时服药并监测血压。</p>"
    "<p>出现头痛、胸闷、视物模糊等情况时，应及时到医院就诊，不要自行加减药量。</p>"
)
LONG_COMMENTS = "".join(
    f"<div class='item'><span>用户{n}</span><p>我父亲也有高血压，冬天早上经常头晕，后来听医生的话每天早晚测量血压，"
    f"按时吃药，少吃咸菜和腊肉，坚持散步半小时，现在血压稳定多了，分享给大家参考一下，第{n}条。</p></div>"
    for n in range(4)
)


def comment_page(comments: str) -> str:
    return (
        "<html><head><meta charset='utf-8'><title>高血压冬季注意事项_健康网</title></head><body>"
        f"<div class='main'><h1>高血压冬季注意事项</h1><div class='txt'>{ARTICLE_PARAGRAPHS}</div>{comments}</div>"
        "</body></html>"
    )


@pytest.mark.parametrize(
    "comments",
    [
        f"<div class='box'><h4>网友评论（4）</h4>{LONG_COMMENTS}</div>",  # a heading, no telling class
        f"<div class='mod'><div class='hd'><span>網友評論</span></div><div class='bd'>{LONG_COMMENTS}</div></div>",
        f"<div class='huifu-list'>{LONG_COMMENTS}</div>",  # pinyin class, no heading
        f"<section id='liuyanban'><strong>我要留言</strong>{LONG_COMMENTS}</section>",
    ],
    ids=["heading-with-count", "traditional-heading-nested", "pinyin-class", "pinyin-id-and-heading"],
)
def test_comments_longer_than_the_article_are_never_its_body(comments):
    result = article_from_html(comment_page(comments), BASE + "/c.html")
    assert "冬季要注意保暖" in result.body and "按时服药并监测血压" in result.body
    assert "我父亲也有高血压" not in result.body


@pytest.mark.parametrize("text", ["网友留言", "网友评论（12）", "評論", "全部评论 共3条", "我要评论："])
def test_comment_headings(text):
    assert is_comment_heading(text)


@pytest.mark.parametrize("text", ["评论员文章", "专家点评高血压", "高血压的症状", "相关阅读"])
def test_other_headings_are_not_comment_headings(text):
    assert not is_comment_heading(text)


def test_a_comment_heading_among_the_articles_own_blocks_does_not_exclude_the_article():
    page = (
        "<html><head><meta charset='utf-8'><title>怎样看待网上的药品评论_健康网</title></head><body>"
        "<div class='art'><h1>怎样看待网上的药品评论</h1>"
        f"{ARTICLE_PARAGRAPHS}<h3>评论</h3><p>买药前多看说明书，网上的评价只能作参考，用药请遵医嘱。</p></div>"
        "</body></html>"
    )
    result = article_from_html(page, BASE + "/d.html")
    assert "冬季要注意保暖" in result.body


SPLIT_PART = "<p>痛风急性发作时要让关节休息，抬高患肢，局部冷敷，不要热敷和按摩，以免加重肿胀和疼痛。</p>"


@pytest.mark.parametrize(
    "between",
    [
        "<div class='ad'><a href='/ad'><img src='/ad.jpg'></a></div>",
        "<figure><img src='/x.jpg'><figcaption>示意图</figcaption></figure>",
    ],
    ids=["ad", "figure"],
)
def test_a_body_split_into_sibling_blocks_keeps_all_its_parts(between):
    page = (
        "<html><head><meta charset='utf-8'><title>痛风怎么办_健康网</title></head><body><h1>痛风怎么办</h1>"
        f"<div class='art'><section class='para'>{SPLIT_PART * 3}</section>{between}"
        "<section class='para'><p>缓解以后要到风湿免疫科复诊，长期控制血尿酸，才能减少复发。</p></section></div>"
        "</body></html>"
    )
    result = article_from_html(page, BASE + "/s.html")
    assert "痛风急性发作时" in result.body and "才能减少复发" in result.body


def test_sibling_blocks_beside_much_other_text_are_not_merged():
    comment = "<p>网友：我也是痛风，医生让我少吃海鲜，多喝水，现在好多了，谢谢分享这篇文章。</p>" * 6
    page = (
        "<html><head><meta charset='utf-8'><title>痛风怎么办_健康网</title></head><body><h1>痛风怎么办</h1>"
        f"<div class='page'><div class='box'>{SPLIT_PART * 3}</div><div class='box'>{comment}</div>"
        f"{comment}</div></body></html>"
    )
    result = article_from_html(page, BASE + "/t.html")
    assert "痛风急性发作时" in result.body


@pytest.mark.parametrize("stray", ["</body></html>", "</html>", "</BODY>"])
def test_a_stray_early_end_tag_from_an_included_header_does_not_cut_the_page(stray):
    page = (
        "<html><head><meta charset='utf-8'><title>痛风怎么办_健康网</title></head><body>"
        f"<div class='top'><a href='/'>健康网</a></div>{stray}"  # the included header's own end
        f"<h1>痛风怎么办</h1><div class='art'>{SPLIT_PART * 3}</div></body></html>"
    )
    result = article_from_html(page, BASE + "/u.html")
    assert result.title == "痛风怎么办" and result.body.count("痛风急性发作时") == 3


def split_article(ad: str) -> str:
    return f"""<html><head><meta charset="utf-8"><title>睡前玩手机伤眼吗_眼科_健康网</title></head><body>
    <h1>睡前玩手机伤眼吗</h1><section class="story">
    <div class="seg"><p>关灯后盯着手机屏幕，瞳孔放大，屏幕的光集中照到视网膜上，眼睛容易干涩疲劳。</p>
    <p>长期这样还可能加重近视，影响入睡，第二天起床后眼睛发红、发胀的情况也会更多见。</p></div>
    {ad}
    <div class="seg"><p>建议睡前一小时放下手机，实在要看就打开室内灯光，把屏幕亮度调低一些。</p>
    <p>眼睛干涩时可以闭眼休息几分钟，或者用温热毛巾敷一敷，症状持续不缓解要及时就医。</p></div>
    </section><div class="footer">健康网 版权所有</div></body></html>"""


@pytest.mark.parametrize(
    "ad",
    [
        '<div id="gg_mid"><a href="/c?1"><img src="/b/1.jpg"></a><p>护眼台灯 限时特价 立即抢购</p></div>',
        '<aside><span>推广</span><a href="/c?2"><img src="/b/2.jpg"></a><p>近视手术 今日预约立减千元</p></aside>',
        '<div class="adsbygoogle-box ad"><img src="/b/3.jpg"><p>全场眼镜五折起，点击领取优惠</p></div>',
        '<div class="tuiguang"><p>蓝光眼镜 买一送一 包邮到家</p><img src="/b/4.jpg"></div>',
    ],
    ids=["pinyin-id", "labelled-aside", "ad-token", "tuiguang"],
)
def test_an_ad_between_the_parts_of_a_split_body_is_left_out_with_its_image(ad):
    result = article_from_html(split_article(ad), "http://www.yk.example/a/7.html")
    assert "瞳孔放大" in result.body and "屏幕亮度调低" in result.body
    assert not any(word in result.body for word in ("特价", "立减", "五折", "买一送一"))
    assert result.images == []


def test_a_block_merely_named_like_a_heading_or_long_is_no_ad():
    kept = (
        '<div class="head-note"><p>广告</p><p>下面这段文字是正文的一部分，长度超过一个广告位能放下的字数，'
        "所以它不会被当作广告删去，读者看得到它。这里再补充几句："
        "睡前用眼过度的人，白天也更容易觉得眼睛干、视物模糊，不妨每隔一小时远眺几分钟，给眼睛放个假。"
        "看书、写字、用电脑时，也要注意保持合适的距离和充足的照明。</p></div>"
    )
    result = article_from_html(split_article(kept), "http://www.yk.example/a/8.html")
    assert "读者看得到它" in result.body


@pytest.mark.parametrize(
    ("lead", "kept"),
    [
        ("<p class='lead'>专家提醒：秋冬季是心脑血管病高发季，高血压患者要坚持服药。</p>", True),
        ("<div id='zhaiyao'>摘要：秋冬季是心脑血管病高发季，高血压患者要坚持服药。</div>", True),
        # a lead that the body repeats stays once
        ("<div class='summary'>气温骤降时血管收缩，血压容易波动，清晨是中风的高峰时段。</div>", False),
        # a block above the body that is no lead
        ("<div class='share'>分享到：微信 微博</div>", False),
    ],
)
def test_a_lead_in_a_block_of_its_own_above_the_body_opens_the_body_once(lead, kept):
    page = (
        "<html><head><meta charset='utf-8'><title>秋冬季如何预防中风_健康频道</title></head><body>"
        f"<h1>秋冬季如何预防中风</h1><div class='main'>{lead}<div class='content'>"
        "<p>气温骤降时血管收缩，血压容易波动，清晨是中风的高峰时段。</p>"
        "<p>起床时动作要慢，醒后先在床上躺一会儿再坐起，外出注意头颈部保暖。</p>"
        "<p>出现口角歪斜、一侧肢体无力、说话不清时，要立即拨打急救电话，争取溶栓时间。</p>"
        "</div></div></body></html>"
    )
    body = article_from_html(page, "http://www.jk.example/xnxg/12.html").body
    assert body.count("气温骤降时血管收缩") == 1
    assert ("高血压患者要坚持服药" in body) is kept
    assert "分享到" not in body
    if kept:
        assert body.index("高血压患者要坚持服药") < body.index("气温骤降")
