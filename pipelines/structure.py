"""Structure pipeline: the sections tree and the body fingerprint, derived from the clean body."""

from __future__ import annotations

from pipelines.adapter import StagePipeline
from scraper.stages import add_structure


class StructurePipeline(StagePipeline):
    """Applies :func:`scraper.stages.add_structure`."""
    stage = staticmethod(add_structure)
