"""The evaluation's own checks: mojibake, a lost article, the author."""

from __future__ import annotations

from benchmarks.eval.corpus import LabeledPage
from benchmarks.eval.extractors import Prediction
from benchmarks.eval.metrics import is_mojibake, score_page

GBK_AS_LATIN1 = "高血压的症状和危害".encode("gbk").decode("latin-1")
UTF8_AS_CP1252 = "失眠怎么办".encode().decode("cp1252", errors="replace")


def page(**fields: object) -> LabeledPage:
    values: dict = dict(id="p", template="t", url="http://s.test/p.html", body=b"", headers={}, fetched_at="",
                        title="标题", published=None, with_snippets=[], without_snippets=[],
                        has_numbered_sections=False, expected={})  # fmt: skip
    return LabeledPage(**(values | fields))


def test_mojibake_is_seen_and_chinese_or_accented_text_is_not():
    assert is_mojibake(GBK_AS_LATIN1) and is_mojibake(UTF8_AS_CP1252)
    assert is_mojibake("正文里有一个\ufffd替换字符")
    assert not is_mojibake("高血压是最常见的慢性病之一，被称为无声的杀手。")
    assert not is_mojibake("Ménière 病（梅尼埃病）是一种内耳疾病，表现为眩晕、耳鸣和听力下降，常反复发作。")


def test_author_is_scored_only_where_labeled_and_lost_pages_count():
    labeled = page(author="张三、李四", author_labeled=True)
    assert score_page(labeled, Prediction(title="标题", author="张三、李四")).author is True
    assert score_page(labeled, Prediction(title="标题", author="张三")).author is False
    assert score_page(page(), Prediction(title="标题", author="张三")).author is None
    assert score_page(page(), Prediction(lost=True)).lost is True
