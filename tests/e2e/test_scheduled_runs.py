"""``healthscrape crawl``: scheduled runs with a lock, run folders, report.json and an exit status."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers.crawl import crawl_env, healthscrape
from tests.helpers.crawl_faults import KillLockHolderWhenStopped, extensions_with
from tests.helpers.labels import sample_site_manifest
from tests.helpers.paths import HEALTHSCRAPE, SAMPLE_SITE
from tests.helpers.processes import holders
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


@pytest.fixture
def slow_site():
    """The sample site, each response 0.3 s late: a crawl (one request at a time) lasts several seconds."""
    server, site = start_server(SAMPLE_SITE, _SlowHandler)
    yield site.base
    stop_server(server)


def start_crawl(cwd: Path, base: str, *args: str) -> subprocess.Popen[bytes]:
    """``healthscrape crawl`` of ``base`` in its own session, one request at a time; output in cwd/*.txt."""
    command = [str(HEALTHSCRAPE), "crawl", "-a", f"start_urls={base}/", "-s", "CONCURRENT_REQUESTS=1", *args]
    with (cwd / "stdout.txt").open("wb") as out, (cwd / "stderr.txt").open("wb") as err:
        return subprocess.Popen(command, cwd=cwd, env=crawl_env(settings_module=False), start_new_session=True,
                                stdout=out, stderr=err)  # fmt: skip


def wait_for_articles(cwd: Path, count: int) -> None:
    """Return once the running crawl has written ``count`` whole lines of articles."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        parts = list((cwd / "data" / "runs").glob("*/articles.jsonl.part"))
        if parts and parts[0].read_text(encoding="utf-8").count("\n") >= count:
            return
        time.sleep(0.1)
    pytest.fail(f"the crawl exported fewer than {count} articles within 60 s")


def lock_pid(cwd: Path) -> int:
    return int(json.loads((cwd / "data" / "state" / "crawl.lock").read_text())["pid"])


def resume(cwd: Path, base: str) -> subprocess.CompletedProcess[str]:
    # The resumed run exports the few articles left; one of them has no date, which is
    # more than a 90 % published coverage allows on so few: these tests are about recovery.
    coverage = '{"Article/title": 1.0, "Article/body": 1.0}'
    return healthscrape_crawl(cwd, "-a", f"start_urls={base}/", "-s", f"SPIDERMON_FIELD_COVERAGE_RULES={coverage}")


def published(cwd: Path, name: str, key: str) -> list[str]:
    """``key`` of every line of every run's published ``name`` (articles.jsonl, duplicates.jsonl)."""
    return [
        json.loads(line)[key]
        for output in sorted((cwd / "data" / "runs").glob(f"*/{name}"))
        for line in output.read_text(encoding="utf-8").splitlines()
    ]


def assert_every_article_once(cwd: Path, base: str) -> None:
    """The runs' published outputs hold every article and every duplicate of the sample site exactly once."""
    assert sorted(published(cwd, "articles.jsonl", "url")) == sorted(base + a["path"] for a in MANIFEST["articles"])
    assert sorted(published(cwd, "duplicates.jsonl", "url")) == sorted(base + p for p in MANIFEST["duplicates"])
    assert not list((cwd / "data" / "runs").glob("*/*.part"))


def test_run_killed_with_sigkill_is_recovered_and_the_next_run_completes(tmp_path, slow_site):
    victim = start_crawl(tmp_path, slow_site)
    try:
        wait_for_articles(tmp_path, 2)
    finally:
        os.killpg(victim.pid, signal.SIGKILL)
        victim.wait()
    done = resume(tmp_path, slow_site)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "took over the stale lock" in done.stderr and "recovered the killed run" in done.stderr
    killed, resumed = reports(tmp_path)
    assert killed["status"] == "killed" and resumed["status"] == "ok"
    assert_every_article_once(tmp_path, slow_site)
    assert 2 <= killed["counts"]["articles_exported"] < ARTICLES


def test_sigkill_of_the_lock_pid_leaves_no_writer_and_the_next_run_exports_every_article_once(tmp_path, slow_site):
    victim = start_crawl(tmp_path, slow_site)
    try:
        wait_for_articles(tmp_path, 2)
        os.kill(lock_pid(tmp_path), signal.SIGKILL)
        victim.wait()
        # No process writes the run any more: the next run may take the lock over.
        assert holders(tmp_path / "data") == {}
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(victim.pid, signal.SIGKILL)  # whatever the test's crawl left behind
    done = resume(tmp_path, slow_site)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "took over the stale lock" in done.stderr and "recovered the killed run" in done.stderr
    killed, resumed = reports(tmp_path)
    assert killed["status"] == "killed" and resumed["status"] == "ok"
    assert_every_article_once(tmp_path, slow_site)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_sigterm_or_sigint_of_the_lock_pid_stops_gracefully_and_the_next_run_resumes(tmp_path, slow_site, signum):
    victim = start_crawl(tmp_path, slow_site)
    try:
        wait_for_articles(tmp_path, 2)
        os.kill(lock_pid(tmp_path), signum)
        code = victim.wait(timeout=60)
        assert holders(tmp_path / "data") == {}
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(victim.pid, signal.SIGKILL)
    stdout = (tmp_path / "stdout.txt").read_text(encoding="utf-8")
    assert code == 1
    assert "interrupted" in stdout
    (interrupted,) = reports(tmp_path)
    assert interrupted["status"] == "interrupted" and interrupted["finish_reason"] == "shutdown"
    assert 2 <= interrupted["counts"]["articles_exported"] < ARTICLES
    assert not (tmp_path / "data" / "state" / "crawl.lock").exists()
    # Published as it is: every line whole and known to the state, nothing for the next run to recover.
    done = resume(tmp_path, slow_site)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "took over" not in done.stderr and "recovered" not in done.stderr
    assert [r["status"] for r in reports(tmp_path)] == ["interrupted", "ok"]
    assert_every_article_once(tmp_path, slow_site)


def test_run_whose_process_dies_after_the_crawl_before_publishing_is_recovered(tmp_path, site):
    died = healthscrape_crawl(
        tmp_path, "-a", f"start_urls={site.base}/", "-s", extensions_with(KillLockHolderWhenStopped.path)
    )
    assert died.returncode == -signal.SIGKILL
    assert [p.name for p in (tmp_path / "data" / "runs").glob("*/*.part")]  # not published
    done = resume(tmp_path, site.base)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "recovered the killed run" in done.stderr
    recovered, resumed = reports(tmp_path)
    assert recovered["status"] == "killed" and recovered["counts"]["articles_exported"] == ARTICLES
    assert resumed["counts"]["articles_exported"] == 0
    assert_every_article_once(tmp_path, site.base)


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


def test_every_file_the_run_names_exists_when_it_ends(tmp_path, site):
    done = healthscrape_crawl(tmp_path, "-a", f"start_urls={site.base}/")
    assert done.returncode == 0, done.stderr[-2000:]
    named = re.findall(r" (?:written to|run) (\S+)", done.stdout)
    assert len(named) == 3  # articles, duplicates, the run folder
    (report,) = reports(tmp_path)
    named += report["outputs"].values()
    assert [path for path in named if not (tmp_path / path).exists()] == []
    assert not [p for p in named if p.endswith(".part")]
