"""Analysis of crawl output: the loader and tidy frames (``loader``), finding outputs from what a user
names (``inputs``), Parquet/CSV export (``export``), and the HTML report (``report``: numbers in
``report_numbers``, drawing in ``report_html`` with ``cjk_font``).

The loader's functions are importable from here (``from scraper.analysis import load_articles``);
they are loaded on first use, so that commands which never touch pandas do not pay for importing it.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_PUBLIC = {
    "load_articles": "scraper.analysis.loader",
    "load_duplicates": "scraper.analysis.loader",
    "sections_frame": "scraper.analysis.loader",
    "related_frame": "scraper.analysis.loader",
    "images_frame": "scraper.analysis.loader",
    "read_parquet": "scraper.analysis.export",
}
__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        return getattr(import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module 'scraper.analysis' has no attribute {name!r}")
