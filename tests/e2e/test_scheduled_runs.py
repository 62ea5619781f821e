"""``healthscrape crawl``: scheduled runs with a lock, run folders, report.json and an exit status."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers.crawl import crawl_env, healthscrape
from tests.helpers.labels import sample_site_manifest
from tests.helpers.paths import HEALTHSCRAPE, SAMPLE_SITE
from tests.helpers.servers import QuietHandler, start_server, stop_server

MANIFEST = sample_site_manifest()
ARTICLES = len(MANIFEST["articles"])
KNOWN = ARTICLES + len(MANIFEST["duplicates"])  # exported articles and reported mobile copies


def healthscrape_crawl(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return healthscrape("crawl", *args, cwd=cwd)


def reports(cwd: Path) -> list[dict]:
    return [json.loads(p.read_text()) for p in sorted((cwd / "data" / "runs").glob("*/report.json"))]


@pytest.fixture
def site(tmp_path, serve):
    root = tmp_path / "site"
    shutil.copytree(SAMPLE_SITE, root)
    return serve(root)


def test_two_runs_write_run_folders_and_the_second_exports_nothing(tmp_path, site):
    for _ in range(2):
        done = healthscrape_crawl(tmp_path, "-a", f"start_urls={site.base}/")
        assert done.returncode == 0, done.stderr[-2000:]
    runs = sorted((tmp_path / "data" / "runs").iterdir())
    assert len(runs) == 2
    for run in runs:
        names = sorted(p.name for p in run.iterdir())
        assert names == ["articles.jsonl", "duplicates.jsonl", "monitors.json", "report.json", "stats.json"]
    first, second = reports(tmp_path)
    assert first["status"] == second["status"] == "ok", first["checks"]
    assert first["counts"]["articles_exported"] == ARTICLES and second["counts"]["articles_exported"] == 0
    assert second["counts"]["not_modified"] == KNOWN
    assert {m["status"] for m in first["monitors"]} <= {"OK", "SKIPPED"}
    assert (runs[1] / "articles.jsonl").read_text() == ""
    assert not (tmp_path / "data" / "state" / "crawl.lock").exists()


def test_second_run_while_one_is_active_exits_at_once(tmp_path, site):
    lock = tmp_path / "data" / "state" / "crawl.lock"
    lock.parent.mkdir(parents=True)
    lock.write_text(json.dumps({"pid": os.getpid(), "started_at": "2026-11-25T10:00:00Z"}))
    done = healthscrape_crawl(tmp_path, "-a", f"start_urls={site.base}/")
    assert done.returncode == 3
    assert f"another crawl is running (pid {os.getpid()}" in done.stderr
    assert not (tmp_path / "data" / "runs").exists()


def test_stale_lock_of_a_dead_process_is_taken_over(tmp_path, site):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    lock = tmp_path / "data" / "state" / "crawl.lock"
    lock.parent.mkdir(parents=True)
    lock.write_text(json.dumps({"pid": dead.pid, "started_at": "2026-11-25T10:00:00Z"}))
    done = healthscrape_crawl(tmp_path, "-a", f"start_urls={site.base}/")
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"took over the stale lock of dead process {dead.pid}" in done.stderr
    assert not lock.exists()


def test_run_fails_when_the_site_gives_nothing_after_a_run_that_had_articles(tmp_path):
    server, site = start_server(SAMPLE_SITE)
    try:
        assert healthscrape_crawl(tmp_path, "-a", f"start_urls={site.base}/").returncode == 0
    finally:
        stop_server(server)
    done = healthscrape_crawl(tmp_path, "-a", f"start_urls={site.base}/", "-s", "RETRY_TIMES=0")
    assert done.returncode == 1
    assert "FAILED" in done.stdout and f"0 articles seen (last run: {KNOWN})" in done.stdout
    failed = reports(tmp_path)[-1]
    assert failed["status"] == "failed"
    assert {c["name"] for c in failed["checks"] if not c["ok"]} >= {"articles"}


class _SlowHandler(QuietHandler):
    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        time.sleep(0.3)
        super().do_GET()


def test_run_killed_with_sigkill_is_recovered_and_the_next_run_completes(tmp_path):
    server, slow = start_server(SAMPLE_SITE, _SlowHandler)
    base = slow.base
    env = crawl_env(settings_module=False)
    args = [str(HEALTHSCRAPE), "crawl", "-a", f"start_urls={base}/", "-s", "CONCURRENT_REQUESTS=1"]
    try:
        victim = subprocess.Popen(args, cwd=tmp_path, env=env, start_new_session=True,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            parts = list((tmp_path / "data" / "runs").glob("*/articles.jsonl.part"))
            if parts and parts[0].read_text(encoding="utf-8").count("\n") >= 2:
                break
            time.sleep(0.1)
        else:
            pytest.fail("the crawl exported nothing within 60 s")
        os.killpg(victim.pid, signal.SIGKILL)
        victim.wait()
        # The resumed run exports the few articles left; one of them has no date, which is
        # more than a 90 % published coverage allows on so few: this test is about recovery.
        coverage = '{"Article/title": 1.0, "Article/body": 1.0}'
        done = healthscrape_crawl(
            tmp_path, "-a", f"start_urls={base}/", "-s", f"SPIDERMON_FIELD_COVERAGE_RULES={coverage}"
        )
    finally:
        stop_server(server)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "took over the stale lock" in done.stderr and "recovered the killed run" in done.stderr
    killed, resumed = reports(tmp_path)
    assert killed["status"] == "killed" and resumed["status"] == "ok"
    exported = [
        json.loads(line)["url"]
        for output in sorted((tmp_path / "data" / "runs").glob("*/articles.jsonl"))
        for line in output.read_text(encoding="utf-8").splitlines()
    ]
    assert sorted(exported) == sorted(base + a["path"] for a in MANIFEST["articles"])
    assert 2 <= killed["counts"]["articles_exported"] < ARTICLES


def test_failed_monitor_fails_the_run_and_is_reported(tmp_path, site):
    rules = '{"Article/title": 1.0, "Article/author": 0.5}'  # the sample site names no authors
    done = healthscrape_crawl(
        tmp_path, "-a", f"start_urls={site.base}/", "-s", f"SPIDERMON_FIELD_COVERAGE_RULES={rules}"
    )
    assert done.returncode == 1
    report = reports(tmp_path)[-1]
    assert report["status"] == "failed"
    failed = [m for m in report["monitors"] if m["status"] == "FAIL"]
    assert [m["monitor"] for m in failed] == ["Field Coverage Monitor/test_check_if_field_coverage_rules_are_met"]
    assert "Article/author (expected 0.5, got 0" in failed[0]["detail"]
    assert next(c for c in report["checks"] if c["name"] == "monitors")["ok"] is False
