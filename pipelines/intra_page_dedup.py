"""Intra-page de-duplication pipeline: a body block that repeats inside one page is kept once."""

from __future__ import annotations

from pipelines.adapter import StagePipeline
from scraper.stages import drop_intra_page_repeats


class IntraPageDedupPipeline(StagePipeline):
    """Applies :func:`scraper.stages.drop_intra_page_repeats`."""
    stage = staticmethod(drop_intra_page_repeats)
