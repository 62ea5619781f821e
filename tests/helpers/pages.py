"""The saved pages of ``tests/fixtures/pages/``: one folder per page, read and parsed as a crawl would.

A folder holds ``page.html`` (or ``page.txt``, a plain-text dump), the exact bytes a server sent;
``meta.json``: ``{"url", "headers", "fetched_at", "site"}`` (``site``, optional, forces a profile);
``expected.json``: the expected record fields, or ``{"skip": reason}`` for a page that is no article.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scrapy.http import HtmlResponse, Response, TextResponse

from scraper.items import Article
from scraper.parsing import Skip, parse_article, parse_response
from scraper.stages import finish_item
from scraper.stats import CounterStats
from tests.helpers.paths import PAGES

_FROM_META: Any = object()


@dataclass(frozen=True)
class SavedPage:
    name: str
    folder: Path

    @property
    def file(self) -> Path:
        html = self.folder / "page.html"
        return html if html.exists() else self.folder / "page.txt"

    @cached_property
    def meta(self) -> dict[str, Any]:
        return json.loads((self.folder / "meta.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]

    @cached_property
    def expected(self) -> dict[str, Any]:
        return json.loads((self.folder / "expected.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]

    @property
    def url(self) -> str:
        return self.meta["url"]  # type: ignore[no-any-return]

    @property
    def origin(self) -> str:
        """``scheme://host`` of the page's URL."""
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.netloc}"

    @property
    def path(self) -> str:
        return urlsplit(self.url).path

    def response(self, url: str | None = None, headers: dict[str, str] | None = None) -> Response:
        """The page as downloaded from its URL (or ``url``), with its headers (or ``headers``)."""
        cls = HtmlResponse if self.file.suffix == ".html" else TextResponse
        given = self.meta.get("headers") if headers is None else headers
        return cls(url=url or self.url, body=self.file.read_bytes(), headers=given or None)


@cache
def saved_page(name: str) -> SavedPage:
    folder = PAGES / name
    if not folder.is_dir():
        raise FileNotFoundError(f"no saved page {name} in {PAGES}")
    return SavedPage(name, folder)


def saved_pages() -> list[SavedPage]:
    """Every saved page, by name."""
    return [saved_page(folder.name) for folder in sorted(PAGES.iterdir()) if (folder / "meta.json").exists()]


def fetch_saved(url: str) -> Response | None:
    """The saved page whose URL is ``url`` (the later pages of a split article), else None."""
    return next((page.response() for page in saved_pages() if page.url == url), None)


def parse_saved(
    name: str,
    *,
    url: str | None = None,
    site: str | None = _FROM_META,
    fetched_at: str | None = _FROM_META,
    finish: bool = True,
) -> Article | Skip:
    """A saved page through ``parse_article`` (later pages fetched among the saved pages) and, with
    ``finish``, through every per-item stage (``finish_item``): the record users get. ``url``,
    ``site`` and ``fetched_at`` replace the page's own (from meta.json)."""
    page = saved_page(name)
    result = parse_article(
        page.response(url),
        fetched_at=page.meta.get("fetched_at") if fetched_at is _FROM_META else fetched_at,
        site=page.meta.get("site") if site is _FROM_META else site,
        fetch=fetch_saved,
    )
    if finish and isinstance(result, Article):
        return finish_item(result, CounterStats())  # type: ignore[no-any-return]
    return result


def parsed_article(name: str, **options: Any) -> Article:
    """:func:`parse_saved` for a page that is an article."""
    result = parse_saved(name, **options)
    assert isinstance(result, Article), f"{name}: {result}"
    return result


def article_from_html(page: str | bytes, url: str, *, encoding: str = "utf-8", **parse: Any) -> Article:
    """The article ``scraper.parsing.parse_response`` reads from an HTML page (a test fails on a Skip);
    ``parse``: its keyword arguments (``site``, ``fetched_at``), ``headers`` for the response."""
    body = page if isinstance(page, bytes) else page.encode(encoding)
    response = HtmlResponse(url=url, body=body, headers=parse.pop("headers", None) or {})
    result = parse_response(response, **parse)
    assert isinstance(result, Article), result
    return result


# A site of saved pages for the spider's multi-page and canonical-copy flows (issue 12 point 5).
SEED_ARTICLE = "/jibing/yaotong/20200714/2101.html"  # seed-article; seed-mobile-duplicate names it canonical
SPLIT_ARTICLE_PAGES = {"/a/123.html": "split-page1", "/a/123_2.html": "split-page2", "/a/123_3.html": "split-page3"}
LAST_LINE_OF_PAGE_3 = "治疗期间要定期复查骨密度，根据检查结果调整用药方案。"  # the merged body's last line


def flows_site(complete: bool = True) -> dict[str, bytes]:
    """Path → body of a site whose home page links a three-page article's mobile copy (canonical → its
    page 1), the seed article's mobile copy and a sitemap listing page 1. ``complete=False`` leaves out
    page 3 and the seed article (a later page and a canonical page that fail)."""
    mobile = saved_page("seed-mobile-duplicate").file.read_bytes()
    pages = {path: saved_page(name).file.read_bytes() for path, name in SPLIT_ARTICLE_PAGES.items()}
    pages |= {
        SEED_ARTICLE: saved_page("seed-article").file.read_bytes(),
        "/m" + SEED_ARTICLE: mobile,
        "/m/a/123.html": mobile.replace(SEED_ARTICLE.encode(), b"/a/123.html"),
        "/sitemap.xml": (
            b'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            b"<url><loc>/a/123.html</loc></url></urlset>"
        ),
        "/index.html": (
            f'<html><body><a href="/m/a/123.html">1</a> <a href="/m{SEED_ARTICLE}">2</a> '
            '<a href="/sitemap.xml">3</a></body></html>'
        ).encode(),
    }
    if not complete:
        del pages["/a/123_3.html"], pages[SEED_ARTICLE]
    return pages


def write_site(root: Path, pages: dict[str, bytes]) -> Path:
    """The pages as files under ``root`` (``/index.html`` is what ``/`` serves)."""
    for path, body in pages.items():
        target = root / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)
    return root
