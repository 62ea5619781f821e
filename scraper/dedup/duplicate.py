"""What a duplicate is: the article it duplicates, the rule that found it, and URL identity."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from w3lib.url import canonicalize_url

from scraper.items import DUPLICATE_FIELDS

# The rules, in the order they are tried (the duplicates file's ``reason``).
SAME_CANONICAL = "same_canonical"
SAME_BODY = "same_body"
NEAR_DUPLICATE = "near_duplicate"


@dataclass(frozen=True)
class Duplicate:
    """``duplicate_of``: the kept article's URL; ``reason``: the rule; ``similarity``: 1.0 for
    ``same_body``, the MinHash estimate for ``near_duplicate``, None for ``same_canonical``."""

    duplicate_of: str
    reason: str
    similarity: float | None = None

    def record(self, url: str) -> dict[str, object]:
        """The duplicates-file line for ``url``."""
        return dict(zip(DUPLICATE_FIELDS, (url, self.duplicate_of, self.reason, self.similarity), strict=True))


def exact_duplicate(reason: str, entry: str) -> Duplicate:
    """The duplicate a page is when its URL keys or its fingerprint (``reason``: ``same_canonical`` or
    ``same_body``) lead to ``entry`` in the exact index (see :func:`index_entry`): of the kept article
    by that rule, or, where the entry is a reported near-duplicate's, that duplicate's own report (the
    page is that near-duplicate again, a copy naming it canonical, or its body under another URL, so it
    relates to the kept article as that near-duplicate does: same original, reason and similarity)."""
    report = _reported_entry(entry)
    if report is not None:
        return report
    return Duplicate(entry, reason, 1.0 if reason == SAME_BODY else None)


def index_entry(found: Duplicate | str) -> str:
    """What the exact index keeps under a page's keys: a kept article's URL as it is; for a reported
    near-duplicate, its report as a JSON list ``[reason, similarity, duplicate_of]`` (no URL starts ``[``)."""
    if isinstance(found, str):
        return found
    return json.dumps([found.reason, found.similarity, found.duplicate_of], ensure_ascii=False)


def _reported_entry(entry: str) -> Duplicate | None:
    if not entry.startswith("["):
        return None
    try:
        reason, similarity, original = json.loads(entry)
    except ValueError:
        return None
    return Duplicate(original, reason, similarity) if reason == NEAR_DUPLICATE else None


@lru_cache(maxsize=4096)
def url_key(url: str) -> str:
    """A URL's identity for de-duplication: canonical form (w3lib), no fragment."""
    return canonicalize_url(url, keep_fragments=False)


def url_keys(url: str, canonical: str | None) -> list[str]:
    """The identities of a page: its URL's, then its canonical URL's when it names one."""
    return [url_key(url)] + ([url_key(canonical)] if canonical else [])
