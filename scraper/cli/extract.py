"""``healthscrape extract PATH_OR_URL [--url URL] [--site NAME]``: one page's record as a JSON line.

The page goes through the spider's parsing and the per-item stages (``scraper.stages``; cross-page
de-duplication aside). Exit codes: 0 a record was printed; 1 the page is not an article, its record
is invalid or parsing failed (a bug: one line naming the page, never a traceback); 2 a missing file, a
directory, an unreadable page or a URL that could not be fetched.
"""

from __future__ import annotations

import argparse
import json
import sys
import urllib.error
import urllib.request
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from itemadapter import ItemAdapter
from scrapy.http import Headers, Response
from scrapy.responsetypes import responsetypes

from scraper.cli.errors import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, CommandError
from scraper.clock import utc_now
from scraper.items import RECORD_FIELDS
from scraper.parsing import Skip, parse_article
from scraper.parsing.second_opinion import available as second_opinion_available
from scraper.profiles import ProfileError, get_profile
from scraper.settings import DOWNLOAD_MAXSIZE, DOWNLOAD_TIMEOUT, USER_AGENT
from scraper.stages import InvalidRecord, finish_item
from scraper.stats import CounterStats

TAKES_SCRAPY_ARGS = False


def add_parser(commands: Any) -> argparse.ArgumentParser:
    """Add the ``extract`` subcommand to ``commands`` (argparse's subparsers)."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "extract", help="print the record for one local file or URL as JSONL"
    )
    parser.add_argument(
        "target", metavar="PATH_OR_URL", help="an HTML or text file (a path or a file:// URL), or an http(s) URL"
    )
    parser.add_argument("--url", help="the page's URL when reading a file (for resolving links)")
    parser.add_argument("--site", help="force a site profile by name")
    parser.add_argument(
        "--second-opinion",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="ask trafilatura where the body is doubtful (SECOND_OPINION_ENABLED; on unless --no-second-opinion)",
    )
    return parser


def run(args: argparse.Namespace, rest: list[str]) -> int:
    """Print the record of one page as a JSON line."""
    record = extract(args.target, url=args.url, site=args.site, second_opinion=args.second_opinion)
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return EXIT_OK


def _response(url: str, body: bytes, headers: dict[str, str] | None = None, filename: str | None = None) -> Response:
    scrapy_headers = Headers(headers or {})
    cls = responsetypes.from_args(headers=scrapy_headers, url=url, filename=filename, body=body[:5000])
    return cls(url=url, body=body, headers=scrapy_headers)


def file_url_path(url: str) -> Path:
    """The local path a ``file://`` URL names (percent-escapes decoded); CommandError for another host's."""
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        raise CommandError(f"{url} names a file on another machine ({parts.netloc}); give a local path or URL")
    return Path(url2pathname(parts.path))


def read_file(path_text: str, url: str | None, given: str | None = None) -> Response:
    """A saved page as a response (``url``: the page's URL, else the file's ``file://`` URL); ``given``:
    the ``file://`` URL the path was read from, for messages. CommandError if it is not a readable file."""
    path = Path(path_text)
    source = f" (from {given})" if given else ""
    if path.is_dir():
        folder = path.resolve().as_uri().rstrip("/") + "/"
        raise CommandError(
            f"{path_text} is a directory; extract reads one page "
            f"(to crawl the pages in it: scrapy crawl articles -a start_urls={folder})"
        )
    if not path.is_file():
        raise CommandError(f"no such file: {path_text}{source}")
    try:
        body = path.read_bytes()
    except OSError as exc:
        raise CommandError(f"cannot read {path_text}{source}: {exc.strerror or exc}") from exc
    return _response(url or given or path.resolve().as_uri(), body, filename=path.name)


def fetch(url: str) -> Response:
    """One URL fetched with the crawl's User-Agent, timeout and size limit; CommandError on any failure."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=DOWNLOAD_TIMEOUT) as answer:
            body = answer.read(DOWNLOAD_MAXSIZE + 1)
            headers = dict(answer.headers.items())
            final_url = answer.geturl()
    except urllib.error.HTTPError as exc:
        raise CommandError(f"cannot fetch {url}: HTTP {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise CommandError(f"cannot fetch {url}: {getattr(exc, 'reason', exc)}") from exc
    if len(body) > DOWNLOAD_MAXSIZE:
        raise CommandError(f"{url} is larger than {DOWNLOAD_MAXSIZE} bytes")
    return _response(final_url, body, headers)


def fetch_or_none(url: str) -> Response | None:
    """A later page of a split article, or None (with a warning) when it cannot be fetched."""
    try:
        return fetch(url)
    except CommandError as exc:
        print(f"healthscrape: warning: {exc}; the article is incomplete", file=sys.stderr)
        return None


def sibling_file(first: Path, url: str) -> Response | None:
    """A later page of a split article saved next to the first one (``123_2.html`` beside ``123.html``)."""
    path = first.parent / Path(urlsplit(url).path).name
    if not path.is_file():
        print(f"healthscrape: warning: {path} not found; the article is incomplete", file=sys.stderr)
        return None
    return _response(url, path.read_bytes(), filename=path.name)


def extract(
    target: str, url: str | None = None, site: str | None = None, second_opinion: bool = True
) -> dict[str, object]:
    """The finished record for one local file or URL (the spider's parsing and pipeline stages)."""
    if site:
        try:
            get_profile(site)
        except ProfileError as exc:
            raise CommandError(str(exc)) from exc
    if second_opinion and not second_opinion_available():
        raise CommandError("the second opinion needs trafilatura (pip install trafilatura), or --no-second-opinion")
    scheme = urlsplit(target).scheme
    is_url = scheme in ("http", "https")
    path = str(file_url_path(target)) if scheme == "file" else target
    response = fetch(target) if is_url else read_file(path, url, given=target if scheme == "file" else None)
    later_pages = fetch_or_none if is_url else partial(sibling_file, Path(path))
    try:
        result = parse_article(
            response, fetched_at=utc_now(), site=site, fetch=later_pages, second_opinion=second_opinion
        )
    except Exception as exc:  # a parser bug: one line naming the page, as a crawl logs and counts it
        raise CommandError(
            f"{target}: cannot parse the page ({type(exc).__name__}: {exc}); "
            "this is a bug in healthscrape, please report it with the page",
            EXIT_FAILED,
        ) from exc
    if isinstance(result, Skip):
        code = EXIT_BAD_INPUT if result.reason.failed else EXIT_FAILED
        raise CommandError(f"{target}: {result.detail}", code)
    try:
        item = finish_item(result, CounterStats())
    except InvalidRecord as exc:
        raise CommandError(f"{target}: the record is invalid: {'; '.join(exc.errors)}", EXIT_FAILED) from exc
    record = ItemAdapter(item).asdict()
    return {key: record[key] for key in RECORD_FIELDS}
