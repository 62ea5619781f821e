"""The de-duplication rules, shared by the crawl pipeline and ``healthscrape dedup``.

In order: the same canonical URL as a kept article (``same_canonical``), the same normalised
body (``same_body``, by fingerprint), a body exported under another URL by an earlier run
(with a state directory), then a near-duplicate body (``near_duplicate``: MinHash + LSH,
see :mod:`scraper.near_duplicates`). The first article seen is kept; each later one is a
:class:`Duplicate` of it.

Indexes live in memory for one run, or in Redis (``REDIS_URL``) shared by every worker;
the near-duplicate index persists on local disk under ``STATE_DIR`` when one is set.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from w3lib.url import canonicalize_url

from scraper.near_duplicates import NearDuplicateConfig, band_hashes, signature
from scraper.near_index import (
    NEAR_INDEX_FILE,
    NEAR_LUA,
    NearDuplicateIndex,
    RedisBandStore,
    SqliteBandStore,
    candidates_of,
)
from scraper.state import CrawlState

if TYPE_CHECKING:
    import redis

SAME_CANONICAL = "same_canonical"
SAME_BODY = "same_body"
NEAR_DUPLICATE = "near_duplicate"


@dataclass(frozen=True)
class Duplicate:
    duplicate_of: str
    reason: str
    similarity: float | None = None

    def record(self, url: str) -> dict[str, object]:
        """The duplicates-file line for ``url``."""
        return {"url": url, "duplicate_of": self.duplicate_of, "reason": self.reason, "similarity": self.similarity}


@lru_cache(maxsize=4096)
def url_key(url: str) -> str:
    """A URL's identity for de-duplication: canonical form, no fragment."""
    return canonicalize_url(url, keep_fragments=False)


def _url_keys(url: str, canonical: str | None) -> list[str]:
    return [url_key(url)] + ([url_key(canonical)] if canonical else [])


class ExactIndex(Protocol):
    def claim(self, url: str, canonical: str | None, fingerprint: str | None) -> Duplicate | None:
        """The kept article this one duplicates exactly; else remember this one as kept."""

    def point(self, url: str, canonical: str | None, fingerprint: str | None, original: str) -> None:
        """Make this article's keys lead to ``original`` (it turned out to be a near-duplicate)."""

    def close(self) -> None: ...


class SqliteExactIndex:
    """Canonical URLs and body fingerprints of kept articles in SQLite: in memory, or a file for
    ``healthscrape dedup`` over more records than fit in memory."""

    def __init__(self, path: str | Path = ":memory:"):
        self.db = sqlite3.connect(str(path), isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.executescript(
            "CREATE TABLE IF NOT EXISTS urls (key TEXT PRIMARY KEY, original TEXT NOT NULL) WITHOUT ROWID;"
            "CREATE TABLE IF NOT EXISTS fingerprints (key TEXT PRIMARY KEY, original TEXT NOT NULL) WITHOUT ROWID;"
        )

    def _get(self, table: str, key: str) -> str | None:
        row = self.db.execute(f"SELECT original FROM {table} WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def claim(self, url: str, canonical: str | None, fingerprint: str | None) -> Duplicate | None:
        for key in reversed(_url_keys(url, canonical)):
            known = self._get("urls", key)
            if known is not None:
                return Duplicate(known, SAME_CANONICAL)
        known = self._get("fingerprints", fingerprint) if fingerprint else None
        if known is not None:
            return Duplicate(known, SAME_BODY, 1.0)
        self.point(url, canonical, fingerprint, url)
        return None

    def point(self, url: str, canonical: str | None, fingerprint: str | None, original: str) -> None:
        rows = [(key, original) for key in _url_keys(url, canonical)]
        self.db.executemany("INSERT OR REPLACE INTO urls (key, original) VALUES (?, ?)", rows)
        if fingerprint:
            row = (fingerprint, original)
            self.db.execute("INSERT OR REPLACE INTO fingerprints (key, original) VALUES (?, ?)", row)

    def close(self) -> None:
        self.db.close()


# Lua functions over the exact index: KEYS[1] url keys hash, KEYS[2] fingerprints hash; ARGV[1]
# url, ARGV[2] fingerprint ('' for none), ARGV[3] the number n of URL keys, ARGV[4..3+n] the keys.
EXACT_LUA = """
local function exact_find(n)
  for i = 3 + n, 4, -1 do
    local known = redis.call('HGET', KEYS[1], ARGV[i])
    if known then return 'same_canonical', known end
  end
  if ARGV[2] ~= '' then
    local known = redis.call('HGET', KEYS[2], ARGV[2])
    if known then return 'same_body', known end
  end
  return nil
end
local function exact_keep(n)
  if ARGV[2] ~= '' then redis.call('HSET', KEYS[2], ARGV[2], ARGV[1]) end
  for i = 4, 3 + n do redis.call('HSET', KEYS[1], ARGV[i], ARGV[1]) end
end
"""
# Returns {reason, duplicate_of}, or nil after registering the article as kept.
_CLAIM = EXACT_LUA + """
local n = tonumber(ARGV[3])
local reason, known = exact_find(n)
if reason then return {reason, known} end
exact_keep(n)
return false
"""


def _exact_args(url: str, canonical: str | None, fingerprint: str | None) -> list[str | int | bytes]:
    keys = _url_keys(url, canonical)
    return [url, fingerprint or "", len(keys), *keys]


def _exact_duplicate(reason: str, original: str) -> Duplicate:
    return Duplicate(original, reason, 1.0 if reason == SAME_BODY else None)


class RedisExactIndex:
    """The same index in two Redis hashes, claimed atomically so that workers agree who is first."""

    def __init__(self, client: redis.Redis, prefix: str):
        self.client = client
        self.keys = [f"{prefix}:exact:urls", f"{prefix}:exact:fingerprints"]
        self.script = client.register_script(_CLAIM)

    def claim(self, url: str, canonical: str | None, fingerprint: str | None) -> Duplicate | None:
        reply = self.script(keys=self.keys, args=_exact_args(url, canonical, fingerprint))
        return _exact_duplicate(*(part.decode() for part in reply)) if reply else None

    def point(self, url: str, canonical: str | None, fingerprint: str | None, original: str) -> None:
        pipe = self.client.pipeline()
        pipe.hset(self.keys[0], mapping=dict.fromkeys(_url_keys(url, canonical), original))
        if fingerprint:
            pipe.hset(self.keys[1], fingerprint, original)
        pipe.execute()

    def close(self) -> None:
        pass


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
        self.exact.point(url, canonical, fingerprint, match.url)
        return Duplicate(match.url, NEAR_DUPLICATE, round(match.similarity, 4))

    def exact_duplicate(self, url: str, canonical: str | None, fingerprint: str | None) -> Duplicate | None:
        """The exact rules only (this run's index, then earlier runs'); keeps the article if none applies."""
        found = self.exact.claim(url, canonical, fingerprint)
        if found is None and self.state is not None:
            found = earlier_run_duplicate(self.state, url, canonical, fingerprint)
        return found

    def close(self) -> None:
        self.exact.close()
        if self.near is not None:
            self.near.close()
        if self.state is not None:
            self.state.close()


def local_deduplicator(config: NearDuplicateConfig | None, state_dir: str | Path | None = None) -> Deduplicator:
    """Indexes on this machine: exact in memory; near-duplicates on disk under ``state_dir`` or in memory."""
    near = None
    if config is not None:
        path = Path(state_dir) / NEAR_INDEX_FILE if state_dir else ":memory:"
        near = NearDuplicateIndex(SqliteBandStore(path, config), config)
    state = CrawlState(state_dir) if state_dir else None
    return Deduplicator(SqliteExactIndex(), near, state)


# KEYS: exact urls hash, exact fingerprints hash, then the near index's keys (see near_index).
# ARGV: url, fingerprint ('' for none), the number of URL keys, the URL keys, then the near
# index's arguments. One round trip for what is kept or an exact duplicate: returns
# {reason, original} for an exact duplicate, {'kept'} once registered in both indexes, or
# {'candidates', last id, url, signature, ...} for near candidates registered after ``since``.
_CLAIM_BOTH = EXACT_LUA + NEAR_LUA + """
local n = tonumber(ARGV[3])
local reason, known = exact_find(n)
if reason then return {reason, known} end
local a = 4 + n
local last = tonumber(redis.call('GET', KEYS[4]) or 0)
local newer = near_find(3, a)
if #newer > 0 then return near_load(3, newer, {'candidates', last}) end
near_keep(3, a)
exact_keep(n)
return {'kept'}
"""


class RedisDeduplicator(Deduplicator):
    """The same rules with both indexes in Redis, in one round trip for most articles."""

    def __init__(self, exact: RedisExactIndex, near: NearDuplicateIndex, store: RedisBandStore):
        super().__init__(exact, near)
        self.redis_exact = exact
        self.store = store
        self.script = store.client.register_script(_CLAIM_BOTH)

    def check(self, url: str, canonical: str | None, fingerprint: str | None, body: str) -> Duplicate | None:
        assert self.near is not None
        values = signature(body, self.near.config)
        if values is None:
            return self.exact_duplicate(url, canonical, fingerprint)
        bands = band_hashes(values, self.near.config)
        since = 0
        while True:
            args = _exact_args(url, canonical, fingerprint)
            args += self.store.args(url_key(canonical or url), url, values, bands, since)
            reply = self.script(keys=[*self.redis_exact.keys, *self.store.keys], args=args)
            kind = reply[0].decode()
            if kind == "kept":
                return None
            if kind != "candidates":
                return _exact_duplicate(kind, reply[1].decode())
            since = int(reply[1])
            match = self.near.best_match(url, values, candidates_of(reply[2:]))
            if match is not None:
                self.exact.point(url, canonical, fingerprint, match.url)
                return Duplicate(match.url, NEAR_DUPLICATE, round(match.similarity, 4))


def redis_deduplicator(
    client: redis.Redis, config: NearDuplicateConfig | None, run_prefix: str, index_prefix: str
) -> Deduplicator:
    """Indexes in Redis: the exact one for this crawl (``run_prefix``), the near one kept across runs."""
    exact = RedisExactIndex(client, run_prefix)
    if config is None:
        return Deduplicator(exact, None)
    store = RedisBandStore(client, config, index_prefix)
    return RedisDeduplicator(exact, NearDuplicateIndex(store, config), store)
