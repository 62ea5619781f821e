"""``healthscrape export``: JSONL → Parquet/CSV → DataFrame gives back the loader's DataFrame."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from pandas.testing import assert_frame_equal

from scraper.analysis.export import NESTED, PARQUET_SCHEMA, read_parquet
from scraper.analysis.loader import load_articles
from scraper.cli import main
from scraper.items import RECORD_FIELDS
from tests.helpers.crawl import healthscrape
from tests.helpers.labels import expected_record
from tests.helpers.records import record, write_jsonl
from tests.helpers.runs import RUN1_ARTICLES


def records() -> list[dict]:
    """The hand-made articles (nulls, empty lists, images, nested sections) and two real records."""
    real = [record(**expected_record(f"seed-{name}", "http://s.test"), revision=1) for name in ("article", "related")]
    return RUN1_ARTICLES + real


def export(tmp_path: Path, fmt: str) -> tuple[Path, pd.DataFrame]:
    source = tmp_path / "articles.jsonl"
    write_jsonl(source, records())
    output = tmp_path / "out" / f"articles.{fmt}"
    done = healthscrape("export", str(source), "--format", fmt, "-o", str(output), timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"healthscrape: {len(records())} articles written to {output}"
    return output, load_articles(source)


def test_parquet_round_trip_equals_the_loader(tmp_path):
    output, loaded = export(tmp_path, "parquet")
    assert pq.read_schema(output).remove_metadata().equals(PARQUET_SCHEMA)
    assert_frame_equal(read_parquet(output), loaded)


def test_parquet_is_readable_by_plain_pandas(tmp_path):
    output, loaded = export(tmp_path, "parquet")
    plain = pd.read_parquet(output)
    assert list(plain.columns) == list(RECORD_FIELDS)
    assert plain["title"].tolist() == loaded["title"].tolist()
    assert list(plain["breadcrumbs"].iloc[0]) == loaded["breadcrumbs"].iloc[0]
    assert json.loads(plain["sections"].iloc[0]) == loaded["sections"].iloc[0]  # the tree as JSON


def test_csv_round_trip_with_json_columns(tmp_path):
    output, loaded = export(tmp_path, "csv")
    back = pd.read_csv(output, dtype=str, keep_default_na=False, na_values=[""])
    assert list(back.columns) == list(RECORD_FIELDS)
    for column in NESTED:
        decoded = [json.loads(text) if isinstance(text, str) else None for text in back[column]]
        assert decoded == loaded[column].tolist(), column
    for column in ("published", "fetched_at"):
        times = pd.to_datetime(back[column], utc=True, format="ISO8601")
        assert times.tolist() == loaded[column].tolist(), column
    for column in ("url", "title", "body", "author", "fingerprint"):
        values = [None if v is pd.NA else v for v in loaded[column].astype(object)]
        assert [None if isinstance(v, float) else v for v in back[column]] == values, column


def test_export_bad_inputs(tmp_path, capsys):
    missing = tmp_path / "none.jsonl"
    assert main(["export", str(missing), "--format", "csv", "-o", str(tmp_path / "a.csv")]) == 2
    assert capsys.readouterr().err == f"healthscrape: export: no such file or folder: {missing}\n"
    with pytest.raises(SystemExit) as exited:
        main(["export", str(tmp_path), "--format", "xlsx", "-o", str(tmp_path / "a.xlsx")])
    assert exited.value.code == 2 and "invalid choice" in capsys.readouterr().err


@pytest.mark.parametrize(
    "command",
    [
        ("export", "{a}", "--format", "csv", "-o", "{a}"),
        ("export", "{folder}", "--format", "parquet", "-o", "{a}"),
        ("report", "{a}", "--json", "{a}"),
        ("report", "{folder}", "-o", "{d}"),
        ("dedup", "{a}", "-o", "{folder}/kept.jsonl", "--duplicates", "{a}"),
    ],
    ids=["export-onto-input", "export-onto-a-file-of-an-input-folder", "report-json-onto-input",
         "report-html-onto-duplicates", "dedup-duplicates-onto-input"],
)  # fmt: skip
def test_no_command_writes_over_its_own_input(tmp_path, capsys, command):
    folder = tmp_path / "run"
    a, d = folder / "articles.jsonl", folder / "duplicates.jsonl"
    write_jsonl(a, records())
    write_jsonl(d, [{"url": "http://s.test/copy.html", "duplicate_of": records()[0]["url"], "reason": "same_body"}])
    before = a.read_bytes(), d.read_bytes()
    args = [part.format(a=a, d=d, folder=folder) for part in command]
    assert main(args) == 2
    assert capsys.readouterr().err.strip().endswith("is also an input")
    assert (a.read_bytes(), d.read_bytes()) == before


FORMULAS = {  # a scraped value → the cell a spreadsheet must get (OWASP "CSV Injection": a leading ')
    '=HYPERLINK("http://evil.test","失眠")': '\'=HYPERLINK("http://evil.test","失眠")',
    "+cmd|' /C calc'!A0": "'+cmd|' /C calc'!A0",
    "-2+3+cmd": "'-2+3+cmd",
    "@SUM(1+1)*cmd": "'@SUM(1+1)*cmd",
    "\t=1+1": "'\t=1+1",
    "\r=1+1": "'\r=1+1",
    "-3": "-3",  # a plain number stays as it is
    "+1.5e3": "+1.5e3",
    "失眠怎么办": "失眠怎么办",
}


def test_csv_cells_that_would_start_a_formula_are_neutralised(tmp_path):
    rows = [
        record(f"http://s.test/{n}.html", title=value, author=value, breadcrumbs=[value], revision=1)
        for n, value in enumerate(FORMULAS)
    ]
    source = write_jsonl(tmp_path / "articles.jsonl", rows)
    output = tmp_path / "articles.csv"
    assert main(["export", str(source), "--format", "csv", "-o", str(output)]) == 0
    back = pd.read_csv(output, dtype=str, keep_default_na=False)
    assert back["title"].tolist() == list(FORMULAS.values())
    assert back["author"].tolist() == list(FORMULAS.values())
    assert [json.loads(text) for text in back["breadcrumbs"]] == [[value] for value in FORMULAS]  # JSON: `[`
    assert not output.read_bytes().startswith(b"\xef\xbb\xbf")


def test_csv_for_excel_starts_with_a_byte_order_mark(tmp_path):
    source = write_jsonl(tmp_path / "articles.jsonl", records())
    output = tmp_path / "articles.csv"
    assert main(["export", str(source), "--format", "csv", "--excel", "-o", str(output)]) == 0
    data = output.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert pd.read_csv(output, encoding="utf-8-sig", dtype=str)["title"].tolist() == [r["title"] for r in records()]


def test_excel_is_refused_for_parquet(tmp_path, capsys):
    source = write_jsonl(tmp_path / "articles.jsonl", records())
    assert main(["export", str(source), "--format", "parquet", "--excel", "-o", str(tmp_path / "a.parquet")]) == 2
    assert capsys.readouterr().err == "healthscrape: export: --excel applies to --format csv only\n"
    assert not (tmp_path / "a.parquet").exists()


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_bad_records_are_left_out_named_and_the_rest_exported(tmp_path, capsys, fmt):
    source = write_jsonl(
        tmp_path / "articles.jsonl",
        records(),
        extra_lines=['{"url": "http://s.test/x.html", "sections": "一、病因"}', "\x00garbage", '"\\ud800"'],
    )
    output = tmp_path / f"articles.{fmt}"
    assert main(["export", str(source), "--format", fmt, "-o", str(output)]) == 0
    captured = capsys.readouterr()
    first_bad = len(records()) + 1
    assert captured.err.splitlines() == [
        f"healthscrape: warning: {source}:{first_bad}: sections is not a list of objects; record skipped",
        f"healthscrape: warning: {source}:{first_bad + 1}: not JSON (Expecting value); record skipped",
        f"healthscrape: warning: {source}:{first_bad + 2}: not a JSON object; record skipped",
    ]
    assert captured.out.strip() == f"healthscrape: {len(records())} articles written to {output}"
    rows = read_parquet(output) if fmt == "parquet" else pd.read_csv(output)
    assert len(rows) == len(records())
