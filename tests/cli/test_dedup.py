"""``healthscrape dedup``: the crawl's de-duplication rules over existing JSONL exports."""

from __future__ import annotations

import random
import subprocess
import sys

from benchmarks.near_duplicates import edited
from tests.helpers.bodies import sample_bodies
from tests.helpers.crawl import read_jsonl
from tests.helpers.records import record, write_jsonl


def healthscrape(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m scraper.cli ARGS`` (as benchmarks/scale/dedup.py runs it)."""
    return subprocess.run(
        [sys.executable, "-m", "scraper.cli", *args], capture_output=True, text=True, timeout=120, check=False
    )


def test_dedup_keeps_the_first_of_each_article_and_reports_the_rest(tmp_path):
    bodies = sample_bodies()[:4]
    assert len(bodies) == 4
    first = write_jsonl(
        tmp_path / "a.jsonl",
        [record(f"http://a.test/{i}.html", body=body) for i, body in enumerate(bodies)],
        extra_lines=("{not json",),
    )
    near = edited(bodies[0], 0.02, random.Random(1))
    second = write_jsonl(
        tmp_path / "b.jsonl",
        [
            record("http://b.test/near.html", body=near),
            record("http://b.test/exact.html", body=bodies[1]),
            record("http://b.test/m/2.html", body="另一个版本" * 30, canonical_url="http://a.test/2.html"),
            record("http://a.test/3.html", body=bodies[3]),
            {"title": "no url"},
        ],
    )
    out = tmp_path / "out" / "clean.jsonl"
    result = healthscrape("dedup", str(first), str(second), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert [r["url"] for r in read_jsonl(out)] == [f"http://a.test/{i}.html" for i in range(4)]
    duplicates = read_jsonl(out.with_name("clean.duplicates.jsonl"))
    assert [(d["url"], d["duplicate_of"], d["reason"]) for d in duplicates] == [
        ("http://b.test/near.html", "http://a.test/0.html", "near_duplicate"),
        ("http://b.test/exact.html", "http://a.test/1.html", "same_body"),
        ("http://b.test/m/2.html", "http://a.test/2.html", "same_canonical"),
    ]
    assert 0.8 <= duplicates[0]["similarity"] <= 1.0
    assert "a.jsonl:5: skipped, not JSON" in result.stderr
    assert "b.jsonl:5: skipped, not a record with a url" in result.stderr
    assert "8 records read, 4 kept" in result.stdout
    assert "3 duplicates (1 near_duplicate, 1 same_body, 1 same_canonical)" in result.stdout
    assert "skipped: 1 no url, 1 not JSON, 1 repeated URL" in result.stdout


def test_dedup_threshold_and_state_between_calls(tmp_path):
    original, near = sample_bodies()[0], edited(sample_bodies()[0], 0.05, random.Random(2))
    state = tmp_path / "state"
    first = write_jsonl(tmp_path / "1.jsonl", [record("http://a.test/0.html", body=original)])
    assert healthscrape("dedup", str(first), "-o", str(tmp_path / "o1.jsonl"), "--state", str(state)).returncode == 0
    later = write_jsonl(tmp_path / "2.jsonl", [record("http://b.test/0.html", body=near)])
    out = tmp_path / "o2.jsonl"
    strict = healthscrape("dedup", str(later), "-o", str(out), "--threshold", "0.95")
    assert strict.returncode == 0 and len(read_jsonl(out)) == 1
    remembered = healthscrape("dedup", str(later), "-o", str(out), "--state", str(state))
    assert remembered.returncode == 0
    assert read_jsonl(out) == []
    assert read_jsonl(tmp_path / "o2.duplicates.jsonl")[0]["duplicate_of"] == "http://a.test/0.html"


def test_dedup_bad_arguments_are_clear_errors(tmp_path):
    missing = healthscrape("dedup", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "o.jsonl"))
    assert missing.returncode == 2 and "no such file" in missing.stderr and "Traceback" not in missing.stderr
    same = write_jsonl(tmp_path / "x.jsonl", [])
    clash = healthscrape("dedup", str(same), "-o", str(same))
    assert clash.returncode == 2 and "also an input" in clash.stderr
    bad = healthscrape("dedup", str(same), "-o", str(tmp_path / "o.jsonl"), "--threshold", "7")
    assert bad.returncode == 2 and "threshold" in bad.stderr
