"""Run monitors (Spidermon): articles seen, field coverage, failed URLs, retries, validation, finish reason.

The suite runs when the spider closes; Spidermon logs each result, and the
``MonitorResults`` action writes them to ``MONITOR_RESULTS_FILE`` (``healthscrape crawl``
puts them in ``report.json``). Thresholds are settings (README → Scheduled scrapes).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from spidermon import Monitor, MonitorSuite, monitors
from spidermon.contrib.scrapy.monitors import (
    FieldCoverageMonitor,
    FinishReasonMonitor,
    RetryCountMonitor,
)
from spidermon.core.actions import Action

from scraper import stats as keys
from scraper.feeds import write_atomically
from scraper.stats import articles_seen, error_rate_verdict

logger = logging.getLogger(__name__)


@monitors.name("Articles")
class ArticleCountMonitor(Monitor):
    """Fails a run that saw fewer than ``SPIDERMON_MIN_ARTICLES`` articles."""

    @monitors.name("Articles seen at least SPIDERMON_MIN_ARTICLES")
    def test_articles_seen(self) -> None:
        seen = articles_seen(self.data.stats)
        minimum = self.data.crawler.settings.getint("SPIDERMON_MIN_ARTICLES")
        self.assertGreaterEqual(seen, minimum, msg=f"{seen} articles seen, exported or unchanged (min {minimum})")


@monitors.name("Failed URLs")
class FailedUrlRateMonitor(Monitor):
    """Fails a run whose failed URLs are more than ``MAX_ERROR_RATE`` of the URLs it requested
    (:func:`scraper.stats.error_rate_verdict`, the same verdict as ``healthscrape crawl``'s exit code). It
    replaces Spidermon's count of ERROR log lines, which one dead link (Scrapy logs its last retry as an
    error) made fail every run, whatever the rate allowed."""

    @monitors.name("Failed URLs at most MAX_ERROR_RATE of those requested")
    def test_failed_url_rate(self) -> None:
        ok, detail = error_rate_verdict(self.data.stats, self.data.crawler.settings.getfloat("MAX_ERROR_RATE"))
        self.assertTrue(ok, msg=detail)


@monitors.name("Record validation")
class ValidationMonitor(Monitor):
    """Fails a run with more than ``SPIDERMON_MAX_INVALID_RECORDS`` invalid records."""

    @monitors.name("Invalid records at most SPIDERMON_MAX_INVALID_RECORDS")
    def test_invalid_records(self) -> None:
        invalid = int(self.data.stats.get(keys.INVALID, 0))
        limit = self.data.crawler.settings.getint("SPIDERMON_MAX_INVALID_RECORDS")
        self.assertLessEqual(invalid, limit, msg=f"{invalid} records failed validation (max {limit})")


def _message(error: str | None) -> str | None:
    """The assertion's message of a failed monitor, without the traceback."""
    if not error:
        return None
    return error.rsplit("AssertionError:", 1)[-1].strip() or error.strip()


class MonitorResults(Action):
    """Write every monitor's outcome to ``MONITOR_RESULTS_FILE`` as JSON (skipped when unset)."""

    def __init__(self, path: str | None = None):
        super().__init__()
        self.path = path

    @classmethod
    def from_crawler_kwargs(cls, crawler: Any) -> dict[str, Any]:
        return {"path": crawler.settings.get("MONITOR_RESULTS_FILE")}

    def run_action(self) -> None:
        if not self.path:
            return
        results = [
            {"monitor": r.monitor.name, "status": r.status, "detail": _message(r.error or r.reason)}
            for r in self.result.monitor_results
        ]
        try:
            write_atomically(Path(self.path), json.dumps(results, ensure_ascii=False, indent=1))
        except OSError as error:  # a full disk: said in one line (the results are in the log too)
            logger.error("Cannot write the monitors' results to %s: %s", self.path, error.strerror or error)


class ArticleMonitorSuite(MonitorSuite):
    """Every monitor, run when the spider closes (``SPIDERMON_SPIDER_CLOSE_MONITORS``)."""
    monitors = [
        FinishReasonMonitor,
        ArticleCountMonitor,
        FieldCoverageMonitor,
        FailedUrlRateMonitor,
        RetryCountMonitor,
        ValidationMonitor,
    ]
    monitors_finished_actions = [MonitorResults]
