"""Reading and checking ``scrapy crawl``'s arguments (scraper/commands/crawl.py), without crawling."""

from __future__ import annotations

import pytest
from scrapy.exceptions import UsageError

from scraper.commands.crawl import project_settings, read_arguments


@pytest.mark.parametrize(
    "value",
    ["RETRY_TIMES=4", "DOWNLOAD_TIMEOUT=2.5", "DOWNLOAD_TIMEOUT=7", "ROBOTSTXT_OBEY=false", "ROBOTSTXT_OBEY=0",
     'FEED_EXPORT_INDENT=2', 'SPIDERMON_FIELD_COVERAGE_RULES={"Article/title": 1}', "LOG_FILE=crawl.log",
     "STATE_DIR=anything", "A_SETTING_OF_SOMEONE_ELSE=x"],
)  # fmt: skip
def test_values_of_their_settings_type_are_taken(value):
    name, _, text = value.partition("=")
    arguments = read_arguments(["articles", "-s", value, "-a", "follow=no"], project_settings())
    assert arguments.settings.get(name) == text
    assert arguments.spider == "articles" and arguments.spider_arguments == {"follow": "no"}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["-s", "RETRY_TIMES=four"], "-s RETRY_TIMES=four: expected a number (the default is 3)"),
        (["-s", "DOWNLOAD_MAXSIZE="], "-s DOWNLOAD_MAXSIZE=: expected a number"),
        (["-s", "AUTOTHROTTLE_START_DELAY=1,5"], "-s AUTOTHROTTLE_START_DELAY=1,5: expected a number"),
        (["-s", "ROBOTSTXT_OBEY=yes"], "-s ROBOTSTXT_OBEY=yes: expected True or False"),
        (["-s", "FEEDS=[1, 2]"], "-s FEEDS=[1, 2]: expected a JSON object"),
        (["-s", "SPIDERMON_FIELD_COVERAGE_RULES=[[1, 2]]"], "-s SPIDERMON_FIELD_COVERAGE_RULES=[[1, 2]]: expected a"),
        (["-s", "SPIDER_MODULES=no.such.module"], "SPIDER_MODULES: the spiders cannot be loaded"),
        (["-L", "verbose"], "LOG_LEVEL (-L, -s LOG_LEVEL) 'verbose': expected one of CRITICAL"),
        (["-a", "start_urls=www.example.com"], "articles spider: start_urls: 'www.example.com' is not an"),
        (["-a", "follow=2"], "articles spider: follow: expected yes or no, got '2'"),
        (["--frobnicate"], "unrecognized arguments: --frobnicate"),
        (["-s", "NO_EQUALS_SIGN"], "Invalid -s value, use -s NAME=VALUE"),
    ],
)
def test_a_bad_value_is_a_usage_error_naming_it(argv, message):
    with pytest.raises(UsageError) as refused:
        read_arguments(["articles", *argv], project_settings())
    assert str(refused.value).startswith(message) and "\n" not in str(refused.value)
