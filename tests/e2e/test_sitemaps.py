"""Sitemaps crawled for real: a sitemap that is rejected (an entity bomb, a DOCTYPE, malformed XML) is warned
about with its URL and counted (``sitemap/invalid``), and the crawl goes on with link discovery. Of malformed
XML, the entries complete before the error are kept; of a sitemap with a DOCTYPE, nothing.

A valid sitemap start URL expanding to its pages is tests/e2e/test_spider_crawl.py.
"""

from __future__ import annotations

from pathlib import Path

from tests.helpers.crawl import CrawlResult, run_crawl
from tests.helpers.faults import article_page

NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
_LOL = '<!ENTITY lol0 "lol">' + "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
# Rejected sitemaps, each listing a page that only it links to.
INVALID = {
    # The billion laughs: ten levels of entities, each ten of the one below.
    "sitemap-bomb.xml": f'<?xml version="1.0"?><!DOCTYPE urlset [{_LOL}]>'
    f"<urlset {NS}><url><loc>/only-bomb.html&lol9;</loc></url></urlset>",
    # An external entity naming a local file.
    "sitemap-xxe.xml": '<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY e SYSTEM "file:///etc/hostname">]>'
    f"<urlset {NS}><url><loc>/only-xxe.html?&e;</loc></url></urlset>",
    # Cut off in the middle of its second entry: the first one is kept.
    "sitemap-truncated.xml": f'<?xml version="1.0"?><urlset {NS}><url><loc>/only-truncated.html</loc></url><url><lo',
    # A DOCTYPE whose internal subset is longer than the first 4 KiB, so that <urlset> comes late.
    "sitemap-long-dtd.xml": '<?xml version="1.0"?><!DOCTYPE urlset ['
    + "".join(f'<!ENTITY e{n} "{n}">' for n in range(400))
    + f"]><urlset {NS}><url><loc>/only-long-dtd.html</loc></url></urlset>",
    # Tags that do not match.
    "sitemap-mismatched.xml": f'<?xml version="1.0"?><urlset {NS}><url><loc>/only-mismatched.html</url></urlset>',
}


def _site(root: Path) -> None:
    """Sitemaps beside a home page that links to one article."""
    root.mkdir(parents=True)
    for name, text in INVALID.items():
        (root / name).write_text(text, encoding="utf-8")
        page = name.removeprefix("sitemap-").removesuffix(".xml")
        (root / f"only-{page}.html").write_bytes(article_page(f"只在站点地图里的文章{page}"))
    (root / "index.html").write_text('<html><body><a href="/a.html">文章</a></body></html>', encoding="utf-8")
    (root / "a.html").write_bytes(article_page("从首页找到的文章"))


def _crawl(tmp_path: Path, base: str, *args: str) -> CrawlResult:
    starts = ",".join(f"{base}/{name}" for name in INVALID)
    return run_crawl(tmp_path, "-a", f"start_urls={starts}", *args)


def test_a_rejected_sitemap_is_warned_about_and_counted_and_links_are_discovered(tmp_path, serve):
    _site(tmp_path / "site")
    site = serve(tmp_path / "site")
    result = _crawl(tmp_path, site.base)
    assert result.returncode == 0, result.log[-3000:]
    assert result.stats["sitemap/invalid"] == len(INVALID)
    for name in INVALID:
        assert f"WARNING: Invalid sitemap {site.base}/{name}: " in result.log, name
    # The crawl goes on from the site's home page; of the rejected sitemaps, only the entry complete before
    # the cut of the truncated one is requested.
    assert sorted(r["url"] for r in result.articles) == [f"{site.base}/a.html", f"{site.base}/only-truncated.html"]
    crawled = "".join(line for line in result.log.splitlines() if "Crawled (" in line)
    for page in ("bomb", "xxe", "long-dtd", "mismatched"):
        assert f"/only-{page}" not in crawled, page
    assert "parse/skipped" not in result.stats  # a rejected sitemap is counted once, as sitemap/invalid


def test_a_rejected_sitemap_is_counted_when_links_are_not_followed(tmp_path, serve):
    _site(tmp_path / "site")
    site = serve(tmp_path / "site")
    result = _crawl(tmp_path, site.base, "-a", "follow=no")
    assert result.returncode == 0, result.log[-3000:]
    assert result.stats["sitemap/invalid"] == len(INVALID)
    assert [r["url"] for r in result.articles] == [f"{site.base}/only-truncated.html"]


def test_a_sitemap_index_reads_its_valid_sitemaps_and_counts_its_invalid_ones(tmp_path, serve):
    root = tmp_path / "site"
    _site(root)
    (root / "sitemap-good.xml").write_text(f"<urlset {NS}><url><loc>/a.html</loc></url></urlset>", encoding="utf-8")
    entries = "".join(f"<sitemap><loc>/{name}</loc></sitemap>" for name in ("sitemap-good.xml", "sitemap-xxe.xml"))
    (root / "sitemap_index.xml").write_text(f"<sitemapindex {NS}>{entries}</sitemapindex>", encoding="utf-8")
    site = serve(root)
    result = run_crawl(tmp_path, "-a", f"start_urls={site.base}/sitemap_index.xml", "-a", "follow=no")
    assert result.returncode == 0, result.log[-3000:]
    assert [r["url"] for r in result.articles] == [f"{site.base}/a.html"]
    assert result.stats["sitemap/invalid"] == 1
    assert f"Invalid sitemap {site.base}/sitemap-xxe.xml: a DOCTYPE" in result.log
