"""Validation pipeline: a record that breaks the shipped JSON Schema is dropped, logged and counted."""

from __future__ import annotations

from typing import Any

from scrapy.exceptions import DropItem

from pipelines.adapter import StagePipeline
from scraper.stages import InvalidRecord, validate


class ValidationPipeline(StagePipeline):
    """Applies :func:`scraper.stages.validate`; an invalid record is dropped (logged at WARNING)."""
    stage = staticmethod(validate)

    def process_item(self, item: Any) -> Any:
        try:
            return super().process_item(item)
        except InvalidRecord as exc:
            raise DropItem(str(exc), log_level="WARNING") from exc
