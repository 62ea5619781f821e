"""Where the project and the test data are."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TESTS = ROOT / "tests"
FIXTURES = TESTS / "fixtures"
# Saved pages, one folder each: page.html (or page.txt), meta.json, expected.json.
PAGES = FIXTURES / "pages"
SAMPLE_SITE = ROOT / "data" / "sample_site"
SAMPLE_SITE_MANIFEST = FIXTURES / "sample_site_manifest.json"
EVAL = ROOT / "benchmarks" / "eval"
# The installed console script.
HEALTHSCRAPE = Path(sys.executable).with_name("healthscrape")
