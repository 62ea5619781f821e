"""Every Redis key name of the project, in one place (``redis-cli`` commands in the README use them).

Two prefixes: the project's (``REDIS_KEY_PREFIX``, default ``healthscrape``), under which the
near-duplicate index lives across crawls, and a crawl's (``<project>:<spider>``), under which one
crawl's shared state lives until its last worker leaves.
"""

from __future__ import annotations

from dataclasses import dataclass

from scrapy.settings import BaseSettings


def project_prefix(settings: BaseSettings) -> str:
    """The project's key prefix (``REDIS_KEY_PREFIX``)."""
    return str(settings.get("REDIS_KEY_PREFIX"))


def crawl_prefix(settings: BaseSettings, spider_name: str) -> str:
    """The key prefix of one crawl's shared state: ``<project>:<spider>``."""
    return f"{project_prefix(settings)}:{spider_name}"


@dataclass(frozen=True)
class CrawlKeys:
    """One crawl's keys: the request queue and dupefilter (scrapy-redis), the workers' in-flight
    requests and heartbeats, the crawl's members, the exact-duplicate index, the reported URLs, and the
    claims (kept or reported) each worker has not written yet."""

    base: str

    @property
    def requests(self) -> str:
        return f"{self.base}:requests"

    @property
    def dupefilter(self) -> str:
        return f"{self.base}:dupefilter"

    @property
    def inflight_prefix(self) -> str:
        """``<prefix><worker>``: a hash of the requests that worker took and has not finished."""
        return f"{self.base}:inflight:"

    @property
    def workers_prefix(self) -> str:
        """``<prefix><worker>``: a worker's heartbeat (expires after ``REDIS_WORKER_TIMEOUT``)."""
        return f"{self.base}:workers:"

    def rescued(self, inflight_key: str, rescuer: str) -> str:
        """A dead worker's in-flight hash while ``rescuer`` puts its requests back (renamed: one rescuer wins)."""
        return f"{inflight_key}:rescued-by:{rescuer}"

    @property
    def members(self) -> str:
        return f"{self.base}:members"

    @property
    def exact(self) -> list[str]:
        """The exact-duplicate index: canonical URL keys, then body fingerprints (two hashes)."""
        return [f"{self.base}:exact:urls", f"{self.base}:exact:fingerprints"]

    @property
    def reported(self) -> str:
        """The URLs reported as duplicates (a hash: URL key -> duplicate_of), each reported once."""
        return f"{self.base}:exact:reported"

    def pending(self, worker: str) -> str:
        """A hash of the URL keys ``worker`` kept or reported (``kept``/``reported``) and has not written yet."""
        return f"{self.base}:pending:{worker}"

    @property
    def released(self) -> str:
        """Dead workers' pending claims (URL key -> kind), for the worker that crawls the URL again to write."""
        return f"{self.base}:exact:released"


@dataclass(frozen=True)
class NearKeys:
    """The near-duplicate index under ``<project>:near``: ids by page key, the id counter, URLs and
    signatures by id, the signature scheme, and one hash per LSH band."""

    project: str

    @property
    def base(self) -> str:
        return f"{self.project}:near"

    @property
    def scheme(self) -> str:
        return f"{self.base}:scheme"

    def index(self, bands: int) -> list[str]:
        """The keys the Lua scripts take, in their order: ids, next, urls, signatures, band 0 … band n-1."""
        fixed = [f"{self.base}:ids", f"{self.base}:next", f"{self.base}:urls", f"{self.base}:signatures"]
        return fixed + [f"{self.base}:band:{band}" for band in range(bands)]
