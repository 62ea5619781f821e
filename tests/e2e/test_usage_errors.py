"""A bad ``-a``/``-s`` value is a usage error: one line naming the argument, exit code 2, nothing crawled
or written (``scrapy crawl articles`` and ``healthscrape crawl``)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.helpers.crawl import crawl_env, healthscrape

EXIT_USAGE = 2

# Refused before anything starts: the spider's arguments, a value that is not of its setting's type,
# an argument Scrapy cannot read. (argument, what the one line names)
CHECKED_FIRST = [
    (("-a", "follow=sometimes"), "follow"),
    (("-a", "start_urls=ftp://example.test/"), "start_urls"),
    (("-a", "site=no-such-site"), "site"),
    (("-a", "follow"), "-a"),
    (("-s", "CONCURRENT_REQUESTS=many"), "CONCURRENT_REQUESTS"),
    (("-s", "DOWNLOAD_TIMEOUT=soon"), "DOWNLOAD_TIMEOUT"),
    (("-s", "RUN_OUTPUT_FSYNC=perhaps"), "RUN_OUTPUT_FSYNC"),
    (("-s", "SPIDERMON_FIELD_COVERAGE_RULES={title: 1}"), "SPIDERMON_FIELD_COVERAGE_RULES"),
    (("-s", "SAMPLE_SITE_PORT=eighty"), "SAMPLE_SITE_PORT"),
]
# Of the right type, refused by the component that reads it when the crawl starts.
REFUSED_AT_START = [(("-s", "NEAR_DUPLICATE_THRESHOLD=1.5"), "NEAR_DUPLICATE_THRESHOLD")]


def scrapy_crawl(cwd, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "scrapy", "crawl", "articles", *args]
    return subprocess.run(command, cwd=cwd, env=crawl_env(), capture_output=True, text=True, timeout=120)


def error_lines(stderr: str) -> list[str]:
    """The lines of stderr that are not Scrapy's log (``2026-12-01 08:00:00 [logger] LEVEL: …``) or its
    continuation lines."""
    return [line for line in stderr.splitlines() if line.strip() and not line[:2].isdigit() and line[0] not in " {}[]'"]


@pytest.mark.parametrize(("argument", "name"), CHECKED_FIRST, ids=[" ".join(a) for a, _ in CHECKED_FIRST])
def test_scrapy_crawl_refuses_a_bad_value_in_one_line(tmp_path, argument, name):
    done = scrapy_crawl(tmp_path, *argument)
    assert done.returncode == EXIT_USAGE, done.stderr[-3000:]
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith("scrapy crawl: ") and name in line
    assert done.stdout == "" and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("argument", "name"), REFUSED_AT_START, ids=[" ".join(a) for a, _ in REFUSED_AT_START])
def test_scrapy_crawl_refuses_a_setting_its_component_refuses_in_one_line(tmp_path, argument, name):
    done = scrapy_crawl(tmp_path, *argument)
    assert done.returncode == EXIT_USAGE, done.stderr[-3000:]
    assert "Traceback" not in done.stderr
    (line,) = error_lines(done.stderr)
    assert line.startswith("scrapy crawl: ") and name in line


@pytest.mark.parametrize(
    ("argument", "name"),
    [CHECKED_FIRST[0], CHECKED_FIRST[4], (("--no-such-option",), "--no-such-option"), *REFUSED_AT_START],
    ids=["-a follow", "-s CONCURRENT_REQUESTS", "unknown option", "refused at start"],
)
def test_healthscrape_crawl_refuses_a_bad_value_in_one_line_without_a_run_folder(tmp_path, argument, name):
    done = healthscrape("crawl", *argument, cwd=tmp_path)
    assert done.returncode == EXIT_USAGE, done.stderr[-3000:]
    assert "Traceback" not in done.stderr
    (line,) = error_lines(done.stderr)
    assert line.startswith("healthscrape: crawl: ") and name in line
    assert not (tmp_path / "data" / "runs").exists() or list((tmp_path / "data" / "runs").iterdir()) == []
    assert not (tmp_path / "data" / "state" / "crawl.lock").exists()
