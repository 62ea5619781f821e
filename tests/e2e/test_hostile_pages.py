"""A real crawl of pages that once raised inside parsing: each one is exported, none is a skipped error.

The pages (tests/helpers/properties.py ``RAISED``) are served over HTTP on 127.0.0.1 with an ordinary
article beside them, and crawled by ``scrapy crawl articles`` in a subprocess.
"""

from __future__ import annotations

from scraper.reasons import SkipReason
from scraper.stats import skipped_key
from tests.helpers.crawl import run_crawl
from tests.helpers.properties import RAISED, SENTENCES, article_with


def test_pages_that_raised_inside_parsing_are_exported(tmp_path, serve):
    root = tmp_path / "site"
    root.mkdir()
    names = [*sorted(RAISED), "plain.html"]
    for name, sentence in zip(names, SENTENCES, strict=True):  # different bodies: no near-duplicates
        page = article_with(RAISED.get(name, ""), title=f"文章{name}", sentence=sentence)
        (root / name).write_text(page, encoding="utf-8")
    site = serve(root)
    urls = ",".join(f"{site.base}/{name}" for name in names)
    result = run_crawl(tmp_path, "-a", f"start_urls={urls}", "-a", "follow=no")
    assert result.returncode == 0, result.log[-3000:]
    assert sorted(r["url"] for r in result.articles) == sorted(f"{site.base}/{name}" for name in names)
    assert all("第2段：" in r["body"] for r in result.articles)
    assert skipped_key(SkipReason.ERROR) not in result.stats
    # No exception from parsing reached the log (Spidermon's field-coverage report on four pages may)
    assert "Spider error processing" not in result.log
    assert not any(error in result.log for error in ("ValueError", "RecursionError", "UnicodeEncodeError"))
