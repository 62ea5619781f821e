"""A full disk while a run exports (ENOSPC, from the kernel: the output's descriptor is pointed at
``/dev/full`` mid-run): the run ends ``failed`` with a one-line message, the lines written stay whole,
and the next run exports what the full disk kept out, so that every article is published exactly once."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.helpers.crawl import healthscrape, tracebacks
from tests.helpers.crawl_faults import DiskFullAfter, extensions_with
from tests.helpers.labels import sample_site_manifest
from tests.helpers.paths import SAMPLE_SITE

MANIFEST = sample_site_manifest()


@pytest.fixture
def site(tmp_path, serve):
    root = tmp_path / "site"
    shutil.copytree(SAMPLE_SITE, root)
    return serve(root)


def published(cwd, name: str) -> list[dict]:
    """Every line of every run's published ``name``, parsed (a cut line would fail here)."""
    return [
        json.loads(line)
        for output in sorted((cwd / "data" / "runs").glob(f"*/{name}"))
        for line in output.read_text(encoding="utf-8").splitlines()
    ]


@pytest.mark.parametrize(("output", "after"), [("articles.jsonl", 3), ("duplicates.jsonl", 1)])
def test_a_full_disk_during_export_fails_the_run_in_one_line_and_the_next_run_loses_nothing(
    tmp_path, site, output, after
):
    args = ["crawl", "-a", f"start_urls={site.base}/"]
    full = healthscrape(
        *args, "-s", extensions_with(DiskFullAfter.path),
        "-s", f"TEST_DISK_FULL_FILE={output}.part", "-s", f"TEST_DISK_FULL_AFTER={after}", cwd=tmp_path,
    )  # fmt: skip
    assert full.returncode == 1, full.stderr[-3000:]
    assert tracebacks(full.stderr) == []
    verdict = full.stdout.strip().splitlines()[-1]
    assert verdict.startswith("healthscrape: run ") and " FAILED: " in verdict
    assert "cannot write data/runs/" in verdict and f"/{output}.part: No space left on device" in verdict
    (report,) = [json.loads(p.read_text()) for p in (tmp_path / "data" / "runs").glob("*/report.json")]
    assert report["status"] == "failed" and report["finish_reason"] == "export_failed"
    written = published(tmp_path, "articles.jsonl")  # each line whole (parsed)
    if output == "articles.jsonl":  # (items scraped concurrently may have been written before the 3rd's signal)
        assert after <= len(written) < len(MANIFEST["articles"])
    assert not list((tmp_path / "data" / "runs").glob("*/*.part"))

    # The disk has room again: the next run exports the rest, and nothing twice.
    coverage = '{"Article/title": 1.0, "Article/body": 1.0}'  # a few articles left; one has no date
    done = healthscrape(*args, "-s", f"SPIDERMON_FIELD_COVERAGE_RULES={coverage}", cwd=tmp_path)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    urls = sorted(r["url"] for r in published(tmp_path, "articles.jsonl"))
    assert urls == sorted(site.base + a["path"] for a in MANIFEST["articles"])
    duplicates = sorted(r["url"] for r in published(tmp_path, "duplicates.jsonl"))
    assert duplicates == sorted(site.base + p for p in MANIFEST["duplicates"])
