"""The parsing snapshot: records of every page we have, and the diff between two."""

import json

from benchmarks.eval.snapshot import diff, main


def test_diff_names_each_changed_field_and_each_added_or_removed_page() -> None:
    before = {"a": {"title": "T", "author": None}, "b": "skip: not_article", "c": {"title": "X"}}
    after = {"a": {"title": "T", "author": "王明"}, "b": {"title": "B"}, "c": {"title": "X"}, "d": "exit 1"}
    lines = diff(before, after)
    assert lines == [
        "a: author: 'None' → '王明'",
        "b: 'skip: not_article' → \"{'title': 'B'}\"",
        "d: 'None' → 'exit 1'",
    ]
    assert diff(after, after) == []


def test_a_snapshot_covers_corpus_fixtures_and_field_reports(tmp_path, capsys) -> None:
    out = tmp_path / "snap.json"
    assert main([str(out)]) == 0
    assert main(["--diff", str(out), str(out)]) == 0
    records = json.loads(out.read_text(encoding="utf-8"))
    prefixes = {key.split("/", 1)[0] for key in records}
    assert {"corpus", "incoming", "pages", "field_reports", "kinds-heldout"} <= prefixes
    assert all(isinstance(r, dict) and r["body"] for k, r in records.items() if k.startswith("field_reports/"))
