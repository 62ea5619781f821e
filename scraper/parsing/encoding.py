"""Decoding pages whose declared charset is missing or wrong (real Chinese sites do both).

Order: a BOM; bytes that are valid UTF-8 (a ``<meta charset=gb2312>`` on UTF-8 bytes is
common and a decoder that trusts it garbles the page); the declared charset (HTTP header,
then ``<meta>``) when the bytes decode with it cleanly; else charset-normalizer's best
guess among the Chinese encodings; Scrapy's own decoding as the last resort.
"""

from __future__ import annotations

import re
from typing import Any

import charset_normalizer
from scrapy.http import TextResponse
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom, resolve_encoding

from scraper.text.normalize import cjk_ratio

# Encodings charset-normalizer chooses among when the declaration is wrong.
CHINESE_ENCODINGS = ("gb18030", "big5", "utf_8")
# Declarations that decode any bytes without an error, so "it decodes" proves nothing (w3lib's names).
SINGLE_BYTE_LATIN = frozenset(("cp1252", "latin-1", "iso8859-1", "iso8859-15", "windows-1252", "ascii"))
# Share of CJK characters (markup left out) above which a page's text is Chinese: a Latin page has
# almost none; a Chinese page, even with Latin words and numbers, most.
MIN_CJK_SHARE = 0.3
_TAGS = re.compile(r"<[^>]*>")


def _decodes(body: bytes, encoding: str) -> bool:
    try:
        body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def declared_encoding(response: TextResponse) -> str | None:
    """The charset the page declares (HTTP header first, then ``<meta>``), normalised; or None."""
    header = response.headers.get(b"Content-Type")
    declared = http_content_type_encoding(header.decode("latin-1")) if header else None
    declared = declared or html_body_declared_encoding(response.body)
    return resolve_encoding(declared) if declared else None


def detect_encoding(response: TextResponse) -> str:
    """The encoding to decode the response body with."""
    body = response.body
    bom, _ = read_bom(body)
    if bom:
        return bom
    if not body.isascii() and _decodes(body, "utf-8"):
        return "utf-8"
    declared = declared_encoding(response)
    if declared and _decodes(body, declared) and not (declared in SINGLE_BYTE_LATIN and _chinese_guess(body)):
        return declared
    guess = _chinese_guess(body) or charset_normalizer.from_bytes(body, cp_isolation=list(CHINESE_ENCODINGS)).best()
    if guess is not None:
        return guess.encoding
    return response.encoding


def _chinese_guess(body: bytes) -> Any:
    """charset-normalizer's best reading of the body among the Chinese encodings, when its text is
    mostly Chinese (a Latin declaration on such bytes "decodes" them into mojibake); else None."""
    if body.isascii():
        return None
    guess = charset_normalizer.from_bytes(body, cp_isolation=list(CHINESE_ENCODINGS)).best()
    if guess is None:
        return None
    text = _TAGS.sub(" ", str(guess))
    return guess if cjk_ratio(text) >= MIN_CJK_SHARE else None


def response_text(response: TextResponse) -> str:
    """The body as text, decoded with :func:`detect_encoding` (undecodable bytes replaced)."""
    encoding = detect_encoding(response)
    _, bom = read_bom(response.body)
    return response.body[len(bom or b"") :].decode(encoding, errors="replace")
