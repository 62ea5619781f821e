"""``healthscrape dedup``: the crawl's de-duplication rules over existing JSONL exports."""

from __future__ import annotations

import random
import subprocess
import sys

from benchmarks.near_duplicates import edited
from scraper.text.fingerprint import body_fingerprint
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


def test_dedup_compares_bodies_never_the_fingerprints_stored_in_its_input(tmp_path):
    """A record's ``fingerprint`` may be stale (its body edited after export), lost, or garbage: each
    record is compared by the fingerprint of the body it holds, and written out with that fingerprint."""
    short = ["头痛的常见原因有哪些", "头痛时应该怎么办", "偏头痛可以预防吗"]  # exact rules only (too short for near)
    long_bodies = sample_bodies()[:2]
    rows = [
        record("http://a.test/0.html", body=short[0], fingerprint=body_fingerprint(short[0])),
        record("http://a.test/1.html", body=short[1], fingerprint=body_fingerprint(short[0])),  # edited after export
        record("http://a.test/2.html", body=long_bodies[1], fingerprint=body_fingerprint(long_bodies[0])),
        record("http://a.test/3.html", body=long_bodies[0], fingerprint=None),
        record("http://a.test/4.html", body=short[2], fingerprint=body_fingerprint(short[1])),  # stale
        record("http://b.test/0.html", body=short[0] + "。", fingerprint=None),  # lost; punctuation is no difference
        record("http://b.test/1.html", body=short[1], fingerprint="not a fingerprint"),
        record("http://b.test/2.html", body=short[2], fingerprint=12345),
    ]
    out = tmp_path / "clean.jsonl"
    result = healthscrape("dedup", str(write_jsonl(tmp_path / "in.jsonl", rows)), "-o", str(out))
    assert result.returncode == 0, result.stderr
    kept = read_jsonl(out)
    assert [r["url"] for r in kept] == [f"http://a.test/{n}.html" for n in range(5)]
    assert [r["fingerprint"] for r in kept] == [body_fingerprint(r["body"]) for r in kept]
    duplicates = read_jsonl(tmp_path / "clean.duplicates.jsonl")
    assert [(d["url"], d["duplicate_of"], d["reason"]) for d in duplicates] == [
        ("http://b.test/0.html", "http://a.test/0.html", "same_body"),
        ("http://b.test/1.html", "http://a.test/1.html", "same_body"),
        ("http://b.test/2.html", "http://a.test/4.html", "same_body"),
    ]
    assert "5 fingerprints did not match their body (recomputed)" in result.stdout


def test_dedup_skips_records_whose_fields_are_not_text(tmp_path):
    """A canonical URL or a body that is not text is a bad record: skipped, counted and reported, no traceback."""
    rows = [
        record("http://a.test/0.html", canonical_url=123),
        record("http://a.test/1.html", body=["一段", "正文"]),
        record("http://a.test/2.html"),
    ]
    out = tmp_path / "clean.jsonl"
    result = healthscrape("dedup", str(write_jsonl(tmp_path / "in.jsonl", rows)), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert [r["url"] for r in read_jsonl(out)] == ["http://a.test/2.html"]
    assert "in.jsonl:1: skipped, canonical_url is not text" in result.stderr
    assert "in.jsonl:2: skipped, body is not text" in result.stderr
    assert "skipped: 1 body not text, 1 canonical_url not text" in result.stdout
