"""Page metadata from ``<head>``: meta tags, canonical link, language, base URL; dates in scripts.

JSON-LD and microdata are read in ``structured_data`` (with extruct); this module keeps the dates that
a page's ordinary scripts hold, which no structured-data syntax describes."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from urllib.parse import urljoin

from lxml.html import HtmlElement

from scraper.parsing.dates import timezone_of
from scraper.parsing.structured_data import json_ld_scripts
from scraper.profiles import DEFAULT_SEPARATORS, DEFAULT_TIMEZONE
from scraper.text.hanzi import simplified
from scraper.text.normalize import clean_line

# Meta names/properties that carry the publication date, strongest first.
DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish_date",
    "publication_date",
    "dc.date.issued",
    "dc.date",
    "date",
    "sailthru.date",
    "parsely-pub-date",
)
AUTHOR_META = ("author", "article:author", "dc.creator", "sailthru.author")
# Keys of JSON objects in ordinary scripts (window.__DATA__ = {"publishDate": "…"}) that carry the
# publication date; JSON-LD blocks are read in structured_data.
_SCRIPT_JSON_DATE = re.compile(r'"(?:datePublished|pubDate|publishDate|publish_time|dateCreated)"\s*:\s*"([^"]{8,40})"')
# Dates a page's scripts hold in variables or JSON state (WeChat: var publish_time = "2020-07-14";
# var ct = "1594689120"; a server-rendered app's {"create_time":"2020-01-15 12:10:01"}).
_SCRIPT_VARIABLE_DATE = re.compile(
    r"\b(?:publish_time|publishTime|publish_date|publishDate|pub_time|pubtime|pubDate|create_time|createTime)"
    r"[\"']?\s*[=:]\s*[\"']([^\"']{8,40})[\"']"
)
# Unix timestamps (seconds) in such variables: ct is WeChat's creation time.
_SCRIPT_VARIABLE_EPOCH = re.compile(
    r"\b(?:ct|publish_time|publishTime|pub_time|pubtime|create_time|createTime|timestamp)"
    r"\s*[=:]\s*[\"']?(1\d{9})[\"']?"
)


def meta_values(root: HtmlElement) -> dict[str, str]:
    """``<meta>`` contents by lower-cased name, property or itemprop (first one wins)."""
    values: dict[str, str] = {}
    for meta in root.iter("meta"):
        content = meta.get("content")
        if content is None:
            continue
        for attr in ("name", "property", "itemprop", "http-equiv"):
            key = (meta.get(attr) or "").strip().lower()
            if key:
                values.setdefault(key, content.strip())
    return values


def first_meta(meta: dict[str, str], names: tuple[str, ...]) -> str | None:
    """The first non-empty value among the meta ``names``, or None."""
    return next((meta[n] for n in names if meta.get(n)), None)


def canonical_url(root: HtmlElement, base_url: str) -> str | None:
    """``<link rel=canonical>`` made absolute against ``base_url``, or None."""
    for link in root.iter("link"):
        rels = (link.get("rel") or "").lower().split()
        href = (link.get("href") or "").strip()
        if "canonical" in rels and href:
            return urljoin(base_url, href)
    return None


def base_url(root: HtmlElement, url: str) -> str:
    """The URL that relative links resolve against (``<base href>`` when present)."""
    for base in root.iter("base"):
        href = (base.get("href") or "").strip()
        if href:
            return urljoin(url, href)
    return url


# <title>s that name a kind of page or an editor's default, not the article (the headline is on the
# page): 图文详情, 文章详情, 无标题文档 (Dreamweaver's), Document (a front-end template's).
GENERIC_TITLES = frozenset(
    "详情 详情页 图文详情 文章详情 新闻详情 资讯详情 内容详情 正文 正文页 文章 新闻 内容页 文章页 "
    "无标题 无标题文档 无标题文件 无标题页 document untitled index".split()
)
# The title separators before a generic title's site suffix (文章详情 - 科普中国 is generic too).
_SUFFIX = re.compile(r"\s*(?:" + "|".join(map(re.escape, DEFAULT_SEPARATORS)) + r")\s*")


# A logged-in reader's unread counter that a site puts before the title: (99+ 封私信 / 81 条消息), (3条新消息).
_UNREAD_COUNTER = re.compile(r"^[(（]\s*\d+\+?\s*(?:封|条|個|个)[^()（）]{0,20}[)）]\s*")


def head_title(root: HtmlElement) -> str | None:
    """The ``<title>`` as one clean line less an unread counter before it, or None (also for a generic
    title, :data:`GENERIC_TITLES`, with or without a site suffix)."""
    for title in root.iter("title"):
        text = _UNREAD_COUNTER.sub("", clean_line(title.text_content() or ""))
        if text:
            first = _SUFFIX.split(text, maxsplit=1)[0]
            return None if simplified(first).lower() in GENERIC_TITLES else text
    return None


def language(root: HtmlElement) -> str | None:
    """Primary language subtag from ``<html lang>`` (``zh-CN`` → ``zh``), or None."""
    lang = root.get("lang") or root.get("xml:lang") or ""
    match = re.match(r"[A-Za-z]{2,3}", lang.strip())
    return match.group().lower() if match else None


def keywords(value: str | None) -> list[str]:
    """Meta keywords as a list: split on commas, 、 and semicolons, duplicates removed."""
    if not value:
        return []
    words = (clean_line(w) for w in re.split(r"[,，、;；|]", value))
    return list(dict.fromkeys(w for w in words if w))


# An author a page's scripts hold for its analytics (var aauthor = '马晓华'; "AUTHER": "何新策").
_SCRIPT_VARIABLE_AUTHOR = re.compile(
    r"\b[a-z_]{0,3}(?:author|auther|zuozhe|writer)[\"']?\s*[=:]\s*[\"']([^\"'<>{}\[\]\\]{2,30})[\"']", re.I
)


def ordinary_scripts(root: HtmlElement) -> list[str]:
    """The texts of the page's ``<script>`` elements that are not JSON-LD (read in structured_data)."""
    json_ld = set(json_ld_scripts(root))
    return [script.text or "" for script in root.iter("script") if script not in json_ld]


def script_authors(root: HtmlElement) -> list[str]:
    """Author values held in variables or keys of ordinary ``<script>`` (not JSON-LD), in page order."""
    return [value.strip() for text in ordinary_scripts(root) for value in _SCRIPT_VARIABLE_AUTHOR.findall(text)]


def script_dates(root: HtmlElement) -> list[str]:
    """Publication date values in ordinary ``<script>`` (not JSON-LD): JSON keys (``"publishDate": "…"``),
    then script variables (``var publish_time = "…"``), then Unix timestamps in them as ISO 8601 in the
    default site time zone (``var ct = "1594689120"`` → ``2020-07-14T09:12:00+08:00``)."""
    texts = ordinary_scripts(root)
    values = [value for text in texts for value in _SCRIPT_JSON_DATE.findall(text)]
    values += [value for text in texts for value in _SCRIPT_VARIABLE_DATE.findall(text) if not value.isdigit()]
    zone = timezone_of(DEFAULT_TIMEZONE) or UTC
    epochs = [int(value) for text in texts for value in _SCRIPT_VARIABLE_EPOCH.findall(text)]
    values += [datetime.fromtimestamp(epoch, zone).isoformat() for epoch in epochs]
    return list(dict.fromkeys(values))  # a JSON key is a variable's name too: each value once
