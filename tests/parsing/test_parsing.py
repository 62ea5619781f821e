"""Page parsing (scraper.parsing: parse_response), offline: profiles, skips."""

from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse

from scraper.parsing import Skip, looks_truncated, parse_response
from scraper.profiles import ProfileError
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
    with pytest.raises(ProfileError, match="known: generic, xiangjianlangzhong"):
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
