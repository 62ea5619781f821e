"""The ``articles`` spider: follows links within the start sites and yields article records.

Spider arguments (``-a NAME=VALUE``):

* ``start_urls``: comma-separated http(s)/file URLs (a file URL naming a directory: the pages in it);
  none → the bundled sample site.
* ``follow``: ``yes`` (default) follows links within the crawl's scope (:mod:`scraper.scope`: the start URLs'
  hosts and ports, the file:// start URLs' folders); ``no`` parses only the start URLs.
* ``site``: force a site profile by name (see ``scraper/profiles/``).
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import AsyncIterator, Iterator
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.http import Request, Response, TextResponse
from scrapy.linkextractors import LinkExtractor
from scrapy.settings import BaseSettings
from twisted.python.failure import Failure
from w3lib.url import canonicalize_url

from scraper import stats as keys
from scraper.clock import utc_now
from scraper.distributed.mode import redis_url, use_redis
from scraper.ignored import download_failure, ignore_reason
from scraper.items import Article
from scraper.parsing import ParsedPage, Skip, is_html, merge_pages, parse_page
from scraper.parsing.pagination import MAX_PAGES, page_of
from scraper.parsing.second_opinion import available as second_opinion_available
from scraper.parsing.sitemaps import is_sitemap, read_sitemap
from scraper.profiles import ProfileError, get_profile
from scraper.reasons import SkipReason
from scraper.sample_site import SampleSite, serve_sample_site
from scraper.scope import CrawlScope, ScopeRefusals
from scraper.spiders.directories import PAGE_SUFFIXES, directory_pages, local_directory

logger = logging.getLogger(__name__)

ALLOWED_SCHEMES = ("http", "https", "file")
_YES = {"yes", "y", "true", "1", "on"}
_NO = {"no", "n", "false", "0", "off"}


def parse_start_urls(value: str | list[str] | None) -> list[str]:
    """``a,b`` → ``[a, b]``, with a ValueError for anything not an http(s)/file URL."""
    if value is None:
        return []
    raw = value if isinstance(value, list) else value.split(",")
    urls = [u.strip() for u in raw if u.strip()]
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme not in ALLOWED_SCHEMES or (parts.scheme != "file" and not parts.hostname):
            raise ValueError(f"start_urls: {url!r} is not an http(s):// or file:// URL")
    return urls


def parse_flag(name: str, value: str | bool) -> bool:
    """``yes``/``no`` (and true/false, on/off, 1/0) as a bool; ValueError naming the argument otherwise."""
    if isinstance(value, bool):
        return value
    text = value.strip().lower()
    if text in _YES or text in _NO:
        return text in _YES
    raise ValueError(f"{name}: expected yes or no, got {value!r}")


def is_local(url: str) -> bool:
    """True for file:// URLs and loopback hosts, which need no politeness throttling."""
    parts = urlsplit(url)
    if parts.scheme == "file":
        return True
    host = parts.hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# What a request carries (``cb_kwargs``) is plain data: a distributed crawl keeps requests in Redis, through
# scrapy-redis's serializer (``SCHEDULER_SERIALIZER``; pickle unless set), which refuses a Response (its
# Selector) and any object of our own. An article rides as its record dict (``record``/``Article(**data)``).
Record = dict[str, Any]


def record(article: Article) -> Record:
    """The article as plain data (nested values are already dicts and lists), ``Article(**record)`` again."""
    return asdict(article)


@dataclass
class SplitArticle:
    """An article split over pages, while its later pages are being fetched: ``first_url`` the URL of page
    1, ``article`` its record, ``parts`` the later pages' records read so far, ``rest`` the URLs still to
    fetch, ``alternate`` the copy whose canonical page this is (a record, or None), ``container`` the body's
    CSS selector. Carried between requests as ``asdict(split)`` (plain data, see :data:`Record`)."""

    first_url: str
    article: Record
    parts: list[Record]
    rest: list[str]
    alternate: Record | None = None
    container: str | None = None


class ArticlesSpider(scrapy.Spider):
    """Crawls the start URLs' sites and yields one record per article (arguments in the module docstring)."""
    name = "articles"

    def __init__(
        self,
        start_urls: str | list[str] | None = None,
        follow: str | bool = "yes",
        site: str | None = None,
        *args: Any,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.start_urls = parse_start_urls(start_urls)
        self.follow = parse_flag("follow", follow)
        self.site = site or None
        if self.site:
            try:
                get_profile(self.site)  # fail now, with the list of known profiles
            except ProfileError as exc:
                raise ValueError(f"site: {exc}") from exc
        self.sample_site = not self.start_urls
        # What the crawl may request (scraper.scope); the sample site's, once it is served (start).
        self.scope = CrawlScope(self.start_urls)
        self.link_extractor = LinkExtractor()
        self._server_port: Any = None
        self.sample_site_served: SampleSite | None = None  # once served (scraper.sample_site.SampleSiteRoute)
        self.second_opinion = False  # SECOND_OPINION_ENABLED, read in from_crawler

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        super().update_settings(settings)
        use_redis(settings, cls.name)
        if not settings.getdict("FEEDS") and not settings.get("RUN_OUTPUT"):
            settings.set("FEEDS", settings.getdict("DEFAULT_FEED"), priority="spider")

    @classmethod
    def check_arguments(cls, settings: BaseSettings, *args: Any, **kwargs: Any) -> None:
        """ValueError (``articles spider: NAME: why``) for arguments, or settings, this spider cannot
        crawl with: what :meth:`from_crawler` refuses, checked before a crawler exists."""
        try:
            cls(*args, **kwargs)._check_settings(settings)
        except ValueError as exc:
            raise ValueError(f"articles spider: {exc}") from exc

    def _check_settings(self, settings: BaseSettings) -> None:
        if settings.getbool("SECOND_OPINION_ENABLED") and not second_opinion_available():
            raise ValueError(
                "SECOND_OPINION_ENABLED needs trafilatura (pip install trafilatura), or -s SECOND_OPINION_ENABLED=False"
            )
        if self.sample_site and redis_url(settings):
            raise ValueError("start_urls: a distributed crawl (REDIS_URL) needs start_urls, alike on each worker")

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> ArticlesSpider:
        try:
            spider = super().from_crawler(crawler, *args, **kwargs)
            spider._check_settings(crawler.settings)
        except ValueError as exc:
            raise ValueError(f"articles spider: {exc}") from exc
        spider.second_opinion = crawler.settings.getbool("SECOND_OPINION_ENABLED")
        if spider.sample_site or all(is_local(u) for u in spider.start_urls):
            # Throttling protects remote servers; the sample site and loopback servers need none.
            crawler.settings.set("AUTOTHROTTLE_ENABLED", False, priority="spider")
        crawler.signals.connect(spider._stop_server, signal=signals.spider_closed)
        return spider

    async def start(self) -> AsyncIterator[Request]:
        if self.sample_site:
            port = self.crawler.settings.getint("SAMPLE_SITE_PORT")
            self.sample_site_served = served = serve_sample_site(port)
            self._server_port = served.listening
            self.start_urls = [served.home]
            self.scope = CrawlScope(self.start_urls)
            if served.route:
                self.logger.info(
                    "Crawling the bundled sample site at %s (port %d is taken: served at %s, same URLs)",
                    served.home, port, served.route,
                )  # fmt: skip
            else:
                self.logger.info("Crawling the bundled sample site at %s", served.home)
        for url in self.start_urls:
            directory = local_directory(url)
            if directory is None:
                yield Request(url, callback=self.parse, errback=self.on_error)
                continue
            try:
                pages = directory_pages(directory)
            except OSError as exc:
                self._count_skip(url, Skip(SkipReason.NO_PAGES, f"a directory that cannot be read ({exc.strerror})"))
                continue
            if not pages:
                detail = f"a directory with no page in it ({', '.join(PAGE_SUFFIXES)} files)"
                self._count_skip(url, Skip(SkipReason.NO_PAGES, detail))
            for page in pages:
                yield Request(page, callback=self.parse, errback=self.on_error)

    def _stop_server(self) -> None:
        if self._server_port is not None:
            self._server_port.stopListening()
            self._server_port = None

    # --- callbacks -----------------------------------------------------------

    def parse(self, response: Response, alternate: Record | None = None, **kwargs: Any) -> Iterator[Article | Request]:
        """Yield the page's article (if it is one) and, when following, the links to crawl next.

        ``alternate``: when this page was fetched as the canonical page of an alternate
        (mobile/print) copy, that copy's record, yielded after this page's article.
        """
        if is_sitemap(response):
            yield from self._sitemap_requests(response)
            return
        result = self._parse_page(response)
        if not isinstance(result, Skip) and result.second_opinion is not None:
            taken = result.second_opinion == "taken"
            self.crawler.stats.inc_value(keys.SECOND_OPINION_TAKEN if taken else keys.SECOND_OPINION_KEPT)
        if isinstance(result, Skip):
            self._count_skip(response.url, result)
            if alternate is not None:
                yield Article(**alternate)
        elif result.continuations:
            # A split article: read its later pages first, then yield it whole.
            article = record(result.article)
            split = SplitArticle(response.url, article, [], result.continuations, alternate, result.container)
            yield from self._next_part(split)
        else:
            yield from self._finish(result.article, response.url, alternate)
        if self.follow and is_html(response):
            yield from self._links(response)

    def parse_continuation(self, response: Response, split: Record) -> Iterator[Article | Request]:
        """Page 2+ of a split article (``split``: a :class:`SplitArticle` as a dict): collect its body,
        then fetch the next page or finish."""
        state = SplitArticle(**split)
        result = self._parse_page(response, continuation=True, container=state.container)
        if isinstance(result, Skip):
            self._count_skip(response.url, result)
        else:
            state.parts.append(record(result.article))
            state.rest = sorted(set(state.rest) | set(result.continuations), key=lambda url: page_of(url)[1])
        yield from self._next_part(state)

    def on_continuation_error(self, failure: Failure) -> Iterator[Article | Request]:
        """A later page failed: go on with the pages left (the article is counted as incomplete)."""
        self.on_error(failure)
        self.crawler.stats.inc_value(keys.INCOMPLETE_ARTICLES)
        yield from self._next_part(SplitArticle(**failure.request.cb_kwargs["split"]))  # type: ignore[attr-defined]

    def on_error(self, failure: Failure) -> None:
        request = failure.request  # type: ignore[attr-defined]
        reason = ignore_reason(failure.value)
        if reason is not None:
            # robots.txt disallow, offsite, not modified, too large: counted by reason (scraper.ignored)
            self.crawler.stats.inc_value(keys.IGNORED_REQUESTS)
            self.crawler.stats.inc_value(keys.ignored_key(reason))
            self.logger.debug("Ignored %s: %s", request.url, failure.getErrorMessage())
            if reason.failed:
                keys.count_failed_url(self.crawler.stats, f"ignored/{reason}")
            return
        skip = Skip(SkipReason.ERROR, failure.getErrorMessage())
        self._count_skip(request.url, skip, failed_as=download_failure(failure.value))

    def on_canonical_error(self, failure: Failure) -> Iterator[Article]:
        """The canonical page could not be fetched: export the alternate instead of losing it."""
        self.on_error(failure)
        yield Article(**failure.request.cb_kwargs["alternate"])  # type: ignore[attr-defined]

    # --- helpers -------------------------------------------------------------

    def _parse_page(
        self, response: Response, continuation: bool = False, container: str | None = None
    ) -> ParsedPage | Skip:
        try:
            return parse_page(
                response,
                utc_now(),
                self.site,
                continuation=continuation,
                container=container,
                second_opinion=self.second_opinion,
            )
        except Exception as exc:  # a parser bug must not stop the crawl: log, count, go on
            self.logger.exception("Failed to parse %s", response.url)
            return Skip(SkipReason.ERROR, f"{type(exc).__name__}: {exc}")

    def _next_part(self, split: SplitArticle) -> Iterator[Article | Request]:
        """Request the split article's next page, or yield the article once all are read."""
        if split.rest and len(split.parts) + 1 < MAX_PAGES:
            url, split.rest = split.rest[0], split.rest[1:]
            yield Request(
                url,
                callback=self.parse_continuation,
                errback=self.on_continuation_error,
                cb_kwargs={"split": asdict(split)},
                dont_filter=True,
            )
            return
        self.crawler.stats.inc_value(keys.SPLIT_ARTICLES)
        article = merge_pages(Article(**split.article), [Article(**part) for part in split.parts])
        yield from self._finish(article, split.first_url, split.alternate)

    def _finish(self, article: Article, page_url: str, alternate: Record | None) -> Iterator[Article | Request]:
        """Yield a parsed article, or first fetch its canonical page when this one is a copy."""
        self.crawler.stats.inc_value(keys.ARTICLES)
        canonical = article.canonical_url
        if (
            alternate is None
            and self.follow
            and canonical
            and canonicalize_url(canonical) != canonicalize_url(page_url)
            and urlsplit(canonical).scheme in ("http", "https")
            and self._in_scope(canonical)
        ):
            # The canonical page is the one to export; this one is reported as its duplicate.
            self.crawler.stats.inc_value(keys.CANONICAL_REDIRECTS)
            yield Request(
                canonical,
                callback=self.parse,
                errback=self.on_canonical_error,
                cb_kwargs={"alternate": record(article)},
                dont_filter=True,
            )
            return
        yield article
        if alternate is not None:
            yield Article(**alternate)

    def _in_scope(self, url: str) -> bool:
        """True for a URL in the crawl's scope (scraper.scope); one outside it is counted and logged."""
        refusal = self.scope.refusal(url)
        if refusal is not None:
            assert self.crawler.stats is not None
            ScopeRefusals(self.crawler.stats, self.logger).link(url, refusal)
        return refusal is None

    def _links(self, response: Response) -> Iterator[Request]:
        assert isinstance(response, TextResponse)
        for link in self.link_extractor.extract_links(response):
            if self._in_scope(link.url):
                yield Request(link.url, callback=self.parse, errback=self.on_error)

    def _sitemap_requests(self, response: Response) -> Iterator[Request]:
        """The pages (or sitemaps) a sitemap lists; an invalid one is warned about, counted
        (``sitemap/invalid``) and, when following links, its site's home page is crawled instead."""
        read = read_sitemap(response.body, response.url)
        if read.invalid is not None:
            self.crawler.stats.inc_value(keys.SITEMAP_INVALID)
            keys.count_failed_url(self.crawler.stats, "sitemap/invalid")
            home = response.urljoin("/")
            discover = self.follow and urlsplit(home).scheme in ("http", "https")
            then = f"; link discovery goes on from {home}" if discover else ""
            self.logger.warning("Invalid sitemap %s: %s%s", response.url, read.invalid, then)
            if discover and self._in_scope(home):
                yield Request(home, callback=self.parse, errback=self.on_error)
        for url in read.urls:
            if self._in_scope(url):
                yield Request(url, callback=self.parse, errback=self.on_error)

    def _count_skip(self, url: str, skip: Skip, failed_as: str | None = None) -> None:
        """Count a page that gave no record; a failed one also as a failed URL, by ``failed_as`` (a download
        failure's reason) or else by its skip reason (``skipped/broken``)."""
        stats = self.crawler.stats
        assert stats is not None
        if skip.reason.failed:
            stats.inc_value(keys.skipped_key(skip.reason))
            stats.inc_value(keys.SKIPPED)
            keys.count_failed_url(stats, failed_as or f"skipped/{skip.reason}")
            self.logger.warning("Skipped %s: %s", url, skip.detail)
        else:
            stats.inc_value(keys.NON_ARTICLE_PAGES)
            self.logger.debug("Not an article: %s (%s)", url, skip.detail)
