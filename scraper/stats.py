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
# sitemap/: sitemaps rejected (scraper.parsing.sitemaps: a DOCTYPE, malformed XML, no sitemap root).
SITEMAP_INVALID = "sitemap/invalid"
# scope/: URLs out of the crawl's scope (scraper.scope), links not followed and requests refused, by reason.
SCOPE_REFUSED_PREFIX = "scope/refused/"
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
# crawl/: the URLs the crawl asked for (robots.txt, retries and redirects aside; scraper.failures) and those
# that failed, each once by its final reason (crawl/failed/<reason>): error_rate() is the one rate monitors
# and healthscrape crawl's exit code use.
REQUESTED_URLS = "crawl/requested_urls"
FAILED_URLS = "crawl/failed_urls"
FAILED_PREFIX = "crawl/failed/"
# The share of failed URLs that fails a run (the MAX_ERROR_RATE setting, healthscrape crawl --max-error-rate).
DEFAULT_MAX_ERROR_RATE = 0.2
# export/: an output that could not be written (a full disk): the message, and the records left unwritten
# after it (the crawl stops; the next run fetches them again).
EXPORT_ERROR = "export/error"
EXPORT_NOT_WRITTEN = "export/not_written"
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


def scope_refused_key(reason: IgnoreReason) -> str:
    """``scope/refused/<reason>``: URLs out of the crawl's scope, not followed or refused, for this reason."""
    return SCOPE_REFUSED_PREFIX + reason.value


def duplicate_key(reason: str) -> str:
    """``dedup/<reason>``: duplicates found by this rule (``same_body``, …)."""
    return DEDUP_PREFIX + reason


def count_failed_url(stats: Stats, reason: str) -> None:
    """Count one URL that failed, by its final reason (``http_404``, ``exception/DownloadTimeoutError``,
    ``skipped/broken``, ``ignored/too_large``, ``item_error`` …): ``crawl/failed/<reason>`` and
    ``crawl/failed_urls``. Called once per URL, where its failure is final (never per attempt)."""
    stats.inc_value(FAILED_PREFIX + reason)
    stats.inc_value(FAILED_URLS)


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
    """Failed URLs by final reason (``{"http_404": 1, "skipped/broken": 1}``), each URL once.

    From the ``crawl/failed/<reason>`` keys; a run written before they existed (healthscrape 0.1, early 0.2)
    gets its failed pages by skip reason and its failed ignored requests instead (``skipped/error`` then holds
    every download error, without its status or exception).
    """
    if REQUESTED_URLS in stats:
        found = {k.removeprefix(FAILED_PREFIX): int(v) for k, v in stats.items() if k.startswith(FAILED_PREFIX)}
    else:
        failed_skips = {reason.value for reason in SkipReason if reason.failed}
        failed_ignores = {reason.value for reason in IgnoreReason if reason.failed}
        found = {}
        for key, value in stats.items():
            if key.startswith(SKIPPED_PREFIX) and key.removeprefix(SKIPPED_PREFIX) in failed_skips:
                found["skipped/" + key.removeprefix(SKIPPED_PREFIX)] = int(value)
            elif key.startswith(IGNORED_PREFIX) and key.removeprefix(IGNORED_PREFIX) in failed_ignores:
                found["ignored/" + key.removeprefix(IGNORED_PREFIX)] = int(value)
    return dict(sorted(found.items()))


def requested_urls(stats: dict[str, Any]) -> int:
    """URLs the crawl asked for (``crawl/requested_urls``; in a run from before it existed, every request sent)."""
    return int(stats.get(REQUESTED_URLS, stats.get(REQUESTS, 0)))


def error_rate(stats: dict[str, Any]) -> float:
    """Failed URLs / requested URLs (robots.txt aside, each URL once), 0.0 when nothing was requested."""
    requested = requested_urls(stats)
    return sum(faults(stats).values()) / requested if requested else 0.0


def error_rate_verdict(stats: dict[str, Any], max_rate: float) -> tuple[bool, str]:
    """Whether the run's :func:`error_rate` is at most ``max_rate`` (a share, 0.2 = 20 %), and the sentence
    saying so (``"3 of 21 URLs failed (14.3%, max 20.0%)"``): the one verdict of the Spidermon monitor and
    of ``healthscrape crawl``'s exit code."""
    failed, requested = sum(faults(stats).values()), requested_urls(stats)
    rate = error_rate(stats)
    return rate <= max_rate, f"{failed} of {requested} URLs failed ({rate:.1%}, max {max_rate:.1%})"
