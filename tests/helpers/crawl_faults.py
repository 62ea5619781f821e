"""Scrapy extensions for tests that inject a fault into the crawl process itself (not the server).

Enabled by adding an extension's ``path`` to the project's ``EXTENSIONS`` (``-s EXTENSIONS=…``
replaces the whole setting, see :func:`extensions_with`).
"""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

from scrapy import signals
from scrapy.crawler import Crawler

from scraper.runs.lock import LOCK_FILE
from scraper.settings import EXTENSIONS


def extensions_with(*paths: str) -> str:
    """The ``-s EXTENSIONS=…`` value: the project's extensions and ``paths`` (last)."""
    return "EXTENSIONS=" + json.dumps({**EXTENSIONS, **{path: 1000 for path in paths}})


class KillLockHolderWhenStopped:
    """SIGKILLs the pid recorded in ``STATE_DIR/crawl.lock`` once the engine has stopped: the crawl
    has ended and written its outputs, the run has not been published yet (what a service manager's
    stop of the whole process group can do at that moment)."""

    path = f"{__name__}.KillLockHolderWhenStopped"

    def __init__(self, crawler: Crawler):
        self.lock = Path(crawler.settings["STATE_DIR"]) / LOCK_FILE
        crawler.signals.connect(self.engine_stopped, signal=signals.engine_stopped)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> KillLockHolderWhenStopped:
        return cls(crawler)

    def engine_stopped(self) -> None:
        os.kill(int(json.loads(self.lock.read_text())["pid"]), signal.SIGKILL)


class DiskFullAfter:
    """The disk fills up under one of the run's outputs: once ``TEST_DISK_FULL_AFTER`` items have been
    scraped, every descriptor this process holds on the file named ``TEST_DISK_FULL_FILE`` (in the
    folder of ``RUN_OUTPUT``) is pointed at ``/dev/full`` (``dup2``), so the crawl's own next write to
    it fails in the kernel with ENOSPC. Linux (``/proc/self/fd``)."""

    path = f"{__name__}.DiskFullAfter"

    def __init__(self, crawler: Crawler):
        self.target = Path(crawler.settings["RUN_OUTPUT"]).parent.resolve() / crawler.settings["TEST_DISK_FULL_FILE"]
        self.after = crawler.settings.getint("TEST_DISK_FULL_AFTER")
        self.scraped = 0
        crawler.signals.connect(self.item_scraped, signal=signals.item_scraped)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DiskFullAfter:
        return cls(crawler)

    def item_scraped(self) -> None:
        self.scraped += 1
        if self.scraped != self.after:
            return
        full = os.open("/dev/full", os.O_WRONLY)
        for fd in Path("/proc/self/fd").iterdir():
            try:
                if Path(os.readlink(fd)) == self.target:
                    os.dup2(full, int(fd.name))
            except OSError:
                continue
        os.close(full)
