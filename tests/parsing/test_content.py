"""Main content (scraper.parsing.content): the body container found on pages of any layout.

The saved pages layout-* (paragraphs, <br>, runs of divs, mixed, lists, tables, indentation) are
checked by tests/parsing/test_saved_pages.py.
"""

from __future__ import annotations

from scrapy.http import HtmlResponse

from scraper.items import Article
from scraper.parsing import Skip, parse_response

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
