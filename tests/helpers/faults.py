"""A fault-injecting HTTP server on 127.0.0.1: the sample site plus pages that misbehave."""

from __future__ import annotations

import gzip
import time
from collections import Counter
from http.server import ThreadingHTTPServer
from pathlib import Path

from tests.helpers.servers import QuietHandler, start_server

# Fault pages linked from the home page; the ones marked True serve an article in the end.
FAULTS = {
    "/fault/500-then-200.html": True,
    "/fault/503-retry-after.html": True,
    "/fault/wrong-charset.html": True,
    "/fault/slow.html": True,
    "/fault/timeout.html": False,
    "/fault/reset.html": False,
    "/fault/truncated-body.html": False,
    "/fault/huge.html": False,
    "/fault/gzip-bomb.html": False,
    "/fault/redirect-loop.html": False,
    "/fault/missing.html": False,
    "/private/secret.html": False,
}
ROBOTS = b"User-agent: *\nDisallow: /private/\n"


def article_page(title: str, paragraphs: int = 4) -> bytes:
    body = "".join(
        f"<p>{title}：这是第{n}段正文，内容用于检验抓取在出错时仍然完整可靠，不会丢失任何一篇好文章。</p>"
        for n in range(paragraphs)
    )
    return (
        f'<html><head><meta charset="utf-8"><title>{title}_故障测试站</title></head><body>'
        f'<div class="article"><h1>{title}</h1><div class="info">发布时间：2021-02-03</div>'
        f'<div class="content">{body}</div></div></body></html>'
    ).encode()


class FaultHandler(QuietHandler):
    hits: Counter[str] = Counter()
    timeout_seconds = 3.0

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        path = self.path.split("?")[0]
        FaultHandler.hits[path] += 1
        hits = FaultHandler.hits[path]
        if path == "/robots.txt":
            return self.send_body(200, ROBOTS, "text/plain")
        if path == "/":
            links = "".join(f'<li><a href="{p}">{p}</a></li>' for p in FAULTS)
            home = (
                (Path(self.directory) / "index.html")
                .read_bytes()
                .replace(b"</body>", f"<ul>{links}</ul></body>".encode())
            )
            return self.send_body(200, home)
        if path == "/fault/500-then-200.html":
            return (
                self.send_body(500, b"oops") if hits == 1 else self.send_body(200, article_page("先失败后成功的文章"))
            )
        if path == "/fault/503-retry-after.html":
            if hits == 1:
                return self.send_body(503, b"busy", Retry_After="1")
            return self.send_body(200, article_page("服务繁忙后恢复的文章"))
        if path == "/fault/wrong-charset.html":
            return self.send_body(200, article_page("声明了错误字符集的文章"), "text/html; charset=iso-8859-1")
        if path == "/fault/slow.html":
            time.sleep(1.0)
            return self.send_body(200, article_page("响应很慢的文章"))
        if path == "/fault/timeout.html":
            time.sleep(self.timeout_seconds)
            return self.send_body(200, article_page("超时的文章"))
        if path == "/fault/reset.html":
            self.connection.shutdown(2)
            return None
        if path == "/fault/truncated-body.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(article_page("被截断的文章")[:500])
            return None
        if path == "/fault/huge.html":
            return self.send_body(200, b"<html><body>" + b"x" * 3_000_000 + b"</body></html>")
        if path == "/fault/gzip-bomb.html":
            return self.send_body(200, gzip.compress(b"\0" * 50_000_000), Content_Encoding="gzip")
        if path == "/fault/redirect-loop.html":
            self.send_response(302)
            self.send_header("Location", "/fault/redirect-loop.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        return super().do_GET()


def serve_faults(directory: Path) -> tuple[ThreadingHTTPServer, str]:
    FaultHandler.hits = Counter()
    server, site = start_server(directory, FaultHandler)
    return server, site.base
