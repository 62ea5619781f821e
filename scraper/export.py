"""Deprecated alias of :mod:`scraper.analysis.export` (the Parquet/CSV export moved there in 0.2).

Kept so that code written against the 0.1 README (``from scraper.export import read_parquet``)
keeps working; new code imports ``read_parquet`` from ``scraper.analysis``.
"""

from __future__ import annotations

import warnings

from scraper.analysis.export import export_articles, read_parquet

__all__ = ["export_articles", "read_parquet"]

warnings.warn(
    "scraper.export moved to scraper.analysis.export (read_parquet: from scraper.analysis import read_parquet)",
    DeprecationWarning,
    stacklevel=2,
)
