"""The ``healthscrape`` command.

* ``healthscrape extract PATH_OR_URL [--url URL] [--site NAME]``: one page's record as JSONL.
* ``healthscrape crawl [--data-dir data] [scrapy crawl arguments]``: one scheduled, incremental run.
* ``healthscrape dedup INPUT.jsonl... -o OUT.jsonl``: de-duplicate existing exports.
* ``healthscrape report RUN_OR_JSONL... [-o report.html] [--json [PATH]]``: the analysts' report.
* ``healthscrape export INPUT... --format parquet|csv -o PATH``: the articles as a table file.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from itemadapter import ItemAdapter
from scrapy.http import Headers, Response
from scrapy.responsetypes import responsetypes

from pipelines.chain import finish_article
from pipelines.stats import CounterStats
from scraper.items import RECORD_FIELDS
from scraper.near_duplicates import DEFAULT_THRESHOLD, NearDuplicateConfig
from scraper.offline_dedup import dedup_files, default_duplicates_path
from scraper.outputs import EXPORT_FORMATS, InputError
from scraper.parsing import Skip, parse_article
from scraper.profiles import ProfileError, get_profile
from scraper.runs import (
    DEFAULT_MAX_ERROR_RATE,
    LOCK_FILE,
    PART,
    LockError,
    RunLock,
    articles_seen,
    checks,
    faults,
    new_run_dir,
    previous_report,
    publish,
    recover_killed_runs,
    utc_stamp,
    write_atomically,
)
from scraper.settings import DOWNLOAD_MAXSIZE, DOWNLOAD_TIMEOUT, USER_AGENT
from scraper.spiders.articles import utc_now
from scraper.state import CrawlState

EXIT_OK, EXIT_NOT_ARTICLE, EXIT_UNREADABLE = 0, 1, 2


class CommandError(Exception):
    """A failure to report on stderr with an exit code."""

    def __init__(self, message: str, code: int = EXIT_UNREADABLE):
        super().__init__(message)
        self.code = code


def _response(url: str, body: bytes, headers: dict[str, str] | None = None, filename: str | None = None) -> Response:
    scrapy_headers = Headers(headers or {})
    cls = responsetypes.from_args(headers=scrapy_headers, url=url, filename=filename, body=body[:5000])
    return cls(url=url, body=body, headers=scrapy_headers)


def read_file(path_text: str, url: str | None) -> Response:
    path = Path(path_text)
    if not path.is_file():
        raise CommandError(f"no such file: {path_text}")
    try:
        body = path.read_bytes()
    except OSError as exc:
        raise CommandError(f"cannot read {path_text}: {exc.strerror or exc}") from exc
    return _response(url or path.resolve().as_uri(), body, filename=path.name)


def fetch(url: str) -> Response:
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


def extract(target: str, url: str | None = None, site: str | None = None) -> dict[str, object]:
    """The finished record for one local file or URL (the spider's parsing and pipeline stages)."""
    if site:
        try:
            get_profile(site)
        except ProfileError as exc:
            raise CommandError(str(exc)) from exc
    is_url = urlsplit(target).scheme in ("http", "https")
    response = fetch(target) if is_url else read_file(target, url)
    later_pages = fetch_or_none if is_url else partial(sibling_file, Path(target))
    result = parse_article(response, fetched_at=utc_now(), site=site, fetch=later_pages)
    if isinstance(result, Skip):
        code = EXIT_NOT_ARTICLE if result.reason in ("not_article", "continuation") else EXIT_UNREADABLE
        raise CommandError(f"{target}: {result.detail}", code)
    item, errors = finish_article(result, CounterStats())
    if errors:
        raise CommandError(f"{target}: the record is invalid: {'; '.join(errors)}", EXIT_NOT_ARTICLE)
    record = ItemAdapter(item).asdict()
    return {key: record[key] for key in RECORD_FIELDS}


RUN_OUTPUTS = ("articles.jsonl", "duplicates.jsonl")
EXIT_RUN_FAILED, EXIT_LOCKED = 1, 3


def read_json(path: Path) -> Any:
    """A JSON file the crawl wrote, or None when it did not write it."""
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def crawl(data_dir: Path, scrapy_args: list[str], max_error_rate: float) -> int:
    """One scheduled run: lock, crawl into ``data/runs/<ts>/``, publish the outputs, write report.json."""
    state, runs = data_dir / "state", data_dir / "runs"
    lock = RunLock(state / LOCK_FILE)
    try:
        lock.acquire()
    except LockError as exc:
        print(f"healthscrape: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    try:
        if lock.taken_over is not None:
            print(f"healthscrape: took over the stale lock of dead process {lock.taken_over}", file=sys.stderr)
        if runs.is_dir():
            store = CrawlState(state)
            try:
                for killed in recover_killed_runs(runs, store):
                    print(f"healthscrape: recovered the killed run {killed}", file=sys.stderr)
            finally:
                store.close()
        run = new_run_dir(runs)
        started = utc_stamp()
        command = [
            sys.executable, "-m", "scrapy", "crawl", "articles",
            "-s", f"STATE_DIR={state}",
            "-s", f"RUN_OUTPUT={run / 'articles.jsonl'}{PART}",
            "-s", f"DUPLICATES_FILE={run / 'duplicates.jsonl'}{PART}",
            "-s", f"STATS_FILE={run / 'stats.json'}",
            "-s", f"MONITOR_RESULTS_FILE={run / 'monitors.json'}",
            *scrapy_args,
        ]  # fmt: skip
        env = {"SCRAPY_SETTINGS_MODULE": "scraper.settings", **os.environ}
        code = subprocess.call(command, env=env)
        stats = read_json(run / "stats.json") or {}
        monitors = read_json(run / "monitors.json")
        if code == 0:
            publish(run, RUN_OUTPUTS)
        results = checks(stats, code, previous_report(runs, run), max_error_rate, monitors)
        report = run_report(run, started, code, stats, results)
        report["monitors"] = monitors
        write_atomically(run / "report.json", json.dumps(report, ensure_ascii=False, indent=1, default=str))
        failed = [c for c in results if not c["ok"]]
        verdict = "ok" if not failed else "FAILED: " + "; ".join(c["detail"] for c in failed)
        print(f"healthscrape: run {run} {verdict}")
        return EXIT_RUN_FAILED if failed else EXIT_OK
    finally:
        lock.release()


def run_report(
    run: Path, started: str, code: int, stats: dict[str, Any], results: list[dict[str, Any]]
) -> dict[str, Any]:
    skipped = {k.removeprefix("parse/skipped_"): v for k, v in stats.items() if k.startswith("parse/skipped_")}
    return {
        "run": run.name,
        "started_at": started,
        "finished_at": utc_stamp(),
        "status": "ok" if all(c["ok"] for c in results) else "failed",
        "exit_code": code,
        "finish_reason": stats.get("finish_reason"),
        "counts": {
            "articles_exported": stats.get("item_scraped_count", 0),
            "articles_seen": articles_seen(stats),
            "articles_updated": stats.get("incremental/updated", 0),
            "not_modified": stats.get("incremental/not_modified", 0),
            "duplicates": stats.get("dedup/duplicates", 0),
            "skipped_pages": skipped,
            "invalid_records": stats.get("validation/invalid", 0),
            "requests": stats.get("downloader/request_count", 0),
            "retries": stats.get("retry/count", 0),
            "faults": faults(stats),
        },
        "checks": results,
        "outputs": {name: str(run / name) for name in RUN_OUTPUTS},
        "stats": stats,
    }


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="healthscrape", description="Health-article extraction tools.")
    commands = parser.add_subparsers(dest="command", required=True)
    one = commands.add_parser("extract", help="print the record for one local file or URL as JSONL")
    one.add_argument("target", metavar="PATH_OR_URL", help="an HTML or text file, or an http(s) URL")
    one.add_argument("--url", help="the page's URL when reading a file (for resolving links)")
    one.add_argument("--site", help="force a site profile by name")
    scheduled = commands.add_parser(
        "crawl",
        help="one scheduled, incremental run into DATA/runs/<timestamp>/ (other arguments go to scrapy crawl)",
    )
    scheduled.add_argument("--data-dir", type=Path, default=Path("data"), help="state and runs folder (data)")
    scheduled.add_argument(
        "--max-error-rate",
        type=float,
        default=DEFAULT_MAX_ERROR_RATE,
        help="share of failed requests that fails the run",
    )
    offline = commands.add_parser("dedup", help="de-duplicate existing JSONL exports with the crawl's rules")
    offline.add_argument("inputs", metavar="INPUT.jsonl", nargs="+", type=Path)
    offline.add_argument("-o", "--output", required=True, type=Path, help="where the kept records go")
    offline.add_argument("--duplicates", type=Path, help="where duplicates go (default: OUT.duplicates.jsonl)")
    offline.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD, help="near-duplicate Jaccard (0.8)")
    offline.add_argument("--state", type=Path, help="keep the near-duplicate index here between calls")
    inputs_help = "articles/duplicates JSONL files, report.json/stats.json files, run folders or data folders"
    report = commands.add_parser("report", help="an HTML report (charts inline) and/or its numbers as JSON")
    report.add_argument("inputs", nargs="+", metavar="RUN_OR_JSONL", help=inputs_help)
    report.add_argument("-o", "--output", type=Path, help="the HTML file to write")
    report.add_argument(
        "--json", nargs="?", const="-", metavar="PATH", help="the numbers as JSON to PATH (stdout without PATH)"
    )
    export = commands.add_parser("export", help="the articles as one Parquet or CSV file")
    export.add_argument("inputs", nargs="+", metavar="INPUT", help=inputs_help)
    export.add_argument("--format", required=True, choices=EXPORT_FORMATS, help="parquet (pyarrow) or csv")
    export.add_argument("-o", "--output", type=Path, required=True, help="the file to write")
    return parser


def dedup(args: argparse.Namespace) -> int:
    duplicates = args.duplicates or default_duplicates_path(args.output)
    try:
        config = NearDuplicateConfig(threshold=args.threshold)
        summary = dedup_files(args.inputs, args.output, duplicates, config, args.state, sys.stderr)
    except (InputError, ValueError, OSError) as exc:
        print(f"healthscrape: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    for line in summary.lines(args.output, duplicates):
        print(f"healthscrape: {line}")
    return EXIT_OK


def report_command(args: argparse.Namespace) -> int:
    from scraper.report import to_json, write_report  # pandas and matplotlib only for this command

    if args.output is None and args.json is None:
        build_parser().error("report: give -o report.html, --json [PATH] or both")
    numbers = write_report(args.inputs, args.output, args.json)
    log = sys.stdout
    if args.json == "-":
        sys.stdout.write(to_json(numbers))
        log = sys.stderr  # stdout is the JSON
    elif args.json is not None:
        print(f"healthscrape: report numbers written to {args.json}", file=log)
    if args.output is not None:
        print(f"healthscrape: report written to {args.output}", file=log)
    return EXIT_OK


def export_command(args: argparse.Namespace) -> int:
    from scraper.export import export_articles  # pyarrow only for this command

    rows = export_articles(args.inputs, args.format, args.output)
    print(f"healthscrape: {rows} articles written to {args.output}")
    return EXIT_OK


# Expected failures of report/export: a missing or malformed input, no CJK font (InputError too), a file
# not writable, a glyph missing from the font (UserWarning raised as an error); a record whose values
# have unexpected types deeper down (TypeError, KeyError, AttributeError) is reported the same way.
INPUT_ERRORS = (InputError, FileNotFoundError, ValueError, OSError, UserWarning)
MALFORMED = (TypeError, KeyError, AttributeError)


def main(argv: Sequence[str] | None = None) -> int:
    args, rest = build_parser().parse_known_args(argv)
    if args.command == "crawl":
        return crawl(args.data_dir, rest, args.max_error_rate)
    if args.command == "dedup" and not rest:
        return dedup(args)
    if rest:
        build_parser().error(f"unrecognized arguments: {' '.join(rest)}")
    if args.command in ("report", "export"):
        try:
            return report_command(args) if args.command == "report" else export_command(args)
        except INPUT_ERRORS as exc:
            print(f"healthscrape: {args.command}: {exc}", file=sys.stderr)
            return EXIT_UNREADABLE
        except MALFORMED as exc:
            print(f"healthscrape: {args.command}: malformed input ({type(exc).__name__}: {exc})", file=sys.stderr)
            return EXIT_UNREADABLE
    try:
        record = extract(args.target, url=args.url, site=args.site)
    except CommandError as exc:
        print(f"healthscrape: {exc}", file=sys.stderr)
        return exc.code
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
