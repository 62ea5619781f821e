"""Generated sites shared by the tables of one run (generated once, removed at exit)."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from benchmarks.sitegen import generate_site

_ROOT = Path(tempfile.mkdtemp(prefix="healthscrape-bench-sites-"))
_ROOT.chmod(0o755)  # nginx's workers drop root for nobody: they must be able to read the pages
atexit.register(shutil.rmtree, _ROOT, ignore_errors=True)


@cache
def site(articles: int, duplicates: int = 0, seed: int = 0) -> tuple[Path, dict[str, Any]]:
    """``(directory, manifest)`` of a generated site of ``articles`` articles."""
    directory = _ROOT / f"site-{articles}-{duplicates}-{seed}"
    return directory, generate_site(directory, articles, duplicates, seed)
