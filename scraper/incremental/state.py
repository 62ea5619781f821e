"""What earlier runs saw, kept between runs in SQLite under ``STATE_DIR`` (``data/state/``).

* ``pages``: HTTP validators (ETag, Last-Modified) of every page fetched with a 200.
* ``articles``: every exported article URL with its body fingerprint and revision, and every
  URL reported as a duplicate (``duplicate_of`` set), so that later runs can fetch them
  conditionally and recognise a body exported before under another URL.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

STATE_FILE = "state.sqlite"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT);
CREATE TABLE IF NOT EXISTS articles (
    url TEXT PRIMARY KEY, fingerprint TEXT, revision INTEGER NOT NULL DEFAULT 1, duplicate_of TEXT
);
CREATE INDEX IF NOT EXISTS articles_fingerprint ON articles (fingerprint);
"""


@dataclass(frozen=True)
class KnownArticle:
    """An article URL an earlier run exported (or reported as a duplicate of ``duplicate_of``)."""
    url: str
    fingerprint: str | None
    revision: int
    duplicate_of: str | None


def crawl_state(crawler: Crawler) -> CrawlState:
    """The state of the crawl's ``STATE_DIR``; ``NotConfigured`` without one (the component stays off)."""
    state_dir = crawler.settings.get("STATE_DIR")
    if not state_dir:
        raise NotConfigured
    return CrawlState(state_dir)


class CrawlState:
    """One connection to the state database (WAL, so a reader never blocks the crawl)."""

    def __init__(self, state_dir: str | Path):
        directory = Path(state_dir)
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / STATE_FILE
        self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        # In WAL mode NORMAL never corrupts the file and keeps every commit through a killed process;
        # only a power cut may lose the last ones (which the next run fetches again). FULL fsyncs
        # every commit, i.e. every page fetched: ~10 % of a crawl's time.
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)

    def close(self) -> None:
        self.db.close()

    def validators(self, url: str) -> tuple[str | None, str | None] | None:
        """The ETag and Last-Modified a 200 for ``url`` carried, or None for a page never fetched."""
        row = self.db.execute("SELECT etag, last_modified FROM pages WHERE url = ?", (url,)).fetchone()
        return (row[0], row[1]) if row else None

    def save_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        self.db.execute(
            "INSERT INTO pages (url, etag, last_modified) VALUES (?, ?, ?) "
            "ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified",
            (url, etag, last_modified),
        )

    def article(self, url: str) -> KnownArticle | None:
        """What earlier runs know of ``url``, or None."""
        row = self.db.execute(
            "SELECT url, fingerprint, revision, duplicate_of FROM articles WHERE url = ?", (url,)
        ).fetchone()
        return KnownArticle(*row) if row else None

    def url_with_body(self, fingerprint: str) -> str | None:
        """The URL an earlier run exported this body under, if any."""
        row = self.db.execute(
            "SELECT url FROM articles WHERE fingerprint = ? AND duplicate_of IS NULL LIMIT 1", (fingerprint,)
        ).fetchone()
        return row[0] if row else None

    def record_article(self, url: str, fingerprint: str | None, revision: int) -> None:
        self.db.execute(
            "INSERT INTO articles (url, fingerprint, revision, duplicate_of) VALUES (?, ?, ?, NULL) "
            "ON CONFLICT(url) DO UPDATE SET fingerprint = excluded.fingerprint, revision = excluded.revision, "
            "duplicate_of = NULL",
            (url, fingerprint, revision),
        )

    def record_duplicate(self, url: str, duplicate_of: str) -> None:
        self.db.execute(
            "INSERT INTO articles (url, duplicate_of) VALUES (?, ?) "
            "ON CONFLICT(url) DO UPDATE SET duplicate_of = excluded.duplicate_of",
            (url, duplicate_of),
        )
