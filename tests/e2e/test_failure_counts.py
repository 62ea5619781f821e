"""Failed URLs are counted once, by their final reason, and one rate decides the run (issue 12, 11–12).

The sample site with two dead links (one 503 on every attempt, so retried; one 404) and no robots.txt
(404, which is no failure), crawled by ``healthscrape crawl``: the run's faults, the report's failed
pages, the Spidermon monitors and the exit code all agree.
"""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import pytest

from scraper.cli import main
from tests.helpers.crawl import healthscrape
from tests.helpers.labels import sample_site_manifest
from tests.helpers.paths import SAMPLE_SITE
from tests.helpers.servers import QuietHandler, start_server, stop_server

DEAD = {"/dead/busy.html": 503, "/dead/gone.html": 404}
# The sample site's own broken page (truncated HTML) fails too, once, as skipped/broken.
FAULTS = {"http_404": 1, "http_503": 1, "skipped/broken": len(sample_site_manifest()["broken"])}
FAILED = sum(FAULTS.values())


class DeadLinksHandler(QuietHandler):
    """The folder's files; :data:`DEAD` paths answer their status every time; every path is noted."""

    seen: set[str] = set()
    lock = threading.Lock()

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        path = self.path.split("?")[0]
        with self.lock:
            DeadLinksHandler.seen.add(path)
        if path in DEAD:
            return self.send_body(DEAD[path], b"<html><body>no</body></html>")
        return super().do_GET()


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(SAMPLE_SITE, root)
    (root / "robots.txt").unlink()  # a missing robots.txt is no failure
    home = root / "index.html"
    links = "".join(f'<li><a href="{path}">{path}</a></li>' for path in DEAD)
    home.write_text(home.read_text(encoding="utf-8").replace("</body>", f"<ul>{links}</ul></body>"), encoding="utf-8")
    DeadLinksHandler.seen = set()
    server, local = start_server(root, DeadLinksHandler)
    yield local.base
    stop_server(server)


def run_report(cwd: Path) -> dict:
    (report,) = sorted((cwd / "data" / "runs").glob("*/report.json"))
    return json.loads(report.read_text(encoding="utf-8"))


def test_each_failed_url_is_counted_once_by_its_final_reason(tmp_path, site, capsys):
    done = healthscrape("crawl", "-a", f"start_urls={site}/", cwd=tmp_path)
    report = run_report(tmp_path)
    assert report["counts"]["faults"] == FAULTS, done.stderr[-3000:]
    # Each URL once (retries aside: busy.html was asked 4 times), plus the canonical pages fetched again
    # on purpose for their mobile copies; robots.txt is not a URL of the crawl.
    requested = DeadLinksHandler.seen - {"/robots.txt"}
    refetched = report["stats"]["parse/canonical_redirects"]
    assert report["stats"]["crawl/requested_urls"] == len(requested) + refetched
    assert report["stats"]["crawl/failed_urls"] == FAILED
    assert main(["report", str(tmp_path / "data"), "--json", str(tmp_path / "numbers.json"), "-o",
                 str(tmp_path / "report.html")]) == 0  # fmt: skip
    numbers = json.loads((tmp_path / "numbers.json").read_text(encoding="utf-8"))
    assert numbers["failed_pages"]["by_reason"] == FAULTS


def test_one_rate_decides_monitors_and_exit_code(tmp_path, site):
    done = healthscrape("crawl", "-a", f"start_urls={site}/", cwd=tmp_path)
    report = run_report(tmp_path)
    rate = FAILED / report["stats"]["crawl/requested_urls"]
    assert rate < 0.2
    assert done.returncode == 0, report["checks"]
    assert report["status"] == "ok"
    assert {m["status"] for m in report["monitors"]} <= {"OK", "SKIPPED"}
    (by_rate,) = [m for m in report["monitors"] if m["monitor"].startswith("Failed URLs")]
    assert by_rate["status"] == "OK"

    strict = tmp_path / "strict"
    strict.mkdir()
    done = healthscrape("crawl", "--max-error-rate", "0.01", "-a", f"start_urls={site}/", cwd=strict)
    assert done.returncode == 1
    report = run_report(strict)
    failed = {c["name"]: c["detail"] for c in report["checks"] if not c["ok"]}
    assert set(failed) == {"error_rate", "monitors"}, report["checks"]
    expected = f"{FAILED} of {report['stats']['crawl/requested_urls']} URLs failed ({rate:.1%}, max 1.0%)"
    assert failed["error_rate"] == expected
    assert expected in failed["monitors"]
