"""The body fingerprint: the identity of a normalised body, for exact duplicates and change tracking."""

from __future__ import annotations

import hashlib

from scraper.text.normalize import comparison_key


def body_fingerprint(body: str) -> str:
    """32 hex digits: BLAKE2b (16 bytes) of the body's comparison key (no whitespace or punctuation,
    lower case), so that re-wrapped or re-punctuated copies of a body share it."""
    return hashlib.blake2b(comparison_key(body).encode("utf-8"), digest_size=16).hexdigest()
