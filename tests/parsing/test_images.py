"""Body images (scraper.parsing.images): lazy attributes, placeholders, <noscript> copies, tokens."""

from __future__ import annotations

import pytest
from lxml.html import fragment_fromstring

from scraper.items import Article
from scraper.parsing.images import image_url, is_placeholder, looks_like_url
from tests.helpers.pages import article_from_html

BASE = "http://www.jiankang.example/a/1.html"
PARAGRAPH = "<p>春天是养肝的好时节，饮食宜清淡，少吃油腻辛辣的食物，多吃新鲜蔬菜和水果，保证充足睡眠。</p>"


def article(images: str) -> Article:
    page = (
        "<html><head><meta charset='utf-8'><title>春季养肝吃什么_健康网</title></head><body>"
        f"<h1>春季养肝吃什么</h1><div class='article-content'>{PARAGRAPH}{images}{PARAGRAPH}</div>"
        "</body></html>"
    )
    result = article_from_html(page, BASE)
    return result


def img(markup: str) -> str | None:
    return image_url(fragment_fromstring(markup), BASE)


@pytest.mark.parametrize("value", ["true", "lazy", "", "data:image/gif;base64,R0lGOD", "javascript:void(0)", "a b.jpg"])
def test_tokens_and_inline_data_are_not_urls(value):
    assert not looks_like_url(value)


@pytest.mark.parametrize(
    "value", ["/img/a.jpg", "//cdn.example/a.png", "https://x.example/p?id=3", "a.webp", "../b.gif"]
)
def test_paths_and_urls_are_urls(value):
    assert looks_like_url(value)


@pytest.mark.parametrize(
    "url",
    ["/static/image/common/none.gif", "/themes/x/images/loading.gif", "/img/blank.png", "/assets/lazy-placeholder.png",
     "/i/grey_pixel.gif", "/spacer.gif", "/img/loading2.gif", "/img/blank_1x1.png"],
)  # fmt: skip
def test_placeholder_file_names(url):
    assert is_placeholder(url)


@pytest.mark.parametrize("url", ["/image2019/09/image001_S.jpg", "/uploading_guide.png", "/photos/loading-dock.jpg"])
def test_real_images_are_not_placeholders(url):
    assert not is_placeholder(url)


def test_lazy_attributes_win_over_a_placeholder_src():
    assert img('<img src="/img/loading.gif" data-original="/up/a.jpg">') == "http://www.jiankang.example/up/a.jpg"
    assert img('<img src="x.gif" data-lazyload="/up/b.jpg" data-src="true">') == "http://www.jiankang.example/up/b.jpg"
    assert img('<img src="static/none.gif" zoomfile="data/att/c.jpg" file="data/att/c.jpg">') == (
        "http://www.jiankang.example/a/data/att/c.jpg"
    )
    assert img('<img data-src="lazy" src="/up/d.jpg">') == "http://www.jiankang.example/up/d.jpg"


def test_only_placeholders_give_no_image():
    assert img('<img src="/img/loading.gif">') is None
    assert img('<img src="/t.gif" width="1" height="1">') is None  # a tracking pixel
    assert img('<img src="data:image/png;base64,iVBORw0KGgo=">') is None


def test_page_images_take_lazy_and_noscript_copies_never_placeholders():
    found = article(
        '<p><img src="data:image/gif;base64,R0lGOD" data-original="/up/a.jpg" alt="甲"></p>'
        '<p><img src="/img/blank.gif" data-lazy="https://cdn.jiankang.example/b.png"></p>'
        '<p><img class="lazy" src="/img/grey.gif"><noscript><img src="/up/c.jpg" alt="丙"></noscript></p>'
        '<p><img src="/t.gif" width="1" height="1"></p>'
        '<noscript>请开启JavaScript以浏览完整内容</noscript>'
    )
    assert [image["url"] for image in found.images] == [
        "http://www.jiankang.example/up/a.jpg",
        "https://cdn.jiankang.example/b.png",
        "http://www.jiankang.example/up/c.jpg",
    ]
    assert found.images[2]["alt"] == "丙"
    assert "JavaScript" not in found.body  # a <noscript> with text is still hidden


def test_a_noscript_copy_of_a_lazy_image_is_one_image():
    found = article('<p><img src="/l.gif" data-lazyload="/up/x.jpg"><noscript><img src="/up/x.jpg"></noscript></p>')
    assert [image["url"] for image in found.images] == ["http://www.jiankang.example/up/x.jpg"]
