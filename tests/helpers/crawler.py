"""A crawler for unit tests of pipelines and settings: the project's settings plus the test's own.

Settings are read without fallbacks (``settings.getbool("NEAR_DUPLICATES_ENABLED")``), so a crawler
built from Scrapy's defaults alone would silently turn features off.
"""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy.settings import BaseSettings
from scrapy.spiders import Spider
from scrapy.utils.test import get_crawler

from scraper.spiders.articles import ArticlesSpider


def project_settings(**overrides: Any) -> dict[str, Any]:
    """``scraper.settings`` (without Scrapy's defaults, which the crawler adds) as a dict, with ``overrides``."""
    settings = BaseSettings()
    settings.setmodule("scraper.settings")
    return {**settings.copy_to_dict(), **overrides}


def project_crawler(spidercls: type[Spider] = ArticlesSpider, **overrides: Any) -> Crawler:
    """An unstarted crawler of ``spidercls`` with the project's settings and ``overrides``."""
    return get_crawler(spidercls, project_settings(**overrides))
