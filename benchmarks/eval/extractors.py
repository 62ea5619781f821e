"""The extractors compared: healthscrape itself, trafilatura (default and deduplicate=True), GNE."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from scrapy.http import Headers, Response
from scrapy.responsetypes import responsetypes

from benchmarks.eval.corpus import LabeledPage
from scraper.parsing import Skip, parse_article
from scraper.settings import SECOND_OPINION_ENABLED
from scraper.stages import InvalidRecord, finish_item
from scraper.stats import CounterStats


@dataclass
class Prediction:
    title: str | None = None
    published: str | None = None
    body: str = ""
    sections: list[dict[str, Any]] | None = None
    related: list[dict[str, Any]] | None = None
    author: str | None = None
    page_type: str | None = None
    # healthscrape gave no record for a page labeled as an article (its extract command exits 1 or 2).
    lost: bool = False


def as_response(url: str, body: bytes, headers: dict[str, str]) -> Response:
    scrapy_headers = Headers(headers)
    cls = responsetypes.from_args(headers=scrapy_headers, url=url, body=body[:5000])
    return cls(url=url, body=body, headers=scrapy_headers)


def decoded(page: LabeledPage) -> str:
    """The page as text, decoded the way healthscrape decodes it (what str-only peers are given)."""
    from scraper.parsing.encoding import response_text

    return response_text(as_response(page.url, page.body, page.headers))


def finished(article: Any) -> Any:
    """The article through the per-item stages; an invalid record is scored as it is, not dropped."""
    try:
        return finish_item(article, CounterStats())
    except InvalidRecord as exc:
        return exc.item


def parse_saved(
    url: str,
    body: bytes,
    headers: dict[str, str],
    fetched_at: str,
    more_pages: dict[str, bytes] | None = None,
    second_opinion: bool = SECOND_OPINION_ENABLED,
) -> Any:
    """healthscrape's finished record of a saved page (later pages of a split article from
    ``more_pages``, by URL), or the Skip saying why there is none."""
    more_pages = more_pages or {}

    def fetch(other: str) -> Response | None:
        saved = more_pages.get(other)
        return as_response(other, saved, headers) if saved is not None else None

    response = as_response(url, body, headers)
    result = parse_article(response, fetched_at=fetched_at, fetch=fetch, second_opinion=second_opinion)
    return result if isinstance(result, Skip) else finished(result)


def healthscrape(page: LabeledPage, second_opinion: bool = SECOND_OPINION_ENABLED) -> Prediction:
    """healthscrape's record of the page, as a crawl gives it (``second_opinion``: SECOND_OPINION_ENABLED,
    on by default)."""
    item = parse_saved(page.url, page.body, page.headers, page.fetched_at, page.more_pages, second_opinion)
    if isinstance(item, Skip):
        return Prediction(lost=True)
    return Prediction(item.title, item.published, item.body, item.sections, item.related, item.author, item.page_type)


def _trafilatura(page: LabeledPage, deduplicate: bool) -> Prediction:
    import trafilatura

    out = trafilatura.extract(
        page.body, url=page.url, output_format="json", with_metadata=True, deduplicate=deduplicate
    )
    if not out:
        return Prediction()
    data = json.loads(out)
    return Prediction(data.get("title"), data.get("date"), data.get("text") or "", author=data.get("author"))


def trafilatura_default(page: LabeledPage) -> Prediction:
    return _trafilatura(page, deduplicate=False)


def trafilatura_dedup(page: LabeledPage) -> Prediction:
    return _trafilatura(page, deduplicate=True)


def gne(page: LabeledPage) -> Prediction:
    from gne import GeneralNewsExtractor

    try:
        data = GeneralNewsExtractor().extract(decoded(page))
    except Exception:  # GNE raises on pages it cannot handle; that is a miss, not a crash
        return Prediction()
    title, published = data.get("title") or None, data.get("publish_time") or None
    return Prediction(title, published, data.get("content") or "", author=data.get("author") or None)


EXTRACTORS: dict[str, Callable[[LabeledPage], Prediction]] = {
    "healthscrape": healthscrape,
    "trafilatura": trafilatura_default,
    "trafilatura (deduplicate)": trafilatura_dedup,
    "GNE": gne,
}
