"""The exact-duplicate index: canonical URLs and body fingerprints of kept articles (and of reported
near-duplicates, which lead to their report), and the URLs reported as duplicates.

:class:`SqliteExactIndex` for one machine (in memory, or a file for ``healthscrape dedup`` over more
records than fit in memory); :class:`RedisExactIndex` shared by every worker of a crawl, claimed
atomically (one Lua script) so that workers agree who is first, and who reports a duplicate. A
Redis claim stays pending until the worker has written what it claimed (:meth:`RedisExactIndex.confirm`):
a dead worker's pending claims are released (``scraper.distributed.scheduler``), and the worker that
crawls the URL again takes them over (:meth:`RedisExactIndex.reclaim`) and writes it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from scraper.dedup.duplicate import (
    SAME_BODY,
    SAME_CANONICAL,
    Duplicate,
    exact_duplicate,
    index_entry,
    url_key,
    url_keys,
)
from scraper.dedup.scripts import lua

if TYPE_CHECKING:
    import redis

    from scraper.distributed.keys import CrawlKeys


class ExactIndex(Protocol):
    """Where kept articles' URL keys and body fingerprints are remembered (SQLite or Redis)."""
    def claim(self, url: str, canonical: str | None, fingerprint: str | None) -> Duplicate | None:
        """The kept article this one duplicates exactly; else remember this one as kept."""

    def point(self, url: str, canonical: str | None, fingerprint: str | None, found: Duplicate) -> None:
        """Make this article's keys lead to its report ``found`` (it turned out to be a near-duplicate)."""

    def report(self, url: str, found: Duplicate) -> bool:
        """Remember that ``url`` was reported as ``found``: True the first time, False ever after (the
        same page parsed again, or re-crawled by another worker, is reported once)."""

    def reclaim(self, url: str) -> bool:
        """Take over what a dead worker kept or reported as ``url`` and never wrote: True if there was such
        a claim (it is now this worker's, to write), else False."""

    def confirm(self, url: str) -> None:
        """``url``, kept or reported by this worker, is written (its line is in the output)."""

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
            "CREATE TABLE IF NOT EXISTS reported (key TEXT PRIMARY KEY, duplicate_of TEXT NOT NULL) WITHOUT ROWID;"
        )

    def _get(self, table: str, key: str) -> str | None:
        row = self.db.execute(f"SELECT original FROM {table} WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def claim(self, url: str, canonical: str | None, fingerprint: str | None) -> Duplicate | None:
        for key in reversed(url_keys(url, canonical)):
            known = self._get("urls", key)
            if known is not None:
                return exact_duplicate(SAME_CANONICAL, known)
        known = self._get("fingerprints", fingerprint) if fingerprint else None
        if known is not None:
            return exact_duplicate(SAME_BODY, known)
        self._keep(url, canonical, fingerprint, url)
        return None

    def point(self, url: str, canonical: str | None, fingerprint: str | None, found: Duplicate) -> None:
        # Over what claim() has just kept: one process, nobody else took these keys meanwhile.
        self._keep(url, canonical, fingerprint, index_entry(found))

    def _keep(self, url: str, canonical: str | None, fingerprint: str | None, entry: str) -> None:
        rows = [(key, entry) for key in url_keys(url, canonical)]
        self.db.executemany("INSERT OR REPLACE INTO urls (key, original) VALUES (?, ?)", rows)
        if fingerprint:
            self.db.execute("INSERT OR REPLACE INTO fingerprints (key, original) VALUES (?, ?)", (fingerprint, entry))

    def report(self, url: str, found: Duplicate) -> bool:
        row = (url_key(url), found.duplicate_of)
        return self.db.execute("INSERT OR IGNORE INTO reported (key, duplicate_of) VALUES (?, ?)", row).rowcount == 1

    def reclaim(self, url: str) -> bool:
        return False  # one process: what it claimed and did not write died with its index

    def confirm(self, url: str) -> None:
        pass

    def close(self) -> None:
        self.db.close()


def exact_args(url: str, canonical: str | None, fingerprint: str | None) -> list[str | int | bytes]:
    """The exact index's part of a Lua script's arguments (see ``lua/exact.lua``)."""
    keys = url_keys(url, canonical)
    return [url, fingerprint or "", len(keys), *keys]


class RedisExactIndex:
    """The same index in Redis hashes, claimed atomically so that workers agree who is first, and who
    reports a duplicate; ``worker``'s claims are pending until it confirms it wrote them."""

    def __init__(self, client: redis.Redis, keys: CrawlKeys, worker: str):
        self.client = client
        self.pending = keys.pending(worker)
        self.keys = [*keys.exact, self.pending]  # the Lua scripts' first keys (lua/exact.lua)
        self.reported = keys.reported
        self.released = keys.released
        self.script = client.register_script(lua("exact", "exact_claim"))
        self.report_script = client.register_script(lua("report"))
        self.reclaim_script = client.register_script(lua("reclaim"))

    def claim(self, url: str, canonical: str | None, fingerprint: str | None) -> Duplicate | None:
        reply = self.script(keys=self.keys, args=exact_args(url, canonical, fingerprint))
        return exact_duplicate(*(part.decode() for part in reply)) if reply else None

    def point(self, url: str, canonical: str | None, fingerprint: str | None, found: Duplicate) -> None:
        # The claim script kept nothing for a near-duplicate: a key set meanwhile is another worker's.
        entry = index_entry(found)
        pipe = self.client.pipeline()
        for key in url_keys(url, canonical):
            pipe.hsetnx(self.keys[0], key, entry)
        if fingerprint:
            pipe.hsetnx(self.keys[1], fingerprint, entry)
        pipe.execute()

    def report(self, url: str, found: Duplicate) -> bool:
        return bool(self.report_script(keys=[self.reported, self.pending], args=[url_key(url), found.duplicate_of]))

    def reclaim(self, url: str) -> bool:
        return bool(self.reclaim_script(keys=[self.released, self.pending], args=[url_key(url)]))

    def confirm(self, url: str) -> None:
        self.client.hdel(self.pending, url_key(url))

    def close(self) -> None:
        pass
