"""Sitemaps read strictly (scraper.parsing.sitemaps): their URLs, or why they are invalid. Crawled for real in
tests/e2e/test_sitemaps.py."""

from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse, TextResponse, XmlResponse

from scraper.parsing.sitemaps import is_sitemap, read_sitemap

URL = "http://www.jk.test/sitemap.xml"
NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def test_a_urlset_gives_its_pages_in_order_resolved_against_the_sitemap():
    body = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset {NS}>\n'
        "  <url><loc>/a/1.html</loc><lastmod>2020-07-14</lastmod></url>\n"
        "  <url><lastmod>2020-07-14</lastmod></url>\n"  # no <loc>: nothing to fetch
        "  <url><loc>\n    http://www.jk.test/a/2.html\n  </loc></url>\n"
        "  <!-- a comment --><url><loc>b/3.html</loc></url>\n"
        "</urlset>\n"
    ).encode()
    read = read_sitemap(body, URL)
    assert read.invalid is None
    assert read.urls == ["http://www.jk.test/a/1.html", "http://www.jk.test/a/2.html", "http://www.jk.test/b/3.html"]


def test_a_sitemap_index_gives_its_sitemaps_and_a_bare_urlset_is_read_too():
    entries = "<sitemap><loc>/s1.xml</loc></sitemap><sitemap><loc>/s2.xml</loc></sitemap>"
    index = f"<sitemapindex {NS}>{entries}</sitemapindex>"
    assert read_sitemap(index.encode(), URL).urls == ["http://www.jk.test/s1.xml", "http://www.jk.test/s2.xml"]
    assert read_sitemap(b"<urlset><url><loc>/x.html</loc></url></urlset>", URL).urls == ["http://www.jk.test/x.html"]


def test_a_sitemap_in_another_declared_encoding_is_read():
    body = '<?xml version="1.0" encoding="gbk"?><urlset><url><loc>/高血压/1.html</loc></url></urlset>'.encode("gbk")
    assert read_sitemap(body, URL).urls == ["http://www.jk.test/高血压/1.html"]


@pytest.mark.parametrize(
    "doctype",
    [
        # The billion laughs.
        "<!DOCTYPE urlset [<!ENTITY a \"x\">"
        + "".join(f'<!ENTITY {chr(98 + n)} "{f"&{chr(97 + n)};" * 10}">' for n in range(9))
        + "]>",
        '<!DOCTYPE urlset [<!ENTITY e SYSTEM "file:///etc/passwd">]>',  # an external entity
        '<!DOCTYPE urlset SYSTEM "http://127.0.0.1:6379/x.dtd">',  # an external DTD
        "<!DOCTYPE urlset>",  # harmless, but sitemaps have none
    ],
    ids=["bomb", "external-entity", "external-dtd", "bare"],
)
def test_a_sitemap_with_a_doctype_is_refused_whole(doctype):
    body = f'<?xml version="1.0"?>{doctype}<urlset {NS}><url><loc>/a.html</loc></url></urlset>'.encode()
    read = read_sitemap(body, URL)
    assert read.urls == []
    assert read.invalid is not None and "DOCTYPE" in read.invalid


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        (f"<urlset {NS}><url><loc>/a.html</loc></url><url><loc>/b.html</loc></url><url><loc>/c", 2),
        (f"<urlset {NS}><url><loc>/a.html</loc></url><url><loc>/b.html</url></urlset>", 1),
        (f"<urlset {NS}><url><loc>/a.html</loc></url></urlset><urlset/>", 1),  # extra content at the end
        (f"<urlset {NS}><url><loc>/a.html&nbsp;</loc></url></urlset>", 0),  # an undeclared entity
        (b"\x00\x01 not xml".decode(), 0),
        ("", 0),
    ],
    ids=["truncated", "mismatched", "two-roots", "undeclared-entity", "binary", "empty"],
)
def test_malformed_xml_is_invalid_and_keeps_the_entries_complete_before_the_error(body, kept):
    read = read_sitemap(body.encode(), URL)
    assert read.invalid is not None
    assert read.invalid.startswith("malformed XML") or read.invalid == "an empty document"
    assert read.urls == [f"http://www.jk.test/{name}.html" for name in "abc"[:kept]]


def test_a_document_that_is_no_sitemap_is_invalid():
    read = read_sitemap(b"<rss><channel><item><link>/a.html</link></item></channel></rss>", URL)
    assert (read.urls, read.invalid) == ([], "not a sitemap (its root element is <rss>)")


def test_which_responses_are_read_as_sitemaps():
    urlset = f"<urlset {NS}><url><loc>/a.html</loc></url></urlset>".encode()
    long_dtd = b'<?xml version="1.0"?><!DOCTYPE urlset [' + b'<!ENTITY e "x">' * 1000 + b"]>" + urlset
    assert is_sitemap(XmlResponse(url="http://www.jk.test/map.xml", body=urlset))
    assert is_sitemap(XmlResponse(url="http://www.jk.test/map.xml", body=long_dtd))  # its root far down
    assert is_sitemap(XmlResponse(url="http://www.jk.test/sitemap_index.xml", body=b"<?xml version='1.0'?><x"))
    # Served with the wrong type: an XML start is enough.
    assert is_sitemap(TextResponse(url="http://www.jk.test/map", body=b'<?xml version="1.0"?>' + urlset))
    assert not is_sitemap(XmlResponse(url="http://www.jk.test/feed.xml", body=b"<rss><channel/></rss>"))
    page = b"<html><body><p>&lt;urlset&gt; is the root of a sitemap</p></body></html>"
    assert not is_sitemap(HtmlResponse(url="http://www.jk.test/sitemap.html", body=page))
