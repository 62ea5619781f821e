"""What pages should give: the saved pages' expected records, the eval corpus labels, the sample
site's manifest."""

from __future__ import annotations

import json
from typing import Any

from tests.helpers.pages import saved_page
from tests.helpers.paths import EVAL, SAMPLE_SITE_MANIFEST

SPLIT_ARTICLE = "t8-dede/2345.html"  # a DedeCMS article over three pages in the eval corpus


def expected_record(name: str, base: str | None = None) -> dict[str, Any]:
    """The expected fields of saved page ``name`` (``tests/fixtures/pages/<name>/expected.json``), its
    origin (``http://site.test``) replaced by ``base`` when the page is served from elsewhere."""
    page = saved_page(name)
    text = (page.folder / "expected.json").read_text(encoding="utf-8")
    if base is not None:
        text = text.replace(page.origin, base)
    return json.loads(text)  # type: ignore[no-any-return]


def eval_label(file: str) -> dict[str, Any]:
    """The eval corpus label of one page (``t8-dede/2345.html``)."""
    template = file.split("/", 1)[0]
    lines = (EVAL / "labels" / f"{template}.jsonl").read_text(encoding="utf-8").splitlines()
    return next(label for label in map(json.loads, lines) if label["file"] == file)


def sample_site_manifest() -> dict[str, Any]:
    """What the bundled sample site holds: its articles, mobile duplicates, non-article and broken pages."""
    return json.loads(SAMPLE_SITE_MANIFEST.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
