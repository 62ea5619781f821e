"""``healthscrape extract``: the installed console script, run for real."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.helpers.crawl import healthscrape
from tests.helpers.labels import SPLIT_ARTICLE, eval_label, expected_record
from tests.helpers.pages import saved_page
from tests.helpers.paths import EVAL, FIXTURES
from tests.helpers.properties import RAISED, article_with


def run(*args: str):
    return healthscrape(*args, timeout=60)


def test_extract_file_with_url_prints_the_golden_record():
    base = "http://127.0.0.1:8000"
    page = saved_page("seed-related")
    done = run("extract", str(page.file), "--url", base + page.path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    for field, value in expected_record("seed-related", base).items():
        assert record[field] == value, field
    assert "腰突然直不起来" in lines[0]  # Chinese is not escaped


def test_extract_url_fetches_the_page(serve, tmp_path):
    shutil.copy(saved_page("seed-article").file, tmp_path / "a.html")
    site = serve(tmp_path)
    done = run("extract", site.base + "/a.html")
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["url"] == site.base + "/a.html"
    assert record["related"][0]["url"] == site.base + "/jibing/yaotong/20200713/2086.html"


def test_missing_file_exits_2_with_a_message():
    done = run("extract", "no/such/page.html")
    assert done.returncode == 2
    assert done.stderr.strip() == "healthscrape: no such file: no/such/page.html"
    assert done.stdout == ""


def test_unreadable_page_exits_2(tmp_path):
    done = run("extract", str(saved_page("truncated").file))
    assert done.returncode == 2
    assert "truncated HTML" in done.stderr
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    done = run("extract", str(binary))
    assert done.returncode == 2
    assert "not a text page" in done.stderr


def test_unreachable_url_exits_2(serve, tmp_path):
    site = serve(tmp_path)
    done = run("extract", site.base + "/missing.html")
    assert done.returncode == 2
    assert f"cannot fetch {site.base}/missing.html: HTTP 404" in done.stderr


def test_non_article_page_exits_1():
    page = saved_page("tag-page").file
    done = run("extract", str(page))
    assert done.returncode == 1
    assert str(page) in done.stderr  # the message names the file


def test_extract_merges_later_pages_saved_next_to_the_first(tmp_path):
    label = eval_label(SPLIT_ARTICLE)
    for file in [label["file"], *label["more_pages"].values()]:
        shutil.copy(EVAL / "corpus" / file, tmp_path)
    done = run("extract", str(tmp_path / "2345.html"), "--url", label["url"])
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["body"] == label["expected"]["body"]
    (tmp_path / "2345_3.html").unlink()
    done = run("extract", str(tmp_path / "2345.html"), "--url", label["url"])
    assert done.returncode == 0
    assert "2345_3.html not found; the article is incomplete" in done.stderr


def test_extract_second_opinion_by_default():
    """The second opinion (SECOND_OPINION_ENABLED, on by default): a body in markup we do not read is
    trafilatura's; ``--no-second-opinion`` leaves our own reading (no body: no article)."""
    page = FIXTURES / "second_opinion" / "bare-text-body.html"
    url = "http://www.ankang.test/a/bare-text-body.html"
    assert run("extract", str(page), "--url", url, "--no-second-opinion").returncode == 1  # no body of ours
    done = run("extract", str(page), "--url", url)
    assert done.returncode == 0, done.stderr
    assert "护理的关键是预防脱水" in json.loads(done.stdout)["body"]


def test_extract_reads_a_file_url(tmp_path):
    page = tmp_path / "保存的 页面.html"  # a URL with escapes: %E4%BF%9D… and %20
    shutil.copy(saved_page("seed-article").file, page)
    done = run("extract", page.as_uri())
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["url"] == page.as_uri()
    missing = tmp_path / "gone.html"
    done = run("extract", missing.as_uri())
    assert done.returncode == 2
    assert done.stderr.strip() == f"healthscrape: no such file: {missing} (from {missing.as_uri()})"


def test_extract_of_a_directory_says_so(tmp_path):
    for target in (str(tmp_path), tmp_path.as_uri()):
        done = run("extract", target)
        assert done.returncode == 2
        (line,) = done.stderr.strip().splitlines()
        assert line.startswith(f"healthscrape: {tmp_path} is a directory") and "scrapy crawl" in line


@pytest.mark.parametrize("name", sorted(RAISED))
def test_pages_that_raised_inside_parsing_give_their_record(tmp_path, name):
    (tmp_path / name).write_text(article_with(RAISED[name]), encoding="utf-8")
    done = run("extract", str(tmp_path / name), "--url", f"http://www.ankang.test/a/{name}")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "第2段：秋冬季节" in json.loads(done.stdout)["body"]


def test_a_parser_bug_is_one_line_naming_the_page_and_exit_1(tmp_path, monkeypatch, capsys):
    from scraper.cli import extract, main

    def broken(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(extract, "parse_article", broken)
    page = saved_page("seed-article").file
    assert main(["extract", str(page)]) == 1
    error = capsys.readouterr().err
    assert error.splitlines() == [
        f"healthscrape: {page}: cannot parse the page (RecursionError: maximum recursion depth exceeded); "
        "this is a bug in healthscrape, please report it with the page"
    ]
