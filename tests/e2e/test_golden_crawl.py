"""Behaviour unchanged: a fresh crawl of the bundled sample site gives the records and duplicates of the
golden file, recorded from the code before the layout change of issue 10 (``fetched_at`` left out, the
site's base URL written ``{base}``; records and duplicates sorted by URL).

After an intended change of the output, rewrite the golden file from a crawl and say why in the commit:
``HEALTHSCRAPE_WRITE_GOLDEN=1 pytest tests/e2e/test_golden_crawl.py``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from tests.helpers.crawl import run_crawl
from tests.helpers.paths import SAMPLE_SITE
from tests.helpers.servers import start_server, stop_server

GOLDEN = Path(__file__).parent / "golden" / "sample_site.json"


def normalised(records: list[dict[str, Any]], base: str) -> list[dict[str, Any]]:
    """Records without ``fetched_at`` (the clock), the base URL as ``{base}``, sorted by URL."""
    text = json.dumps([{k: v for k, v in r.items() if k != "fetched_at"} for r in records], ensure_ascii=False)
    return sorted(json.loads(text.replace(base, "{base}")), key=lambda record: record["url"])


def test_a_fresh_sample_site_crawl_matches_the_golden_file(tmp_path):
    server, site = start_server(SAMPLE_SITE)
    try:
        result = run_crawl(tmp_path, "-a", f"start_urls={site.base}/")
    finally:
        stop_server(server)
    assert result.returncode == 0, result.log[-3000:]
    got = {"articles": normalised(result.articles, site.base), "duplicates": normalised(result.duplicates, site.base)}
    if os.environ.get("HEALTHSCRAPE_WRITE_GOLDEN"):
        GOLDEN.write_text(json.dumps(got, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert [r["url"] for r in got["articles"]] == [r["url"] for r in golden["articles"]]
    for record, expected in zip(got["articles"], golden["articles"], strict=True):
        for field, value in expected.items():
            assert record[field] == value, f"{record['url']}: {field}"
        assert set(record) - {"fetched_at"} == set(expected), record["url"]
    assert got["duplicates"] == golden["duplicates"]
