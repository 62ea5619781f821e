"""``scrapy crawl`` with usage errors in one line, and reusable in this process.

* :class:`Command` replaces Scrapy's ``crawl`` command (``COMMANDS_MODULE``): a bad ``-a``/``-s``
  value ends it with one line naming the argument on stderr and exit code 2, never a traceback;
* :func:`read_arguments` reads ``scrapy crawl``'s arguments the same way for ``healthscrape crawl``;
* :func:`run_crawl` runs one crawl to its end in a Scrapy ``CrawlerProcess``. ``healthscrape crawl``
  runs its crawl here, in the process that holds the run lock, rather than in a ``scrapy crawl``
  child: the process that holds the lock is the one that writes, so no writer can outlive it, and
  Scrapy's own signal handlers stop the crawl gracefully on SIGTERM/SIGINT.

What is a usage error: an argument Scrapy cannot read (``-a NAME`` without ``=VALUE``, an unknown
feed format), a spider argument its spider refuses (:meth:`ArticlesSpider.check_arguments
<scraper.spiders.articles.ArticlesSpider.check_arguments>`), a ``-s`` value that is not of its
setting's type (the type of the setting's default: bool, int, float or a JSON object), an unknown
``LOG_LEVEL`` — all found before the crawl starts — and a setting a component refuses while the crawl
is being set up (a ``ValueError`` or an unreachable ``REDIS_URL``).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from scrapy.cmdline import ScrapyArgumentParser
from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.crawler import AsyncCrawlerProcess, Crawler, CrawlerProcess, CrawlerProcessBase
from scrapy.exceptions import UsageError
from scrapy.settings import BaseSettings, Settings
from scrapy.spiderloader import get_spider_loader
from scrapy.utils.project import ENVVAR, get_project_settings

from scraper.distributed.client import RedisUnavailable

logger = logging.getLogger(__name__)

# The project's settings when SCRAPY_SETTINGS_MODULE does not name others (healthscrape runs anywhere).
SETTINGS_MODULE = "scraper.settings"
# scrapy.cmdline's choice between the two process classes (scrapy.utils.reactor._asyncio_reactor_path).
ASYNCIO_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
EXIT_USAGE = 2
# Errors raised while a crawl is being set up that mean a setting or argument cannot be used.
REFUSED = (ValueError, UsageError, RedisUnavailable)


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


def _reads_as_bool(text: str) -> bool:
    BaseSettings({"value": text}).getbool("value")  # Scrapy's reading: 1/0, True/False, true/false
    return True


def _reads_as_number(text: str) -> bool:
    float(text)
    return True


def _reads_as_json_object(text: str) -> bool:
    return isinstance(json.loads(text), dict)


def _setting_type(default: Any) -> tuple[str, Callable[[str], bool]] | None:
    """What a ``-s`` value must read as, after its setting's default (and the test, which returns True or
    raises ValueError/TypeError when it cannot), or None: anything goes. An int default asks for a
    number: Scrapy reads some int defaults (``DOWNLOAD_TIMEOUT``) as floats."""
    if isinstance(default, bool):
        return "True or False", _reads_as_bool
    if isinstance(default, int | float):
        return "a number", _reads_as_number
    if isinstance(default, dict | BaseSettings):
        return "a JSON object", _reads_as_json_object
    return None


def check_settings(given: list[str], defaults: BaseSettings) -> None:
    """UsageError naming the first ``NAME=VALUE`` of ``given`` (the ``-s`` values) that cannot be read as
    the type of the setting's default in ``defaults`` (a setting without a default, or a string or a
    list one, takes any value; a value without ``=`` is left to Scrapy's own message)."""
    for name, equals, value in (item.partition("=") for item in given):
        expected = _setting_type(defaults.get(name)) if equals else None
        if expected is None:
            continue
        try:
            readable = expected[1](value)
        except (ValueError, TypeError):
            readable = False
        if not readable:
            raise UsageError(
                f"-s {name}={value}: expected {expected[0]} (the default is {defaults.get(name)!r})", print_help=False
            )


def check_log_level(settings: BaseSettings) -> None:
    """UsageError when ``LOG_LEVEL`` (``-L``) names no level of :mod:`logging` (they are upper case)."""
    level, levels = settings.get("LOG_LEVEL"), logging.getLevelNamesMapping()
    if isinstance(level, str) and level not in levels:
        raise UsageError(f"LOG_LEVEL (-L, -s LOG_LEVEL) {level!r}: expected one of {', '.join(levels)}")


def check_spider_arguments(settings: BaseSettings, spider: str, arguments: dict[str, str]) -> None:
    """UsageError for spider arguments the spider refuses (its ``check_arguments``, when it has one);
    an unknown spider is left for Scrapy to report."""
    try:
        spidercls = get_spider_loader(settings).load(spider)
    except KeyError:
        return
    except ImportError as error:
        raise UsageError(f"SPIDER_MODULES: the spiders cannot be loaded ({error})", print_help=False) from None
    check = getattr(spidercls, "check_arguments", None)
    if check is None:
        return
    try:
        check(settings, **arguments)
    except ValueError as error:
        raise UsageError(str(error), print_help=False) from None


def process_options(command: ScrapyCrawlCommand, args: list[str], opts: argparse.Namespace) -> None:
    """Scrapy's reading of the crawl command's options into ``command.settings``, then the checks
    above. Raises UsageError with one line."""
    assert command.settings is not None
    check_settings(opts.set, command.settings)
    ScrapyCrawlCommand.process_options(command, args, opts)
    check_log_level(command.settings)
    if args:
        check_spider_arguments(command.settings, args[0], opts.spargs)


def read_arguments(argv: list[str], settings: Settings) -> CrawlArguments:
    """``argv`` (``SPIDER [options]``, what follows ``scrapy crawl``) read by Scrapy's crawl command
    into ``settings`` (changed in place) and checked. Raises UsageError with one line."""
    command = ScrapyCrawlCommand()
    command.settings = settings
    parser = ScrapyArgumentParser(prog="scrapy crawl", add_help=False)
    command.add_options(parser)
    opts, args = parser.parse_known_args(argv)
    if len(args) != 1:
        unknown = " ".join(args[1:]) if args else "no spider"
        raise UsageError(f"unrecognized arguments: {unknown}", print_help=False)
    process_options(command, args, opts)
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

    @property
    def refused(self) -> bool:
        """True when a setting or argument could not be used (a usage error, see the module docstring)."""
        return isinstance(self.bootstrap_error, REFUSED)


def run_crawl(process: CrawlerProcessBase, crawler: Crawler, spider_arguments: dict[str, str]) -> CrawlOutcome:
    """Run one crawl in ``process`` until it ends (blocking; Scrapy's handlers stop it gracefully on
    SIGTERM/SIGINT, forcefully on a second one). An error raised while the crawler was being set up
    (the spider's arguments, a component's settings) is returned, not logged as a traceback."""
    errors: list[BaseException] = []

    def task_done(task: Any) -> None:  # an asyncio task (AsyncCrawlerProcess): its error, retrieved
        if not task.cancelled() and task.exception() is not None:
            errors.append(task.exception())

    started: Any = process.crawl(crawler, **spider_arguments)
    if hasattr(started, "add_done_callback"):
        started.add_done_callback(task_done)
    else:  # a Deferred (CrawlerProcess)
        started.addErrback(lambda failure: errors.append(failure.value))
    process.start()
    return CrawlOutcome(crawler, errors[0] if errors else None)


def _refuse(message: str) -> None:
    print(f"scrapy crawl: {message}", file=sys.stderr, flush=True)


class Command(ScrapyCrawlCommand):
    """``scrapy crawl``, whose usage errors are one line on stderr and exit code 2 (module docstring)."""

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        try:
            process_options(self, args, opts)
        except UsageError as error:
            if not str(error):
                raise
            _refuse(str(error))
            raise SystemExit(EXIT_USAGE) from None

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            super().run(args, opts)  # Scrapy's usage message
            return
        assert self.crawler_process is not None
        outcome = run_crawl(self.crawler_process, self._create_crawler(args[0]), opts.spargs)
        if outcome.refused:
            _refuse(str(outcome.bootstrap_error))
            self.exitcode = EXIT_USAGE
        elif outcome.bootstrap_error is not None:
            logger.error("The crawl could not start", exc_info=outcome.bootstrap_error)
            self.exitcode = 1
