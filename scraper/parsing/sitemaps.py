"""Sitemaps (https://www.sitemaps.org/protocol.html): a ``<urlset>`` of pages or a ``<sitemapindex>`` of
sitemaps → the URLs they list, or why the sitemap is invalid.

Read strictly, with lxml: Scrapy's own reader (``scrapy.utils.sitemap.Sitemap``) parses with ``recover=True``,
which turns an entity bomb, an external entity or a sitemap cut short into a few URLs or none, without a word.
Here:

* a DOCTYPE is refused outright (the protocol's documents have none; a DTD is how entity bombs and external
  entities come in): nothing is read from such a sitemap;
* malformed XML (an entity bomb lxml stops, a body cut short, tags that do not match) is invalid, and the
  entries complete before the error are kept (they were read as the protocol says);
* a document whose root is neither ``urlset`` nor ``sitemapindex`` is no sitemap.

Entities are never resolved, the network never used, and huge text nodes refused (lxml's ``huge_tree`` off).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from io import BytesIO
from urllib.parse import urljoin, urlsplit

from lxml import etree
from scrapy.http import Response, TextResponse, XmlResponse

SITEMAP_ROOTS = ("urlset", "sitemapindex")
# The elements of one entry, and the one holding its URL.
ENTRY_TAGS = ("url", "sitemap")
LOC_TAG = "loc"
# A document is taken for a sitemap by its root's name anywhere in it (a long DOCTYPE may push the root far
# down), or by a name like sitemap.xml, sitemap_index.xml, sitemap-2.xml.gz (for one that hides its root).
_ROOT_MARKERS = (b"<urlset", b"<sitemapindex")
_SITEMAP_NAME = re.compile(r"sitemap[^/]*\.xml$", re.IGNORECASE)
_XML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<\?xml\b")


@dataclass(frozen=True)
class SitemapRead:
    """What a sitemap gave: its URLs (absolute, in document order) and, for an invalid one, why (``invalid``,
    for people; the URLs are then those complete before the error, if any)."""

    urls: list[str] = field(default_factory=list)
    invalid: str | None = None


def is_sitemap(response: Response) -> bool:
    """True for a response to read as a sitemap: an XML document (by its type or its ``<?xml`` start) that
    holds a ``<urlset``/``<sitemapindex`` element or is named like one (``sitemap*.xml``)."""
    if not isinstance(response, TextResponse):
        return False
    if not isinstance(response, XmlResponse) and not _XML_START.match(response.body[:64]):
        return False
    name = urlsplit(response.url).path.rsplit("/", 1)[-1]
    return any(marker in response.body for marker in _ROOT_MARKERS) or bool(_SITEMAP_NAME.search(name))


def _local_name(element: etree._Element) -> str:
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def read_sitemap(body: bytes, url: str) -> SitemapRead:
    """The URLs a sitemap at ``url`` lists (relative ones resolved against ``url``), or why it is invalid
    (see the module docstring). Never raises for a bad document."""
    urls: list[str] = []
    events = etree.iterparse(
        BytesIO(body),
        events=("start", "end"),
        recover=False,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )
    root: etree._Element | None = None
    try:
        for event, element in events:
            if root is None:
                root = element
                if element.getroottree().docinfo.doctype:
                    return SitemapRead([], "a DOCTYPE (sitemaps have none; entity declarations are refused)")
                if _local_name(element) not in SITEMAP_ROOTS:
                    return SitemapRead([], f"not a sitemap (its root element is <{_local_name(element)}>)")
            elif event == "end" and _local_name(element) in ENTRY_TAGS:
                loc = next((child.text for child in element if _local_name(child) == LOC_TAG), None)
                if loc and loc.strip():
                    urls.append(urljoin(url, loc.strip()))
                element.clear()
    except etree.XMLSyntaxError as exc:
        kept = f"; the {len(urls)} entries before it are kept" if urls else ""
        return SitemapRead(urls, f"malformed XML ({exc}){kept}")
    if root is None:
        return SitemapRead([], "an empty document")
    return SitemapRead(urls)
