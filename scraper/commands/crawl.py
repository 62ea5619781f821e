"""``scrapy crawl``, reusable in this process: its arguments read with Scrapy's own options, and one
crawl run to its end in a Scrapy ``CrawlerProcess``.

``healthscrape crawl`` runs its crawl here, in the process that holds the run lock, rather than in a
``scrapy crawl`` child: the process that holds the lock is the one that writes, so no writer can outlive
it, and Scrapy's own signal handlers stop the crawl gracefully on SIGTERM/SIGINT.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from scrapy.cmdline import ScrapyArgumentParser
from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.crawler import AsyncCrawlerProcess, Crawler, CrawlerProcess, CrawlerProcessBase
from scrapy.exceptions import UsageError
from scrapy.settings import Settings
from scrapy.utils.project import ENVVAR, get_project_settings

# The project's settings when SCRAPY_SETTINGS_MODULE does not name others (healthscrape runs anywhere).
SETTINGS_MODULE = "scraper.settings"
# scrapy.cmdline's choice between the two process classes (scrapy.utils.reactor._asyncio_reactor_path).
ASYNCIO_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"


@dataclass
class CrawlArguments:
    """``scrapy crawl`` arguments, read: the spider's name, its ``-a`` arguments, the settings with
    ``-s``/``-o``/``-O``/``-L``… applied."""

    spider: str
    spider_arguments: dict[str, str]
    settings: Settings


def project_settings() -> Settings:
    """The project's settings, as ``scrapy crawl`` reads them (``SCRAPY_SETTINGS_MODULE``, else ours)."""
    os.environ.setdefault(ENVVAR, SETTINGS_MODULE)
    return get_project_settings()


def read_arguments(argv: list[str], settings: Settings) -> CrawlArguments:
    """``argv`` (``SPIDER [options]``, what follows ``scrapy crawl``) read by Scrapy's crawl command
    into ``settings`` (changed in place). Raises ``scrapy.exceptions.UsageError`` with one line."""
    command = ScrapyCrawlCommand()
    command.settings = settings
    parser = ScrapyArgumentParser(prog="scrapy crawl", add_help=False)
    command.add_options(parser)
    opts, args = parser.parse_known_args(argv)
    if len(args) != 1:
        unknown = " ".join(args[1:]) if args else "no spider"
        raise UsageError(f"one spider and its options expected; unrecognized: {unknown}", print_help=False)
    command.process_options(args, opts)
    return CrawlArguments(args[0], dict(opts.spargs), settings)


def crawler_process(settings: Settings) -> CrawlerProcessBase:
    """The process class ``scrapy.cmdline`` would use for these settings (asyncio reactor or not)."""
    asyncio = settings["TWISTED_REACTOR"] == ASYNCIO_REACTOR and not settings.getbool("FORCE_CRAWLER_PROCESS")
    if asyncio or not settings.getbool("TWISTED_REACTOR_ENABLED"):
        return AsyncCrawlerProcess(settings)
    return CrawlerProcess(settings)


@dataclass
class CrawlOutcome:
    """How one crawl ended: its crawler (stats, settings) and the error that stopped it from starting."""

    crawler: Crawler
    bootstrap_error: BaseException | None

    @property
    def started(self) -> bool:
        return self.bootstrap_error is None and getattr(self.crawler, "spider", None) is not None


def run_crawl(process: CrawlerProcessBase, arguments: CrawlArguments) -> CrawlOutcome:
    """Run one crawl in ``process`` until it ends (blocking; Scrapy's handlers stop it gracefully on
    SIGTERM/SIGINT, forcefully on a second one). An error raised while the crawler was being set up
    (the spider's arguments, a component's settings) is returned, not logged as a traceback."""
    crawler = process.create_crawler(arguments.spider)
    errors: list[BaseException] = []

    def task_done(task: Any) -> None:  # an asyncio task (AsyncCrawlerProcess): its error, retrieved
        if not task.cancelled() and task.exception() is not None:
            errors.append(task.exception())

    started: Any = process.crawl(crawler, **arguments.spider_arguments)
    if hasattr(started, "add_done_callback"):
        started.add_done_callback(task_done)
    else:  # a Deferred (CrawlerProcess)
        started.addErrback(lambda failure: errors.append(failure.value))
    process.start()
    return CrawlOutcome(crawler, errors[0] if errors else None)
