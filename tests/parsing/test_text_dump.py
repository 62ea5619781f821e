"""Plain-text pages (scraper.parsing.text_dump): the seed text dump, its body and related block twice."""

from __future__ import annotations

from scraper.items import Article
from tests.helpers.pages import parse_saved, saved_page


def test_plain_text_goes_through_the_text_dump_parser():
    """The parser alone already keeps one copy of the body and the related entry."""
    record = parse_saved("seed-page-dump", finish=False)
    expected = saved_page("seed-page-dump").expected
    assert isinstance(record, Article)
    assert (record.title, record.published, record.site) == (expected["title"], expected["published"], expected["site"])
    assert record.body == expected["body"]
    assert record.related == expected["related"]
