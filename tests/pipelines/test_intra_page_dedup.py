"""The intra-page de-duplication pipeline (pipelines.intra_page_dedup)."""

from __future__ import annotations

from pipelines.intra_page_dedup import IntraPageDedupPipeline
from tests.helpers.crawler import project_crawler
from tests.helpers.records import BODY, article


def test_intra_page_dedup_keeps_a_doubled_body_once():
    crawler = project_crawler()
    item = article(body="\n".join([BODY, BODY, BODY]))
    IntraPageDedupPipeline.from_crawler(crawler).process_item(item)
    assert item.body == BODY
    assert crawler.stats.get_value("dedup/intra_page_blocks") == 2 * len(BODY.split("\n"))
