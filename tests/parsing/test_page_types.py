"""Kinds of page (scraper.parsing.page_types): article, qa, encyclopedia, forum_thread."""

from __future__ import annotations

import pytest

from scraper.items import PAGE_TYPES, Article
from scraper.stages import finish_item
from scraper.stats import CounterStats
from tests.helpers.pages import article_from_html

PROSE = (
    "<p>胃痛的原因很多，常见的有胃炎、胃溃疡、功能性消化不良等，饮食不规律也会引起。</p>"
    "<p>平时要按时吃饭，少吃辛辣刺激的食物，戒烟限酒，胃痛反复发作要及时就医。</p>"
    "<p>如果出现黑便、呕血或者体重明显下降，要尽快到医院消化科做胃镜检查。</p>"
)


def parsed(url: str, head: str, body: str) -> Article:
    page = f"<html><head><meta charset='utf-8'><title>胃痛怎么办_健康网</title>{head}</head><body>{body}</body></html>"
    result = article_from_html(page, url)
    assert result.page_type in PAGE_TYPES
    return result


def test_a_plain_article():
    found = parsed("http://www.jk.example/a/1.html", "", f"<h1>胃痛怎么办</h1><div class='content'>{PROSE}</div>")
    assert found.page_type == "article"


def test_comment_areas_named_post_do_not_make_a_forum():
    body = f"<h1>胃痛怎么办</h1><div class='content'>{PROSE}</div><div id='post_comment_area'>评论</div>"
    assert parsed("http://www.jk.example/a/2.html", "", body).page_type == "article"


@pytest.mark.parametrize(
    ("url", "head", "body"),
    [
        ("http://bbs.jk.example/read.php?tid=88", "<meta name='generator' content='phpwind 9.0'>", ""),
        ("http://bbs.jk.example/t/5.html", "", "<div id='postmessage_1201'></div>"),
        ("https://tieba.baidu.com/p/7712345", "", ""),
    ],
    ids=["generator", "post-markup", "tieba-url"],
)
def test_forum_threads(url, head, body):
    found = parsed(url, head, f"<h1>胃痛怎么办</h1><div class='t_f'>{PROSE}</div>{body}")
    assert found.page_type == "forum_thread"


def test_a_qa_page_by_json_ld_with_the_question_description_first():
    head = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"QAPage"}</script>'
    body = (
        "<h1>胃痛怎么办</h1><div class='question-detail'><p>最近一周饭后总是胃痛，吃了胃药也不见好，怎么办？</p></div>"
        f"<div class='answer-list'><div class='answer-text'>{PROSE}</div></div>"
    )
    found = parsed("http://ask.jk.example/q/1.html", head, body)
    assert found.page_type == "qa"
    assert found.body.split("\n")[0] == "最近一周饭后总是胃痛，吃了胃药也不见好，怎么办？"
    assert "胃痛的原因很多" in found.body


def test_a_qa_page_by_its_markup():
    body = f"<h1>胃痛怎么办</h1><div class='wenti'>饭后胃痛</div><div class='huida'>{PROSE}</div>"
    assert parsed("http://www.jk.example/wenda/3.html", "", body).page_type == "qa"


def test_a_disease_encyclopedia_entry():
    parts = "".join(
        f"<h3>{heading}</h3><p>{heading}：胃炎是胃黏膜的炎症，与幽门螺杆菌感染、饮食不规律、长期服药等有关。</p>"
        for heading in ("病因", "症状", "检查", "治疗", "预防")
    )
    found = parsed("http://jbk.jk.example/weiyan/", "", f"<h1>胃炎</h1><div class='intro'>{parts}</div>")
    assert found.page_type == "encyclopedia"


def test_an_article_with_a_few_plain_headings_stays_an_article():
    parts = "".join(f"<h3>{h}</h3>{PROSE}" for h in ("病因", "治疗"))
    found = parsed("http://www.jk.example/a/9.html", "", f"<h1>胃痛怎么办</h1><div class='content'>{parts}</div>")
    assert found.page_type == "article"


def test_an_encyclopedia_entry_record_has_its_parts_as_sections():
    parts = "".join(
        f"<h3>{heading}</h3><p>胃炎是胃黏膜的炎症，与幽门螺杆菌感染、饮食不规律、长期服药等有关，需要规范治疗。</p>"
        for heading in ("病因", "症状", "检查", "治疗", "预防")
    )
    found = parsed("http://jbk.jk.example/weiyan/", "", f"<h1>胃炎</h1><div class='intro'>{parts}</div>")
    found.fetched_at = "2026-11-20T08:00:00Z"
    record = finish_item(found, CounterStats())
    assert [(s["label"], s["heading"], s["kind"]) for s in record.sections] == [
        (None, "病因", "cause"),
        (None, "症状", "symptom"),
        (None, "检查", "diagnosis"),
        (None, "治疗", "treatment"),
        (None, "预防", "prevention"),
    ]


def test_a_forum_threads_body_is_its_first_post_even_when_a_reply_is_longer():
    reply = "<p>回复：我也胃痛好多年了，后来去医院查出幽门螺杆菌，吃了两周药就好多了，建议你也去查一查。</p>" * 3
    posts = (
        f"<div class='post-item'><div class='author'>楼主</div><div class='post-body'>{PROSE}</div></div>"
        f"<div class='post-item'><div class='author'>网友甲</div><div class='post-body'>{reply}</div></div>"
        f"<div class='post-item'><div class='author'>网友乙</div><div class='post-body'>{reply}</div></div>"
    )
    found = parsed("http://bbs.jk.example/read.php?tid=9", "", f"<h1>胃痛怎么办</h1><div class='posts'>{posts}</div>")
    assert found.page_type == "forum_thread"
    assert "胃痛的原因很多" in found.body and "回复" not in found.body
