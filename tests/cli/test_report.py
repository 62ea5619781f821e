"""``healthscrape report`` given bad inputs or no output: a one-line message and exit code 2.

The report on a real crawl, opened in a browser, is tests/e2e/test_report.py.
"""

from __future__ import annotations

import json

import pytest

from scraper.cli import main
from tests.helpers.records import record, write_jsonl


@pytest.mark.parametrize(
    ("inputs", "message"),
    [
        (["none.jsonl"], "no such file or folder: {tmp}/none.jsonl"),
        (["bad.jsonl"], "{tmp}/bad.jsonl: not a JSONL file"),
        (["empty"], "{tmp}/empty: no articles.jsonl in it, nor in its runs/*/ or */ folders"),
        (["duplicates.jsonl"], "no articles among the inputs"),
        (["bad.json", "articles.jsonl"], "{tmp}/bad.json: not a JSON file"),
        (["array.jsonl"], "{tmp}/array.jsonl: not a JSONL file of records (no line is a JSON object)"),
    ],
)
def test_bad_inputs_give_a_message_and_exit_code_2(tmp_path, capsys, inputs, message):
    (tmp_path / "bad.jsonl").write_text("not json\n")
    (tmp_path / "bad.json").write_text("[1, 2")
    (tmp_path / "empty").mkdir()
    (tmp_path / "duplicates.jsonl").write_text('{"url": "a", "duplicate_of": "b", "reason": "same_body"}\n')
    (tmp_path / "articles.jsonl").write_text('{"url": "a", "title": "标题", "body": "正文"}\n')
    (tmp_path / "array.jsonl").write_text('[1]\n"a"\n')
    code = main(["report", *(str(tmp_path / name) for name in inputs), "-o", str(tmp_path / "r.html")])
    stderr = capsys.readouterr().err
    assert code == 2
    assert stderr.startswith("healthscrape: report: " + message.format(tmp=tmp_path))
    assert len(stderr.splitlines()) == 1
    assert not (tmp_path / "r.html").exists()


def test_report_needs_an_output(tmp_path, capsys):
    assert main(["report", str(tmp_path)]) == 2
    assert capsys.readouterr().err == "healthscrape: report: give -o report.html, --json [PATH] or both\n"


# --- one record never sinks the report (issue 12 point 10) -----------------------------------------

BAD_LINES = {
    "not JSON": "{not json",
    "not a JSON object": "[1, 2]",
    "related is not a list of objects": json.dumps(record("http://s.test/r.html", related=["x"])),
    "sections/0/subsections is not a list of objects": json.dumps(
        record("http://s.test/s.html", sections=[{"label": "一", "subsections": "x"}])
    ),
    "title is not text": json.dumps(record("http://s.test/t.html", title=5)),
    "published is not an ISO 8601 date": json.dumps(record("http://s.test/p.html", published="昨天 20:05")),
    "url is not text": json.dumps(record(None)),
    "revision is not an integer": json.dumps(record("http://s.test/v.html", revision="2")),
    "breadcrumbs is not a list of text": json.dumps(record("http://s.test/b.html", breadcrumbs=["首页", 3])),
}


def report(tmp_path, capsys, *inputs):
    """``healthscrape report INPUTS -o r.html --json r.json``: (exit code, numbers, page, stderr lines)."""
    html, numbers = tmp_path / "r.html", tmp_path / "r.json"
    code = main(["report", *map(str, inputs), "-o", str(html), "--json", str(numbers)])
    err = capsys.readouterr().err.splitlines()
    if code != 0:
        return code, None, None, err
    return code, json.loads(numbers.read_text()), html.read_text(encoding="utf-8"), err


def test_bad_records_are_named_with_file_and_line_skipped_and_counted(tmp_path, capsys):
    good = [record("http://s.test/1.html"), record("http://s.test/2.html", title="失眠怎么办")]
    path = write_jsonl(tmp_path / "articles.jsonl", good, extra_lines=BAD_LINES.values())
    code, numbers, page, err = report(tmp_path, capsys, path)
    assert code == 0, err
    assert numbers["totals"]["articles"] == 2
    assert numbers["skipped_records"]["count"] == len(BAD_LINES)
    warnings = [line for line in err if line.startswith("healthscrape: warning: ")]
    assert len(warnings) == len(BAD_LINES)
    for warning, number, problem in zip(warnings, range(len(good) + 1, 99), BAD_LINES, strict=False):
        assert warning.startswith(f"healthscrape: warning: {path}:{number}: {problem}"), warning
        assert warning.endswith("; record skipped")
    assert f"{len(BAD_LINES)} records skipped" in page and f"{path}:{len(good) + 1}: not JSON" in page


def test_a_run_that_exported_no_article_gives_a_report_that_says_so(tmp_path, capsys):
    run = tmp_path / "runs" / "20261201T000000Z"
    write_jsonl(run / "articles.jsonl", [])
    (run / "report.json").write_text(json.dumps({"status": "ok", "counts": {}, "stats": {"item_scraped_count": 0}}))
    code, numbers, page, err = report(tmp_path, capsys, tmp_path)
    assert code == 0, err
    assert numbers["totals"]["articles"] == 0
    assert "No articles in these runs" in page
    assert "Traceback" not in "\n".join(err)


@pytest.mark.parametrize(
    "crumb",
    [
        "养生😷",
        "$\\frac{1}$ 费用",
        "$x^2$",
        "🀄👨‍👩‍👧 心理",
        "费用 $5 到 $8",
        "\\",
        "\u200b",
        "𠀀𪚥 生僻字",
    ],
)
def test_labels_go_to_the_charts_literally(tmp_path, capsys, crumb):
    path = write_jsonl(tmp_path / "a.jsonl", [record(site=crumb, breadcrumbs=["首页", crumb])])
    code, numbers, page, err = report(tmp_path, capsys, path)
    assert code == 0, err
    assert numbers["articles_per_category"] == {crumb: 1}
    assert page.count("data:image/png;base64,") >= 5
