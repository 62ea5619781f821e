"""``healthscrape report``: crawl outputs → the report's numbers → HTML and/or JSON."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import pandas as pd

from scraper.analysis.inputs import Outputs, find_outputs
from scraper.analysis.loader import DUPLICATE_COLUMNS, SkippedRecord, load_articles, load_duplicates
from scraper.analysis.report_numbers import report_numbers
from scraper.clock import utc_now
from scraper.feeds import refuse_overwriting, write_atomically

MISSING_GLYPH = "Glyph .* missing from"  # matplotlib's warning when the font lacks a character
LISTED_SKIPPED = 50  # skipped records the report lists (it counts them all)


def load_inputs(inputs: list[str | Path]) -> tuple[Outputs, pd.DataFrame, pd.DataFrame, list[SkippedRecord]]:
    """The sources the inputs name, their articles (latest revision per URL), their duplicates (with
    ``run``) and the lines of those files that are not records (skipped, in input order)."""
    outputs = find_outputs(inputs)
    articles = load_articles(outputs.article_files, on_bad_lines="skip")
    skipped: list[SkippedRecord] = list(articles.attrs["skipped_records"])
    frames = []
    for source in outputs.sources:
        if source.duplicates is not None:
            frame = load_duplicates(source.duplicates, on_bad_lines="skip")
            skipped += frame.attrs["skipped_records"]
            frame["run"] = source.label
            frames.append(frame)
    empty = pd.DataFrame(columns=[*DUPLICATE_COLUMNS, "run"])
    duplicates = pd.concat(frames, ignore_index=True) if frames else empty
    return outputs, articles, duplicates, skipped


def numbers_for(inputs: list[str | Path]) -> tuple[dict[str, Any], list[str]]:
    """The report's numbers and the labels of the sources they come from."""
    outputs, articles, duplicates, skipped = load_inputs(inputs)
    stats = [(s.label, s.stats) for s in outputs.sources if s.stats is not None]
    numbers = report_numbers(articles, duplicates, stats)
    numbers["skipped_records"] = skipped_numbers(skipped)
    return numbers, [s.label for s in outputs.sources]


def skipped_numbers(skipped: list[SkippedRecord]) -> dict[str, Any]:
    """The lines of the inputs that are not records: how many, and the first :data:`LISTED_SKIPPED` as
    ``path:line: problem``."""
    return {"count": len(skipped), "records": [str(bad) for bad in skipped[:LISTED_SKIPPED]]}


def write_report(inputs: list[str | Path], html_path: Path | None, json_path: str | None) -> dict[str, Any]:
    """Write the HTML report and/or the numbers as JSON (``json_path`` ``-`` = stdout is the caller's)."""
    json_file = Path(json_path) if json_path not in (None, "-") else None
    refuse_overwriting((html_path, json_file), [*map(Path, inputs), *find_outputs(inputs).files])
    numbers, labels = numbers_for(inputs)
    if html_path is not None:
        from scraper.analysis.report_html import render_report  # matplotlib is loaded only when drawing

        with warnings.catch_warnings():
            # A glyph missing from the font is a failure, never tofu boxes in the page.
            warnings.filterwarnings("error", message=MISSING_GLYPH, category=UserWarning)
            page = render_report(numbers, labels, utc_now())
        write_atomically(html_path, page)
    if json_file is not None:
        write_atomically(json_file, to_json(numbers))
    return numbers


def to_json(numbers: dict[str, Any]) -> str:
    """The report's numbers as indented JSON (Chinese not escaped), with a final newline."""
    return json.dumps(numbers, ensure_ascii=False, indent=1) + "\n"
