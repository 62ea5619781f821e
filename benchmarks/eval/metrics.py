"""Per-page scores: title and date exact, body character P/R/F1, snippets, sections, related."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from benchmarks.eval.corpus import LabeledPage
from benchmarks.eval.extractors import Prediction

LOCAL = timezone(timedelta(hours=8))  # the labels' wall-clock dates are China time


def squeeze(text: str | None) -> str:
    """Text with all whitespace removed (how snippets and bodies are compared)."""
    return re.sub(r"\s+", "", text or "")


def _parse(value: str) -> tuple[datetime, bool]:
    """A label or prediction date as a datetime and whether it carries a time."""
    value = value.strip().replace("Z", "+00:00")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return datetime.fromisoformat(value), False
    moment = datetime.fromisoformat(value.replace(" ", "T"))
    if moment.tzinfo is not None:
        moment = moment.astimezone(LOCAL).replace(tzinfo=None)
    return moment, True


def date_matches(expected: str | None, predicted: str | None, with_time: bool) -> bool:
    """Same calendar day (China time); with ``with_time``, also the same minute when the label has one."""
    if not expected or not predicted:
        return expected == predicted or (not expected and not predicted)
    try:
        want, want_time = _parse(expected)
        got, got_time = _parse(predicted)
    except ValueError:
        return False
    if want.date() != got.date():
        return False
    if with_time and want_time:
        return got_time and want.replace(second=0) == got.replace(second=0)
    return not (with_time and got_time and not want_time)


def char_prf(gold: str, predicted: str) -> tuple[float, float, float]:
    """Character precision, recall and F1 of a predicted body against the gold body."""
    gold_chars, pred_chars = Counter(squeeze(gold)), Counter(squeeze(predicted))
    common = sum((gold_chars & pred_chars).values())
    precision = common / sum(pred_chars.values()) if pred_chars else 0.0
    recall = common / sum(gold_chars.values()) if gold_chars else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def sections_outline(sections: list[dict] | None) -> list[dict]:
    return [
        {k: s.get(k) for k in ("label", "number", "heading", "kind", "text")}
        | {"subsections": sections_outline(s.get("subsections"))}
        for s in sections or []
    ]


@dataclass
class PageScore:
    title: bool
    date: bool
    datetime: bool
    body_prf: tuple[float, float, float] | None
    with_hits: int
    with_total: int
    without_hits: int
    without_total: int
    sections: bool | None
    related: bool | None
    author: bool | None = None  # None: the label does not say
    lost: bool = False
    mojibake: bool = False
    page_type: bool | None = None  # None: the label does not say, or the extractor gives none


# Mojibake: a replacement character, or Latin-1 letters making up this share of the visible
# characters (GBK or UTF-8 bytes decoded as Latin-1/cp1252 give mostly U+00C0–U+00FF; Chinese text
# has almost none, and accented names in an article stay far below it).
MOJIBAKE_LATIN1_SHARE = 0.05
_LATIN1_LETTERS = re.compile("[\u00c0-\u00ff]")


def is_mojibake(text: str) -> bool:
    """True when ``text`` shows signs of a wrong decoding (see :data:`MOJIBAKE_LATIN1_SHARE`)."""
    visible = "".join(text.split())
    if "\ufffd" in visible:
        return True
    return bool(visible) and len(_LATIN1_LETTERS.findall(visible)) / len(visible) >= MOJIBAKE_LATIN1_SHARE


def score_page(page: LabeledPage, pred: Prediction) -> PageScore:
    body = squeeze(pred.body)
    gold_body = page.expected.get("body")
    gold_sections = page.expected.get("sections")
    gold_related = page.expected.get("related")
    return PageScore(
        title=(pred.title or "").strip() == (page.title or "").strip(),
        date=date_matches(page.published, pred.published, with_time=False),
        datetime=date_matches(page.published, pred.published, with_time=True),
        body_prf=char_prf(gold_body, pred.body) if gold_body is not None else None,
        with_hits=sum(1 for s in page.with_snippets if squeeze(s) in body),
        with_total=len(page.with_snippets),
        without_hits=sum(1 for s in page.without_snippets if squeeze(s) not in body),
        without_total=len(page.without_snippets),
        sections=(
            None
            if gold_sections is None or pred.sections is None
            else sections_outline(pred.sections) == sections_outline(gold_sections)
        ),
        related=None if gold_related is None or pred.related is None else pred.related == gold_related,
        author=(squeeze(pred.author) == squeeze(page.author)) if page.author_labeled else None,
        lost=pred.lost,
        mojibake=is_mojibake(f"{pred.title or ''}\n{pred.body}"),
        page_type=None if page.page_type is None or pred.page_type is None else pred.page_type == _kind(page.page_type),
    )


def _kind(label: str) -> str:
    """A labeled page type in the record's terms (a news page is an article)."""
    return "article" if label == "news" else label
