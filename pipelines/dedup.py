"""Cross-page de-duplication: same canonical URL, same normalised body, or a near-duplicate body.

The rules are in :mod:`scraper.duplicates`. Nothing is lost silently: every duplicate becomes a
line ``{url, duplicate_of, reason, similarity}``
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

from pipelines.stats import Stats
from scraper.distributed import crawl_base, key_prefix, redis_url
from scraper.duplicates import Deduplicator, Duplicate, local_deduplicator, redis_deduplicator
from scraper.near_duplicates import NearDuplicateConfig
from scraper.redis_client import redis_client

logger = logging.getLogger(__name__)

DEFAULT_DUPLICATES_FILE = "data/duplicates.jsonl"


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


def deduplicator(settings: BaseSettings, spider_name: str) -> Deduplicator:
    """The indexes these settings ask for: in Redis with ``REDIS_URL``, else on this machine."""
    config = NearDuplicateConfig.from_settings(settings) if settings.getbool("NEAR_DUPLICATES_ENABLED", True) else None
    url = redis_url(settings)
    if url:
        run_prefix = crawl_base(settings, spider_name)
        return redis_deduplicator(redis_client(url), config, run_prefix, key_prefix(settings))
    return local_deduplicator(config, settings.get("STATE_DIR"))


class CrossPageDedupPipeline:
    def __init__(self, stats: Stats, path: Path, overwrite: bool, dedup: Deduplicator):
        self.stats = stats
        self.path = path
        self.overwrite = overwrite
        self.dedup = dedup
        self.file: IO[str] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrossPageDedupPipeline:
        assert crawler.stats is not None
        path, overwrite = duplicates_path(crawler.settings)
        assert crawler.spidercls is not None
        pipeline = cls(crawler.stats, path, overwrite, deduplicator(crawler.settings, crawler.spidercls.name))
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
        self.dedup.close()

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        url, body = adapter["url"], adapter.get("body") or ""
        found = self.dedup.check(url, adapter.get("canonical_url"), adapter.get("fingerprint"), body)
        if found is None:
            return item
        if found.duplicate_of == url:
            # The same page parsed twice (re-fetched as another page's canonical): already exported.
            self.stats.inc_value("dedup/refetched")
            raise DropItem(f"already exported: {url}", log_level="DEBUG")
        self.record(url, found)
        raise DropItem(f"duplicate ({found.reason}) of {found.duplicate_of}: {url}", log_level="INFO")

    def record(self, url: str, found: Duplicate) -> None:
        self.stats.inc_value("dedup/duplicates")
        self.stats.inc_value(f"dedup/{found.reason}")
        if self.file is None:
            self.open()
        assert self.file is not None
        self.file.write(json.dumps(found.record(url), ensure_ascii=False) + "\n")
        self.file.flush()
        if self.dedup.state is not None:
            self.dedup.state.record_duplicate(url, found.duplicate_of)
