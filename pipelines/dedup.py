"""Cross-page exact de-duplication within a crawl: same canonical URL, or same normalised body.

Nothing is lost silently: every duplicate becomes a line ``{url, duplicate_of, reason}``
in the duplicates file (``DUPLICATES_FILE``; by default ``duplicates.jsonl`` next to
the main feed, i.e. ``data/duplicates.jsonl``).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.settings import BaseSettings
from w3lib.url import canonicalize_url

from pipelines.stats import Stats
from scraper.state import CrawlState

logger = logging.getLogger(__name__)

DEFAULT_DUPLICATES_FILE = "data/duplicates.jsonl"
SAME_CANONICAL = "same_canonical"
SAME_BODY = "same_body"


def url_key(url: str) -> str:
    """A URL's identity for de-duplication: canonical form, no fragment."""
    return canonicalize_url(url, keep_fragments=False)


def feed_file(settings: BaseSettings) -> tuple[Path | None, bool]:
    """The first local file among the feeds and whether it is overwritten each run."""
    for uri, options in (settings.getdict("FEEDS") or {}).items():
        uri = str(uri)
        parts = urlsplit(uri)
        if "%(" in uri or parts.scheme not in ("", "file") or uri in ("-", "stdout:"):
            continue
        path = Path(parts.path if parts.scheme == "file" else uri)
        return path, bool((options or {}).get("overwrite", False))
    return None, True


def duplicates_path(settings: BaseSettings) -> tuple[Path, bool]:
    """Where duplicates go (``DUPLICATES_FILE`` or next to the main feed) and whether to overwrite."""
    feed, overwrite = feed_file(settings)
    configured = settings.get("DUPLICATES_FILE")
    if configured:
        return Path(configured), overwrite
    if feed is not None:
        return feed.parent / "duplicates.jsonl", overwrite
    return Path(DEFAULT_DUPLICATES_FILE), overwrite


class DuplicateIndex:
    """Which canonical URLs and body fingerprints this crawl has exported, and by which URL."""

    def __init__(self) -> None:
        self.by_url: dict[str, str] = {}
        self.by_fingerprint: dict[str, str] = {}

    def lookup(self, url: str, canonical: str | None, fingerprint: str | None) -> tuple[str, str] | None:
        """``(duplicate_of, reason)`` when this crawl exported the article already, else None."""
        for key in reversed(_keys(url, canonical)):
            if key in self.by_url:
                return self.by_url[key], SAME_CANONICAL
        if fingerprint and fingerprint in self.by_fingerprint:
            return self.by_fingerprint[fingerprint], SAME_BODY
        return None

    def register(self, url: str, canonical: str | None, fingerprint: str | None) -> None:
        for key in _keys(url, canonical):
            self.by_url[key] = url
        if fingerprint:
            self.by_fingerprint[fingerprint] = url


def _keys(url: str, canonical: str | None) -> list[str]:
    return [url_key(url)] + ([url_key(canonical)] if canonical else [])


def earlier_run_duplicate(
    state: CrawlState, url: str, canonical: str | None, fingerprint: str | None
) -> tuple[str, str] | None:
    """``(duplicate_of, reason)`` when an earlier run exported this article under another URL."""
    if canonical and url_key(canonical) != url_key(url):
        known = state.article(canonical)
        if known is not None and known.duplicate_of is None:
            return canonical, SAME_CANONICAL
    earlier = state.url_with_body(fingerprint) if fingerprint else None
    if earlier is not None and url_key(earlier) != url_key(url):
        return earlier, SAME_BODY
    return None


class CrossPageDedupPipeline:
    def __init__(self, stats: Stats, path: Path, overwrite: bool, state: CrawlState | None = None):
        self.stats = stats
        self.path = path
        self.overwrite = overwrite
        self.index = DuplicateIndex()
        self.file: IO[str] | None = None
        self.state = state

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrossPageDedupPipeline:
        assert crawler.stats is not None
        path, overwrite = duplicates_path(crawler.settings)
        state_dir = crawler.settings.get("STATE_DIR")
        pipeline = cls(crawler.stats, path, overwrite, CrawlState(state_dir) if state_dir else None)
        crawler.signals.connect(pipeline.open, signal=signals.spider_opened)
        crawler.signals.connect(pipeline.close, signal=signals.spider_closed)
        return pipeline

    def open(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.file = self.path.open("w" if self.overwrite else "a", encoding="utf-8")
        self.stats.set_value("dedup/duplicates_file", str(self.path))
        self.stats.inc_value("dedup/duplicates", 0)

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None
        if self.state is not None:
            self.state.close()

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        url, canonical, fingerprint = adapter["url"], adapter.get("canonical_url"), adapter.get("fingerprint")
        found = self.index.lookup(url, canonical, fingerprint)
        if found is None and self.state is not None:
            found = earlier_run_duplicate(self.state, url, canonical, fingerprint)
        if found is None:
            self.index.register(url, canonical, fingerprint)
            return item
        duplicate_of, reason = found
        if duplicate_of == url:
            # The same page parsed twice (re-fetched as another page's canonical): already exported.
            self.stats.inc_value("dedup/refetched")
            raise DropItem(f"already exported: {url}", log_level="DEBUG")
        self.record(url, duplicate_of, reason)
        raise DropItem(f"duplicate ({reason}) of {duplicate_of}: {url}", log_level="INFO")

    def record(self, url: str, duplicate_of: str, reason: str) -> None:
        self.stats.inc_value("dedup/duplicates")
        self.stats.inc_value(f"dedup/{reason}")
        if self.file is None:
            self.open()
        assert self.file is not None
        line = json.dumps({"url": url, "duplicate_of": duplicate_of, "reason": reason}, ensure_ascii=False)
        self.file.write(line + "\n")
        self.file.flush()
        if self.state is not None:
            self.state.record_duplicate(url, duplicate_of)
