"""Page parsing (scraper.parsing: parse_response), offline: profiles, skips."""

from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse

from scraper.parsing import Skip, looks_truncated, parse_response
from scraper.profiles import ProfileError
from tests.helpers.pages import parsed_article, saved_page

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
