"""Every saved page of ``tests/fixtures/pages/`` gives its expected record, field by field.

A page is parsed as a crawl parses it (``parse_article``; the later pages of a split article are
fetched among the saved pages) and finished by the per-item stages (``finish_item``: cleaning,
intra-page repeats, sections, validation): the record users get.
"""

from __future__ import annotations

import pytest
from itemadapter import ItemAdapter

from scraper.parsing import Skip
from tests.helpers.pages import SavedPage, parse_saved, saved_pages


@pytest.mark.parametrize("page", saved_pages(), ids=lambda page: page.name)
def test_saved_page_gives_its_expected_record(page: SavedPage) -> None:
    result = parse_saved(page.name)
    expected = dict(page.expected)
    if "skip" in expected:
        assert isinstance(result, Skip), f"{page.name}: an article, expected a skip ({expected['skip']})"
        assert result.reason == expected.pop("skip"), f"{page.name}: skip reason ({result.detail})"
        assert not expected, f"{page.name}: a skipped page has no fields"
        return
    assert not isinstance(result, Skip), f"{page.name}: {result}"
    record = ItemAdapter(result).asdict()
    for field, value in expected.items():
        assert field in record, f"{page.name}: {field} is no record field"
        assert record[field] == value, f"{page.name}: {field}"
