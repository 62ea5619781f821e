"""``benchmarks/RESULTS.md`` is shared: each command rewrites only its own section.

A section is the text between ``<!-- begin NAME -->`` and ``<!-- end NAME -->``. A new section
goes before the first existing one that comes later in ``ORDER`` (unknown names go last), so the
file keeps the order of the issue whatever command runs first.
"""

from __future__ import annotations

import re
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
# python -m benchmarks.eval, then the tables of python -m benchmarks.scale in the order.
ORDER = ("eval", "scale", "extraction", "crawl", "dedup", "distributed", "memory")


def _begin(name: str) -> str:
    return f"<!-- begin {name} -->"


def _end(name: str) -> str:
    return f"<!-- end {name} -->"


def read_section(name: str, path: Path = RESULTS) -> str | None:
    """The markdown of section ``name``, or None when the file or the section is missing."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    found = re.search(re.escape(_begin(name)) + r"\n(.*?)" + re.escape(_end(name)), text, re.DOTALL)
    return found.group(1) if found else None


def write_section(name: str, markdown: str, path: Path = RESULTS) -> None:
    """Replace section ``name`` of ``path`` with ``markdown`` (or insert it), leaving the rest as is."""
    block = f"{_begin(name)}\n{markdown.strip()}\n{_end(name)}\n"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    start, end = text.find(_begin(name)), text.find(_end(name))
    if start >= 0 and end > start:
        text = text[:start] + block + text[end + len(_end(name)) :].removeprefix("\n")
    else:
        text = _insert(text, name, block)
    path.write_text(text, encoding="utf-8")


def _insert(text: str, name: str, block: str) -> str:
    rank = ORDER.index(name) if name in ORDER else len(ORDER)
    for later in ORDER[rank + 1 :]:
        at = text.find(_begin(later))
        if at >= 0:
            return text[:at] + block + "\n" + text[at:]
    return (text.rstrip("\n") + "\n\n" if text.strip() else "") + block
