"""Articles split over several pages (scraper.parsing.pagination): later pages fetched and merged."""

from __future__ import annotations

from scrapy.http import HtmlResponse, Response

from scraper.parsing import Skip, parse_article
from tests.helpers.pages import parsed_article, saved_page

HOST = "http://www.kangning.example"


def test_split_article_pages_are_merged_in_order():
    """The merged title and body are split-page1's expected ones (tests/parsing/test_saved_pages.py)."""
    split = [saved_page(f"split-page{n}") for n in (1, 2, 3)]
    assert [page.url for page in split] == [HOST + "/a/123.html", HOST + "/a/123_2.html", HOST + "/a/123_3.html"]
    fetched: list[str] = []

    def fetch(url: str) -> Response | None:
        fetched.append(url)
        return next((page.response() for page in split if page.url == url), None)

    first = split[0]
    result = parse_article(first.response(), fetched_at=first.meta["fetched_at"], site="generic", fetch=fetch)
    assert not isinstance(result, Skip), result
    assert fetched == [HOST + "/a/123_2.html", HOST + "/a/123_3.html"]
    assert parsed_article("split-page1").body == first.expected["body"]


def test_short_last_page_of_a_split_article_is_kept():
    def page(n: int, paragraphs: list[str]) -> bytes:
        pager = '<div class="pages"><a href="123.html">1</a><a href="123_2.html">2</a></div>'
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        return (
            f'<html><head><meta charset="utf-8"><title>骨质疏松怎么办_康宁健康网</title></head><body>'
            f'<h1>骨质疏松怎么办</h1><div class="content">{body}{pager}</div></body></html>'
        ).encode()

    first = [
        "骨质疏松是一种以骨量低下、骨组织微结构损坏为特征的全身性骨病，中老年人尤其是绝经后女性多见。",
        "日常生活中要保证钙和维生素D的摄入，多晒太阳，坚持适量的负重运动，戒烟限酒，少喝浓茶和咖啡。",
    ]
    last = ["已确诊的患者应在医生指导下规范用药。"]
    url = "http://www.kangning.example/gk/123.html"
    responses = {url.replace("123.html", "123_2.html"): page(2, last)}
    result = parse_article(
        HtmlResponse(url=url, body=page(1, first)),
        site="generic",
        fetch=lambda u: HtmlResponse(url=u, body=responses[u]) if u in responses else None,
    )
    assert not isinstance(result, Skip), result
    assert result.body.split("\n") == first + last


def test_a_forum_threads_later_pages_are_replies_and_never_fetched():
    page = (
        "<html><head><meta charset='utf-8'><title>膝盖积液怎么消 - 骨科版 - 康宁论坛</title>"
        "<meta name='generator' content='Discuz! X3.4'></head><body>"
        "<h1 id='thread_subject'>膝盖积液怎么消</h1>"
        "<div id='post_1001'><div id='postmessage_1001' class='t_f'>上个月爬山后膝盖肿了，医生抽了两次积液，"
        "现在还是有点肿，走路久了发胀，请问大家有什么办法能让积液消得快一点？</div></div>"
        "<div id='post_1002'><div id='postmessage_1002' class='t_f'>先休息，少走楼梯，可以冷敷。</div></div>"
        "<div class='pg'><a href='/t/88'>1</a><a href='/t/88?page=2'>2</a>"
        "<a href='/t/88?page=2' class='nxt'>下一页</a></div></body></html>"
    )
    fetched: list[str] = []

    def fetch(url: str) -> Response | None:
        fetched.append(url)
        return None

    response = HtmlResponse(url=f"{HOST}/t/88", body=page.encode("utf-8"), encoding="utf-8")
    result = parse_article(response, fetched_at="2026-11-20T08:00:00Z", fetch=fetch)
    assert not isinstance(result, Skip), result
    assert result.page_type == "forum_thread"
    assert fetched == []
