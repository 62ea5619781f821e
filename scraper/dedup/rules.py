"""The de-duplication rules, in order, shared by the crawl pipeline and ``healthscrape dedup``.

In order: the same canonical URL as a kept article (``same_canonical``), the same normalised
body (``same_body``, by fingerprint), a body exported under another URL by an earlier run
(with a state directory), then a near-duplicate body (``near_duplicate``: MinHash + LSH,
see :mod:`scraper.dedup.minhash`). The first article seen is kept; each later one is a
:class:`~scraper.dedup.duplicate.Duplicate` of it. A reported near-duplicate's keys lead to its
report: the same page again, a copy naming it canonical, or its body under another URL relate to the
kept article as it does (:func:`~scraper.dedup.duplicate.exact_duplicate`). Each URL is reported
once (:meth:`Deduplicator.report`), whatever the order in which pages arrive and whichever worker
sees a page again.

Indexes live in memory for one run, or in Redis (``REDIS_URL``) shared by every worker; the
near-duplicate index persists on local disk under ``STATE_DIR`` when one is set
(:mod:`scraper.dedup.indexes` builds them).
"""

from __future__ import annotations

from scraper.dedup.duplicate import NEAR_DUPLICATE, SAME_BODY, SAME_CANONICAL, Duplicate, exact_duplicate, url_key
from scraper.dedup.exact import ExactIndex, RedisExactIndex, exact_args
from scraper.dedup.minhash import band_hashes, signature
from scraper.dedup.near import NearDuplicateIndex, RedisBandStore, candidates_of
from scraper.dedup.scripts import lua
from scraper.incremental.state import CrawlState


def earlier_run_duplicate(
    state: CrawlState, url: str, canonical: str | None, fingerprint: str | None
) -> Duplicate | None:
    """The article an earlier run exported under another URL, when this one duplicates it exactly."""
    if canonical and url_key(canonical) != url_key(url):
        known = state.article(canonical)
        if known is not None and known.duplicate_of is None:
            return Duplicate(canonical, SAME_CANONICAL)
    earlier = state.url_with_body(fingerprint) if fingerprint else None
    if earlier is not None and url_key(earlier) != url_key(url):
        return Duplicate(earlier, SAME_BODY, 1.0)
    return None


class Deduplicator:
    """Every rule in order, over one exact index, an optional earlier-runs state and a near index."""

    def __init__(self, exact: ExactIndex, near: NearDuplicateIndex | None, state: CrawlState | None = None):
        self.exact = exact
        self.near = near
        self.state = state

    def check(self, url: str, canonical: str | None, fingerprint: str | None, body: str) -> Duplicate | None:
        """The article this one duplicates (possibly ``url`` itself, parsed again), or None to keep it."""
        found = self.exact_duplicate(url, canonical, fingerprint)
        if found is not None or self.near is None:
            return found
        values = signature(body, self.near.config)
        if values is None:
            return None
        match = self.near.claim(url_key(canonical or url), url, values)
        if match is None:
            return None
        found = Duplicate(match.url, NEAR_DUPLICATE, round(match.similarity, 4))
        self.exact.point(url, canonical, fingerprint, found)
        return found

    def exact_duplicate(self, url: str, canonical: str | None, fingerprint: str | None) -> Duplicate | None:
        """The exact rules only (this run's index, then earlier runs'); keeps the article if none applies."""
        found = self.exact.claim(url, canonical, fingerprint)
        if found is None and self.state is not None:
            found = earlier_run_duplicate(self.state, url, canonical, fingerprint)
        return found

    def report(self, url: str, found: Duplicate) -> bool:
        """Whether ``url`` is to be reported as ``found``: True the first time only (the index remembers
        which URLs were reported, so a page parsed again, here or on another worker, is reported once)."""
        return self.exact.report(url, found)

    def reclaim(self, url: str) -> bool:
        """Whether a dead worker kept or reported ``url`` and never wrote it (this one is to write it now)."""
        return self.exact.reclaim(url)

    def confirm(self, url: str) -> None:
        """``url``, kept or reported here, is written: its claim is no longer pending."""
        self.exact.confirm(url)

    def close(self) -> None:
        self.exact.close()
        if self.near is not None:
            self.near.close()
        if self.state is not None:
            self.state.close()


class RedisDeduplicator(Deduplicator):
    """The same rules with both indexes in Redis, in one round trip for most articles (``lua/claim.lua``)."""

    def __init__(self, exact: RedisExactIndex, near: NearDuplicateIndex, store: RedisBandStore):
        super().__init__(exact, near)
        self.redis_exact = exact
        self.store = store
        self.script = store.client.register_script(lua("exact", "near", "claim"))

    def check(self, url: str, canonical: str | None, fingerprint: str | None, body: str) -> Duplicate | None:
        assert self.near is not None
        values = signature(body, self.near.config)
        if values is None:
            return self.exact_duplicate(url, canonical, fingerprint)
        bands = band_hashes(values, self.near.config)
        since = 0
        while True:
            args = exact_args(url, canonical, fingerprint)
            args += self.store.args(url_key(canonical or url), url, values, bands, since)
            reply = self.script(keys=[*self.redis_exact.keys, *self.store.keys], args=args)
            kind = reply[0].decode()
            if kind == "kept":
                return None
            if kind != "candidates":
                return exact_duplicate(kind, reply[1].decode())
            since = int(reply[1])
            match = self.near.best_match(url, values, candidates_of(reply[2:]))
            if match is not None:
                found = Duplicate(match.url, NEAR_DUPLICATE, round(match.similarity, 4))
                self.exact.point(url, canonical, fingerprint, found)
                return found
