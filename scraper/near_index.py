"""The near-duplicate index: which bodies were kept, found again by their LSH bands.

:class:`NearDuplicateIndex` holds the rule (candidates from shared bands, kept when their
signatures agree on at least ``threshold`` of their values, the best one wins); a store holds
the data:

* :class:`SqliteBandStore` — embedded, on local disk (``near_duplicates.sqlite`` under
  ``STATE_DIR``, so it persists between runs) or in memory for a run without state;
* :class:`RedisBandStore` — in Redis (``REDIS_URL``), shared by every worker. Registration is
  one Lua script, so two workers registering near-duplicates at the same moment are ordered:
  the later one sees the earlier one.

Bands are stored by this module rather than by datasketch's Redis storage, which keeps one
Redis set per bucket and a sorted set per key and was measured at a few hundred inserts/s
(see benchmarks/RESULTS.md); datasketch still computes every MinHash.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

from scraper.near_duplicates import NearDuplicateConfig, band_hashes, similarity

if TYPE_CHECKING:
    import redis

NEAR_INDEX_FILE = "near_duplicates.sqlite"


@dataclass(frozen=True)
class NearMatch:
    url: str
    similarity: float


@dataclass(frozen=True)
class Candidate:
    url: str
    signature: np.ndarray
    original: str | None


class BandStore(Protocol):
    def register(self, key: str, url: str, values: np.ndarray, bands: list[bytes]) -> list[Candidate]:
        """Store (or replace) ``key``'s signature and bands; the other keys sharing a band with it."""

    def mark_duplicate(self, key: str, original: str) -> None: ...

    def close(self) -> None: ...


class NearDuplicateIndex:
    """Finds the earlier body a new body nearly duplicates, and remembers the new one."""

    def __init__(self, store: BandStore, config: NearDuplicateConfig):
        self.store = store
        self.config = config

    def claim(self, key: str, url: str, values: np.ndarray) -> NearMatch | None:
        """Register ``key``; the best earlier near-duplicate of its body, if any.

        ``key`` identifies the page (its canonical URL), so a page crawled again never matches
        its own earlier version. A match that was itself a near-duplicate points to its original.
        """
        best: NearMatch | None = None
        for candidate in self.store.register(key, url, values, band_hashes(values, self.config)):
            original = candidate.original or candidate.url
            if original == url:
                continue
            score = similarity(values, candidate.signature)
            if score >= self.config.threshold and (best is None or score > best.similarity):
                best = NearMatch(original, score)
        if best is not None:
            self.store.mark_duplicate(key, best.url)
        return best

    def close(self) -> None:
        self.store.close()


_SQLITE_SCHEMA = """
CREATE TABLE IF NOT EXISTS scheme (name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs (
    id INTEGER PRIMARY KEY, key TEXT UNIQUE NOT NULL, url TEXT NOT NULL, signature BLOB NOT NULL,
    original TEXT
);
CREATE TABLE IF NOT EXISTS bands (band INTEGER NOT NULL, hash INTEGER NOT NULL, id INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS bands_hash ON bands (band, hash);
"""


def _signed(digest: bytes) -> int:
    return int.from_bytes(digest, "big", signed=True)


class SqliteBandStore:
    """Bands and signatures in SQLite: a file under the state directory, or ``:memory:``."""

    def __init__(self, path: str | Path, config: NearDuplicateConfig):
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path), timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SQLITE_SCHEMA)
        _check_scheme(self._scheme(config.name), config.name, str(path))

    def _scheme(self, name: str) -> str:
        row = self.db.execute("SELECT name FROM scheme").fetchone()
        if row is None:
            with self.db:
                self.db.execute("INSERT INTO scheme (name) VALUES (?)", (name,))
            return name
        return str(row[0])

    def register(self, key: str, url: str, values: np.ndarray, bands: list[bytes]) -> list[Candidate]:
        hashes = [(band, _signed(digest)) for band, digest in enumerate(bands)]
        with self.db:
            row = self.db.execute("SELECT id FROM docs WHERE key = ?", (key,)).fetchone()
            found: set[int] = set()
            for band, value in hashes:
                rows = self.db.execute("SELECT id FROM bands WHERE band = ? AND hash = ?", (band, value))
                found.update(r[0] for r in rows)
            if row is None:
                cursor = self.db.execute(
                    "INSERT INTO docs (key, url, signature) VALUES (?, ?, ?)", (key, url, values.tobytes())
                )
                own = cursor.lastrowid
            else:
                own = row[0]
                self.db.execute(
                    "UPDATE docs SET url = ?, signature = ?, original = NULL WHERE id = ?", (url, values.tobytes(), own)
                )
                self.db.execute("DELETE FROM bands WHERE id = ?", (own,))
            self.db.executemany("INSERT INTO bands (band, hash, id) VALUES (?, ?, ?)", [(b, h, own) for b, h in hashes])
        found.discard(int(own or 0))
        return self._candidates(sorted(found))

    def _candidates(self, ids: list[int]) -> list[Candidate]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(f"SELECT url, signature, original FROM docs WHERE id IN ({marks})", ids)
        return [Candidate(url, np.frombuffer(blob, dtype=np.uint32), original) for url, blob, original in rows]

    def mark_duplicate(self, key: str, original: str) -> None:
        with self.db:
            self.db.execute("UPDATE docs SET original = ? WHERE key = ?", (original, key))

    def close(self) -> None:
        self.db.close()


# KEYS: docs-by-key hash, next-id counter, url hash, signature hash, original hash, then one hash
# per band. ARGV: key, url, signature, then one band hash per band. Adds the key to its band
# buckets and returns, for each other id found in them, its url, signature and original.
_REGISTER = """
local id = redis.call('HGET', KEYS[1], ARGV[1])
local fresh = false
if not id then
  id = redis.call('INCR', KEYS[2])
  redis.call('HSET', KEYS[1], ARGV[1], id)
  fresh = true
end
id = tonumber(id)
redis.call('HSET', KEYS[3], id, ARGV[2])
redis.call('HSET', KEYS[4], id, ARGV[3])
redis.call('HDEL', KEYS[5], id)
local packed = struct.pack('>I4', id)
local seen = {[id] = true}
local found = {}
for i = 6, #KEYS do
  local bucket = redis.call('HGET', KEYS[i], ARGV[i - 2])
  if bucket then
    for pos = 1, #bucket, 4 do
      local other = struct.unpack('>I4', bucket, pos)
      if not seen[other] then
        seen[other] = true
        table.insert(found, other)
      end
    end
    if fresh or not string.find(bucket, packed, 1, true) then
      redis.call('HSET', KEYS[i], ARGV[i - 2], bucket .. packed)
    end
  else
    redis.call('HSET', KEYS[i], ARGV[i - 2], packed)
  end
end
local reply = {}
for _, other in ipairs(found) do
  table.insert(reply, redis.call('HGET', KEYS[3], other) or false)
  table.insert(reply, redis.call('HGET', KEYS[4], other) or false)
  table.insert(reply, redis.call('HGET', KEYS[5], other) or false)
end
return reply
"""


class RedisBandStore:
    """Bands and signatures in Redis under ``{prefix}:near:*``, shared by every worker."""

    def __init__(self, client: redis.Redis, config: NearDuplicateConfig, prefix: str = "healthscrape"):
        self.client = client
        base = f"{prefix}:near"
        self.keys = [f"{base}:ids", f"{base}:next", f"{base}:urls", f"{base}:signatures", f"{base}:originals"]
        self.band_keys = [f"{base}:band:{band}" for band in range(config.bands)]
        self.script = client.register_script(_REGISTER)
        scheme_key = f"{base}:scheme"
        client.setnx(scheme_key, config.name)
        stored = client.get(scheme_key)
        _check_scheme(stored.decode() if isinstance(stored, bytes) else str(stored), config.name, f"Redis {scheme_key}")

    def register(self, key: str, url: str, values: np.ndarray, bands: list[bytes]) -> list[Candidate]:
        reply = self.script(keys=[*self.keys, *self.band_keys], args=[key, url, values.tobytes(), *bands])
        return [
            Candidate(url.decode(), np.frombuffer(blob, dtype=np.uint32), original.decode() if original else None)
            for url, blob, original in zip(reply[0::3], reply[1::3], reply[2::3], strict=True)
            if url is not None and blob is not None
        ]

    def mark_duplicate(self, key: str, original: str) -> None:
        own = self.client.hget(self.keys[0], key)
        if own is not None:
            self.client.hset(self.keys[4], own, original)

    def close(self) -> None:
        self.client.close()


def _check_scheme(stored: str, wanted: str, where: str) -> None:
    if stored != wanted:
        raise ValueError(
            f"{where} holds near-duplicate signatures of scheme {stored}, these settings make {wanted}: "
            "use the same NEAR_DUPLICATE_* settings, or another index"
        )
