"""The cleaning pipeline (pipelines.cleaning), in a crawler with the project's settings."""

from __future__ import annotations

from pipelines.cleaning import CleaningPipeline
from tests.helpers.crawler import project_crawler
from tests.helpers.records import article


def test_cleaning_normalises_text_and_drops_boilerplate_and_title_repeat():
    crawler = project_crawler()
    item = article(
        title="  腰痛怎么办\u3000",
        body="腰痛怎么办：\n&nbsp;&nbsp;第一段\u3000文字\n\n[某站]独家稿件，未经授权禁止转载。\n　　第二段",
        keywords=["腰痛 ", ""],
        related=[{"title": " 相关 ", "url": None, "summary": "\xa0\xa0摘要\n\n"}],
    )
    CleaningPipeline.from_crawler(crawler).process_item(item)
    assert item.title == "腰痛怎么办"
    assert item.body == "第一段 文字\n第二段"
    assert item.keywords == ["腰痛"]
    assert item.related == [{"title": "相关", "url": None, "summary": "摘要"}]
    stats = crawler.stats.get_stats()
    assert stats["clean/boilerplate_lines"] == 1
    assert stats["clean/title_repeats"] == 1
