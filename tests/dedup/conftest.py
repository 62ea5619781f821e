"""Fixtures of the de-duplication tests."""

from __future__ import annotations

import pytest

from tests.helpers.bodies import sample_bodies


@pytest.fixture(scope="module")
def bodies() -> list[str]:
    """The sample site's distinct article bodies (200+ characters), as the crawl exports them."""
    assert len(sample_bodies()) >= 5
    return sample_bodies()
