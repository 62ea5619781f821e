"""Cleaning pipeline: entities, tags and whitespace in every text field; boilerplate and title-repeat lines."""

from __future__ import annotations

from pipelines.adapter import StagePipeline
from scraper.stages import clean


class CleaningPipeline(StagePipeline):
    """Applies :func:`scraper.stages.clean`."""
    stage = staticmethod(clean)
