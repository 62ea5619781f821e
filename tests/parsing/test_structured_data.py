"""Structured data (scraper.parsing.structured_data): JSON-LD and microdata read with extruct; dates,
author and types; malformed JSON-LD read by the key patterns; pages without either never reach extruct."""

from __future__ import annotations

import html
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml.html import HtmlElement, tostring
from parsel import Selector

from scraper.parsing import structured_data as sd
from scraper.parsing.metadata import script_dates
from scraper.parsing.structured_data import StructuredData, json_ld_items, salvaged, structured_data
from tests.helpers.pages import article_from_html

PROSE = (
    "<p>秋冬季节气温变化大，老年人要注意保暖，尤其是头部、颈部和脚部，外出时戴好帽子和围巾。</p>"
    "<p>有慢性病的老人要按时服药，定期复查，出现胸闷、气短等不适时要及时就医，不要硬扛。</p>"
)


def tree(head: str = "", body: str = "<p>正文</p>") -> HtmlElement:
    """The page's tree as parsing gets it (parsel's lxml root)."""
    root: HtmlElement = Selector(text=f"<html><head>{head}</head><body>{body}</body></html>").root
    return root


def ld(data: object | str) -> str:
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    return f'<script type="application/ld+json">{text}</script>'


def html_page(head: str) -> str:
    """An article page with ``head`` in its ``<head>`` and nothing shown but a headline and two paragraphs."""
    return (
        f"<html><head><title>老人秋冬保健要点</title>{head}</head><body><h1>老人秋冬保健要点</h1>"
        f"<div class='content'>{PROSE}</div></body></html>"
    )


def read(head: str = "", body: str = "<p>正文</p>") -> StructuredData:
    return structured_data(tree(head, body))


# --- JSON-LD -------------------------------------------------------------------------------------


def test_a_json_ld_object():
    found = read(
        ld(
            {
                "@context": "https://schema.org",
                "@type": "NewsArticle",
                "headline": "老人秋冬保健要点",
                "dateModified": "2021-03-06T09:00:00+08:00",
                "datePublished": "2021-03-05T08:30:00+08:00",
                "author": {"@type": "Person", "name": "李晓"},
                "publisher": {"@type": "Organization", "name": "家庭健康在线"},
            }
        )
    )
    assert found.published == ("2021-03-05T08:30:00+08:00",)
    assert found.author == "李晓"
    assert found.types == ("NewsArticle", "Person", "Organization")


def test_a_json_ld_list_and_several_blocks_in_document_order():
    first = ld([{"@type": "BreadcrumbList"}, {"@type": "Article", "datePublished": "2022-04-12"}])
    second = ld({"@type": "WebPage", "datePublished": "2022-04-13"})
    found = read(first + second)
    assert found.published == ("2022-04-12", "2022-04-13")
    assert found.types == ("BreadcrumbList", "Article", "WebPage")


def test_a_graph():
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "健康网"},
            {"@type": "BreadcrumbList", "itemListElement": []},
            {
                "@type": "Article",
                "datePublished": "2023-09-21T16:40:00+08:00",
                "author": [{"@type": "Person", "name": "陈露"}, {"@type": "Person", "name": "赵云"}],
            },
        ],
    }
    found = read(ld(graph))
    assert found.published == ("2023-09-21T16:40:00+08:00",)
    assert found.author == "陈露、赵云"
    assert found.types == ("WebSite", "BreadcrumbList", "Article", "Person", "Person")


def test_a_qa_page_reads_its_questions_date_and_author_not_the_answers():
    qa = {
        "@context": "https://schema.org",
        "@type": "QAPage",
        "mainEntity": {
            "@type": "Question",
            "name": "宝宝发烧38度要吃退烧药吗",
            "dateCreated": "2022-09-18T20:05:00+08:00",
            "author": {"@type": "Person", "name": "木木妈"},
            "acceptedAnswer": {
                "@type": "Answer",
                "dateCreated": "2022-09-18T21:00:00+08:00",
                "author": {"@type": "Person", "name": "王建国"},
            },
        },
    }
    found = read(ld(qa))
    assert found.published == ("2022-09-18T20:05:00+08:00",)
    assert found.author == "木木妈"
    assert found.types[:2] == ("QAPage", "Question")
    assert "Answer" in found.types


def test_date_published_beats_date_created_and_baidu_pub_date_is_a_publication_date():
    found = read(ld({"@type": "Article", "dateCreated": "2020-01-01", "datePublished": "2020-01-02"}))
    assert found.published == ("2020-01-02", "2020-01-01")
    cambrian = {
        "@context": "https://ziyuan.baidu.com/contexts/cambrian.jsonld",
        "@id": "https://news.39.example/a/1.html",
        "title": "老人秋冬保健要点",
        "pubDate": "2024-04-23T12:27:25",
        "upDate": "2024-04-23T13:42:33",
    }
    assert read(ld(cambrian)).published == ("2024-04-23T12:27:25",)


def test_the_dates_of_objects_a_page_only_mentions_are_not_its_date():
    article = {
        "@type": "Article",
        "publisher": {"@type": "Organization", "datePublished": "2001-01-01"},
        "comment": [{"@type": "Comment", "dateCreated": "2024-05-05"}],
        "mainEntityOfPage": {"@type": "WebPage", "datePublished": "2021-06-18T10:05:00+08:00"},
    }
    found = read(ld(article))
    assert found.published == ("2021-06-18T10:05:00+08:00",)
    assert found.types == ("Article", "Organization", "Comment", "WebPage")


@pytest.mark.parametrize(
    ("author", "name"),
    [
        ("周洁", "周洁"),
        ({"@type": "Person", "name": "王芳"}, "王芳"),
        ([{"name": "李华"}, {"name": "陈明"}], "李华、陈明"),
        (["李华", {"name": "陈明"}], "李华、陈明"),
        ({"@type": "Organization", "name": "家庭健康在线编辑部"}, "家庭健康在线编辑部"),
        ("主任医师 张三", "张三"),  # titles left out, as in bylines
        ("网络整理", None),  # names nobody
        ({"@type": "Person"}, None),
        (42, None),
    ],
)
def test_author_as_a_name_an_object_or_a_list(author, name):
    assert read(ld({"@type": "Article", "author": author})).author == name


@pytest.mark.parametrize(
    ("author", "publisher", "name"),
    [
        ({"@type": "Organization", "name": "康健日報"}, {"@type": "Organization", "name": "康健日報"}, None),
        ("健康时报", "健康时报", None),
        ([{"@type": "Person", "name": "刘敏"}, {"name": "健康时报"}], {"name": "健康时报"}, "刘敏"),
        ({"@type": "Organization", "name": "健康时报编辑部"}, {"name": "健康时报"}, "健康时报编辑部"),
    ],
    ids=["organisation-is-publisher", "plain-names", "person-and-publisher", "desk-of-the-publisher"],
)
def test_the_publisher_credited_as_author_names_nobody(author, publisher, name):
    assert read(ld({"@type": "NewsArticle", "author": author, "publisher": publisher})).author == name


def test_type_urls_and_lists_give_their_last_part():
    found = read(ld({"@type": ["https://schema.org/QAPage", "schema:WebPage"], "@context": "https://schema.org"}))
    assert found.types == ("QAPage", "WebPage")


def test_the_script_type_is_compared_without_case_or_parameters():
    head = (
        '<script type="Application/LD+JSON; charset=utf-8">{"@type": "Article", "datePublished": "2020-07-14"}</script>'
    )
    assert read(head).published == ("2020-07-14",)


# --- microdata -----------------------------------------------------------------------------------

MICRODATA_ARTICLE = (
    '<div itemscope itemtype="http://schema.org/Article">'
    '<h1 itemprop="headline">老人秋冬保健要点</h1>'
    '<span itemprop="author" itemscope itemtype="http://schema.org/Person"><span itemprop="name">周洁</span></span>'
    '<time itemprop="datePublished" datetime="2022-10-12T08:00:00+08:00">2022年10月12日</time>'
    f'<div itemprop="articleBody">{PROSE}</div></div>'
)


def test_a_microdata_article():
    found = read(body=MICRODATA_ARTICLE)
    assert found.published == ("2022-10-12T08:00:00+08:00",)
    assert found.author == "周洁"
    assert found.types == ("Article", "Person")


def test_a_microdata_author_as_text_and_an_item_without_type():
    body = (
        '<div itemscope><meta itemprop="datePublished" content="2022-10-12">'
        '<span itemprop="author">王建国</span></div>'
    )
    found = read(body=body)
    assert found.published == ("2022-10-12",)
    assert found.author == "王建国"
    assert found.types == ()


def test_json_ld_comes_before_microdata():
    found = read(ld({"@type": "Article", "datePublished": "2022-10-11"}), MICRODATA_ARTICLE)
    assert found.published == ("2022-10-11", "2022-10-12T08:00:00+08:00")


def test_reading_microdata_leaves_the_tree_as_it_was():
    root = tree(body=MICRODATA_ARTICLE + "<script>var a = 1;</script><!-- c -->")
    before = tostring(root)
    structured_data(root)
    assert tostring(root) == before


# --- malformed JSON-LD ---------------------------------------------------------------------------

BROKEN = {
    # extruct reads these itself (json strict=False, then jstyleson)
    "trailing-comma": ('{"@type": "NewsArticle", "datePublished": "2020-07-14T10:20:00+08:00",}', True),
    "raw-newline-and-tab": ('{"@type": "NewsArticle", "headline": "秋\n\t冬", "datePublished": "2020-07-14"}', True),
    "control-char": ('{"@type": "NewsArticle", "headline": "a\x01b", "datePublished": "2020-07-14"}', True),
    "js-comment": ('// 百度结构化数据\n{"@type": "NewsArticle", "datePublished": "2020-07-14"}', True),
    # extruct gives up: the key patterns read the text
    "html-comment-around": ('<!--\n{"@type": "NewsArticle", "datePublished": "2020-07-14"}\n-->', False),
    "two-objects": ('{"@type": "NewsArticle", "datePublished": "2020-07-14"}\n{"@type": "BreadcrumbList"}', False),
    "semicolon": ('{"@type": "NewsArticle", "datePublished": "2020-07-14"};', False),
    "unescaped-quote": ('{"@type": "NewsArticle", "headline": "他说"多喝水"", "datePublished": "2020-07-14"}', False),
    "cdata": ('//<![CDATA[\n{"@type": "NewsArticle", "datePublished": "2020-07-14"}\n//]]>', False),
    "bad-escape": ('{"@type": "NewsArticle", "headline": "C:\\d", "datePublished": "2020-07-14"}', False),
}


@pytest.mark.parametrize("name", BROKEN)
def test_malformed_json_ld_keeps_its_date(name, monkeypatch):
    text, extruct_reads_it = BROKEN[name]
    if extruct_reads_it:  # the fallback is not needed
        monkeypatch.setattr(sd, "salvaged", lambda text: pytest.fail(f"salvaged {text!r}"))
    found = read(ld(text))
    assert found.published[0].startswith("2020-07-14")
    assert found.types[0] == "NewsArticle"


def test_a_broken_block_keeps_its_author_and_types_and_loses_no_other_block():
    broken = '<!--\n{"@type": "QAPage", "author": {"name": "木木妈"}, "dateCreated": "2022-09-18 20:05"}\n-->'
    good = {"@type": "BreadcrumbList", "itemListElement": []}
    found = read(ld(broken) + ld(good))
    assert found.published == ("2022-09-18 20:05",)
    assert found.author == "木木妈"
    assert found.types == ("QAPage", "BreadcrumbList")


def test_salvaged_reads_the_keys_of_broken_text():
    text = '{"@type":"Article","author":{"name":"李华"},"author":[x],"dateCreated":"2020-01-01","pubDate":"2020-01-02";'
    assert salvaged(text) == {
        "@type": ["Article"],
        "author": {"name": "李华"},
        "dateCreated": ["2020-01-01"],
        "pubDate": ["2020-01-02"],
    }
    assert salvaged("not json at all") == {}


@pytest.mark.parametrize("text", ["", "   ", "null", "42", '"a string"', "[]", "[1, 2]", "{}", "]", "[" * 5000])
def test_odd_blocks_give_nothing(text):
    assert read(ld(text)) == StructuredData()


def test_a_malformed_date_through_the_whole_parser():
    """No date shown on the page: the broken JSON-LD's is the record's, as before extruct."""
    head = ld('<!--\n{"@type": "NewsArticle", "datePublished": "2020-07-14T10:20:00+08:00"}\n-->')
    assert article_from_html(html_page(head), "http://www.jk.example/a/1.html").published == "2020-07-14T10:20:00+08:00"


def test_a_microdata_qa_page_is_a_qa_page():
    body = (
        '<div itemscope itemtype="https://schema.org/QAPage"><h1>宝宝发烧要吃退烧药吗</h1>'
        f'<div itemprop="mainEntity" itemscope itemtype="https://schema.org/Question">{PROSE}</div></div>'
    )
    page = f"<html><head><title>宝宝发烧要吃退烧药吗</title></head><body>{body}</body></html>"
    assert article_from_html(page, "http://www.jk.example/a/2.html").page_type == "qa"


# --- pages without structured data pay nothing ---------------------------------------------------


@pytest.fixture
def no_extruct(monkeypatch):
    """extruct must not be reached: its accessors fail the test."""

    def called() -> None:
        pytest.fail("extruct called")

    monkeypatch.setattr(sd, "_extruct", called)
    monkeypatch.setattr(sd, "_json_ld_extractor", called)


@pytest.mark.parametrize(
    "head",
    [
        "",
        '<meta property="og:title" content="老人秋冬保健要点"><meta property="og:site_name" content="健康网">',
        '<script>var publish_time = "2020-07-14"; var ct = "1594689120";</script>',
        '<script type="application/ld+json">  </script>',
        '<script type="text/javascript">{"@type": "Article", "datePublished": "2020-07-14"}</script>',
    ],
    ids=["nothing", "open-graph", "script-variables", "empty-json-ld", "json-in-a-plain-script"],
)
def test_a_page_without_json_ld_or_microdata_never_reaches_extruct(head, no_extruct):
    assert read(head, f"<div class='content'>{PROSE}</div>") == StructuredData()


def test_a_whole_page_without_them_never_reaches_extruct(no_extruct):
    assert article_from_html(html_page(""), "http://www.jk.example/a/3.html").title == "老人秋冬保健要点"


def test_json_ld_items_shapes():
    root = tree(ld([{"@type": "A"}, 3, "x", {"@type": "B"}]) + ld("{broken") + ld({"@type": "C"}))
    assert json_ld_items(root) == [{"@type": "A"}, {"@type": "B"}, {}, {"@type": "C"}]


# --- script dates stay in metadata ---------------------------------------------------------------


def test_script_dates_read_ordinary_scripts_not_json_ld():
    head = (
        ld({"@type": "Article", "datePublished": "2020-07-13"})
        + '<script>window.__DATA__ = {"publishDate": "2020-07-14 09:12"};</script>'
        + '<script>var ct = "1594689120";</script>'
    )
    assert script_dates(tree(head)) == ["2020-07-14 09:12", "2020-07-14T09:12:00+08:00"]


# --- properties: generated and mutated JSON-LD give a result or nothing, never an exception -------

# Keys that steer the reading, and any others.
_KEYS = st.sampled_from(
    ["@context", "@type", "@graph", "mainEntity", "mainEntityOfPage", "author", "name", *sd.DATE_PROPERTIES]
) | st.text(max_size=6)
_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12)
JSON_VALUES = st.recursive(
    _SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=5), max_leaves=25
)
# Text as a page may hold it: any character the HTML parser keeps (it drops NUL), control characters too.
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=200)
_BREAKERS = [",", "}", "]", "{", "[", '"', ":", "\\", "\n", "\x01", "\t", ";", "<!--", "-->", "//", "/*"]


@st.composite
def mutated_json(draw: st.DrawFn) -> str:
    """A JSON text broken the ways pages break it: a character inserted or deleted, cut short, wrapped
    in an HTML comment or CDATA, followed by another object or a semicolon."""
    text = json.dumps(draw(JSON_VALUES), ensure_ascii=draw(st.booleans()))
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "delete", "cut", "wrap", "append"]))
        if kind == "insert":
            text = text[:at] + draw(st.sampled_from(_BREAKERS) | ANY_TEXT) + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + 1 :]
        elif kind == "cut":
            text = text[:at]
        elif kind == "wrap":
            text = draw(st.sampled_from(["<!--\n{}\n-->", "//<![CDATA[\n{}\n//]]>", "{};", "[{}]"])).format(text)
        else:
            text += draw(st.sampled_from(["\n", ""])) + json.dumps(draw(JSON_VALUES))
    return text


def _well_formed(found: StructuredData) -> bool:
    return (
        isinstance(found, StructuredData)
        and all(isinstance(date, str) and date for date in found.published)
        and (found.author is None or (isinstance(found.author, str) and found.author))
        and all(isinstance(kind, str) and kind for kind in found.types)
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(JSON_VALUES.map(json.dumps) | mutated_json() | ANY_TEXT, min_size=1, max_size=3))
def test_any_json_ld_gives_a_result_or_nothing(blocks):
    assert _well_formed(read("".join(ld(block) for block in blocks)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(JSON_VALUES, ANY_TEXT)
def test_any_microdata_gives_a_result_or_nothing(value, text):
    prop = html.escape(json.dumps(value), quote=True)
    body = (
        f'<div itemscope itemtype="{html.escape(text, quote=True)}"><span itemprop="author">{html.escape(text)}</span>'
        f'<meta itemprop="datePublished" content="{prop}"><div itemprop="mainEntity" itemscope itemref="x y">'
        f'<time itemprop="dateCreated" datetime="{prop}">{html.escape(text)}</time></div></div>'
        f'<p id="x" itemprop="name">{text}</p>'
    )
    assert _well_formed(read(body=body))


_DATE = st.from_regex(r"20[0-2][0-9]-[01][0-9]-[0-3][0-9]( [0-2][0-9]:[0-5][0-9])?", fullmatch=True)
_BREAKAGES = ["{},", "<!--\n{}\n-->", "{}\n{{\"@type\": \"BreadcrumbList\"}}", "{};", "//<![CDATA[\n{}\n//]]>", "{}}}"]


@settings(max_examples=150, deadline=None)
@given(
    _DATE,
    st.dictionaries(st.sampled_from(["headline", "description", "name", "image"]), st.text(max_size=20), max_size=3),
    st.sampled_from(_BREAKAGES),
    st.booleans(),
)
def test_a_date_the_key_pattern_finds_in_broken_json_ld_is_never_lost(date, others, breakage, trailing_comma):
    """What the regex used before extruct found (``"datePublished": "…"`` in any text), is still found."""
    body = json.dumps({"@type": "NewsArticle", **others, "datePublished": date}, ensure_ascii=False)
    if trailing_comma:
        body = body[:-1] + ",}"
    found = read(ld(breakage.format(body)))
    assert date in found.published
