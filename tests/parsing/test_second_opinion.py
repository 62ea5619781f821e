"""The second opinion on doubtful bodies (scraper.parsing.second_opinion, off unless asked for:
SECOND_OPINION_ENABLED): when we ask trafilatura, and which body we keep.

The pages of ``tests/fixtures/second_opinion/`` were written for this rule (see its README): each
``NAME.html`` has ``NAME.expected.json`` with the doubt, where the body comes from, snippets the body
has and has not, and the images expected.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from parsel import Selector
from scrapy.http import HtmlResponse

from scraper.items import Article
from scraper.parsing import ParsedPage, Skip, parse_page, parse_response
from scraper.parsing.article_page import ArticlePage, ContinuationPage
from scraper.parsing.second_opinion import (
    MIN_ADDED_PROSE,
    Candidate,
    Doubt,
    PageText,
    ask_trafilatura,
    choose,
    doubt,
    is_comment_furniture,
    is_prose,
)
from scraper.profiles import GENERIC, get_profile
from scraper.text.normalize import comparison_key
from tests.helpers.paths import FIXTURES

PAGES = FIXTURES / "second_opinion"
NAMES = sorted(path.stem for path in PAGES.glob("*.html"))


def _expected(name: str) -> dict:
    return json.loads((PAGES / f"{name}.expected.json").read_text(encoding="utf-8"))


def _page(html: str | bytes, url: str = "http://www.ankang.test/a/1.html", site: str = GENERIC) -> ArticlePage:
    text = html.decode("utf-8") if isinstance(html, bytes) else html
    return ArticlePage(Selector(text=text), url, get_profile(site), "2026-11-20T08:00:00Z", second_opinion=True)


@pytest.mark.parametrize("name", NAMES)
def test_written_page(name: str) -> None:
    expected = _expected(name)
    body = (PAGES / f"{name}.html").read_bytes()
    page = _page(body, expected["url"])
    assert page.second_opinion is not None and page.second_opinion.doubt == expected["doubt"]
    assert page.body_source == expected["body_source"]
    result = parse_page(HtmlResponse(url=expected["url"], body=body), "2026-11-20T08:00:00Z", second_opinion=True)
    assert isinstance(result, ParsedPage)
    assert result.second_opinion == ("taken" if expected["body_source"] == "trafilatura" else "kept")
    article = result.article
    for snippet in expected["body_with"]:
        assert snippet in article.body, snippet
    for snippet in expected["body_without"]:
        assert snippet not in article.body, snippet
    if "images" in expected:
        assert [image["url"] for image in article.images] == expected["images"]
    if expected["body_source"] == "trafilatura":
        assert result.container is None  # our container was not the body: later pages must not follow it


def test_off_unless_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*args: object) -> None:
        raise AssertionError("trafilatura asked")

    monkeypatch.setattr("scraper.parsing.article_page.ask_trafilatura", never)
    body = (PAGES / "bare-text-body.html").read_bytes()
    result = parse_page(HtmlResponse(url="http://www.ankang.test/a/1.html", body=body))
    assert isinstance(result, Skip)  # no container of ours: no article, as before the second opinion
    body = (PAGES / "comment-list.html").read_bytes()
    result = parse_page(HtmlResponse(url="http://www.ankang.test/a/2.html", body=body))
    assert isinstance(result, ParsedPage) and result.second_opinion is None
    assert "我去年体检也查出来了" in result.article.body  # our (wrong) choice stands


def test_the_record_keeps_everything_else_of_ours() -> None:
    body = (PAGES / "comment-list.html").read_bytes()
    article = parse_response(HtmlResponse(url="http://www.ankang.test/a/2.html", body=body), second_opinion=True)
    assert isinstance(article, Article)
    assert article.title == "体检发现甲状腺结节怎么办"
    assert article.published == "2024-04-02T10:15:00+08:00"
    assert article.site == "安康健康网"
    assert article.body.split("\n")[0] == "甲状腺结节在体检中很常见，绝大多数是良性的，不必过度紧张。"


def test_a_list_page_stays_no_article() -> None:
    """trafilatura returns the entries of a list page (titles and excerpts cut short): no article."""
    entries = "".join(
        f'<li><a href="/a/{i}.html">腰痛的第{i}个原因是什么</a><span>2020-07-1{i}</span>'
        f"<p>腰痛常见于着凉、受寒或牵拉伤，直不起来可能有两种原因，第{i}种是...</p></li>"
        for i in range(6)
    )
    html = f"""<html><head><title>腰痛_安康健康网</title></head><body><h1>腰痛</h1>
    <div class="nav"><a href="/">首页</a> <a href="/jb/">疾病</a></div><ul class="list">{entries}</ul></body></html>"""
    page = _page(html)
    assert page.second_opinion is not None and page.second_opinion.doubt is Doubt.NO_BODY
    assert not page.second_opinion.taken
    assert isinstance(page.to_item(), Skip)


def test_a_body_found_by_a_profile_is_never_second_guessed() -> None:
    html = """<html><head><title>短文</title></head><body><h1 id="activity-name">短文</h1>
    <div class="rich_media_content" id="js_content"><p>一句话。</p></div>
    <div class="other"><p>这里是很长很长的另一段文字，它不是正文，虽然比正文长得多，也有句号。</p>
    <p>这里是很长很长的另一段文字，它不是正文，虽然比正文长得多，也有句号。</p></div></body></html>"""
    page = _page(html, "https://mp.weixin.qq.com/s/abc", site="wechat")
    assert page.second_opinion is None and page.body_source == "ours"
    assert page.body_lines == ["一句话。"]


def test_later_pages_of_a_split_article_never_ask() -> None:
    html = "<html><body><p>短。</p></body></html>"
    page = ContinuationPage(Selector(text=html), "http://a.test/1_2.html", get_profile(GENERIC), None, None)
    assert page.second_opinion is None


def test_a_failing_trafilatura_leaves_our_body(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    page = _page((PAGES / "bare-text-body.html").read_bytes())
    assert ask_trafilatura(page.root, page.url) is None
    assert page.second_opinion is not None and not page.second_opinion.taken
    assert isinstance(page.to_item(), Skip)  # as before the second opinion: no body found


def test_trafilatura_is_shown_the_page_without_what_we_leave_out_and_never_changes_our_tree() -> None:
    html = f"""<html><head><title>t</title></head><body><div>{ARTICLE[0]}</div><div>{MORE[0]}</div>
    <div>{MORE[1]}</div><div><p>{ARTICLE[1]}</p><p>{ARTICLE[2]}</p><p>{MORE[2]}</p></div></body></html>"""
    root = Selector(text=html).root
    before = etree.tostring(root)
    divs = root.findall("body/div")
    theirs = ask_trafilatura(root, "http://a.test/x", [divs[1], divs[2]])  # two siblings: div[2], div[3]
    assert theirs is not None
    text = "".join(theirs.lines)
    assert MORE[0] not in text and MORE[1] not in text and ARTICLE[1] in text
    assert etree.tostring(root) == before


# --- the doubt rule ----------------------------------------------------------------------------

ARTICLE = [
    "秋季腹泻多由轮状病毒感染引起，常见于六个月到两岁的婴幼儿，起病急，先有发热和呕吐。",
    "护理的关键是预防脱水。家长可以在医生指导下给孩子口服补液盐，少量多次喂服。",
    "每次排便后用温水清洗臀部并保持干爽，防止红臀。",
]


def test_doubt() -> None:
    size = sum(len(line) for line in ARTICLE)
    assert doubt(ARTICLE, [], page_chars=2 * size, min_chars=80) is None
    assert doubt(ARTICLE[:1], [], page_chars=2 * size, min_chars=80) is Doubt.NO_BODY
    assert doubt([], [], page_chars=0, min_chars=80) is Doubt.NO_BODY
    assert doubt(ARTICLE, [], page_chars=5 * size, min_chars=80) is Doubt.SHORT
    comments = ["小雨点 2024-04-02 15:18", ARTICLE[0], "回复 | 赞(6)", "向日葵 3小时前", ARTICLE[1], "回复 | 赞(2)"]
    assert doubt(comments, [], page_chars=2 * size, min_chars=80) is Doubt.COMMENTS
    titles = ["夏天吃西瓜有哪些禁忌", "中暑了怎么办才好"]
    links = [titles[0], ARTICLE[0], titles[1], ARTICLE[1]]
    assert doubt(links, [comparison_key(t) for t in titles], page_chars=2 * size, min_chars=80) is Doubt.LINKS


@pytest.mark.parametrize(
    "line", ["健康小达人 2024-04-02 11:20", "回复 | 赞(12)", "举报", "3楼 2小时前", "向日葵 昨天", "沙发 抢到了"]
)
def test_comment_furniture(line: str) -> None:
    assert is_comment_furniture(line)


@pytest.mark.parametrize(
    "line",
    [ARTICLE[0], "发布时间：2023-10-12 09:30 来源：安康健康网", "一、感冒的症状", "2023年10月12日，市疾控中心发布。"],
)
def test_not_comment_furniture(line: str) -> None:
    assert not is_comment_furniture(line)


def test_prose() -> None:
    assert is_prose(ARTICLE[0], [])
    assert not is_prose("腰痛常见于着凉、受寒或牵拉伤，直不起来可能有两种原因...", [])  # an excerpt cut short
    assert not is_prose("安康健康网 版权所有 | 联系我们", [])
    assert not is_prose(ARTICLE[0], [comparison_key(ARTICLE[0])])  # all link text
    assert not is_prose(ARTICLE[0], [], frozenset({comparison_key(ARTICLE[0])}))  # a list entry's excerpt


# --- the choice rule ---------------------------------------------------------------------------

MORE = [
    "饮食上不必禁食，母乳喂养的孩子继续吃母乳，已经添加辅食的孩子可以吃米粥、烂面条等清淡易消化的食物。",
    "孩子用过的餐具、玩具要及时消毒，家长护理前后要认真洗手，避免交叉感染，出现脱水要及时就医。",
    "如果孩子尿量明显减少、哭时无泪、精神萎靡，说明已经有脱水表现，应及时到医院就诊，不要拖延。",
]


def test_short_body_extended_when_theirs_holds_ours_and_adds_prose() -> None:
    ours = ARTICLE[:1]
    whole = Candidate(["首页 疾病 养生", *ARTICLE, *MORE, "安康健康网 版权所有"])
    taken = choose(Doubt.SHORT, ours, whole, 80, PageText(whole.lines))
    assert taken.taken and taken.lines == [*ARTICLE, *MORE]  # menus and footer around the prose left out
    elsewhere = Candidate([*ARTICLE[1:], *MORE])  # does not hold ours
    assert not choose(Doubt.SHORT, ours, elsewhere, 80, PageText(elsewhere.lines)).taken
    little = Candidate([*ARTICLE[:1], "网友评论仅供其表达个人看法，并不表明本站立场。"])  # adds < MIN_ADDED_PROSE
    assert sum(len(line) for line in little.lines[1:]) < MIN_ADDED_PROSE
    assert not choose(Doubt.SHORT, ours, little, 80, PageText(little.lines)).taken


def test_short_body_not_extended_by_a_list_of_entries() -> None:
    titles = [f"推荐文章标题第{i}篇" for i in range(len(MORE))]
    page_lines = [*ARTICLE[:1], *(line for pair in zip(titles, MORE, strict=True) for line in pair)]
    theirs = Candidate([*ARTICLE[:1], *MORE])  # trafilatura dropped the titles, kept the excerpts
    page = PageText(page_lines, frozenset(comparison_key(t) for t in titles))
    assert not choose(Doubt.SHORT, ARTICLE[:1], theirs, 80, page).taken


def test_a_replacement_starts_right_after_the_headline() -> None:
    headline = "秋季腹泻的家庭护理要点"
    near = PageText([headline, "2023-10-12", *ARTICLE, *MORE], headline=comparison_key(headline))
    theirs = Candidate([*ARTICLE, *MORE])
    assert choose(Doubt.NO_BODY, [], theirs, 80, near).taken
    menus = ["首页 疾病 养生 饮食 母婴 老人 心理 问医生 找医院"] * 20
    far = PageText([headline, *menus, *ARTICLE, *MORE], headline=near.headline)
    assert not choose(Doubt.NO_BODY, [], theirs, 80, far).taken
    before = PageText([*ARTICLE, *MORE, headline], headline=near.headline)
    assert not choose(Doubt.COMMENTS, [], theirs, 80, before).taken
    trail = PageText([f"首页 > 儿科 > {headline}", *menus, headline, *ARTICLE, *MORE], headline=near.headline)
    assert choose(Doubt.NO_BODY, [], theirs, 80, trail).taken  # measured from the headline, not the trail


def test_nothing_from_trafilatura_keeps_ours() -> None:
    kept = choose(Doubt.NO_BODY, [], None, 80, PageText([]))
    assert not kept.taken and kept.lines == []


# --- never raises ------------------------------------------------------------------------------

_TEXT = st.sampled_from(
    [*ARTICLE, *MORE, "首页", "回复 | 赞(3)", "小雨点 2024-04-02 15:18", "...", "", " ", "&nbsp;", "<", "。"]
)
_TAGS = st.sampled_from(["div", "p", "td", "table", "tr", "ul", "li", "a", "span", "br", "h1", "dl", "dd", "font", "b"])


def _tree(depth: int) -> st.SearchStrategy[str]:
    leaf = _TEXT
    if depth == 0:
        return leaf
    child = _tree(depth - 1)
    element = st.builds(
        lambda tag, cls, children: f'<{tag} class="{cls}" href="/x">{"".join(children)}</{tag}>',
        _TAGS,
        st.sampled_from(["", "content", "list", "comment", "nav", "item"]),
        st.lists(child, max_size=4),
    )
    return st.one_of(leaf, element)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=st.sampled_from(["", "秋季腹泻的家庭护理要点", "<>"]), parts=st.lists(_tree(3), max_size=6))
def test_the_second_opinion_never_raises(title: str, parts: list[str]) -> None:
    html = f"<html><head><title>{title}</title></head><body><h1>{title}</h1>{''.join(parts)}</body></html>"
    page = _page(html)
    opinion = page.second_opinion  # asks trafilatura where the body is doubtful
    assert opinion is None or (opinion.taken == bool(opinion.lines))
    response = HtmlResponse(url="http://www.ankang.test/a/1.html", body=html.encode("utf-8"))
    assert isinstance(parse_page(response, second_opinion=True), ParsedPage | Skip)


@settings(max_examples=200, deadline=None)
@given(
    kind=st.sampled_from(list(Doubt)),
    ours=st.lists(_TEXT, max_size=5),
    theirs=st.none() | st.builds(Candidate, st.lists(_TEXT, max_size=8), st.lists(st.text(max_size=5), max_size=3)),
    page=st.builds(PageText, st.lists(_TEXT, max_size=8), st.frozensets(st.text(max_size=5)), st.text(max_size=8)),
)
def test_the_choice_never_raises(kind: Doubt, ours: list[str], theirs: Candidate | None, page: PageText) -> None:
    opinion = choose(kind, ours, theirs, 80, page)
    assert not opinion.taken or sum(len("".join(line.split())) for line in opinion.lines) >= 80


def test_fixture_folder_documents_every_page() -> None:
    readme = (PAGES / "README.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in readme for name in NAMES)
    assert Path(PAGES / "README.md").exists()
