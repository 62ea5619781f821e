"""Decoding pages (scraper.parsing.encoding): declared, undeclared and wrongly declared charsets.

Each page's title, site and body are checked by tests/parsing/test_saved_pages.py; here, that the
saved bytes are what the test is about and that nothing was decoded into U+FFFD.
"""

from __future__ import annotations

import pytest

from scraper.items import Article
from tests.helpers.pages import article_from_html, parsed_article, saved_page


def page_bytes(name: str) -> bytes:
    return saved_page(name).file.read_bytes()


def assert_no_replacement_character(article: Article) -> None:
    assert "\ufffd" not in article.body + (article.title or "") + (article.site or "")


@pytest.mark.parametrize(
    ("name", "declared"),
    [
        ("enc-utf8-meta", b'<meta charset="utf-8">'),
        ("enc-gbk-http-equiv", b'http-equiv="Content-Type" content="text/html; charset=gbk"'),
        ("enc-big5-meta", b'<meta charset="big5">'),
        ("enc-utf8-wrong-gb2312-meta", b'<meta charset="gb2312">'),  # a wrong declaration
        ("enc-big5-wrong-utf8-meta", b'<meta charset="utf-8">'),  # a wrong declaration
    ],
)
def test_pages_declared_in_their_markup_decode_cleanly(name, declared):
    assert declared in page_bytes(name)
    assert_no_replacement_character(parsed_article(name))


def test_gb2312_declared_only_in_the_http_header():
    assert b"charset" not in page_bytes("enc-gb2312-header-only")
    assert saved_page("enc-gb2312-header-only").meta["headers"] == {"Content-Type": "text/html; charset=gb2312"}
    assert_no_replacement_character(parsed_article("enc-gb2312-header-only"))


def test_utf8_with_a_bom_and_no_declaration():
    body = page_bytes("enc-utf8-bom")
    assert body.startswith(b"\xef\xbb\xbf") and b"charset" not in body
    assert_no_replacement_character(parsed_article("enc-utf8-bom"))


def test_gb18030_with_characters_gbk_lacks():
    assert b'<meta charset="gb18030">' in page_bytes("enc-gb18030-meta")
    article = parsed_article("enc-gb18030-meta")
    assert (
        article.body.split("\n")[0]
        == "地包天在医学上称为反\U0002c317，是指下前牙咬在上前牙的外面，是儿童常见的错\U0002c317畸形之一。"
    )
    assert "\ufffd" not in article.body


def test_gbk_without_any_declaration():
    assert b"charset" not in page_bytes("enc-gbk-no-declaration")
    article = parsed_article("enc-gbk-no-declaration")
    assert article.body.split("\n")[-1] == "正在感冒发热、身体有炎症或者腹泻的人，暂时不宜食用枸杞子。"
    assert "\ufffd" not in article.body


def test_gbk_page_is_decoded_from_its_meta_charset():
    """The parser alone (auto profile): the title and date right, the body decoded."""
    expected = saved_page("gbk-article").expected
    record = parsed_article("gbk-article", finish=False)
    assert record.title == expected["title"]
    assert "蒲公英" in record.body and "\ufffd" not in record.body
    assert record.published == expected["published"]


def latin_declared(body: str, encoding: str, declared: str, where: str) -> Article:
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={declared}">' if where == "meta" else ""
    page = (
        f"<html><head>{meta}<title>{body[:8]}_健康网</title></head><body><h1>{body[:8]}</h1>"
        f"<div class='content'><p>{body}</p><p>{body[::-1]}</p><p>{body[5:]}</p></div></body></html>"
    )
    headers = {"Content-Type": f"text/html; charset={declared}"} if where == "header" else {}
    return article_from_html(page, "http://www.jk.example/1.html", encoding=encoding, headers=headers)


CHINESE = "糖尿病人可以吃水果，但要选含糖量低的，每天控制在二百克左右，两餐之间吃更好。"
TRADITIONAL = "糖尿病人可以吃水果，但要選含糖量低的，每天控制在二百克左右，兩餐之間吃更好。"


@pytest.mark.parametrize(
    ("text", "encoding", "declared", "where"),
    [
        (CHINESE, "gbk", "iso-8859-1", "meta"),
        (CHINESE, "gb2312", "windows-1252", "header"),
        (TRADITIONAL, "big5", "latin1", "meta"),
    ],
)
def test_chinese_bytes_declared_latin_are_decoded_as_chinese(text, encoding, declared, where):
    found = latin_declared(text, encoding, declared, where)
    assert text in found.body
    assert_no_replacement_character(found)


def test_a_latin_page_declared_latin_stays_latin():
    page = (
        '<html><head><meta charset="iso-8859-1"><title>Café au lait and health</title></head><body>'
        "<h1>Café au lait and health</h1><div class='content'>"
        "<p>A café au lait with semi-skimmed milk is a good source of calcium; señors and naïve drinkers alike "
        "should keep sugar low and drink water too, as the Société de nutrition advises.</p></div></body></html>"
    )
    result = article_from_html(page, "http://www.health.example/cafe.html", encoding="latin-1")
    assert "café au lait" in result.body and "Société" in result.body
