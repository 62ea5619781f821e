"""``healthscrape report`` given bad inputs or no output: a one-line message and exit code 2.

The report on a real crawl, opened in a browser, is tests/e2e/test_report.py.
"""

from __future__ import annotations

import pytest

from scraper.cli import main


@pytest.mark.parametrize(
    ("inputs", "message"),
    [
        (["none.jsonl"], "no such file or folder: {tmp}/none.jsonl"),
        (["bad.jsonl"], "{tmp}/bad.jsonl: not a JSONL file"),
        (["empty"], "{tmp}/empty: no articles.jsonl in it, nor in its runs/*/ or */ folders"),
        (["duplicates.jsonl"], "no articles among the inputs"),
        (["bad.json", "articles.jsonl"], "{tmp}/bad.json: not a JSON file"),
        (["fields.jsonl"], "{tmp}/fields.jsonl:2: related is not a list of objects"),
        (["articles.jsonl", "array.jsonl"], "{tmp}/array.jsonl:2: not a JSON object"),
        (["deep.jsonl"], "malformed input (TypeError"),
    ],
)
def test_bad_inputs_give_a_message_and_exit_code_2(tmp_path, capsys, inputs, message):
    (tmp_path / "bad.jsonl").write_text("not json\n")
    (tmp_path / "bad.json").write_text("[1, 2")
    (tmp_path / "empty").mkdir()
    (tmp_path / "duplicates.jsonl").write_text('{"url": "a", "duplicate_of": "b", "reason": "same_body"}\n')
    (tmp_path / "articles.jsonl").write_text('{"url": "a", "title": "标题", "body": "正文"}\n')
    (tmp_path / "fields.jsonl").write_text('{"url": "a"}\n{"url": "b", "related": ["x"]}\n')
    (tmp_path / "array.jsonl").write_text('{"url": "a"}\n[1]\n')
    (tmp_path / "deep.jsonl").write_text('{"url": "a", "sections": [{"label": "一", "subsections": "x"}]}\n')
    code = main(["report", *(str(tmp_path / name) for name in inputs), "-o", str(tmp_path / "r.html")])
    stderr = capsys.readouterr().err
    assert code == 2
    assert stderr.startswith("healthscrape: report: " + message.format(tmp=tmp_path))
    assert len(stderr.splitlines()) == 1
    assert not (tmp_path / "r.html").exists()


def test_report_needs_an_output(tmp_path, capsys):
    assert main(["report", str(tmp_path)]) == 2
    assert capsys.readouterr().err == "healthscrape: report: give -o report.html, --json [PATH] or both\n"
