"""Page parsing on saved pages, offline: profile and generic paths, text dumps, skips."""

from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse, TextResponse

from conftest import FIXTURES, SEED, expected_record
from scraper.items import Article
from scraper.parsing import Skip, looks_truncated, parse_response

BASE = "http://site.test"
ARTICLE_URL = BASE + "/jibing/yaotong/20200714/2101.html"
PAGES = FIXTURES / "pages"


def html(path, url: str = ARTICLE_URL, **headers) -> HtmlResponse:
    return HtmlResponse(url=url, body=path.read_bytes(), headers=headers or None)


def parse(path, site: str | None = None, url: str = ARTICLE_URL) -> Article:
    result = parse_response(html(path, url), site=site)
    assert isinstance(result, Article), result
    return result


@pytest.mark.parametrize("site", [None, "generic"])
def test_hidden_print_copy_is_not_doubled(site):
    body = parse(SEED / "article.html", site).body
    first_paragraph = expected_record("article", BASE)["body"].split("\n")[0]
    assert body.count(first_paragraph) == 1
    assert "乡间郎中-乡间郎中" not in body and "腰椎微创手术后腰酸痛是怎么回事-乡间郎中" not in body


@pytest.mark.parametrize("site", [None, "generic"])
def test_related_reading_is_structured_and_not_in_body(site):
    record = parse(SEED / "article.html", site)
    assert record.related == expected_record("article", BASE)["related"]
    assert "相关阅读" not in record.body
    assert "软组织痉挛" not in record.body
    # Site-wide widgets are neither body nor related.
    assert "热门推荐" not in record.body and "腰肌劳损怎么办" not in record.body
    assert all(entry["title"] != "腰肌劳损怎么办" for entry in record.related)


@pytest.mark.parametrize("site", [None, "generic"])
def test_metadata_fields(site):
    record = parse(SEED / "article.html", site)
    assert record.canonical_url == ARTICLE_URL
    assert record.breadcrumbs == ["首页", "疾病", "腰痛"]
    assert record.keywords == ["腰椎微创手术", "腰酸痛", "腰椎间盘"]
    assert record.description.startswith("在进行腰椎手术以后")
    assert record.language == "zh"
    assert record.images == [{"url": BASE + "/uploads/2020/07/yaosuan.jpg", "alt": "腰椎微创手术后腰酸痛是怎么回事"}]


def test_mobile_template_uses_the_same_profile():
    record = parse(SEED / "mobile-duplicate.html", url=BASE + "/m/jibing/yaotong/20200714/2101.html")
    assert record.title == "腰椎微创手术后腰酸痛是怎么回事"
    assert record.site == "乡间郎中"
    assert record.published == "2020-07-14"
    assert record.canonical_url == ARTICLE_URL
    assert record.body == expected_record("article", BASE)["body"]


def test_gbk_page_is_decoded_from_its_meta_charset():
    record = parse(PAGES / "gbk-article.html", url=BASE + "/zhongcaoyao/20200615/1850.html")
    assert record.title == "蒲公英的功效与作用"
    assert "蒲公英" in record.body and "\ufffd" not in record.body
    assert record.published == "2020-06-15"


def test_page_without_a_date_has_null_published():
    record = parse(PAGES / "no-date.html", url=BASE + "/jibing/shimian.html")
    assert record.title == "失眠的原因"
    assert record.published is None


@pytest.mark.parametrize("name", ["tag-page.html", "list-page.html"])
def test_list_and_tag_pages_are_not_articles(name):
    result = parse_response(html(PAGES / name, url=BASE + "/tags/x.html"))
    assert isinstance(result, Skip) and result.reason == "not_article"


def test_truncated_page_is_broken():
    body = (PAGES / "truncated.html").read_bytes()
    assert looks_truncated(body)
    assert not looks_truncated((SEED / "article.html").read_bytes())
    result = parse_response(HtmlResponse(url=BASE + "/b.html", body=body))
    assert result == Skip("broken", "truncated HTML (no </body> or </html>)")


def test_empty_page_is_skipped():
    result = parse_response(HtmlResponse(url=BASE + "/e.html", body=b"  \n"))
    assert isinstance(result, Skip) and result.reason == "empty"


def test_plain_text_goes_through_the_text_dump_parser():
    response = TextResponse(url=BASE + "/page-dump.txt", body=(SEED / "page-dump.txt").read_bytes(), encoding="utf-8")
    record = parse_response(response)
    expected = expected_record("page-dump", BASE)
    assert isinstance(record, Article)
    assert (record.title, record.published, record.site) == (expected["title"], expected["published"], expected["site"])
    assert record.body == expected["body"]
    assert record.related == expected["related"]


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


def test_unknown_profile_name_is_an_error():
    from scraper.profiles import ProfileError

    with pytest.raises(ProfileError, match="known: generic, xiangjianlangzhong"):
        parse_response(html(SEED / "article.html"), site="nope")
