"""Settling a run's outputs and recovering killed runs, on run folders written by hand."""

from __future__ import annotations

import json

from scraper.feeds import cut_to_whole_lines
from scraper.incremental.state import CrawlState
from scraper.runs.recovery import recover_killed_runs
from tests.helpers.records import record, write_jsonl

BASE = "http://s.test"


def test_a_run_killed_while_being_published_keeps_what_was_published(tmp_path):
    # Killed between the two renames: articles.jsonl published, duplicates still .part with a cut line.
    run = tmp_path / "runs" / "20261201T000000Z"
    write_jsonl(run / "articles.jsonl", [record(f"{BASE}/{n}.html", fingerprint=f"{n:032x}") for n in (1, 2)])
    duplicate = {"url": f"{BASE}/m/1.html", "duplicate_of": f"{BASE}/1.html", "reason": "same_canonical"}
    (run / "duplicates.jsonl.part").write_text(json.dumps(duplicate) + '\n{"url": "http://s.te', encoding="utf-8")
    state = CrawlState(tmp_path / "state")
    try:
        assert recover_killed_runs(tmp_path / "runs", state) == [run]
        recovered_again = recover_killed_runs(tmp_path / "runs", state)
        known = [state.article(f"{BASE}/{n}.html") for n in (1, 2)]
        copy = state.article(f"{BASE}/m/1.html")
    finally:
        state.close()
    assert recovered_again == []  # the report marks it recovered
    assert [json.loads(line)["url"] for line in (run / "articles.jsonl").read_text().splitlines()] == [
        f"{BASE}/1.html", f"{BASE}/2.html"
    ]
    assert (run / "duplicates.jsonl").read_text() == json.dumps(duplicate) + "\n"
    assert sorted(p.name for p in run.iterdir()) == ["articles.jsonl", "duplicates.jsonl", "report.json"]
    report = json.loads((run / "report.json").read_text())
    assert report["status"] == "killed" and report["counts"]["articles_exported"] == 2
    assert [k.fingerprint for k in known if k] == [f"{1:032x}", f"{2:032x}"]
    assert copy is not None and copy.duplicate_of == f"{BASE}/1.html"


def test_cut_to_whole_lines_drops_only_a_cut_last_line(tmp_path):
    path = tmp_path / "out.jsonl"
    long_line = "长" * 40_000 + "\n"  # longer than one read of the tail
    for text, kept in [
        ("a\nb\n", "a\nb\n"),
        ("a\nb", "a\n"),
        ("no newline at all", ""),
        ("", ""),
        (long_line + "x" * 70_000, long_line),
    ]:
        path.write_text(text, encoding="utf-8")
        cut_to_whole_lines(path)
        assert path.read_text(encoding="utf-8") == kept
