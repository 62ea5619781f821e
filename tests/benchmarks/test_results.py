"""benchmarks/RESULTS.md: each benchmark command replaces only its own section."""

from __future__ import annotations

from benchmarks.results import read_section, write_section


def test_a_section_is_replaced_and_the_rest_kept(tmp_path):
    path = tmp_path / "RESULTS.md"
    write_section("eval", "# Extraction\n\nold", path)
    write_section("memory", "## Memory\n\n| a |", path)
    write_section("eval", "# Extraction\n\nnew", path)
    assert read_section("eval", path) == "# Extraction\n\nnew\n"
    assert read_section("memory", path) == "## Memory\n\n| a |\n"
    assert path.read_text(encoding="utf-8").count("begin eval") == 1


def test_new_sections_go_in_the_issue_order(tmp_path):
    path = tmp_path / "RESULTS.md"
    for name in ("memory", "eval", "crawl", "dedup", "someone-else"):
        write_section(name, f"## {name}", path)
    text = path.read_text(encoding="utf-8")
    positions = [text.index(f"## {name}") for name in ("eval", "crawl", "dedup", "memory", "someone-else")]
    assert positions == sorted(positions)
    assert read_section("extraction", path) is None
