"""Speed and scale benchmarks: ``python -m benchmarks.scale [--only NAME ...] [--quick]``.

Each table is a module here exposing ``run(quick: bool) -> str``: the markdown of its section of
``benchmarks/RESULTS.md`` (a table with figure, baseline, ratio, goal and whether it is met, built
with :mod:`benchmarks.scale.report`). Every figure is a ratio against a baseline measured in the
same run. Add a table by writing its module and naming it in ``TABLES``; a table whose module is
not there yet is skipped with a note.
"""

from __future__ import annotations

# Section name → module, in the order (the section names are those of benchmarks.results.ORDER).
TABLES = {
    "extraction": "benchmarks.scale.extraction",  # 1. extraction speed, one core
    "crawl": "benchmarks.scale.crawl",  # 2. end-to-end crawl vs a bare Scrapy spider
    "dedup": "benchmarks.scale.dedup",  # 3. de-duplication (another engineer's table)
    "distributed": "benchmarks.scale.distributed",  # 4. distributed scaling (another engineer's table)
    "memory": "benchmarks.scale.memory",  # 5. peak RSS, 20,000 vs 2,000 pages
}
