"""The crawl's scope (scraper.scope) as a rule: which URLs a crawl started from given URLs may request.
Its crawls (links, redirects, canonical pages, file trees) are tests/e2e/test_scope.py."""

from __future__ import annotations

import os

import pytest

from scraper.reasons import IgnoreReason
from scraper.scope import CrawlScope


def _reason(scope: CrawlScope, url: str) -> IgnoreReason | None:
    refusal = scope.refusal(url)
    return None if refusal is None else refusal.reason


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1:8000/a.html", None),
        ("https://127.0.0.1:8000/a.html", None),  # the same port, the other scheme
        ("http://127.0.0.1:6379/", IgnoreReason.OFFSITE_PORT),
        ("http://user:pw@127.0.0.1:6379/", IgnoreReason.OFFSITE_PORT),
        ("http://127.0.0.1/", IgnoreReason.OFFSITE_PORT),  # port 80 is another port of this start URL
        ("http://localhost:8000/", IgnoreReason.OFFSITE),
        ("http://127.0.0.1:99999/", IgnoreReason.OFFSITE),  # no valid port at all
        ("javascript:void(0)", IgnoreReason.OFFSITE),
        ("ftp://127.0.0.1:8000/x", IgnoreReason.OFFSITE),
        ("file:///etc/passwd", IgnoreReason.FILE_IN_WEB_CRAWL),
        ("file://localhost/etc/passwd", IgnoreReason.FILE_IN_WEB_CRAWL),
    ],
)
def test_a_loopback_server_on_a_port_of_its_own(url, reason):
    assert _reason(CrawlScope(["http://127.0.0.1:8000/"]), url) is reason


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://www.jk.test/a.html", None),
        ("https://www.jk.test/a.html", None),  # 80 and 443 count as one: a site moves to https
        ("https://www.jk.test:443/a.html", None),
        ("http://m.www.jk.test/a.html", None),  # a subdomain, as Scrapy's allowed_domains
        ("http://www.jk.test:8080/admin", IgnoreReason.OFFSITE_PORT),
        ("http://m.www.jk.test:6379/", IgnoreReason.OFFSITE_PORT),
        ("http://jk.test/", IgnoreReason.OFFSITE),  # the parent domain is another site
        ("http://evilwww.jk.test/", IgnoreReason.OFFSITE),
        ("http://www.jk.test.evil.test/", IgnoreReason.OFFSITE),
    ],
)
def test_a_site_on_the_standard_ports(url, reason):
    assert _reason(CrawlScope(["http://www.jk.test/"]), url) is reason


def test_another_port_is_in_scope_when_a_start_url_names_its_origin():
    scope = CrawlScope(["http://127.0.0.1:8000/", "http://127.0.0.1:8001/list.html"])
    assert scope.refusal("http://127.0.0.1:8001/a.html") is None
    assert _reason(scope, "http://127.0.0.1:8002/a.html") is IgnoreReason.OFFSITE_PORT
    assert scope.hosts == ["127.0.0.1"]


@pytest.fixture
def tree(tmp_path):
    """tmp/tree/{index.html, sub/a.html}, tmp/outside.html, and two symbolic links out of the tree."""
    root = tmp_path / "tree"
    (root / "sub").mkdir(parents=True)
    for path in (root / "index.html", root / "sub" / "a.html", tmp_path / "outside.html"):
        path.write_text("<html></html>")
    os.symlink(tmp_path / "outside.html", root / "escape.html")
    os.symlink(tmp_path, root / "up")
    return root


def test_a_file_crawl_stays_inside_its_start_folder(tree):
    scope = CrawlScope([(tree / "index.html").as_uri()])
    base = tree.as_uri()
    for inside in ("/sub/a.html", "/sub/../index.html", "/not-there-yet.html", "/sub/"):
        assert scope.refusal(base + inside) is None, inside
    for outside in (
        "/../outside.html",
        "/%2e%2e/outside.html",
        "/sub/%2E%2E/%2e%2e/outside.html",
        "/escape.html",  # a symbolic link to a file outside
        "/up/outside.html",  # through a symbolic link to a folder outside
    ):
        assert _reason(scope, base + outside) is IgnoreReason.FILE_OUTSIDE_TREE, outside
    for outside in ("file:///etc/passwd", "file://localhost/etc/passwd", "file://etc/passwd", "file:///"):
        assert _reason(scope, outside) is IgnoreReason.FILE_OUTSIDE_TREE, outside
    # A sibling folder whose name starts like the tree's is no part of it.
    assert _reason(scope, base + "-copy/index.html") is IgnoreReason.FILE_OUTSIDE_TREE
    # A file crawl is no web crawl: http(s) URLs are off-site.
    assert _reason(scope, "http://127.0.0.1:8000/") is IgnoreReason.OFFSITE


def test_a_start_url_is_in_scope_even_when_it_leads_elsewhere_on_disk(tree):
    """The start URLs are what the operator asked for: a start file that is a symbolic link is read."""
    start = (tree / "escape.html").as_uri()
    scope = CrawlScope([start])
    assert scope.refusal(start) is None
    assert _reason(scope, (tree.parent / "outside.html").as_uri()) is IgnoreReason.FILE_OUTSIDE_TREE


def test_a_web_crawl_beside_a_file_crawl_reads_files_of_the_tree_only(tree):
    scope = CrawlScope(["http://127.0.0.1:8000/", (tree / "index.html").as_uri()])
    assert scope.refusal((tree / "sub" / "a.html").as_uri()) is None
    assert _reason(scope, (tree.parent / "outside.html").as_uri()) is IgnoreReason.FILE_OUTSIDE_TREE
    assert scope.refusal("http://127.0.0.1:8000/a.html") is None
