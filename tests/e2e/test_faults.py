"""A crawl against a fault-injecting server completes, exports every good article and counts every fault."""

from __future__ import annotations

import json

from scraper.settings import EXTENSIONS
from scraper.stats import faults
from tests.helpers.crawl import run_crawl
from tests.helpers.faults import FAULTS, serve_faults
from tests.helpers.labels import sample_site_manifest
from tests.helpers.paths import SAMPLE_SITE
from tests.helpers.peak_memory import STAT as PEAK_RSS
from tests.helpers.peak_memory import PeakMemory
from tests.helpers.servers import stop_server

MANIFEST = sample_site_manifest()


def test_crawl_survives_every_fault_and_counts_it(tmp_path):
    server, base = serve_faults(SAMPLE_SITE)
    try:
        result = run_crawl(
            tmp_path,
            "-a", f"start_urls={base}/",
            "-s", "DOWNLOAD_TIMEOUT=2",
            "-s", "RETRY_TIMES=1",
            "-s", "DOWNLOAD_MAXSIZE=1000000",
            "-s", "DOWNLOAD_WARNSIZE=0",
            "-s", "REDIRECT_MAX_TIMES=3",
            "-s", f"EXTENSIONS={json.dumps({**EXTENSIONS, PeakMemory.path: 0})}",
            timeout=180,
        )  # fmt: skip
    finally:
        stop_server(server)
    assert result.returncode == 0, result.log[-3000:]
    assert result.stats["finish_reason"] == "finished"
    exported = {r["url"] for r in result.articles}
    good = {base + a["path"] for a in MANIFEST["articles"]} | {base + p for p, ok in FAULTS.items() if ok}
    assert exported == good
    wrong_charset = next(r for r in result.articles if r["url"].endswith("/fault/wrong-charset.html"))
    assert wrong_charset["title"] == "声明了错误字符集的文章"
    # Each failed URL once, by its final reason: the pages served in the end (500 then 200, 503 then 200) and
    # the robots.txt refusal are no failures; the redirect loop ends at the dupefilter, which drops the repeat.
    assert faults(result.stats) == {
        "http_404": 1,
        # Over DOWNLOAD_MAXSIZE: the gzip bomb (stopped while decompressing) and the 3 MB page, ignored as
        # too large (parse/ignored/too_large, see tests/e2e/test_ignored_requests.py), not skipped as errors.
        "ignored/too_large": 2,
        "exception/DownloadTimeoutError": 1,  # the timeout page, tried twice
        "exception/DownloadFailedError": 1,  # the connection reset, tried twice
        "exception/ResponseDataLossError": 1,  # the truncated body, tried twice
        "skipped/broken": 1,
    }
    assert result.stats["retry/max_reached"] == 3
    assert result.stats["robotstxt/forbidden"] == 1
    # Every fault page that ends in an error is a skipped page, logged with its URL and reason.
    assert result.stats["parse/skipped_error"] == 4
    for path in ("/fault/timeout.html", "/fault/reset.html", "/fault/truncated-body.html"):
        assert f"Skipped {base}{path}: " in result.log
    assert f"Ignored {base}/fault/huge.html: " in result.log
    # Bounded memory: the 50 MB gzip bomb and the 3 MB page were cut off, not held. The crawl's own peak
    # (memusage/max carries the pytest process's peak over fork and exec: tests/helpers/peak_memory.py).
    assert result.stats[PEAK_RSS] < 400 * 1024 * 1024, result.stats[PEAK_RSS] // 2**20  # MiB
