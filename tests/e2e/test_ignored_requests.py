"""Requests ignored before parsing are counted by their typed reason (scraper.ignored), never as errors.

A real crawl against a local server: a page over DOWNLOAD_MAXSIZE (declared, and streamed without a
length: Scrapy 2.19 raises DownloadCancelledError for both), a gzip body over it once decompressed,
and a page robots.txt forbids. Each is `parse/ignored/<reason>`; none is `parse/skipped_error`.
"""

from __future__ import annotations

import gzip

from scraper.reasons import IgnoreReason, SkipReason
from scraper.stats import faults, ignored_key, skipped_key
from tests.helpers.crawl import run_crawl
from tests.helpers.servers import QuietHandler, start_server, stop_server

MAXSIZE = 20_000
ARTICLE = (
    "<html><head><meta charset='utf-8'><title>{title}_测试站</title></head><body><h1>{title}</h1>"
    "<div class='content'>"
    + "<p>这是一段足够长的正文，用来确认正常的文章照常导出，不受其他页面的影响。</p>" * 4
    + "</div></body></html>"
)
PAGES = ("/ok.html", "/big.html", "/big-streamed.html", "/bomb.html", "/private/secret.html")


class Handler(QuietHandler):
    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        if self.path == "/robots.txt":
            return self.send_body(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        if self.path == "/":
            links = "".join(f'<a href="{p}">{p}</a>' for p in PAGES)
            return self.send_body(200, f"<html><body><h1>首页</h1>{links}</body></html>".encode())
        if self.path == "/ok.html":
            return self.send_body(200, ARTICLE.format(title="正常的文章").encode())
        if self.path == "/big.html":
            return self.send_body(200, ARTICLE.format(title="很大的文章").encode() + b" " * (MAXSIZE * 2))
        if self.path == "/big-streamed.html":  # no Content-Length: cut while receiving
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(ARTICLE.format(title="没有长度的大文章").encode() + b" " * (MAXSIZE * 2))
            return None
        if self.path == "/bomb.html":  # small on the wire, over DOWNLOAD_MAXSIZE once decompressed
            return self.send_body(200, gzip.compress(b" " * (MAXSIZE * 10)), Content_Encoding="gzip")
        return self.send_body(200, ARTICLE.format(title="不该抓取的文章").encode())


def test_oversized_and_forbidden_pages_are_counted_by_reason(tmp_path):
    server, site = start_server(tmp_path, Handler)
    try:
        result = run_crawl(
            tmp_path, "-a", f"start_urls={site.base}/", "-s", f"DOWNLOAD_MAXSIZE={MAXSIZE}", "-s", "DOWNLOAD_WARNSIZE=0"
        )
    finally:
        stop_server(server)
    assert result.returncode == 0, result.log[-3000:]
    assert [r["url"] for r in result.articles] == [f"{site.base}/ok.html"]
    stats = result.stats
    assert stats[ignored_key(IgnoreReason.TOO_LARGE)] == 3  # declared, streamed, decompressed
    assert stats[ignored_key(IgnoreReason.ROBOTS)] == 1
    assert stats["parse/ignored_requests"] == 4
    assert skipped_key(SkipReason.ERROR) not in stats
    found = faults(stats)
    assert found["ignored/too_large"] == 3
    assert "skipped/error" not in found
    assert "ignored/robots" not in found  # a URL robots.txt forbids is never requested: no failure
