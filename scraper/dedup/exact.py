"""The exact-duplicate index: canonical URLs and body fingerprints of kept articles.

:class:`SqliteExactIndex` for one machine (in memory, or a file for ``healthscrape dedup`` over more
records than fit in memory); :class:`RedisExactIndex` shared by every worker of a crawl, claimed
atomically (one Lua script) so that workers agree who is first.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from scraper.dedup.duplicate import SAME_BODY, SAME_CANONICAL, Duplicate, exact_duplicate, url_keys
from scraper.dedup.scripts import lua

if TYPE_CHECKING:
    import redis


class ExactIndex(Protocol):
    """Where kept articles' URL keys and body fingerprints are remembered (SQLite or Redis)."""
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
        for key in reversed(url_keys(url, canonical)):
            known = self._get("urls", key)
            if known is not None:
                return Duplicate(known, SAME_CANONICAL)
        known = self._get("fingerprints", fingerprint) if fingerprint else None
        if known is not None:
            return Duplicate(known, SAME_BODY, 1.0)
        self.point(url, canonical, fingerprint, url)
        return None

    def point(self, url: str, canonical: str | None, fingerprint: str | None, original: str) -> None:
        rows = [(key, original) for key in url_keys(url, canonical)]
        self.db.executemany("INSERT OR REPLACE INTO urls (key, original) VALUES (?, ?)", rows)
        if fingerprint:
            row = (fingerprint, original)
            self.db.execute("INSERT OR REPLACE INTO fingerprints (key, original) VALUES (?, ?)", row)

    def close(self) -> None:
        self.db.close()


def exact_args(url: str, canonical: str | None, fingerprint: str | None) -> list[str | int | bytes]:
    """The exact index's part of a Lua script's arguments (see ``lua/exact.lua``)."""
    keys = url_keys(url, canonical)
    return [url, fingerprint or "", len(keys), *keys]


class RedisExactIndex:
    """The same index in two Redis hashes, claimed atomically so that workers agree who is first."""

    def __init__(self, client: redis.Redis, keys: list[str]):
        self.client = client
        self.keys = keys  # CrawlKeys.exact: URL keys hash, fingerprints hash
        self.script = client.register_script(lua("exact", "exact_claim"))

    def claim(self, url: str, canonical: str | None, fingerprint: str | None) -> Duplicate | None:
        reply = self.script(keys=self.keys, args=exact_args(url, canonical, fingerprint))
        return exact_duplicate(*(part.decode() for part in reply)) if reply else None

    def point(self, url: str, canonical: str | None, fingerprint: str | None, original: str) -> None:
        pipe = self.client.pipeline()
        pipe.hset(self.keys[0], mapping=dict.fromkeys(url_keys(url, canonical), original))
        if fingerprint:
            pipe.hset(self.keys[1], fingerprint, original)
        pipe.execute()

    def close(self) -> None:
        pass
