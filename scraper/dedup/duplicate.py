"""What a duplicate is: the article it duplicates, the rule that found it, and URL identity."""

from __future__ import annotations

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


def exact_duplicate(reason: str, original: str) -> Duplicate:
    """An exact duplicate found by ``reason`` (``same_canonical`` or ``same_body``)."""
    return Duplicate(original, reason, 1.0 if reason == SAME_BODY else None)


@lru_cache(maxsize=4096)
def url_key(url: str) -> str:
    """A URL's identity for de-duplication: canonical form (w3lib), no fragment."""
    return canonicalize_url(url, keep_fragments=False)


def url_keys(url: str, canonical: str | None) -> list[str]:
    """The identities of a page: its URL's, then its canonical URL's when it names one."""
    return [url_key(url)] + ([url_key(canonical)] if canonical else [])
