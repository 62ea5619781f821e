"""The field-report pages (tests/fixtures/field_reports/) give what a reader expects of them.

A page whose kind of fault is not fixed yet is a strict xfail (issue 11), listed below with what it
still gets wrong; fixing it makes the test fail until it is taken off the list.
"""

from __future__ import annotations

import json

import pytest

from tests.helpers.field_reports import failures, field_reports, run_extract

# Cases not fixed yet (issue 11).
OPEN: dict[str, str] = {}


@pytest.mark.parametrize("page", field_reports(), ids=lambda page: page.stem)
def test_field_report_page_gives_what_a_reader_expects(page, request):
    if page.stem in OPEN:
        request.applymarker(pytest.mark.xfail(reason=OPEN[page.stem], strict=True))
    expected = json.loads(page.with_name(f"{page.stem}.expected.json").read_text(encoding="utf-8"))
    code, record = run_extract(page, expected["url"])
    assert failures(record, code, expected) == []
