"""Rendering the report's numbers (``scraper.analysis.report_numbers``) as one self-contained HTML page.

Charts are drawn by matplotlib (Agg, no display) with the CJK font of ``scraper.analysis.cjk_font`` and
inlined as base64 PNGs; the page has no script and loads nothing else.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from html import escape
from typing import Any

import matplotlib

matplotlib.use("Agg")

from matplotlib.axes import Axes  # noqa: E402 - after choosing the backend
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

from scraper.analysis.cjk_font import drawable, use_cjk_font  # noqa: E402

KIND_NAMES = {
    "cause": "病因 cause",
    "symptom": "症状 symptom",
    "diagnosis": "诊断 diagnosis",
    "treatment": "治疗 treatment",
    "prevention": "预防 prevention",
    "diet": "饮食 diet",
    "risk": "危害 risk",
}
COLOURS = ["#3b6ea8", "#e08a2c", "#4f9d69", "#b94a48", "#7d5ba6", "#8c8c8c"]
WIDTH = 9.0  # inches at 100 dpi: 900 px, the page's content width
MAX_BARS = 25  # a horizontal bar chart shows the most frequent values; its table has them all

CSS = """
body { font-family: "Noto Sans CJK SC", "Noto Sans", sans-serif; margin: 0 auto; max-width: 960px;
       padding: 24px; color: #222; background: #fff; }
h1 { font-size: 26px; margin-bottom: 4px; } h2 { font-size: 20px; margin-top: 36px;
     border-bottom: 1px solid #ddd; padding-bottom: 4px; }
.sub { color: #666; margin-top: 0; } .note { color: #666; font-size: 13px; }
.totals { display: flex; gap: 16px; flex-wrap: wrap; }
.totals div { background: #f3f6fa; border-radius: 6px; padding: 10px 16px; min-width: 110px; }
.totals b { display: block; font-size: 24px; }
img { max-width: 100%; }
table { border-collapse: collapse; margin: 8px 0; font-size: 14px; }
th, td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
th { background: #f3f6fa; }
"""


def render_report(numbers: dict[str, Any], sources: Sequence[str], generated_at: str) -> str:
    """The whole HTML page."""
    use_cjk_font()
    parts = [
        _totals(numbers),
        _nothing_exported(numbers),
        _skipped(numbers["skipped_records"]),
        _section("Articles per month", _months_chart(numbers), _note_months(numbers)),
        _section(
            "Articles per site and per category",
            _barh_chart([("Site", numbers["articles_per_site"]), ("Category", numbers["articles_per_category"])]),
            _table(["category (breadcrumb trail)", "articles"], numbers["category_paths"].items()),
        ),
        _section_kinds(numbers["section_kinds"]),
        _body_length(numbers["body_length"]),
        _coverage(numbers["field_coverage"]),
        _duplicates(numbers["duplicates"]),
        _failed(numbers["failed_pages"]),
        _most_duplicated(numbers["most_duplicated"], numbers["duplicates"]["reason_names"]),
    ]
    source_list = ", ".join(escape(s) for s in sources)
    return (
        '<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<link rel="icon" href="data:,">\n'  # no favicon request: the page loads nothing
        f"<title>healthscrape report</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f'<h1>healthscrape report</h1>\n<p class="sub">{source_list} · generated {escape(generated_at)}</p>\n'
        + "\n".join(parts)
        + "\n</body>\n</html>\n"
    )


# --- charts ---------------------------------------------------------------------------------------


def _png(figure: Figure) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _chart(draw: Callable[[Axes], None], height: float, alt: str) -> str:
    figure = Figure(figsize=(WIDTH, height))
    axes = figure.add_subplot()
    draw(axes)
    axes.spines[["top", "right"]].set_visible(False)
    return f'<img alt="{escape(alt)}" src="data:image/png;base64,{_png(figure)}">'


def _empty(axes: Axes, text: str) -> None:
    axes.text(0.5, 0.5, text, ha="center", va="center", transform=axes.transAxes, color="#666")
    axes.set_axis_off()


def _barh(axes: Axes, counts: Mapping[str, float], title: str, colour: str = COLOURS[0], percent: bool = False) -> None:
    shown = list(counts.items())[:MAX_BARS]
    if not shown:
        _empty(axes, f"{title}: none")
        return
    labels, values = [drawable(k) for k, _ in shown][::-1], [v for _, v in shown][::-1]
    bars = axes.barh(labels, values, color=colour)
    axes.bar_label(bars, labels=[f"{v:.0%}" if percent else f"{v:g}" for v in values], padding=3, fontsize=9)
    axes.set_title(title, loc="left")
    if percent:
        axes.set_xlim(0, 1.1)
        axes.xaxis.set_major_formatter(lambda x, _pos: f"{x:.0%}")
    else:
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))


def _few_columns(axes: Axes, columns: int, least: int = 6) -> None:
    """Keep columns narrow when there are few of them."""
    axes.set_xlim(-0.7, max(columns, least) - 0.3)


def _bar_height(*counts: Mapping[str, Any]) -> float:
    return 1.0 + 0.3 * max((min(len(c), MAX_BARS) for c in counts), default=1)


def _months_chart(numbers: dict[str, Any]) -> str:
    months: dict[str, int] = numbers["articles_per_month"]

    def draw(axes: Axes) -> None:
        if not months:
            _empty(axes, "no article has a published date")
            return
        bars = axes.bar(list(months), list(months.values()), color=COLOURS[0], width=0.6)
        axes.bar_label(bars, padding=2, fontsize=9)
        _few_columns(axes, len(months))
        axes.set_ylabel("articles")
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        axes.tick_params(axis="x", rotation=90 if len(months) > 12 else 0)

    return _chart(draw, 3.2, "articles per month")


def _note_months(numbers: dict[str, Any]) -> str:
    return (
        f"By the month of <code>published</code> (UTC). Articles without a published date: "
        f"{numbers['articles_without_published']}."
    )


def _barh_chart(panels: list[tuple[str, dict[str, int]]]) -> str:
    figure = Figure(figsize=(WIDTH, _bar_height(*(c for _, c in panels))))
    for index, (title, counts) in enumerate(panels):
        axes = figure.add_subplot(1, len(panels), index + 1)
        _barh(axes, counts, title, COLOURS[index % len(COLOURS)])
        axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    alt = " and ".join(title for title, _ in panels)
    return f'<img alt="{escape(alt)}" src="data:image/png;base64,{_png(figure)}">'


def _section_kinds(kinds: dict[str, dict[str, int]]) -> str:
    counts = {KIND_NAMES.get(k, k): v["sections"] for k, v in kinds.items()}
    chart = _chart(lambda axes: _barh(axes, counts, "Sections (and subsections) by kind"), _bar_height(counts), "kinds")
    rows = [(KIND_NAMES.get(k, k), v["sections"], v["articles"]) for k, v in kinds.items()]
    table = _table(["kind", "sections", "articles with one"], rows)
    return _section("Section kinds", chart, "A subsection without a kind of its own inherits its parent's.", table)


def _body_length(lengths: dict[str, Any]) -> str:
    histogram = lengths["histogram"]

    def draw(axes: Axes) -> None:
        if not histogram["counts"]:
            _empty(axes, "no articles")
            return
        edges = histogram["edges"]
        axes.stairs(histogram["counts"], edges, fill=True, color=COLOURS[0])
        axes.set_xlabel("body length (characters)")
        axes.set_ylabel("articles")
        if "median" in lengths:
            axes.axvline(lengths["median"], color=COLOURS[1], linestyle="--", label=f"median {lengths['median']:g}")
            axes.legend(frameon=False)

    keys = ("count", "min", "p25", "median", "p75", "max", "mean")
    table = _table(list(keys), [[lengths.get(k, "") for k in keys]])
    return _section("Body length", _chart(draw, 3.0, "body length histogram"), "", table)


def _coverage(coverage: dict[str, dict[str, float]]) -> str:
    shares = {field: value["share"] for field, value in coverage.items()}
    chart = _chart(
        lambda axes: _barh(axes, shares, "Share of articles with a value", COLOURS[2], percent=True),
        _bar_height(shares),
        "field coverage",
    )
    note = "A field counts as present when it is not null and not empty (an empty list or string is absent)."
    return _section("Field coverage", chart, note)


def _duplicates(duplicates: dict[str, Any]) -> str:
    names: dict[str, str] = duplicates["reason_names"]
    by_month: dict[str, dict[str, int]] = duplicates["by_month"]
    reasons = list(names)

    def draw(axes: Axes) -> None:
        if not by_month:
            _empty(axes, "no duplicates")
            return
        months = list(by_month)
        bottom = [0] * len(months)
        for index, reason in enumerate(reasons):
            values = [by_month[m].get(reason, 0) for m in months]
            colour = COLOURS[index % len(COLOURS)]
            axes.bar(months, values, bottom=bottom, label=drawable(names[reason]), color=colour, width=0.6)
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        _few_columns(axes, len(months))
        axes.set_ylabel("duplicates")
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        axes.legend(frameon=False, loc="upper left", bbox_to_anchor=(1, 1))

    totals = _table(["reason", "duplicates"], [(names[r], n) for r, n in duplicates["by_reason"].items()])
    by_run = _table(
        ["run", *(names[r] for r in reasons)],
        [(run, *(counts.get(r, 0) for r in reasons)) for run, counts in duplicates["by_run"].items()],
    )
    similarity = duplicates["near_similarity"]
    note = (
        "Over time: by the month of the article duplicated (its <code>published</code>, UTC; <i>unknown</i> "
        "when it has none), and by the run that recorded them. Reasons: <i>exact</i> = same normalised body, "
        "<i>near</i> = near-duplicate body, <i>same canonical</i> = a copy whose canonical URL is an exported article."
    )
    if similarity.get("count"):
        note += (
            f" Near duplicates: {similarity['count']}, similarity {similarity['min']:.2f}–{similarity['max']:.2f}"
            f" (median {similarity['median']:.2f})."
        )
    return _section("Duplicates", _chart(draw, 3.0, "duplicates by month and reason"), note, totals, by_run)


def _failed(failed: dict[str, Any]) -> str:
    by_reason: dict[str, int] = failed["by_reason"]
    if not failed["by_run"]:
        return _section("Failed pages", "", "No run report or stats file among the inputs.")
    chart = _chart(
        lambda axes: _barh(axes, by_reason, "Failed pages by reason", COLOURS[3]), _bar_height(by_reason), "failed"
    )
    rows = [(run, ", ".join(f"{r} {n}" for r, n in found.items()) or "none") for run, found in failed["by_run"].items()]
    note = (
        "Failed URLs of each run, each URL once by its final reason, as in <code>report.json</code> "
        "(<code>crawl/failed/&lt;reason&gt;</code>): <code>http_&lt;status&gt;</code> responses, download "
        "errors after their retries, <code>skipped/&lt;reason&gt;</code> pages the parser could not read, "
        "requests ignored as too large; a missing robots.txt is not a failure. Runs from before 0.2 count "
        "their skipped pages and ignored requests instead."
    )
    return _section("Failed pages", chart, note, _table(["run", "failed pages"], rows))


def _most_duplicated(rows: list[dict[str, Any]], names: dict[str, str]) -> str:
    body = [
        (
            index,
            row["title"] or "(not among the articles)",
            f'<a href="{escape(row["url"])}">{escape(row["url"])}</a>',
            row["copies"],
            ", ".join(f"{names.get(r, r)} {n}" for r, n in row["by_reason"].items()),
        )
        for index, row in enumerate(rows, start=1)
    ]
    table = _table(["#", "title", "url", "copies", "by reason"], body, raw_columns=frozenset({2}))
    return _section(f"The {len(rows)} most duplicated articles", "", "", table if rows else "<p>No duplicates.</p>")


def _nothing_exported(numbers: dict[str, Any]) -> str:
    if numbers["totals"]["articles"]:
        return ""
    return (
        '<p class="note"><b>No articles in these runs.</b> Nothing was exported: on a scheduled run this is '
        "what an unchanged site gives (its pages answered 304 or were unchanged); the failed pages below say "
        "whether anything went wrong.</p>"
    )


def _skipped(skipped: dict[str, Any]) -> str:
    count, listed = skipped["count"], skipped["records"]
    if not count:
        return ""
    note = (
        f"{count} records skipped: these lines of the inputs are not records the loader can read (not JSON, "
        "not an object, a field of the wrong type) and are left out of every number above and below"
        + (f"; the first {len(listed)} are listed." if len(listed) < count else ".")
    )
    return _section("Records skipped", "", note, _table(["file:line: problem"], [(line,) for line in listed]))


# --- HTML pieces ----------------------------------------------------------------------------------


def _totals(numbers: dict[str, Any]) -> str:
    totals = numbers["totals"]
    cells = [
        ("articles", totals["articles"]),
        ("sites", totals["sites"]),
        ("duplicates", totals["duplicates"]),
        ("failed pages", sum(numbers["failed_pages"]["by_reason"].values())),
        ("runs with stats", totals["runs_with_stats"]),
    ]
    return '<div class="totals">' + "".join(f"<div><b>{v}</b>{escape(k)}</div>" for k, v in cells) + "</div>"


def _section(title: str, chart: str, note: str, *tables: str) -> str:
    note_html = f'<p class="note">{note}</p>' if note else ""
    return f"<h2>{escape(title)}</h2>\n{chart}\n{note_html}\n" + "\n".join(tables)


def _table(header: Sequence[str], rows: Iterable[Sequence[Any]], raw_columns: frozenset[int] = frozenset()) -> str:
    def cell(index: int, value: Any) -> str:
        if isinstance(value, int | float):
            return f'<td class="n">{value:g}</td>'
        return f"<td>{value if index in raw_columns else escape(str(value))}</td>"

    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(cell(i, v) for i, v in enumerate(row)) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
