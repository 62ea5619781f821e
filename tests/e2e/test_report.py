"""``healthscrape report`` on a real crawl of the sample site, opened in a real headless browser.

Bad inputs and a missing output are tests/cli/test_report.py.
"""

from __future__ import annotations

import json
import re
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image, ImageStat

from tests.helpers.browser import CHROMIUM, HEIGHT, WIDTH, load_page
from tests.helpers.crawl import healthscrape, run_crawl


@pytest.fixture(scope="module")
def crawled(tmp_path_factory) -> Path:
    """The sample site crawled as ``make crawl`` does: articles, duplicates and stats.json in one folder."""
    tmp = tmp_path_factory.mktemp("crawl")
    result = run_crawl(tmp)  # the bundled sample site, served by the crawl itself
    assert result.returncode == 0, result.log[-3000:]
    assert result.articles and result.duplicates and result.stats
    return tmp / "out"


@pytest.fixture(scope="module")
def report(crawled) -> tuple[Path, dict]:
    html, numbers = crawled / "report.html", crawled / "numbers.json"
    done = healthscrape("report", str(crawled), "-o", str(html), "--json", str(numbers))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == f"healthscrape: report written to {html}"  # the path, last
    return html, json.loads(numbers.read_text(encoding="utf-8"))


def not_blank(png: bytes) -> tuple[bool, str]:
    """A screenshot shows something: several colours, and enough pixels that are not the background."""
    image = Image.open(BytesIO(png)).convert("L")
    background = max(image.getcolors(256) or [(0, 255)])[1]
    drawn = sum(count for count, value in image.getcolors(256) or [] if abs(value - background) > 32)
    share = drawn / (image.width * image.height)
    spread = ImageStat.Stat(image).stddev[0]
    return len(image.getcolors(256) or []) > 16 and share > 0.02 and spread > 10, f"{share:.1%} drawn, σ {spread:.1f}"


def test_report_loads_in_chromium_without_errors_and_is_not_blank(report, serve):
    assert Path(CHROMIUM).exists(), "chromium is missing: make test installs it (.ci/debian-packages chromium)"
    html, _ = report
    site = serve(html.parent)
    page = load_page(f"{site.base}/{html.name}")
    assert page.errors == []
    image = Image.open(BytesIO(page.screenshot))
    assert image.size == (WIDTH, HEIGHT)
    shown, detail = not_blank(page.screenshot)
    assert shown, detail


def test_the_browser_check_sees_errors_and_blank_pages(tmp_path, serve):
    # The control for the test above: a broken page is reported, a blank page is blank.
    (tmp_path / "broken.html").write_text(
        '<!doctype html><body><img src="missing.png"><script>console.error("boom"); nope();</script></body>'
    )
    (tmp_path / "blank.html").write_text("<!doctype html><body></body>")
    site = serve(tmp_path)
    broken = load_page(f"{site.base}/broken.html")
    assert any("boom" in e for e in broken.errors)
    assert any("nope is not defined" in e for e in broken.errors)
    assert any("missing.png" in e for e in broken.errors)
    assert not not_blank(load_page(f"{site.base}/blank.html").screenshot)[0]


def test_report_is_self_contained(report):
    html, _ = report
    page = html.read_text(encoding="utf-8")
    assert page.count('src="data:image/png;base64,') >= 7
    assert "<script" not in page and 'src="http' not in page
    assert re.findall(r"<link [^>]*>", page) == ['<link rel="icon" href="data:,">']
    assert "腰突然直不起来是怎么回事" in page  # the most duplicated articles, by title


def test_report_numbers_agree_with_the_crawl(report, crawled):
    _, numbers = report
    articles = [json.loads(line) for line in (crawled / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    stats = json.loads((crawled / "stats.json").read_text(encoding="utf-8"))
    assert numbers["totals"]["articles"] == len(articles) == stats["item_scraped_count"]
    assert numbers["totals"]["duplicates"] == stats["dedup/duplicates"]
    assert numbers["duplicates"]["by_reason"] == {"same_canonical": stats["dedup/same_canonical"]}
    assert numbers["failed_pages"]["by_reason"] == {
        "skipped/" + key.removeprefix("parse/skipped_"): value
        for key, value in stats.items()
        if key.startswith("parse/skipped_")
    }
    # Field coverage agrees with Spidermon's, computed by the crawl itself.
    for field, coverage in numbers["field_coverage"].items():
        spidermon = stats.get(f"spidermon_field_coverage/Article/{field}", 0.0)  # absent: no article has it
        assert coverage["share"] == pytest.approx(spidermon, abs=1e-4), field


def test_json_on_stdout(crawled):
    done = healthscrape("report", str(crawled / "articles.jsonl"), "--json")
    assert done.returncode == 0, done.stderr
    numbers = json.loads(done.stdout)
    assert numbers["totals"]["articles"] > 0
    assert numbers["failed_pages"] == {"by_reason": {}, "by_run": {}}  # no stats among the inputs
