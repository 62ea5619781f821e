"""The speed and scale tables: ratios, goals and the runner's registry."""

from __future__ import annotations

import importlib

from benchmarks.scale import TABLES
from benchmarks.scale.report import AT_MOST, Row, table


def test_a_row_is_a_ratio_against_its_baseline_and_says_whether_the_goal_is_met():
    faster = Row("ours", 300.0, "peer", 100.0, "pages/s", goal=3.0)
    assert faster.ratio == 3.0 and faster.met is True
    memory = Row("20k", 180.0, "2k", 100.0, "MiB", goal=1.5, compare=AT_MOST)
    assert memory.met is False
    markdown = table([faster, memory, Row("info", 1.0, "base", 2.0, "x")])
    assert "| ours | 300 pages/s | peer | 100 pages/s | 3.00× | ≥ 3× | yes |" in markdown
    assert "| 1.80× | ≤ 1.5× | **no** |" in markdown
    assert markdown.splitlines()[-1].endswith("| 0.50× |  |  |")


def test_every_registered_table_that_exists_has_a_run_function():
    found = []
    for name, module_name in TABLES.items():
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError:
            continue  # a table another engineer has not added yet
        assert callable(module.run), name
        found.append(name)
    assert {"extraction", "crawl", "memory"} <= set(found)
