"""One HTML page → one article record (or the reason it is none), using a site profile."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from urllib.parse import urljoin

from lxml.html import HtmlElement
from parsel import Selector

from scraper.dates import date_in_url, is_date_line, labelled_date, only_update_dates, parse_date, timezone_of
from scraper.items import Article, Image
from scraper.parsing import metadata
from scraper.parsing.blocks import element_lines, elements_lines, remove_hidden
from scraper.parsing.content import (
    find_main_content,
    find_related_blocks,
    is_comment_thread,
    is_furniture,
    is_inside,
)
from scraper.parsing.outcome import Skip
from scraper.parsing.pagination import may_be_page_links
from scraper.parsing.related_block import block_entries
from scraper.profiles import SiteProfile
from scraper.related import RelatedEntry, make_entry
from scraper.relative_dates import local_now
from scraper.selectors import first_value, select, select_elements
from scraper.text import cjk_ratio, clean_line
from scraper.titles import choose_title, split_title, strip_site_suffix

# A page the generic path handles is an article only with this much body text
# (characters): below it, the "body" is a teaser, a caption or a footer.
MIN_GENERIC_BODY_CHARS = 80
LAZY_IMAGE_ATTRS = ("data-url", "data-src", "data-original", "data-lazy-src", "data-echo", "src")
BREADCRUMB_HINTS = ("crumb", "bread", "position", "location", "weizhi", "place")
BREADCRUMB_LABELS = ("当前位置", "您的位置", "你的位置", "所在位置", "现在位置")
# Lines at the top of a body container searched for a date line to leave out.
LEADING_META_LINES = 3
# A headline shorter than this (a logo, a section name) does not count as a match of <title>.
MIN_HEADLINE_CHARS = 4
HEADLINE_TAGS = ("h1", "h2", "h3", "h4")
# How much text after the headline (and after the body) is searched for a date.
DATE_WINDOW_CHARS = 200


def _selected_text(found: list[HtmlElement | str]) -> str:
    """Text of what a CSS selector found: values for ``::text``/``::attr``, visible lines for elements."""
    parts = []
    for item in found:
        if isinstance(item, HtmlElement):
            parts.append(" ".join(element_lines(item)))
        else:
            parts.append(clean_line(str(item)))
    return " ".join(p for p in parts if p).strip()


def first_text(sel: Selector, selectors: tuple[str, ...]) -> str | None:
    for css in selectors:
        text = _selected_text(select(sel.root, css))
        if text:
            return text
    return None


def first_element(sel: Selector, selectors: tuple[str, ...]) -> HtmlElement | None:
    for css in selectors:
        for item in select_elements(sel.root, css):
            return item
    return None


def _all_elements(sel: Selector, selectors: tuple[str, ...]) -> list[HtmlElement]:
    return [item for css in selectors for item in select_elements(sel.root, css)]


class HtmlPage:
    """Field extraction for one HTML page; one method per record field.

    It removes the page's hidden elements from ``selector``'s tree as it starts.
    """

    def __init__(
        self,
        selector: Selector,
        url: str,
        profile: SiteProfile,
        fetched_at: str | None = None,
        body_hint: str | None = None,
    ):
        self.url = url
        self.profile = profile
        self.fetched_at = fetched_at
        self.sel = selector
        self.root: HtmlElement = self.sel.root
        self.meta = metadata.meta_values(self.root)
        self.script_dates = metadata.script_dates(self.root)
        self.head_title = metadata.head_title(self.root)
        remove_hidden(self.root)
        self.base = metadata.base_url(self.root, url)
        self.related_blocks = self._related_blocks()
        self.excluded = set(self.related_blocks) | set(_all_elements(self.sel, profile.exclude))
        headline = first_element(self.sel, profile.title)
        self.headline = headline if headline is not None else self._find_headline()
        container = first_element(self.sel, profile.body or ((body_hint,) if body_hint else ()))
        if container is None:
            container = find_main_content(self.root, self.excluded, self.headline)
        self.container = container

    # --- record fields -------------------------------------------------------

    def site(self) -> str | None:
        if self.profile.site_name:
            return self.profile.site_name
        if self.meta.get("og:site_name"):
            return clean_line(self.meta["og:site_name"])
        if self.head_title:
            return split_title(self.head_title, self.profile.title_separators).site
        return None

    def title(self) -> str | None:
        seps = self.profile.title_separators
        chosen = first_text(self.sel, self.profile.title)
        if not chosen:
            h1 = clean_line(self.headline.text_content()) if self.headline is not None else None
            chosen = choose_title(h1, self.head_title, self.meta.get("og:title"), seps)
        if chosen and self.profile.site_name:
            chosen = strip_site_suffix(chosen, seps, site=self.profile.site_name)
        return chosen or None

    def published(self) -> str | None:
        """Publication date: profile, the info bar after the headline, JSON-LD/meta, <time>, labels, URL."""
        tz, now, year = self.profile.timezone, self._now(), self._year_hint()
        text = first_text(self.sel, self.profile.published)
        found = parse_date(text, tz, now, year) if text else None
        if found:
            return found
        window = self._text_after_headline()
        update_only = only_update_dates(window, tz)
        found = None if update_only else parse_date(window, tz, now, year)
        if found:
            return found
        machine = [*self.script_dates, metadata.first_meta(self.meta, metadata.DATE_META)]
        machine += [time.get("datetime") or time.text_content() for time in self.root.iter("time")]
        for value in machine:
            found = parse_date(value, tz)
            if found:
                return found
        return (
            date_in_url(self.url)
            or parse_date(self._text_after_body(), tz, now, year)
            or labelled_date(self._page_text(), tz)
            or (parse_date(window, tz) if update_only else None)
        )

    def _now(self) -> datetime | None:
        return local_now(self.fetched_at, timezone_of(self.profile.timezone) or UTC)

    def _year_hint(self) -> int | None:
        """The year for a date shown without one: from the page's machine dates, else the fetch year."""
        for value in [*self.script_dates, *self.meta.values()]:
            match = re.match(r"((?:19|20)\d{2})-\d{1,2}-\d{1,2}", value.strip())
            if match:
                return int(match.group(1))
        now = self._now()
        return now.year if now else None

    def author(self) -> str | None:
        text = first_text(self.sel, self.profile.author) or metadata.first_meta(self.meta, metadata.AUTHOR_META)
        if not text:
            return None
        return clean_line(text.split("：", 1)[-1].split(":", 1)[-1]) or None

    def breadcrumbs(self) -> list[str]:
        if self.profile.breadcrumbs:
            crumbs = [
                clean_line(" ".join(element_lines(el))) for el in _all_elements(self.sel, self.profile.breadcrumbs)
            ]
        else:
            crumbs = self._generic_breadcrumbs()
        return [c for c in crumbs if c and c not in self.profile.breadcrumbs_drop]

    def description(self) -> str | None:
        return clean_line(self.meta.get("description") or self.meta.get("og:description") or "") or None

    def keywords(self) -> list[str]:
        return metadata.keywords(self.meta.get("keywords"))

    def body_lines(self) -> list[str]:
        """The container's lines without the headline and the date line that may sit inside it."""
        if self.container is None:
            return []
        lines = element_lines(
            self.container, skip=lambda el: el in self.excluded or el is self.headline or is_furniture(el)
        )
        head = [line for line in lines[:LEADING_META_LINES] if is_date_line(line, self.profile.timezone)]
        return [line for line in lines if line not in head] if head else lines

    def related(self) -> list[RelatedEntry]:
        """Related-reading entries: by the profile's selectors, else read from the block's lines."""
        entries: list[RelatedEntry] = []
        rel = self.profile.related
        for block in self.related_blocks:
            if rel.block:
                items = select_elements(block, rel.item)
                found = [e for e in (self._related_entry(item) for item in items) if e is not None]
            else:
                found = block_entries(block, self.base)
            entries += [e for e in found if e not in entries]
        return entries

    def images(self) -> list[Image]:
        if self.container is None:
            return []
        images: list[Image] = []
        for img in self.container.iter("img"):
            if is_inside(img, self.excluded):
                continue
            src = next((img.get(a).strip() for a in LAZY_IMAGE_ATTRS if (img.get(a) or "").strip()), "")
            if not src or src.startswith("data:"):
                continue
            url = urljoin(self.base, src)
            if all(i["url"] != url for i in images):
                images.append({"url": url, "alt": clean_line(img.get("alt") or "") or None})
        return images

    def container_selector(self) -> str | None:
        """A CSS selector for the body container (to find the same container on a later page)."""
        el = self.container
        if el is None:
            return None
        if el.get("id"):
            return f"{el.tag}#{el.get('id')}"
        classes = ".".join(c for c in (el.get("class") or "").split() if c.isidentifier() or "-" in c)
        return f"{el.tag}.{classes}" if classes else None

    def pagination_links(self) -> list[str]:
        """Absolute URLs of the links that may point to another page of this article."""
        hrefs = (a.get("href", "").strip() for a in self.root.iter("a"))
        return [urljoin(self.base, h) for h in may_be_page_links(self.url, hrefs)]

    def canonical_url(self) -> str | None:
        return metadata.canonical_url(self.root, self.base)

    def language(self, body: str) -> str | None:
        return metadata.language(self.root) or ("zh" if cjk_ratio(body) >= 0.3 else None)

    # --- whole record --------------------------------------------------------

    def to_item(self, part: bool = False) -> Article | Skip:
        """The article, or a Skip saying why this page is not one (``part``: page 2+, any length)."""
        title = self.title()
        lines = self.body_lines()
        if not title:
            return Skip("not_article", "no title found")
        if not lines:
            return Skip("not_article", "no article body found")
        if not part and not self.profile.body and sum(map(len, lines)) < MIN_GENERIC_BODY_CHARS:
            return Skip("not_article", "too little body text for an article")
        body = "\n".join(lines)
        return Article(
            url=self.url,
            canonical_url=self.canonical_url(),
            site=self.site(),
            title=title,
            published=self.published(),
            author=self.author(),
            breadcrumbs=self.breadcrumbs(),
            description=self.description(),
            keywords=self.keywords(),
            body=body,
            related=self.related(),
            images=self.images(),
            language=self.language(body),
            fetched_at=self.fetched_at,
        )

    # --- helpers -------------------------------------------------------------

    def _related_blocks(self) -> list[HtmlElement]:
        if self.profile.related.block:
            return _all_elements(self.sel, self.profile.related.block)
        return find_related_blocks(self.root)

    def _related_entry(self, item: HtmlElement) -> RelatedEntry | None:
        rel = self.profile.related
        title = _selected_text(select(item, rel.title)) if rel.title else ""
        href = first_value(item, rel.url).strip() if rel.url else ""
        if not title:
            return None
        url = urljoin(self.base, href) if href and not href.startswith(("javascript:", "#")) else None
        summary = elements_lines(select_elements(item, rel.summary)) if rel.summary else []
        return make_entry(title, url, summary if rel.summary else [])

    def _find_headline(self) -> HtmlElement | None:
        """The headline element: the longest h1–h4 / ``*title*`` element whose text starts
        the ``<title>`` (or og:title); else the first ``<h1>``."""
        titles = [t for t in (self.head_title, self.meta.get("og:title")) if t]
        best: tuple[int, HtmlElement] | None = None
        for el in self.root.iter(*HEADLINE_TAGS, "div", "p", "span", "strong", "td"):
            if el.tag not in HEADLINE_TAGS and "title" not in f"{el.get('class', '')} {el.get('id', '')}".lower():
                continue
            text = clean_line(el.text_content())
            if len(text) >= MIN_HEADLINE_CHARS and any(t.startswith(text) for t in titles):
                if best is None or len(text) > best[0]:
                    best = (len(text), el)
        return best[1] if best else next(iter(self.root.iter("h1")), None)

    def _text_after_headline(self) -> str:
        """Text that follows the headline (the info bar), up to the body container."""
        if self.headline is None:
            return ""
        parts = [self.headline.tail or ""]
        node: HtmlElement | None = self.headline
        while node is not None and sum(map(len, parts)) < DATE_WINDOW_CHARS:
            for sibling in node.itersiblings():
                if self.container is not None and is_inside(self.container, {sibling}):
                    return " ".join(parts)[:DATE_WINDOW_CHARS]
                parts.append(" ".join(sibling.itertext()))
                if sum(map(len, parts)) >= DATE_WINDOW_CHARS:
                    break
            node = node.getparent()
        return " ".join(parts)[:DATE_WINDOW_CHARS]

    def _text_after_body(self) -> str:
        """The line right after the body container (Q&A answers carry their date there: ``3天前 回答``)."""
        if self.container is None:
            return ""
        parts: list[str] = []
        for sibling in self.container.itersiblings():
            if is_comment_thread(sibling) or sibling in self.excluded:
                break
            parts.append(" ".join(sibling.itertext()))
            if sum(map(len, parts)) >= DATE_WINDOW_CHARS:
                break
        return " ".join(parts)[:DATE_WINDOW_CHARS]

    def _page_text(self) -> str:
        """The page's text less related blocks and comment threads (their dates are not the article's)."""
        body = self.root.find("body")
        top = body if body is not None else self.root
        return " ".join(element_lines(top, skip=lambda el: el in self.excluded or is_comment_thread(el)))

    def _generic_breadcrumbs(self) -> list[str]:
        for el in self.root.iter("div", "nav", "p", "span", "ol", "ul"):
            hint = f"{el.get('class', '')} {el.get('id', '')}".lower()
            text = "".join(el.text_content().split())[:12]
            if any(h in hint for h in BREADCRUMB_HINTS) or text.startswith(BREADCRUMB_LABELS):
                crumbs = [clean_line(a.text_content()) for a in el.iter("a")]
                if crumbs:
                    return crumbs
        return []
