"""Pure page parsing: a downloaded response (URL + bytes + headers) → article or Skip."""

from __future__ import annotations

import re

from parsel import Selector
from scrapy.http import HtmlResponse, Response, TextResponse, XmlResponse

from scraper.items import Article
from scraper.parsing.html_page import HtmlPage
from scraper.parsing.outcome import Skip
from scraper.parsing.text_dump import parse_text_dump
from scraper.profiles import GENERIC, SiteProfile, find_profile, get_profile

__all__ = ["Skip", "parse_response", "looks_truncated", "is_html"]

_HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_HTML_END = re.compile(rb"</(?:body|html)\s*>", re.IGNORECASE)


def looks_truncated(body: bytes) -> bool:
    """True for an HTML document cut off before its end (no ``</body>`` nor ``</html>``)."""
    return bool(_HTML_START.search(body[:2048])) and not _HTML_END.search(body[-4096:])


def is_html(response: Response) -> bool:
    if isinstance(response, HtmlResponse):
        return True
    return (
        isinstance(response, TextResponse)
        and not isinstance(response, XmlResponse)
        and bool(_HTML_START.search(response.body[:2048]))
    )


def choose_profile(url: str, selector: Selector, site: str | None) -> SiteProfile:
    """The forced profile (``site``), else the first bundled one that matches the page."""
    return get_profile(site) if site else find_profile(url, selector)


def parse_response(response: Response, fetched_at: str | None = None, site: str | None = None) -> Article | Skip:
    """Parse one downloaded page into an article, or say why it is none.

    ``site`` forces a profile by name. HTML goes through the profile/generic HTML
    parser; other text (``text/plain``) through the text-dump parser.
    """
    if not response.body.strip():
        return Skip("empty", "empty response body")
    if not isinstance(response, TextResponse):
        content_type = (response.headers.get("Content-Type") or b"").decode("latin-1")
        return Skip("not_text", f"not a text page ({content_type or 'unknown type'})")
    if isinstance(response, XmlResponse):
        return Skip("not_article", "XML document")
    try:
        text = response.text
    except (UnicodeDecodeError, LookupError) as exc:
        return Skip("undecodable", f"cannot decode the page: {exc}")
    if is_html(response):
        if looks_truncated(response.body):
            return Skip("broken", "truncated HTML (no </body> or </html>)")
        selector = Selector(text=text)
        profile = choose_profile(response.url, selector, site)
        return HtmlPage(selector, response.url, profile, fetched_at).to_item()
    profile = get_profile(site or GENERIC)
    return parse_text_dump(text, response.url, fetched_at, site=profile.site_name, tz=profile.timezone)
