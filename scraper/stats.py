"""Stats keys (slash-namespaced, as Scrapy's) and the few helpers that read a crawl's stats.

Every counter the project writes is named here, so a reader greps one constant to find who counts
it and who reads it. Per-reason keys are built from the typed reasons of :mod:`scraper.reasons`.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Protocol

from scraper.reasons import IgnoreReason, SkipReason

# Scrapy's own keys that the project reads.
ITEMS_SCRAPED = "item_scraped_count"
FINISH_REASON = "finish_reason"
REQUESTS = "downloader/request_count"
RETRIES = "retry/count"
RETRIES_EXHAUSTED = "retry/max_reached"
ROBOTS_FORBIDDEN = "robotstxt/forbidden"
RESPONSE_STATUS_PREFIX = "downloader/response_status_count/"
EXCEPTION_TYPE_PREFIX = "downloader/exception_type_count/"

# parse/: what the spider made of each response.
ARTICLES = "parse/articles"
NON_ARTICLE_PAGES = "parse/non_article_pages"
SKIPPED = "parse/skipped"
SKIPPED_PREFIX = "parse/skipped_"
SPLIT_ARTICLES = "parse/split_articles"
INCOMPLETE_ARTICLES = "parse/incomplete_articles"
CANONICAL_REDIRECTS = "parse/canonical_redirects"
IGNORED_REQUESTS = "parse/ignored_requests"
IGNORED_PREFIX = "parse/ignored/"
# Articles whose body we doubted (scraper.parsing.second_opinion): trafilatura's body taken, or ours kept.
SECOND_OPINION_TAKEN = "parse/second_opinion/taken"
SECOND_OPINION_KEPT = "parse/second_opinion/kept"
# clean/ and dedup/: the per-item stages and cross-page de-duplication.
BOILERPLATE_LINES = "clean/boilerplate_lines"
TITLE_REPEATS = "clean/title_repeats"
REPLACEMENT_CHARACTERS = "clean/replacement_characters"
INTRA_PAGE_BLOCKS = "dedup/intra_page_blocks"
DUPLICATES = "dedup/duplicates"
DUPLICATES_PATH = "dedup/duplicates_file"
REFETCHED = "dedup/refetched"
# Articles and duplicates a dead worker had claimed and never written, written by this worker.
RESCUED_CLAIMS = "dedup/rescued"
DEDUP_PREFIX = "dedup/"
# validation/: records that break the schema, in all and by field.
INVALID = "validation/invalid"
INVALID_PREFIX = "validation/invalid/"
# incremental/: what an incremental run found against the state of earlier runs.
INCREMENTAL_NEW = "incremental/new"
INCREMENTAL_UPDATED = "incremental/updated"
INCREMENTAL_UNCHANGED = "incremental/unchanged"
INCREMENTAL_NOT_MODIFIED = "incremental/not_modified"
INCREMENTAL_SKIPPED_KNOWN = "incremental/skipped_known"
# distributed/: requests put back in the shared queue after their worker died, and requests refused by it.
RESCUED_REQUESTS = "distributed/rescued_requests"
# Requests the scheduler's serializer refused (a bug: a request may carry plain data only), dropped.
UNQUEUEABLE_REQUESTS = "distributed/unqueueable_requests"


def skipped_key(reason: SkipReason) -> str:
    """``parse/skipped_<reason>``: pages that failed for this reason."""
    return SKIPPED_PREFIX + reason.value


def ignored_key(reason: IgnoreReason) -> str:
    """``parse/ignored/<reason>``: requests ignored for this reason."""
    return IGNORED_PREFIX + reason.value


def duplicate_key(reason: str) -> str:
    """``dedup/<reason>``: duplicates found by this rule (``same_body``, …)."""
    return DEDUP_PREFIX + reason


def invalid_key(field: str) -> str:
    """``validation/invalid/<field>``: invalid records by the field that broke the schema."""
    return INVALID_PREFIX + field


class Stats(Protocol):
    """What the stages count into: Scrapy's stats collector, or :class:`CounterStats` outside a crawl."""

    def inc_value(self, key: str, count: int = 1, start: int = 0) -> None: ...

    def set_value(self, key: str, value: object) -> None: ...


class CounterStats:
    """Stats for code run outside a crawl (the ``healthscrape extract`` command, tests)."""

    def __init__(self) -> None:
        self.values: Counter[str] = Counter()
        self.notes: dict[str, object] = {}

    def inc_value(self, key: str, count: int = 1, start: int = 0) -> None:
        self.values[key] += count

    def set_value(self, key: str, value: object) -> None:
        self.notes[key] = value


def skipped_by_reason(stats: dict[str, Any]) -> dict[str, int]:
    """Failed pages by skip reason (``{"broken": 1}``), from ``parse/skipped_<reason>`` keys."""
    return {k.removeprefix(SKIPPED_PREFIX): v for k, v in stats.items() if k.startswith(SKIPPED_PREFIX)}


def articles_seen(stats: dict[str, Any]) -> int:
    """Articles the run saw: exported, plus those an incremental run found unchanged."""
    keys = (ITEMS_SCRAPED, INCREMENTAL_NOT_MODIFIED, INCREMENTAL_UNCHANGED, INCREMENTAL_SKIPPED_KNOWN)
    return sum(int(stats.get(k, 0)) for k in keys)


def faults(stats: dict[str, Any]) -> dict[str, int]:
    """Every fault the crawl met, by reason: HTTP errors, download exceptions, retries given up,
    robots.txt refusals and the pages the parser skipped."""
    on_purpose = {reason.value for reason in IgnoreReason if reason.on_purpose}
    found: dict[str, int] = {}
    for key, value in stats.items():
        if key.startswith(RESPONSE_STATUS_PREFIX):
            status = key.rsplit("/", 1)[-1]
            if status not in ("200", "304"):
                found[f"http_{status}"] = int(value)
        elif key.startswith(EXCEPTION_TYPE_PREFIX):
            found["exception/" + key.rsplit(".", 1)[-1]] = int(value)
        elif key.startswith(SKIPPED_PREFIX):
            found["skipped/" + key.removeprefix(SKIPPED_PREFIX)] = int(value)
        elif key.startswith(IGNORED_PREFIX) and key.rsplit("/", 1)[-1] not in on_purpose:
            found["ignored/" + key.rsplit("/", 1)[-1]] = int(value)
    for key, name in ((RETRIES_EXHAUSTED, "retries_exhausted"), (ROBOTS_FORBIDDEN, "robots_forbidden")):
        if stats.get(key):
            found[name] = int(stats[key])
    return dict(sorted(found.items()))


def error_rate(stats: dict[str, Any]) -> float:
    """Share of requests whose page failed with an error (``parse/skipped_error`` / requests)."""
    requests = int(stats.get(REQUESTS, 0))
    errors = int(stats.get(skipped_key(SkipReason.ERROR), 0))
    return errors / requests if requests else 0.0
