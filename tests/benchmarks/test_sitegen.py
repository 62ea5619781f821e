"""The benchmark site generator: deterministic, crawlable, and read correctly by the parser."""

from __future__ import annotations

from pathlib import Path

from itemadapter import ItemAdapter
from scrapy.http import HtmlResponse

from benchmarks.sitegen import generate_site
from scraper.parsing import parse_response
from scraper.stages import finish_item
from scraper.stats import CounterStats

BASE = "http://127.0.0.1:8000"


def _parse(root: Path, path: str) -> dict:
    response = HtmlResponse(url=BASE + path, body=(root / path.lstrip("/")).read_bytes())
    article = parse_response(response, "2026-11-25T00:00:00Z")
    assert not hasattr(article, "reason"), f"{path}: {article}"
    item = finish_item(article, CounterStats())  # InvalidRecord if the record breaks the schema
    return ItemAdapter(item).asdict()


def test_every_generated_article_is_extracted_as_written(tmp_path: Path) -> None:
    manifest = generate_site(tmp_path, articles=12, duplicates=4)
    for expected in manifest["articles"]:
        record = _parse(tmp_path, expected["path"])
        assert record["title"] == expected["title"]
        assert record["published"] == expected["published"]
        assert record["breadcrumbs"] == expected["breadcrumbs"]
        assert record["body"].split("\n") == expected["body"]
        assert record["sections"] == expected["sections"]
        assert [(r["title"], r["url"]) for r in record["related"]] == [
            (r["title"], BASE + r["url"]) for r in expected["related"]
        ]
    for duplicate in manifest["duplicates"]:
        original = _parse(tmp_path, duplicate["original"])
        copy = _parse(tmp_path, duplicate["path"])
        assert copy["fingerprint"] == original["fingerprint"]
        assert (copy["canonical_url"] == BASE + duplicate["original"]) == (duplicate["kind"] == "mobile")


def test_the_site_is_deterministic_and_every_page_exists(tmp_path: Path) -> None:
    first = generate_site(tmp_path / "a", articles=60, duplicates=3, seed=7)
    second = generate_site(tmp_path / "b", articles=60, duplicates=3, seed=7)
    assert first == second
    for path in first["pages"]:
        name = path.lstrip("/") + ("index.html" if path.endswith("/") else "")
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert len({a["title"] for a in first["articles"]}) == 60
