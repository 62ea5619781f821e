"""Page parsing (scraper.parsing: parse_response), offline: profiles, skips."""

from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse

from scraper.parsing import Skip, looks_truncated, parse_response
from scraper.profiles import ProfileError, profile_from_dict
from tests.helpers.pages import article_from_html, parsed_article, saved_page

BASE = "http://site.test"


def test_mobile_template_uses_the_same_profile():
    """The parser alone (auto profile) reads the mobile template like the PC one."""
    expected = saved_page("seed-mobile-duplicate").expected
    record = parsed_article("seed-mobile-duplicate", finish=False)
    assert record.title == expected["title"] == "腰椎微创手术后腰酸痛是怎么回事"
    assert record.site == expected["site"] == "乡间郎中"
    assert record.published == expected["published"] == "2020-07-14"
    assert record.canonical_url == expected["canonical_url"] == saved_page("seed-article").url
    assert record.body == expected["body"] == saved_page("seed-article").expected["body"]


def test_truncated_page_is_broken():
    body = saved_page("truncated").file.read_bytes()
    assert looks_truncated(body)
    assert not looks_truncated(saved_page("seed-article").file.read_bytes())
    result = parse_response(HtmlResponse(url=BASE + "/b.html", body=body))
    assert result == Skip("broken", "truncated HTML (no </body> or </html>)")


def test_empty_page_is_skipped():
    result = parse_response(HtmlResponse(url=BASE + "/e.html", body=b"  \n"))
    assert isinstance(result, Skip) and result.reason == "empty"


def test_unknown_profile_name_is_an_error():
    with pytest.raises(ProfileError, match="known: generic, wechat, xiangjianlangzhong"):
        parse_response(saved_page("seed-article").response(), site="nope")


OTHER_SITE = (
    "<html><head><meta charset='utf-8'><title>颈椎病怎么锻炼_骨科_安康健康网</title></head><body>"
    "<div class='pos'>当前位置：<a href='/'>首页</a> &gt; <a href='/gk/'>骨科</a></div>"
    "<div class='article'><h1>颈椎病怎么锻炼</h1><div class='content'>"
    "<p>颈椎病患者平时要注意坐姿，低头看手机的时间不宜过长，每隔一小时活动一下颈部。</p>"
    "<p>可以做米字操、耸肩运动等锻炼颈部肌肉，动作要缓慢，出现头晕手麻时要停止。</p>"
    "<p>症状严重或反复发作时应到医院骨科就诊，不要自行推拿按摩。</p>"
    "</div><div class='box'><h3>相关阅读</h3><ul><li><a href='/gk/2.html'>颈椎病会引起头晕吗</a></li>"
    "<li><a href='/gk/3.html'>落枕了怎么快速缓解</a></li></ul></div></div></body></html>"
)


def test_another_sites_article_and_content_divs_do_not_make_it_the_profiles_site():
    result = article_from_html(OTHER_SITE, "http://www.ankang.example/gk/1.html")
    assert result.site == "安康健康网"
    assert result.breadcrumbs == ["首页", "骨科"]
    assert [entry["title"] for entry in result.related] == ["颈椎病会引起头晕吗", "落枕了怎么快速缓解"]


def test_a_forced_profile_whose_selectors_find_nothing_still_gets_the_generic_fields():
    result = article_from_html(OTHER_SITE, "http://www.ankang.example/gk/1.html", site="xiangjianlangzhong")
    assert result.site == "乡间郎中"  # forced: the profile's name
    assert result.breadcrumbs == ["首页", "骨科"]  # its crumbs selector found nothing
    assert [entry["title"] for entry in result.related] == ["颈椎病会引起头晕吗", "落枕了怎么快速缓解"]


def account_page(meta: str) -> str:
    """An official-account article in the rich_media template (as saved from a browser)."""
    return (
        "<html><head><meta charset='utf-8'><title>秋冬季节如何预防流感</title></head><body>"
        "<div id='page-content'><h1 class='rich_media_title' id='activity-name'>秋冬季节如何预防流感</h1>"
        f"<div id='meta_content' class='rich_media_meta_list'>{meta}</div>"
        "<div class='rich_media_content' id='js_content'>"
        "<section><p>流感病毒主要通过飞沫传播，人多的室内场所要注意通风，外出时可以佩戴口罩。</p></section>"
        "<section><p>接种流感疫苗是最有效的预防手段，老人、儿童和慢性病患者每年秋季都应接种。</p></section>"
        "<section><p>出现高热、咳嗽、全身酸痛时要及时就医，不要自行服用抗生素。</p></section></div>"
        "<div class='rich_media_tool'>阅读 3.5万 在看 120</div></div></body></html>"
    )


@pytest.mark.parametrize(
    ("meta", "author"),
    [
        (
            "<span id='copyright_logo' class='rich_media_meta rich_media_meta_text meta_tag_text'>原创</span>"
            "<span class='rich_media_meta rich_media_meta_text'>李明</span>"
            "<span class='rich_media_meta rich_media_meta_nickname' id='profileBt'>"
            "<a href='javascript:void(0);' id='js_name'>市疾控中心健康科普</a></span>",
            "李明",
        ),
        (
            "<span class='rich_media_meta rich_media_meta_nickname' id='profileBt'>"
            "<a id='js_name'>市疾控中心健康科普</a></span>",
            None,
        ),
    ],
)
def test_an_account_article_names_the_account_as_site_and_not_as_author(meta, author):
    result = article_from_html(account_page(meta), "https://mp.weixin.qq.com/s/AbCdEf123")
    assert result.site == "市疾控中心健康科普"
    assert result.author == author
    assert result.title == "秋冬季节如何预防流感"
    assert "接种流感疫苗" in result.body and "阅读 3.5万" not in result.body


def test_a_saved_copy_of_an_account_article_on_another_host_uses_the_same_profile():
    meta = "<span id='profileBt'><a id='js_name'>社区医院健康课堂</a></span>"
    result = article_from_html(account_page(meta), "http://archive.example/2024/flu.html")
    assert result.site == "社区医院健康课堂"


def test_site_selectors_must_be_strings():
    with pytest.raises(ProfileError, match="'site' must be a string or a list of strings"):
        profile_from_dict({"name": "x", "site": 3}, "x.toml")
