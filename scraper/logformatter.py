"""Log lines for dropped items without the whole item (the reason already names the URL)."""

from __future__ import annotations

from typing import Any

from scrapy.http import Response
from scrapy.logformatter import LogFormatter, LogFormatterResult
from scrapy.spiders import Spider
from twisted.python.failure import Failure


class ArticleLogFormatter(LogFormatter):
    """Logs a dropped item by its reason, which names its URL, not the whole item."""
    def dropped(
        self, item: Any, exception: BaseException, response: Response | Failure | None, spider: Spider
    ) -> LogFormatterResult:
        result = super().dropped(item, exception, response, spider)
        return {**result, "msg": "Dropped: %(exception)s", "args": {"exception": exception}}
