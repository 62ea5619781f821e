"""Reading JSONL files that anyone may have written or edited: every line a value or a named problem.

The commands that read records users hand them (``healthscrape report``, ``export``, ``dedup``) read
them line by line through :func:`json_lines`, which never raises for what a line holds: a line that is
not UTF-8, not JSON, or JSON nested deeper than Python's decoder goes (``RecursionError``) comes back as
a :class:`NotJSON` for the caller to count and name, and a lone surrogate that a JSON escape decodes to
(``"\\ud800"``, valid JSON but text no file can hold) is replaced by U+FFFD, as a UTF-8 decoder does with
a byte it cannot read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# A JSON escape that decodes to a surrogate (\ud800-\udfff): only then may a string hold a lone one.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


@dataclass(frozen=True)
class NotJSON:
    """A non-blank line of a JSONL file that holds no JSON value; ``reason`` says why (the decoder's
    message, ``not UTF-8 …`` or ``nested too deeply``)."""

    reason: str

    def __str__(self) -> str:
        return f"not JSON ({self.reason})"


def json_lines(path: Path) -> Iterator[tuple[int, Any]]:
    """``(line number, value)`` for each non-blank line of a JSONL file (lines end at ``\\n``; numbers
    count every line, from 1). A line that holds no JSON value gives a :class:`NotJSON`; strings (keys
    too) hold no lone surrogate. Raises OSError only for the file itself."""
    with path.open("rb") as lines:
        for number, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            yield number, _value(raw)


def _value(raw: bytes) -> Any:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return NotJSON(f"not UTF-8: byte {raw[error.start]:#04x} at column {error.start + 1}")
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        return NotJSON(error.msg)
    except RecursionError:
        return NotJSON("nested too deeply")
    return without_lone_surrogates(value) if _SURROGATE_ESCAPE.search(raw) else value


def without_lone_surrogates(value: Any) -> Any:
    """``value`` (a decoded JSON value) with every lone surrogate in its strings, keys included, replaced
    by U+FFFD. Iterative: any depth the decoder produced."""
    if isinstance(value, str):
        return _SURROGATE.sub(REPLACEMENT, value)
    root = [value]
    stack: list[list[Any] | dict[str, Any]] = [root]
    while stack:
        container = stack.pop()
        if isinstance(container, dict):
            items = list(container.items())
            container.clear()
            for key, item in items:
                container[_SURROGATE.sub(REPLACEMENT, key)] = item
            keys: Any = list(container)
        else:
            keys = range(len(container))
        for key in keys:
            item = container[key]
            if isinstance(item, str):
                container[key] = _SURROGATE.sub(REPLACEMENT, item)
            elif isinstance(item, dict | list):
                stack.append(item)
    return root[0]
