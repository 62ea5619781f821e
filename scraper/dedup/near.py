"""The near-duplicate index: which bodies were kept, found again by their LSH bands.

:class:`NearDuplicateIndex` holds the rule (candidates from shared bands, kept when their
signatures agree on at least ``threshold`` of their values, the best one wins); a store holds
the data:

* :class:`SqliteBandStore` — embedded, on local disk (``near_duplicates.sqlite`` under
  ``STATE_DIR``, so it persists between runs) or in memory for a run without state;
* :class:`RedisBandStore` — in Redis (``REDIS_URL``), shared by every worker.

Only kept bodies are indexed. Registration is optimistic: look up the candidates, compare, and
register only if nothing was registered in the same buckets since the lookup (one Lua script in
Redis, one transaction in SQLite); otherwise compare with the newcomers and try again. So two
workers holding near-duplicates at the same moment keep exactly one of them.

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

from scraper.dedup.minhash import NearDuplicateConfig, band_hashes, similarity
from scraper.dedup.scripts import lua
from scraper.distributed.keys import NearKeys

if TYPE_CHECKING:
    import redis

NEAR_INDEX_FILE = "near_duplicates.sqlite"


@dataclass(frozen=True)
class NearMatch:
    """The kept body a new body nearly duplicates: its URL and the estimated Jaccard similarity."""
    url: str
    similarity: float


@dataclass(frozen=True)
class Candidate:
    """A kept body sharing an LSH band with a new one: its URL and MinHash signature (uint32)."""
    url: str
    signature: np.ndarray


class BandStore(Protocol):
    """Where the near index keeps signatures and LSH bands (SQLite or Redis)."""
    def register(
        self, key: str, url: str, values: np.ndarray, bands: list[bytes], since: int
    ) -> tuple[int, list[Candidate]]:
        """Keep ``key`` unless other bodies with ids above ``since`` share a band: then return those.

        Also returns the last id given out, the ``since`` of the next attempt.
        """

    def close(self) -> None: ...


class NearDuplicateIndex:
    """Finds the kept body a new body nearly duplicates, or keeps the new one."""

    def __init__(self, store: BandStore, config: NearDuplicateConfig):
        self.store = store
        self.config = config

    def claim(self, key: str, url: str, values: np.ndarray) -> NearMatch | None:
        """The best kept near-duplicate of this body; None after keeping it.

        ``key`` identifies the page (its canonical URL), so a page crawled again never matches
        its own earlier version: it replaces it.
        """
        bands = band_hashes(values, self.config)
        since = 0
        while True:
            since, found = self.store.register(key, url, values, bands, since)
            if not found:
                return None
            best = self.best_match(url, values, found)
            if best is not None:
                return best

    def best_match(self, url: str, values: np.ndarray, found: list[Candidate]) -> NearMatch | None:
        """The most similar candidate at or above the threshold (never ``url`` itself)."""
        best: NearMatch | None = None
        for candidate in found:
            score = similarity(values, candidate.signature)
            if candidate.url != url and score >= self.config.threshold and (best is None or score > best.similarity):
                best = NearMatch(candidate.url, score)
        return best

    def close(self) -> None:
        self.store.close()


_SQLITE_SCHEMA = """
CREATE TABLE IF NOT EXISTS scheme (name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs (
    id INTEGER PRIMARY KEY, key TEXT UNIQUE NOT NULL, url TEXT NOT NULL, signature BLOB NOT NULL, bands BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS bands (hash INTEGER NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (hash, id)) WITHOUT ROWID;
"""


def _signed(digest: bytes) -> int:
    return int.from_bytes(digest, "big", signed=True)


class SqliteBandStore:
    """Bands and signatures in SQLite: a file under the state directory, or ``:memory:``."""

    def __init__(self, path: str | Path, config: NearDuplicateConfig):
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path), timeout=30, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SQLITE_SCHEMA)
        _check_scheme(self._scheme(config.name), config.name, str(path))

    def _scheme(self, name: str) -> str:
        row = self.db.execute("SELECT name FROM scheme").fetchone()
        if row is None:
            self.db.execute("INSERT INTO scheme (name) VALUES (?)", (name,))
            return name
        return str(row[0])

    def _ids(self, key: str, bands: list[bytes], since: int) -> tuple[int, list[int]]:
        last = self.db.execute("SELECT COALESCE(MAX(id), 0) FROM docs").fetchone()[0]
        marks = ",".join("?" * len(bands))
        hashes = [_signed(digest) for digest in bands]
        rows = self.db.execute(f"SELECT id FROM bands WHERE hash IN ({marks}) AND id > ?", [*hashes, since])
        found = {r[0] for r in rows}
        own = self.db.execute("SELECT id FROM docs WHERE key = ?", (key,)).fetchone() if found else None
        if own is not None:
            found.discard(own[0])
        return int(last), sorted(found)

    def _forget(self, key: str) -> None:
        """Remove an earlier version of ``key`` (a page crawled again)."""
        row = self.db.execute("SELECT id, bands FROM docs WHERE key = ?", (key,)).fetchone()
        if row is not None:
            own, blob = row
            old = [(_signed(blob[i : i + 8]), own) for i in range(0, len(blob), 8)]
            self.db.executemany("DELETE FROM bands WHERE hash = ? AND id = ?", old)
            self.db.execute("DELETE FROM docs WHERE id = ?", (own,))

    def register(
        self, key: str, url: str, values: np.ndarray, bands: list[bytes], since: int
    ) -> tuple[int, list[Candidate]]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            last, newer = self._ids(key, bands, since)
            if newer:
                self.db.execute("ROLLBACK")
                return last, self._load(newer)
            self._forget(key)
            own = self.db.execute(
                "INSERT INTO docs (key, url, signature, bands) VALUES (?, ?, ?, ?)",
                (key, url, values.tobytes(), b"".join(bands)),
            ).lastrowid
            self.db.executemany("INSERT INTO bands (hash, id) VALUES (?, ?)", [(_signed(d), own) for d in bands])
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return last, []

    def _load(self, ids: list[int]) -> list[Candidate]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(f"SELECT url, signature FROM docs WHERE id IN ({marks})", ids)
        return [Candidate(url, np.frombuffer(blob, dtype=np.uint32)) for url, blob in rows]

    def close(self) -> None:
        self.db.close()


class RedisBandStore:
    """Bands and signatures in Redis under ``{prefix}:near:*``, shared by every worker."""

    def __init__(self, client: redis.Redis, config: NearDuplicateConfig, prefix: str):
        self.client = client
        names = NearKeys(prefix)
        self.keys = names.index(config.bands)
        self.script = client.register_script(lua("near", "near_register"))
        scheme_key = names.scheme
        client.setnx(scheme_key, config.name)
        stored = client.get(scheme_key)
        _check_scheme(stored.decode() if isinstance(stored, bytes) else str(stored), config.name, f"Redis {scheme_key}")

    def register(
        self, key: str, url: str, values: np.ndarray, bands: list[bytes], since: int
    ) -> tuple[int, list[Candidate]]:
        reply = self.script(keys=self.keys, args=self.args(key, url, values, bands, since))
        return int(reply[0]), candidates_of(reply[1:])

    def args(self, key: str, url: str, values: np.ndarray, bands: list[bytes], since: int) -> list[str | int | bytes]:
        """The near index's part of a script's arguments."""
        return [key, since, url, values.tobytes(), *bands]

    def close(self) -> None:
        self.client.close()


def candidates_of(reply: list[bytes]) -> list[Candidate]:
    """Candidates from a script's reply: url, signature pairs."""
    return [
        Candidate(url.decode(), np.frombuffer(blob, dtype=np.uint32))
        for url, blob in zip(reply[0::2], reply[1::2], strict=True)
        if url and blob
    ]


def _check_scheme(stored: str, wanted: str, where: str) -> None:
    if stored != wanted:
        raise ValueError(
            f"{where} holds near-duplicate signatures of scheme {stored}, these settings make {wanted}: "
            "use the same NEAR_DUPLICATE_* settings, or another index"
        )
