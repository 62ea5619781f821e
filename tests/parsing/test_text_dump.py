"""Plain-text pages (scraper.parsing.text_dump): the seed text dump, its body and related block twice."""

from __future__ import annotations

import pytest
from scrapy.http import TextResponse

from scraper.items import Article
from scraper.parsing import Skip, parse_response
from scraper.reasons import SkipReason
from tests.helpers.pages import parse_saved, saved_page
from tests.helpers.text_pages import ARTICLE_DUMP, NOT_ARTICLE_TEXTS


def test_plain_text_goes_through_the_text_dump_parser():
    """The parser alone already keeps one copy of the body and the related entry."""
    record = parse_saved("seed-page-dump", finish=False)
    expected = saved_page("seed-page-dump").expected
    assert isinstance(record, Article)
    assert (record.title, record.published, record.site) == (expected["title"], expected["published"], expected["site"])
    assert record.body == expected["body"]
    assert record.related == expected["related"]


def test_a_dumps_title_line_loses_its_site_suffix_as_an_html_title_does(tmp_path):
    dump = (
        "高血压饮食注意什么_高血压_九安健康网\n"
        "发布时间：2022-04-01 08:30\n"
        "高血压患者饮食要清淡，每天食盐不超过五克，少吃腌制食品和动物内脏。\n"
        "多吃新鲜蔬菜水果，适量吃鱼和豆制品，戒烟限酒，控制体重。\n"
    )
    result = parse_response(TextResponse(url="http://www.jiuan.example/gxy/1.txt", body=dump.encode("utf-8")))
    assert isinstance(result, Article), result
    assert (result.title, result.site) == ("高血压饮食注意什么", "九安健康网")
    assert result.published == "2022-04-01T08:30:00+08:00"
    assert result.body.startswith("高血压患者饮食要清淡")


def test_an_info_line_under_a_dumps_title_gives_date_and_author_and_leaves_the_body():
    dump = (
        "秋季腹泻怎么护理_健康网\n"
        "2022-10-08 09:30  来源：健康网  作者：吴静\n"
        "秋季是轮状病毒腹泻的高发季节，孩子腹泻后最要紧的是预防脱水，少量多次喂口服补液盐。\n"
        "饮食上继续母乳或配方奶，不要随意禁食，精神差、尿少时要及时就医。\n"
    )
    # Saved under a URL ending .html: a body without any markup is still read as a text dump.
    result = parse_response(TextResponse(url="http://www.jk.example/a/1.html", body=dump.encode("utf-8")))
    assert isinstance(result, Article), result
    assert (result.published, result.author) == ("2022-10-08T09:30:00+08:00", "吴静")
    assert result.body.startswith("秋季是轮状病毒腹泻")


@pytest.mark.parametrize("name", sorted(NOT_ARTICLE_TEXTS))
def test_a_text_page_that_does_not_read_as_an_article_is_a_non_article(name):
    response = TextResponse(url=f"http://www.jk.test/{name}", body=NOT_ARTICLE_TEXTS[name].encode("utf-8"))
    result = parse_response(response)
    assert isinstance(result, Skip), result
    assert result.reason is SkipReason.NOT_ARTICLE


def test_a_first_line_that_is_a_paragraph_is_no_title_line():
    paragraph = "高血压患者饮食要清淡，" * 10  # 100 characters
    text = f"{paragraph}\n多吃新鲜蔬菜水果，适量吃鱼和豆制品，戒烟限酒，控制体重。\n每天测量血压，按时服药。\n"
    result = parse_response(TextResponse(url="http://www.jk.test/p.txt", body=text.encode("utf-8")))
    assert isinstance(result, Skip) and result.reason is SkipReason.NOT_ARTICLE
    assert "title line" in result.detail


def test_why_a_text_page_is_no_article_is_said():
    details = {
        name: parse_response(TextResponse(url=f"http://www.jk.test/{name}", body=NOT_ARTICLE_TEXTS[name].encode()))
        for name in ("ads.txt", "keywords.txt")
    }
    assert "without a title line in Chinese" in details["ads.txt"].detail  # type: ignore[union-attr]
    assert "too little running text" in details["keywords.txt"].detail  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        ARTICLE_DUMP,
        # Traditional Chinese, no date line, a site suffix.
        "過敏性鼻炎怎麼預防｜健康雜誌\n"
        "春天花粉濃度升高，過敏性鼻炎患者常出現鼻癢、連續打噴嚏、流清水樣鼻涕等症狀。\n"
        "外出時佩戴口罩，回家後及時洗臉，可以減少花粉在鼻腔內停留。\n",
        # English terms in the title and the body.
        "HPV疫苗打几针？9价和4价怎么选\n"
        "2023-05-20\n"
        "HPV疫苗目前有2价、4价和9价三种，9价疫苗覆盖的病毒型别最多，适合9至45岁女性接种。\n"
        "接种前不需要做HPV检查，已经感染过某一型别也可以接种，疫苗仍能预防其他型别的感染。\n",
    ],
    ids=["simplified", "traditional", "english-terms"],
)
def test_chinese_text_dumps_stay_articles(text):
    result = parse_response(TextResponse(url="http://www.jk.test/a.txt", body=text.encode("utf-8")))
    assert isinstance(result, Article), result
    assert result.language == "zh" and result.body
