"""Structured data a page embeds about itself — JSON-LD and microdata — read with extruct.

:func:`structured_data` gives what parsing uses of it (:class:`StructuredData`): the publication dates,
the author and the ``@type`` values. Property names are schema.org's (``datePublished``,
``dateCreated``, ``author``, ``mainEntity``, ``@graph``), plus ``pubDate``, the publication date of
Baidu's Cambrian JSON-LD (``"@context": "https://ziyuan.baidu.com/contexts/cambrian.jsonld"``, common
on Chinese sites), and ``publishDate``/``publish_time``, keys seen in the wild that the regexes this
module replaced read too.

extruct is called only for the syntaxes a page has: its JSON-LD reader for each
``<script type=application/ld+json>``, its microdata reader when an element has ``itemscope``; both on
the tree already parsed, never on the HTML again. RDFa is never requested (extruct's RDFa path is
slow), nor Open Graph: Open Graph is ``<meta property=og:…>``, which ``metadata.meta_values`` reads
with every other ``<meta>`` in one pass (also ``<meta name=og:…>`` and ones outside ``<head>``, which
extruct's Open Graph reader leaves out). A page without JSON-LD or ``itemscope`` does not even import
extruct (~0.25 s).

Malformed JSON-LD never raises. extruct already repairs some of it (raw control characters in strings,
``//`` and ``/* */`` comments, trailing commas, an HTML comment on the first line). A block it still
cannot read (several objects one after the other, a ``;`` after the object, a whole-block
``<!-- … -->``, an unescaped quote in a string, a CDATA wrapper) is read by the key patterns that were
used before extruct (``"datePublished": "…"``, ``"author": …``, ``"@type": "…"``): those find the keys
in broken text, and a page should not lose the date it had because its JSON is invalid.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from scraper.parsing.bylines import byline_names
from scraper.text.characters import storable

logger = logging.getLogger(__name__)

# Properties that hold the publication date, strongest first: schema.org's datePublished, Baidu
# Cambrian's pubDate, two keys seen in the wild, then schema.org's dateCreated (a Question's date).
DATE_PROPERTIES = ("datePublished", "pubDate", "publishDate", "publish_time", "dateCreated")
AUTHOR_PROPERTY = "author"
# Where the page's own objects are besides the top-level items: the members of a @graph, the main entity
# of a page (a QAPage's Question) and the page an article is the main entity of.
_OWN_OBJECT_KEYS = ("@graph", "mainEntity", "mainEntityOfPage")
# Nested structure deeper than this is not read (a guard against pathological JSON; real pages nest < 8).
MAX_DEPTH = 32
JSON_LD_TYPE = "application/ld+json"
_HAS_ITEMSCOPE = etree.XPath("boolean(//*[@itemscope])")

# The fallback for a block extruct cannot read: the key patterns used before extruct.
_BROKEN_DATE = re.compile(r'"(' + "|".join(DATE_PROPERTIES) + r')"\s*:\s*"([^"]{8,40})"')
_BROKEN_AUTHOR = re.compile(r'"author"\s*:\s*(\[[^\[\]]*\]|\{[^{}]*\}|"[^"]*")')
_BROKEN_TYPE = re.compile(r'"@type"\s*:\s*"([^"]{2,40})"')


@dataclass(frozen=True)
class StructuredData:
    """What a page's JSON-LD and microdata say about it.

    ``published``: publication date values as written (not parsed), the stronger property first
    (:data:`DATE_PROPERTIES`), then in document order; JSON-LD before microdata.
    ``author``: the first author property that names someone, names joined by ``、`` (as in bylines).
    ``types``: every ``@type``/``itemtype`` value in document order, nested objects included, each as
    its last path part (``https://schema.org/QAPage`` → ``QAPage``).
    """

    published: tuple[str, ...] = ()
    author: str | None = None
    types: tuple[str, ...] = ()


def structured_data(root: HtmlElement) -> StructuredData:
    """The JSON-LD and microdata of the page whose tree is ``root``; empty when it has neither.

    Never raises for a page's content: a JSON-LD block extruct cannot read is read by the key patterns
    (see the module docstring), a microdata failure is logged and gives nothing.
    """
    items = [*json_ld_items(root), *microdata_items(root)]
    if not items:
        return StructuredData()
    own = _own_objects(items)
    return StructuredData(
        published=tuple(_dates(own)),
        author=_author(own),
        types=tuple(_types(items)),
    )


def json_ld_scripts(root: HtmlElement) -> list[HtmlElement]:
    """The ``<script type=application/ld+json>`` elements (type compared without case or parameters)."""
    return [
        script
        for script in root.iter("script")
        if (script.get("type") or "").split(";")[0].strip().lower() == JSON_LD_TYPE
    ]


def json_ld_items(root: HtmlElement) -> list[dict[str, Any]]:
    """The JSON-LD objects of the page, block by block in document order (a block holding a list gives
    each object in it). A block extruct cannot read gives one object made of the keys the fallback
    patterns find in its text (``{}`` when they find none)."""
    items: list[dict[str, Any]] = []
    for script in json_ld_scripts(root):
        text = script.text or ""
        if not text.strip():
            continue
        try:
            found = _extract_json_ld(script)
        except Exception as exc:  # extruct raises whatever json/jstyleson raise for a broken block
            logger.debug("malformed JSON-LD (%s: %s): read by the key patterns", type(exc).__name__, exc)
            items.append(salvaged(text))
            continue
        items += [item for item in found if isinstance(item, dict)]
    return items


def microdata_items(root: HtmlElement) -> list[dict[str, Any]]:
    """The page's top-level microdata items, in extruct's uniform shape (``{"@type": "Article",
    "datePublished": …, "author": {"@type": "Person", "name": …}}``); ``[]`` without ``itemscope``."""
    if not _HAS_ITEMSCOPE(root):
        return []
    try:
        extracted = _extruct().extract(root, syntaxes=["microdata"], uniform=True)
    except Exception as exc:  # a bug in extruct on an odd page must not lose the page
        logger.debug("microdata not read (%s: %s)", type(exc).__name__, exc)
        return []
    return [item for item in extracted.get("microdata", []) if isinstance(item, dict)]


def salvaged(text: str) -> dict[str, Any]:
    """What the key patterns find in a JSON-LD block's text that is not JSON: ``{property: [values]}``
    for the date properties, ``"author"`` (the first value that is JSON itself: a name, an object, a
    list) and ``"@type"`` (every value)."""
    found: dict[str, Any] = {}
    for key, value in _BROKEN_DATE.findall(text):
        found.setdefault(key, []).append(value)
    for match in _BROKEN_AUTHOR.finditer(text):
        try:
            found[AUTHOR_PROPERTY] = json.loads(match.group(1))
            break
        except ValueError:
            continue
    types = _BROKEN_TYPE.findall(text)
    if types:
        found["@type"] = types
    return found


@cache
def _extruct() -> Any:
    """extruct, imported on first use: importing it costs ~0.25 s (it loads its RDFa and microformat
    readers too), which pages without structured data should not pay."""
    import extruct

    return extruct


@cache
def _json_ld_extractor() -> Any:
    return _extruct().JsonLdExtractor()


def _extract_json_ld(script: HtmlElement) -> list[Any]:
    """extruct's JSON-LD items of one ``<script>``. extruct selects ``script[@type="application/ld+json"]``
    exactly, so a script typed otherwise (``Application/LD+JSON; charset=utf-8``) is given that type while
    it is read and its own back afterwards (a copy would not do: lxml refuses to set a text holding the
    control characters that the HTML parser keeps)."""
    given = script.get("type")
    if given == JSON_LD_TYPE:
        return _json_ld_extractor().extract_items(script)
    script.set("type", JSON_LD_TYPE)
    try:
        return _json_ld_extractor().extract_items(script)
    finally:
        script.set("type", given or "")


def _objects(items: list[dict[str, Any]], follow: tuple[str, ...] | None = None) -> Iterator[dict[str, Any]]:
    """The objects in ``items`` in document order: each item and, recursively, the objects under its
    ``follow`` keys (every key when None), lists entered, no deeper than :data:`MAX_DEPTH`."""
    stack: list[tuple[Any, int]] = [(item, 0) for item in reversed(items)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            continue
        if isinstance(value, list):
            stack += [(member, depth + 1) for member in reversed(value)]
        elif isinstance(value, dict):
            value = _flat(value)
            yield value
            nested = value.values() if follow is None else [value[key] for key in follow if key in value]
            stack += [(member, depth + 1) for member in reversed(list(nested))]


def _own_objects(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The objects that describe the page itself: each item, its ``@graph`` members, what its
    ``mainEntity`` holds (a QAPage's Question) and its ``mainEntityOfPage`` (the WebPage an article is
    the main entity of), recursively; not the objects it mentions (a publisher, a comment, an answer,
    a list of related articles)."""
    return list(_objects(items, _OWN_OBJECT_KEYS))


def _flat(obj: dict[str, Any]) -> dict[str, Any]:
    """A microdata item without ``itemtype`` as the others: extruct's uniform shape lifts the properties
    of typed items only, and leaves ``{"properties": {…}}`` for the rest."""
    properties = obj.get("properties")
    if "@type" in obj or not isinstance(properties, dict):
        return obj
    return {**{k: v for k, v in obj.items() if k != "properties"}, **properties}


def _strings(value: Any) -> list[str]:
    """A property's string values: the string, or the strings of a list; characters no record may hold
    (a JSON ``"\\ud800"`` decodes to a lone surrogate) replaced (:func:`~scraper.text.characters.storable`)."""
    values = value if isinstance(value, list) else [value]
    return [storable(v.strip()) for v in values if isinstance(v, str) and v.strip()]


def _dates(objects: list[dict[str, Any]]) -> Iterator[str]:
    for key in DATE_PROPERTIES:
        for obj in objects:
            yield from _strings(obj.get(key))


def _publisher_names(obj: dict[str, Any]) -> set[str]:
    """The names of an object's ``publisher`` (a name, an object's ``name``, or a list of those)."""
    value = obj.get("publisher")
    members = value if isinstance(value, list) else [value]
    return {name for m in members for name in _strings(_flat(m).get("name") if isinstance(m, dict) else m)}


def _author(objects: list[dict[str, Any]]) -> str | None:
    """The first ``author`` that names someone: a name, an object's ``name``, or a list of those; the
    publisher credited as the author (``"author": {"@type": "Organization", "name": "自由時報"}`` beside the
    same ``publisher``) names nobody."""
    for obj in objects:
        value = obj.get(AUTHOR_PROPERTY)
        members = value if isinstance(value, list) else [value]
        names = [_flat(m).get("name") if isinstance(m, dict) else m for m in members]
        publishers = _publisher_names(obj)
        names = [name for name in names if not (isinstance(name, str) and name.strip() in publishers)]
        found = byline_names(storable("、".join(name for name in names if isinstance(name, str))))
        if found:
            return found
    return None


def _types(items: list[dict[str, Any]]) -> Iterator[str]:
    for obj in _objects(items):
        for kind in _strings(obj.get("@type")):
            last = re.split(r"[/#:]", kind.rstrip("/#"))[-1]
            if last:
                yield last
