"""Page metadata (scraper.parsing.metadata): canonical URL, breadcrumbs, keywords, description,
language and images, with the site profile and without (generic)."""

from __future__ import annotations

import pytest

from tests.helpers.pages import parsed_article, saved_page


@pytest.mark.parametrize("site", [None, "generic"])
def test_metadata_fields(site):
    """The parser alone, profile or generic path; the values are the seed article's expected ones."""
    page = saved_page("seed-article")
    expected = page.expected
    record = parsed_article("seed-article", site=site, finish=False)
    assert record.canonical_url == page.url == expected["canonical_url"]
    assert record.breadcrumbs == expected["breadcrumbs"] == ["首页", "疾病", "腰痛"]
    assert record.keywords == expected["keywords"]
    assert record.description.startswith("在进行腰椎手术以后")
    assert record.language == expected["language"]
    assert record.images == expected["images"]
