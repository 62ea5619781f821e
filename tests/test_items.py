"""The record's one declaration (scraper.items.Article) agrees with everything that lists its fields."""

from __future__ import annotations

import json
from dataclasses import fields
from typing import get_type_hints

from scraper.analysis import loader
from scraper.analysis.export import JSON_IN_PARQUET, NESTED, PARQUET_SCHEMA
from scraper.feeds import record_line
from scraper.items import ENTRY_TYPES, FIELD_KINDS, RECORD_FIELDS, SECTION_KINDS, Article, fields_of_kind
from scraper.schema import record_schema
from scraper.settings import FEED_EXPORT_FIELDS
from scraper.text.sections import KIND_KEYWORDS


def _types(prop: dict) -> set[str]:
    """The JSON types a schema property allows (following anyOf and $ref to $defs)."""
    if "enum" in prop:
        return {"string" if isinstance(v, str) else "null" for v in prop["enum"]}
    if "const" in prop:
        return {type(prop["const"]).__name__.replace("int", "integer")}
    if "$ref" in prop:
        return {"object"} if prop["$ref"].endswith(("section", "related", "image")) else {"string"}
    if "anyOf" in prop:
        return set().union(*(_types(p) for p in prop["anyOf"]))
    kind = prop["type"]
    return set(kind) if isinstance(kind, list) else {kind}


def test_the_schema_lists_the_declared_fields_in_order_and_requires_each():
    schema = record_schema()
    assert list(schema["properties"]) == list(RECORD_FIELDS)
    assert schema["required"] == list(RECORD_FIELDS)
    assert schema["additionalProperties"] is False


def test_each_field_kind_matches_its_schema_type():
    expected = {
        "int": {"integer"},
        "text": {"string", "null"},
        "datetime": {"string", "null"},
        "text_list": {"array"},
        "entries": {"array"},
        "tree": {"array"},
    }
    properties = record_schema()["properties"]
    for field in fields(Article):
        kind = field.metadata["kind"]
        assert kind in FIELD_KINDS, field.name
        assert _types(properties[field.name]) <= expected[kind], field.name


def test_entry_shapes_match_the_schema_defs():
    defs = record_schema()["$defs"]
    assert list(get_type_hints(ENTRY_TYPES["related"])) == list(defs["related"]["properties"])
    assert list(get_type_hints(ENTRY_TYPES["images"])) == list(defs["image"]["properties"])
    assert set(ENTRY_TYPES) == set(fields_of_kind("entries"))


def test_section_kinds_are_one_list():
    kind_enum = record_schema()["$defs"]["section"]["properties"]["kind"]["enum"]
    assert kind_enum == [*SECTION_KINDS, None]
    assert tuple(KIND_KEYWORDS) == SECTION_KINDS


def test_exports_and_the_loader_derive_from_the_declaration():
    assert FEED_EXPORT_FIELDS == list(RECORD_FIELDS)
    assert PARQUET_SCHEMA.names == list(RECORD_FIELDS)
    assert set(NESTED) == set(loader.LIST_FIELDS) == {"breadcrumbs", "keywords", "sections", "related", "images"}
    assert JSON_IN_PARQUET == ("sections",)
    assert set(loader.NESTED_OBJECTS) == {"sections", "related", "images"}
    assert set(loader.DATETIME_COLUMNS) == {"published", "fetched_at"}
    assert "site" not in loader.STRING_COLUMNS and {"url", "title", "body"} <= set(loader.STRING_COLUMNS)


def test_a_record_line_has_every_field_in_order():
    line = record_line(Article(url="http://s.test/a.html", title="t", body="b"))
    assert line.endswith("\n")
    assert list(json.loads(line)) == list(RECORD_FIELDS)


def test_unknown_field_kinds_are_refused():
    try:
        fields_of_kind("txt")
    except ValueError as exc:
        assert "txt" in str(exc)
    else:
        raise AssertionError("fields_of_kind accepted an unknown kind")
