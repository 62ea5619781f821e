"""Blocks that repeat inside one page (hidden print copies, text dumps pasted 2–3 times)."""

from __future__ import annotations

from scraper.text.normalize import comparison_key

# A repeated block this long is never a legitimate repeat; shorter ones (a
# sub-heading like "饮食" under two sections) only go when they repeat in a run.
MIN_REPEAT_CHARS = 20


def drop_repeated_blocks(blocks: list[str], min_chars: int = MIN_REPEAT_CHARS) -> list[str]:
    """Keep each block the first time it appears.

    A later copy is dropped when it is long (``min_chars``) or when it sits in a
    run of two or more consecutive copies, so a page carrying its body twice
    keeps one, while a short line that legitimately recurs alone is kept.
    """
    seen: set[str] = set()
    repeated = []
    for block in blocks:
        key = comparison_key(block) or block
        repeated.append(key in seen)
        seen.add(key)
    kept = []
    for i, block in enumerate(blocks):
        in_run = repeated[i] and ((i > 0 and repeated[i - 1]) or (i + 1 < len(blocks) and repeated[i + 1]))
        if repeated[i] and (in_run or len(block) >= min_chars):
            continue
        kept.append(block)
    return kept
