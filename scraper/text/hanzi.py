"""Traditional → Simplified Chinese (OpenCC) so keyword rules written once match both scripts."""

from __future__ import annotations

from functools import lru_cache

import opencc


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """``延伸閱讀`` → ``延伸阅读``; Simplified text comes back unchanged. For matching only, never for output."""
    return _converter().convert(text) if text and not text.isascii() else text
