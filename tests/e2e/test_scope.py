"""The crawl's scope, crawled for real: a file:// crawl stays inside its start folders, an http(s) crawl never
reads a file:, and another port of a start host is another site (links, redirects, canonical pages).

Each refusal is counted (``scope/refused/<reason>``); a refused request that was already made (a redirect)
is also an ignored request (``parse/ignored/<reason>``).
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from tests.helpers.crawl import CrawlResult, run_crawl
from tests.helpers.faults import article_page
from tests.helpers.servers import QuietHandler, start_server, stop_server


def _write(path: Path, body: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body)
    return path


def _links(*hrefs: str) -> bytes:
    anchors = "".join(f'<li><a href="{href}">{n}</a></li>' for n, href in enumerate(hrefs))
    head = '<head><meta charset="utf-8"><title>首页</title></head>'
    return f"<html>{head}<body><ul>{anchors}</ul></body></html>".encode()


def _crawl(tmp_path: Path, start_urls: str) -> CrawlResult:
    """A real crawl; the test pages share one template (``article_page``), so near-duplicates are not looked for."""
    return run_crawl(tmp_path, "-a", f"start_urls={start_urls}", "-s", "NEAR_DUPLICATES_ENABLED=False")


def _crawled(log: str) -> list[str]:
    """The URLs the crawl downloaded, from Scrapy's ``Crawled (200) <GET url>`` lines."""
    return [line.split("<GET ", 1)[1].split(">", 1)[0] for line in log.splitlines() if "Crawled (" in line]


def _recording_handler(pages: dict[str, bytes], redirects: dict[str, str] | None = None) -> type[QuietHandler]:
    """A handler class of its own that serves ``pages`` by path, 302-redirects ``redirects`` and records
    every path asked for (``hits``)."""

    class Handler(QuietHandler):
        hits: Counter[str] = Counter()

        def do_GET(self) -> None:  # noqa: N802 - stdlib name
            path = self.path.split("?")[0]
            Handler.hits[path] += 1
            if path in (redirects or {}):
                return self.send_body(302, b"", Location=(redirects or {})[path])
            if path in pages:
                return self.send_body(200, pages[path])
            return self.send_body(404, b"not here")

    return Handler


def test_a_file_crawl_stays_inside_its_start_folder(tmp_path):
    tree = tmp_path / "tree"
    outside = _write(tmp_path / "outside.html", article_page("树外的文章"))
    _write(tmp_path / "elsewhere" / "note.html", article_page("另一个目录的文章"))
    inside = _write(tree / "a.html", article_page("树内的文章"))
    deeper = _write(tree / "sub" / "b.html", article_page("子目录里的文章"))
    os.symlink(outside, tree / "escape.html")  # inside by its name, outside on disk
    os.symlink(tmp_path / "elsewhere", tree / "linked-dir")
    server, site = start_server(tmp_path / "elsewhere")  # a web page is no part of a file crawl either
    _write(
        tree / "index.html",
        _links(
            "a.html",
            "sub/b.html",
            "../outside.html",
            outside.as_uri(),
            "%2e%2e/elsewhere/note.html",
            "sub/../../elsewhere/note.html",
            "file:///etc/passwd",
            "escape.html",
            "linked-dir/note.html",
            f"{site.base}/note.html",
        ),
    )
    try:
        result = _crawl(tmp_path, (tree / "index.html").as_uri())
    finally:
        stop_server(server)
    assert result.returncode == 0, result.log[-3000:]
    assert sorted(r["url"] for r in result.articles) == sorted([inside.as_uri(), deeper.as_uri()])
    crawled = _crawled(result.log)
    assert all(url.startswith(tree.as_uri() + "/") for url in crawled), crawled
    assert not any("passwd" in url or "escape" in url or "linked-dir" in url for url in crawled)
    stats = result.stats
    # outside.html (twice as a link, deduplicated by the link extractor), note.html by two paths,
    # /etc/passwd and the two symbolic links: five file:// URLs refused.
    assert stats["scope/refused/file_outside_tree"] >= 5
    assert stats["scope/refused/offsite"] == 1  # the http:// page
    assert "passwd" not in "".join(str(r) for r in result.articles)


def test_a_web_crawl_never_reads_a_file(tmp_path):
    secret = _write(tmp_path / "secret" / "s.html", article_page("本地的秘密文章"))
    tree = tmp_path / "tree"
    local = _write(tree / "local.html", article_page("本地树里的文章"))
    pages = {
        "/": _links("/a.html", secret.as_uri(), "/to-file.html"),
        "/a.html": article_page("网站上的文章"),
    }
    server, site = start_server(tmp_path, _recording_handler(pages, {"/to-file.html": secret.as_uri()}))
    try:
        # A web site alone, then the same site beside a file tree: the site's link to a file outside
        # the tree is refused in both.
        alone = _crawl(tmp_path / "alone", f"{site.base}/")
        mixed = _crawl(tmp_path / "mixed", f"{site.base}/,{local.as_uri()}")
    finally:
        stop_server(server)
    for result in (alone, mixed):
        assert result.returncode == 0, result.log[-3000:]
        assert not any("secret" in url for url in _crawled(result.log))
        assert "本地的秘密文章" not in {r["title"] for r in result.articles}
    assert {r["url"] for r in alone.articles} == {f"{site.base}/a.html"}
    assert {r["url"] for r in mixed.articles} == {f"{site.base}/a.html", local.as_uri()}
    assert alone.stats["scope/refused/file_in_web_crawl"] == 2  # the link and the redirect
    assert alone.stats["parse/ignored/file_in_web_crawl"] == 1  # the redirect, met as a response
    assert mixed.stats["scope/refused/file_outside_tree"] == 2


def test_another_port_of_the_start_host_is_another_site(tmp_path):
    paths = ("/b.html", "/r.html", "/c.html", "/m.html")
    other_pages = {path: article_page(f"另一个端口的文章{n}") for n, path in enumerate(paths)}
    other_handler = _recording_handler(other_pages)
    other, other_site = start_server(tmp_path, other_handler)
    canonical = article_page("指向另一个端口的文章").replace(
        b"</head>", f'<link rel="canonical" href="{other_site.base}/c.html"></head>'.encode()
    )
    refresh = f'<html><head><meta http-equiv="refresh" content="0;url={other_site.base}/m.html"></head></html>'
    pages = {
        "/": _links("/a.html", f"{other_site.base}/b.html", "/to-other.html", "/canon.html", "/refresh.html"),
        "/a.html": article_page("本站的文章"),
        "/canon.html": canonical,
        "/refresh.html": refresh.encode(),
    }
    server, site = start_server(tmp_path, _recording_handler(pages, {"/to-other.html": f"{other_site.base}/r.html"}))
    try:
        result = _crawl(tmp_path, f"{site.base}/")
    finally:
        stop_server(server)
        stop_server(other)
    assert result.returncode == 0, result.log[-3000:]
    assert other_handler.hits == Counter()  # not even its robots.txt
    # The page whose canonical page is on the other port is exported itself.
    assert sorted(r["url"] for r in result.articles) == [f"{site.base}/a.html", f"{site.base}/canon.html"]
    stats = result.stats
    # The link, the redirect, the meta refresh, the canonical page.
    assert stats["scope/refused/offsite_port"] == 4
    assert stats["parse/ignored/offsite_port"] == 2  # the redirect and the meta refresh, refused as requests
    assert f"{other_site.base}/r.html" in result.log  # the refused redirect is logged with its URL


def test_another_port_is_crawled_when_a_start_url_names_its_origin(tmp_path):
    other_pages = {"/b.html": article_page("另一个端口的文章"), "/r.html": article_page("跳转到的文章")}
    other_handler = _recording_handler(other_pages)
    other, other_site = start_server(tmp_path, other_handler)
    pages = {"/": _links(f"{other_site.base}/b.html", "/to-other.html")}
    server, site = start_server(tmp_path, _recording_handler(pages, {"/to-other.html": f"{other_site.base}/r.html"}))
    try:
        result = _crawl(tmp_path, f"{site.base}/,{other_site.base}/b.html")
    finally:
        stop_server(server)
        stop_server(other)
    assert result.returncode == 0, result.log[-3000:]
    assert sorted(r["url"] for r in result.articles) == [f"{other_site.base}/b.html", f"{other_site.base}/r.html"]
    assert not any(key.startswith("scope/refused/") for key in result.stats)
