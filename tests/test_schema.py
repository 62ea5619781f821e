"""The record's JSON Schema (scraper.schema)."""

from __future__ import annotations

from scraper.schema import record_errors
from scraper.stages import finish_item
from scraper.stats import CounterStats
from tests.helpers.records import article


def test_schema_requires_every_field_even_when_empty():
    record = finish_item(article(), CounterStats())  # valid: InvalidRecord otherwise
    data = record.__dict__.copy()
    del data["author"]
    assert any("author" in e for e in record_errors(data))
