"""Decoding pages whose declared charset is missing or wrong (real Chinese sites do both).

Order: a BOM; bytes that are valid UTF-8 (a ``<meta charset=gb2312>`` on UTF-8 bytes is
common and a decoder that trusts it garbles the page); the declared charset (HTTP header,
then ``<meta>``) when the bytes decode with it cleanly; else charset-normalizer's best
guess among the Chinese encodings; Scrapy's own decoding as the last resort.
"""

from __future__ import annotations

import charset_normalizer
from scrapy.http import TextResponse
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom, resolve_encoding

# Encodings charset-normalizer chooses among when the declaration is wrong.
CHINESE_ENCODINGS = ("gb18030", "big5", "utf_8")


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
    if declared and _decodes(body, declared):
        return declared
    guess = charset_normalizer.from_bytes(body, cp_isolation=list(CHINESE_ENCODINGS)).best()
    if guess is not None:
        return guess.encoding
    return response.encoding


def response_text(response: TextResponse) -> str:
    """The body as text, decoded with :func:`detect_encoding` (undecodable bytes replaced)."""
    encoding = detect_encoding(response)
    _, bom = read_bom(response.body)
    return response.body[len(bom or b"") :].decode(encoding, errors="replace")
