"""Traditional → Simplified Chinese (OpenCC) so keyword rules written once match both scripts."""

from __future__ import annotations

from functools import lru_cache

import opencc


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


# Short texts (labels, headings, link texts: the same few recur on every page of a site) are converted
# once; longer ones each time.
MAX_CACHED_CHARS = 64


def simplified(text: str) -> str:
    """``延伸閱讀`` → ``延伸阅读``; Simplified text comes back unchanged. For matching only, never for output."""
    if not text or text.isascii():
        return text
    return _simplified_short(text) if len(text) <= MAX_CACHED_CHARS else _converter().convert(text)


@lru_cache(maxsize=1 << 16)
def _simplified_short(text: str) -> str:
    return _converter().convert(text)
