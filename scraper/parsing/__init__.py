"""Pure page parsing: a downloaded response (URL + bytes + headers) → article or Skip.

Every parsing rule lives in this package: decoding (``encoding``; characters no tree may hold are
replaced before parsing, ``scraper.text.characters``), the tree however deep it nests (``tree``), metadata
(``metadata``), hidden elements and text lines (``blocks``), main-content scoring (``content``), dates (``dates``,
``relative_dates``), titles, related reading (``related``), pagination of split articles, the
profiles' compiled selectors, a second opinion on doubtful bodies (``second_opinion``: trafilatura);
sitemaps read strictly (``sitemaps``); and one page object per kind of page (``article_page``: an article
page and page 2+ of a split article; ``text_dump``: a plain-text page).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from parsel import Selector
from scrapy.http import HtmlResponse, Response, TextResponse, XmlResponse

from scraper.items import FORUM_THREAD, Article
from scraper.parsing.article_page import ArticlePage, ContinuationPage
from scraper.parsing.encoding import response_text
from scraper.parsing.outcome import Skip
from scraper.parsing.pagination import continuation_urls, is_continuation
from scraper.parsing.text_dump import TextDumpPage
from scraper.parsing.tree import html_tree
from scraper.profiles import GENERIC, SiteProfile, find_profile, get_profile
from scraper.reasons import SkipReason
from scraper.text.characters import storable

__all__ = [
    "ParsedPage",
    "Skip",
    "continuation_body",
    "is_html",
    "looks_truncated",
    "merge_pages",
    "parse_article",
    "parse_page",
    "parse_response",
]

_HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_HTML_END = re.compile(rb"</(?:body|html)\s*>", re.IGNORECASE)


def looks_truncated(body: bytes) -> bool:
    """True for an HTML document cut off before its end (no ``</body>`` nor ``</html>``)."""
    return bool(_HTML_START.search(body[:2048])) and not _HTML_END.search(body[-4096:])


_END_TAGS = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)


def without_early_end_tags(text: str) -> str:
    """The page without ``</body>``/``</html>`` end tags before its last ones: an included header's own
    end tags would otherwise end the document there (lxml drops everything after ``</html>``)."""
    ends = list(_END_TAGS.finditer(text))
    if len(ends) <= 1:
        return text
    last_body = max((m for m in ends if m.group().lower().startswith("</b")), key=lambda m: m.start(), default=None)
    last_html = max((m for m in ends if m.group().lower().startswith("</h")), key=lambda m: m.start(), default=None)
    keep = {m.start() for m in (last_body, last_html) if m is not None}
    return _END_TAGS.sub(lambda m: m.group() if m.start() in keep else "", text)


def is_html(response: Response) -> bool:
    """True for a response whose body is HTML: typed HTML holding any markup, or text that starts like HTML
    (a text dump named ``….html`` by its URL has no ``<`` at all, and is read as a text dump)."""
    if isinstance(response, HtmlResponse):
        return b"<" in response.body[:4096]
    return (
        isinstance(response, TextResponse)
        and not isinstance(response, XmlResponse)
        and bool(_HTML_START.search(response.body[:2048]))
    )


def choose_profile(url: str, selector: Selector, site: str | None) -> SiteProfile:
    """The forced profile (``site``), else the first bundled one that matches the page."""
    return get_profile(site) if site else find_profile(url, selector)


@dataclass
class ParsedPage:
    """An article page and the URLs of the later pages of the same article (if split)."""

    article: Article
    continuations: list[str] = field(default_factory=list)
    # CSS selector of the body container, to read later pages of a split article the same way.
    container: str | None = None
    # The second opinion on the body (scraper.parsing.second_opinion): None where ours was not doubtful,
    # "taken" where trafilatura's body replaced ours, "kept" where ours stood.
    second_opinion: str | None = None


Fetch = Callable[[str], Response | None]


def parse_page(
    response: Response,
    fetched_at: str | None = None,
    site: str | None = None,
    continuation: bool = False,
    container: str | None = None,
    second_opinion: bool = False,
) -> ParsedPage | Skip:
    """Parse one downloaded page into an article page, or say why it is none.

    ``site`` forces a profile by name. HTML is read as an :class:`ArticlePage`, or with
    ``continuation=True`` as a :class:`ContinuationPage` (page 2+ of a split article, its body found
    with page 1's ``container`` selector so that a short last page is found too); other text
    (``text/plain``) as a :class:`TextDumpPage`. Page 2+ of a split article read as a first page
    is a Skip (``continuation``). ``second_opinion``: ask trafilatura where our body is doubtful
    (:mod:`scraper.parsing.second_opinion`; a crawl's ``SECOND_OPINION_ENABLED``, on by default; off here
    unless given).

    The decoded text loses the characters XML excludes (:func:`~scraper.text.characters.storable`: lxml
    parses them but refuses to store them again) and the tree is read whole however deep it nests, then cut
    at :data:`~scraper.parsing.tree.MAX_DEPTH` levels (:func:`~scraper.parsing.tree.html_tree`), so that no
    page raises out of parsing.
    """
    if not response.body.strip():
        return Skip(SkipReason.EMPTY, "empty response body")
    if not isinstance(response, TextResponse):
        content_type = (response.headers.get("Content-Type") or b"").decode("latin-1")
        return Skip(SkipReason.NOT_TEXT, f"not a text page ({content_type or 'unknown type'})")
    if isinstance(response, XmlResponse):
        return Skip(SkipReason.NOT_ARTICLE, "XML document")
    try:
        text = storable(response_text(response))
    except (UnicodeDecodeError, LookupError) as exc:
        return Skip(SkipReason.UNDECODABLE, f"cannot decode the page: {exc}")
    if not is_html(response):
        profile = get_profile(site or GENERIC)
        dump = TextDumpPage(text, response.url, fetched_at, site=profile.site_name, tz=profile.timezone)
        result = dump.to_item()
        return result if isinstance(result, Skip) else ParsedPage(result)
    if looks_truncated(response.body):
        return Skip(SkipReason.BROKEN, "truncated HTML (no </body> or </html>)")
    selector = html_tree(without_early_end_tags(text))
    profile = choose_profile(response.url, selector, site)
    if continuation:
        page: ArticlePage = ContinuationPage(selector, response.url, profile, fetched_at, container)
    else:
        page = ArticlePage(selector, response.url, profile, fetched_at, second_opinion)
    links = page.pagination_links
    if not continuation and is_continuation(response.url, links):
        return Skip(SkipReason.CONTINUATION, "a later page of a split article")
    item = page.to_item()
    if isinstance(item, Skip):
        return item
    opinion = page.second_opinion
    outcome = None if opinion is None else "taken" if opinion.taken else "kept"
    # A thread's later pages hold replies only (its body is the first post): nothing to merge.
    later = [] if item.page_type == FORUM_THREAD else continuation_urls(response.url, links)
    return ParsedPage(item, later, page.container_selector, outcome)


def parse_response(
    response: Response, fetched_at: str | None = None, site: str | None = None, second_opinion: bool = False
) -> Article | Skip:
    """The article on one page (later pages of a split article not fetched), or a Skip."""
    result = parse_page(response, fetched_at, site, second_opinion=second_opinion)
    return result if isinstance(result, Skip) else result.article


def continuation_body(
    response: Response, fetched_at: str | None = None, site: str | None = None, container: str | None = None
) -> Article | None:
    """The article part on page 2+ of a split article, or None when the page has none."""
    result = parse_page(response, fetched_at, site, continuation=True, container=container)
    return None if isinstance(result, Skip) else result.article


def merge_pages(first: Article, rest: list[Article]) -> Article:
    """One article from its pages in order: bodies joined, images and related entries merged."""
    for page in rest:
        first.body = "\n".join(part for part in (first.body, page.body) if part)
        first.images += [image for image in page.images if image not in first.images]
        first.related += [entry for entry in page.related if entry not in first.related]
    return first


def parse_article(
    response: Response,
    fetched_at: str | None = None,
    site: str | None = None,
    fetch: Fetch | None = None,
    second_opinion: bool = False,
) -> Article | Skip:
    """The whole article starting at ``response``, fetching later pages with ``fetch(url)``."""
    result = parse_page(response, fetched_at, site, second_opinion=second_opinion)
    if isinstance(result, Skip) or fetch is None:
        return result if isinstance(result, Skip) else result.article
    pages = []
    for url in result.continuations:
        later = fetch(url)
        part = continuation_body(later, fetched_at, site, result.container) if later is not None else None
        if part is not None:
            pages.append(part)
    return merge_pages(result.article, pages)
