"""A second opinion on the main content where ours is doubtful: trafilatura's main text, kept by a measured rule.

Our scorer (:mod:`scraper.parsing.content`) decides the body alone. Where its choice is doubtful
(:func:`doubt`) — no body, a body much shorter than the page's text, a body that reads like a comment
list or a list of links — trafilatura is asked for its main text (:func:`ask_trafilatura`), and
:func:`choose` keeps the better of the two. Everything else in the record (title, date, author, …)
stays ours; only the body lines and their images can come from the second opinion.

The thresholds below were calibrated on the development pages only: the labeled corpus
(``benchmarks/eval/corpus``), the saved pages (``tests/fixtures/pages``), the field reports and the
per-kind pages (``benchmarks/eval/kinds-heldout``), and the pages written for this rule
(``tests/fixtures/second_opinion``). The held-out real pages (``benchmarks/eval/incoming``) were
measured once, after the rule was fixed.
"""

from __future__ import annotations

import importlib.util
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Any
from urllib.parse import urljoin

from lxml import etree
from lxml.html import HtmlElement

from scraper.parsing.images import LAZY_IMAGE_ATTRS
from scraper.text.boilerplate import is_boilerplate
from scraper.text.normalize import cjk_ratio, clean_line, comparison_key

LOGGER = logging.getLogger(__name__)

# --- the doubt rule ----------------------------------------------------------------------------

# Our body is doubtful when it holds less than this share of the page's visible text (characters,
# related blocks and comment threads left out). Calibrated on the 175 HTML development pages: the right
# bodies hold 0.06–0.92 of their page (real portal pages with big menus go as low as 0.06: gne-163-2 0.06,
# gne-hexun-1 0.13, gne-guancha-3 0.22, htmldate-1500260110 0.23), the two wrong ones 0.15 (an
# encyclopedia entry of which we kept one part of six) and 0.22 (a Q&A page of which we kept one answer of
# two, without the question). 0.25 asks on those 6 pages; the choice rule keeps ours on the 4 right ones.
MIN_BODY_SHARE = 0.25
# A body line that is mostly link text (this share of its characters or more) is a link line.
LINK_LINE_SHARE = 0.8
# Our body is a list of links when this share of its lines are link lines (the development pages'
# bodies have none, and at most 0.1 of their characters are link text; a 猜你喜欢 list of titles with
# excerpts has every other line a link: 0.46).
MAX_LINK_LINES = 0.3
# Comment furniture: a short line that is a name and a time (``健康小达人 2024-04-02 11:20``, ``3楼 2小时前``)
# or nothing but actions and counts (``回复 | 赞(12)``, ``举报``).
COMMENT_LINE_CHARS = 40
_TIME = (
    r"(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|\d{1,2}[-/月]\d{1,2}日?\s+\d{1,2}:\d{2}|\d{1,2}:\d{2}|\d+\s*(?:秒|分钟|小时|天|周|个月)前|刚刚|昨天|前天)"
)
_COMMENT_META = re.compile(
    rf"^(?:\S{{1,20}}\s+)?(?:\d+\s*楼\s*)?(?:发表于|回复于|评论于)?\s*{_TIME}\s*(?:发表|回复|评论|来自\S{{0,10}})?$"
)
_COMMENT_ACTIONS = re.compile(r"^(?:回复|赞|顶|踩|举报|引用|删除|点赞|评论|[|｜·\s]|[(（\[]?\d+[)）\]]?)+$")
_FLOOR = re.compile(r"^(?:\d+\s*楼|沙发|板凳|地板)(?:\s|$)")
# Our body reads like a comment list when this share of its lines are comment furniture (the
# development pages' bodies: at most 0.04; a comment list with names, times and action bars: 0.63).
MAX_COMMENT_LINES = 0.3


class Doubt(StrEnum):
    """Why our choice of the body is doubtful."""

    NO_BODY = "no_body"  # no container, or less text than an article needs
    SHORT = "short"  # much less text than the page shows
    COMMENTS = "comments"  # the lines read like a comment list
    LINKS = "links"  # the lines are mostly links


def link_share(line: str, link_keys: Sequence[str]) -> float:
    """Share of the line's characters (comparison key) that are the text of one of the links."""
    key = comparison_key(line)
    if not key:
        return 0.0
    covered = sum(len(k) for k in link_keys if k and k in key)
    return min(covered, len(key)) / len(key)


def is_comment_furniture(line: str) -> bool:
    """True for a comment's name-and-time line or its action bar (see :data:`COMMENT_LINE_CHARS`)."""
    text = line.strip()
    if not text or len(text) > COMMENT_LINE_CHARS:
        return False
    return bool(_COMMENT_META.match(text) or _COMMENT_ACTIONS.match(text) or _FLOOR.match(text))


def chars(lines: Sequence[str]) -> int:
    """Characters of the lines, whitespace left out."""
    return sum(len("".join(line.split())) for line in lines)


def doubt(lines: Sequence[str], link_keys: Sequence[str], page_chars: int, min_chars: int) -> Doubt | None:
    """Why our body ``lines`` are doubtful, or None when they are not.

    ``link_keys``: comparison keys of the link texts inside our container; ``page_chars``: the page's
    visible characters (related blocks and comment threads left out); ``min_chars``: what an article needs.
    """
    body = chars(lines)
    if body < min_chars:
        return Doubt.NO_BODY
    if sum(1 for line in lines if is_comment_furniture(line)) >= MAX_COMMENT_LINES * len(lines):
        return Doubt.COMMENTS
    if sum(1 for line in lines if link_share(line, link_keys) >= LINK_LINE_SHARE) >= MAX_LINK_LINES * len(lines):
        return Doubt.LINKS
    if page_chars and body < MIN_BODY_SHARE * page_chars:
        return Doubt.SHORT
    return None


# --- asking trafilatura ------------------------------------------------------------------------

# trafilatura's options, measured on the development pages (body F1 against the 63 hand-checked bodies, and
# the labels' with/without snippets on 105 labeled pages): comments never (ours are left out already); tables
# kept (a table-layout body would be lost); favour neither precision nor recall: favor_precision lost the
# article on 2 of the 13 real corpus pages (it kept a disclaimer or a menu instead), favor_recall kept the most
# unwanted text (96 "without" snippets, 82 by default). On the doubtful pages all of these choices led to
# the same decisions. Links and images are asked for: the choice reads link text, the record keeps images.


def _options(url: str) -> Any:
    """trafilatura's extraction options (one ``Extractor`` object, see above)."""
    from trafilatura.settings import Extractor

    return Extractor(
        output_format="python",
        comments=False,
        tables=True,
        links=True,
        images=True,
        precision=False,
        recall=False,
        dedup=False,  # its cache lives across documents: never across a crawl (NOTES.md)
        url=url,
    )


# trafilatura's output elements that start a line of their own; a table cell is joined to its row by a space.
_LINE_TAGS = frozenset(("p", "head", "item", "row", "quote", "code", "list", "table", "lb", "graphic"))


@dataclass
class Candidate:
    """A body candidate: its lines, the comparison keys of its link texts and its image URLs."""

    lines: list[str]
    link_keys: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)


def _output_lines(body: etree._Element) -> tuple[list[str], list[str], list[str]]:
    """trafilatura's output tree as clean lines, its link texts (keys) and its image sources."""
    parts: list[str] = []
    links: list[str] = []
    images: list[str] = []

    def walk(el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "ref":
            links.append(comparison_key("".join(el.itertext())))
        elif tag == "graphic" and el.get("src"):
            images.append(el.get("src", ""))
        breaks = tag in _LINE_TAGS
        parts.append("\n" if breaks else "")
        parts.append(el.text or "")
        for child in el:
            walk(child)
            parts.append(child.tail or "")
        parts.append("\n" if breaks else (" " if tag == "cell" else ""))

    walk(body)
    lines = [line for line in (clean_line(part) for part in "".join(parts).split("\n")) if line]
    return lines, [key for key in links if key], images


def available() -> bool:
    """True when trafilatura is installed (the ``second-opinion`` extra)."""
    return importlib.util.find_spec("trafilatura") is not None


def ask_trafilatura(root: HtmlElement, url: str, leave_out: Sequence[HtmlElement] = ()) -> Candidate | None:
    """trafilatura's main text of the page (``root``: our tree, hidden parts already removed), with the
    elements ``leave_out`` (our comment threads and related blocks, and a container we doubt) left out of
    what it is shown; None when it finds nothing. Never raises: a failure is no second opinion."""
    import trafilatura  # imported on first use (~0.2 s): only doubtful pages need it

    try:
        # trafilatura works on its own copy of the tree and removes these paths from it one after the other:
        # last first, so that a removal never shifts the index of a path still to come (div[3] → div[2]).
        wanted = set(leave_out)
        tree = root.getroottree()
        prune = [tree.getpath(el) for el in reversed([el for el in root.iter() if el in wanted])]
        document = trafilatura.bare_extraction(root, options=_options(url), prune_xpath=prune or None)
    except Exception:  # trafilatura's own bugs must not lose the page: our body stands
        LOGGER.debug("trafilatura failed on %s", url, exc_info=True)
        return None
    body = getattr(document, "body", None)
    if body is None:
        return None
    lines, links, images = _output_lines(body)
    return Candidate(lines, links, images) if lines else None


# --- the choice rule ---------------------------------------------------------------------------

# A prose line: at least this many characters, a sentence end among them, mostly Chinese, not a teaser
# cut short (``…``), not mostly link text, not comment furniture nor boilerplate.
MIN_PROSE_LINE_CHARS = 10
_SENTENCE_END = re.compile(r"[。！？!?；]")
_TEASER_END = re.compile(r"(?:\.\.\.|…+|\.{2,})\s*$")
MIN_PROSE_CJK = 0.3
# trafilatura's text is article-like when this share of its characters are prose lines (the development
# pages where it found the article: 0.98–1.0; on the list and tag pages its text holds no prose at all,
# only titles, dates and excerpts cut short).
MIN_PROSE_SHARE = 0.6
# Where our body is a part of trafilatura's (SHORT), its text must hold this share of our body's
# characters (line by line; the development pages where it does: 0.92–1.0)…
MIN_COVER = 0.9
# … and add prose of at least this many characters and at least this share of ours (the development
# pages: the two wrong bodies gain 271 and 523 characters of prose, 1.9× and 3.8× theirs; of the right
# ones, three gain nothing and gne-hexun-1 a 95-character 【免责声明】, 0.75× its 126; a page written
# with a 热点推荐 list of full-sentence excerpts gains 5 excerpts, which are no prose, see PageText.entries).
MIN_ADDED_PROSE = 100
MIN_ADDED_SHARE = 1.0
# Where trafilatura's text replaces ours (NO_BODY, COMMENTS, LINKS), it must start this close after the
# headline (characters of page text between them: an info bar, a summary, tabs; 15–23 on the pages written
# for this rule). Generous: it only stops a text found far from the headline (a footer, a sidebar).
MAX_HEADLINE_GAP = 300


def is_page_link(href: str | None) -> bool:
    """True for a link to another page (not an in-page anchor ``#part`` nor a script)."""
    href = (href or "").strip().lower()
    return bool(href) and not href.startswith(("#", "javascript:"))


@dataclass(frozen=True)
class PageText:
    """What the choice needs of the page: its visible lines (related blocks and comment threads left
    out), the comparison keys of all its link texts, and its headline's key ("" without one)."""

    lines: Sequence[str]
    link_keys: frozenset[str] = frozenset()
    headline: str = ""

    @cached_property
    def key(self) -> str:
        return comparison_key("".join(self.lines))

    @cached_property
    def entries(self) -> frozenset[str]:
        """Keys of the lines that come right after a line that is all link text: the excerpts of a list's
        entries (``<a>title</a><p>excerpt</p>``), never an article's paragraphs."""
        keys = [comparison_key(line) for line in self.lines]
        return frozenset(key for previous, key in zip(keys, keys[1:], strict=False) if previous in self.link_keys)


def is_prose(line: str, link_keys: Sequence[str], entries: frozenset[str] = frozenset()) -> bool:
    """True for a line of running text (see :data:`MIN_PROSE_LINE_CHARS`); an entry's excerpt (``entries``:
    :attr:`PageText.entries`) is none."""
    text = "".join(line.split())
    return (
        len(text) >= MIN_PROSE_LINE_CHARS
        and comparison_key(text) not in entries
        and bool(_SENTENCE_END.search(text))
        and not _TEASER_END.search(text)
        and cjk_ratio(text) >= MIN_PROSE_CJK
        and link_share(text, link_keys) < LINK_LINE_SHARE / 2
        and not is_comment_furniture(line)
        and not is_boilerplate(line)
    )


def trimmed(candidate: Candidate, entries: frozenset[str] = frozenset()) -> list[str]:
    """The candidate's lines from its first prose line to its last (menus, headline, info bar and footer
    that trafilatura keeps around an article left out)."""
    prose = [i for i, line in enumerate(candidate.lines) if is_prose(line, candidate.link_keys, entries)]
    return candidate.lines[prose[0] : prose[-1] + 1] if prose else []


def prose_chars(lines: Sequence[str], link_keys: Sequence[str], entries: frozenset[str] = frozenset()) -> int:
    return chars([line for line in lines if is_prose(line, link_keys, entries)])


def article_like(
    lines: Sequence[str], link_keys: Sequence[str], min_chars: int, entries: frozenset[str] = frozenset()
) -> bool:
    """True for lines that read as an article: enough prose, mostly prose, not a comment list."""
    prose = prose_chars(lines, link_keys, entries)
    total = chars(lines)
    return (
        prose >= min_chars
        and prose >= MIN_PROSE_SHARE * total
        and sum(1 for line in lines if is_comment_furniture(line)) < MAX_COMMENT_LINES * len(lines)
    )


def covered_share(ours: Sequence[str], theirs: Sequence[str]) -> float:
    """Share of our lines' characters whose line is found in their text (comparison keys)."""
    their_key = comparison_key("".join(theirs))
    keys = [comparison_key(line) for line in ours]
    total = sum(map(len, keys))
    return sum(len(key) for key in keys if key in their_key) / total if total else 0.0


def headline_gap(page: PageText, first_line: str) -> int | None:
    """Characters of page text between the end of the headline and the start of ``first_line`` (the
    headline's last mention before the line: a trail may name it first); None when either is not found,
    or the line comes before the headline."""
    line_key = comparison_key(first_line)[:20]
    if not page.headline or not line_key:
        return None
    for at in _find_all(page.key, line_key):
        start = page.key.rfind(page.headline, 0, at)
        if start >= 0:
            return at - start - len(page.headline)
    return None


def _find_all(text: str, part: str) -> list[int]:
    """Where ``part`` starts in ``text``, each time."""
    found, at = [], text.find(part)
    while at >= 0:
        found.append(at)
        at = text.find(part, at + 1)
    return found


@dataclass
class SecondOpinion:
    """What was asked and what was kept: ``lines``/``images`` are trafilatura's, used when ``taken``."""

    doubt: Doubt
    taken: bool
    lines: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)


def choose(
    doubt: Doubt, ours: Sequence[str], theirs: Candidate | None, min_chars: int, page: PageText
) -> SecondOpinion:
    """Keep our body or take trafilatura's (``theirs``), by the rule for the doubt:

    * NO_BODY, COMMENTS, LINKS (trafilatura was shown the page without our container): theirs when it
      reads as an article (:func:`article_like`) and starts right after the headline (when there is one);
    * SHORT: theirs when it holds ours (:data:`MIN_COVER`) and adds enough prose (:data:`MIN_ADDED_PROSE`).

    Prose is counted without the excerpts of list entries (:attr:`PageText.entries`).
    """
    if theirs is None:
        return SecondOpinion(doubt, taken=False)
    entries, keys = page.entries, theirs.link_keys
    # Its headline is ours (not body text).
    lines = [line for line in trimmed(theirs, entries) if comparison_key(line) != page.headline]
    if doubt is Doubt.SHORT:
        our_keys = {comparison_key(line) for line in ours}
        added = [line for line in lines if comparison_key(line) not in our_keys]
        taken = (
            covered_share(ours, lines) >= MIN_COVER
            and prose_chars(added, keys, entries) >= max(MIN_ADDED_PROSE, MIN_ADDED_SHARE * chars(ours))
            and article_like(lines, keys, min_chars, entries)
        )
    else:
        gap = headline_gap(page, lines[0]) if lines and page.headline else None
        near = not page.headline or (gap is not None and gap <= MAX_HEADLINE_GAP)
        taken = article_like(lines, keys, min_chars, entries) and near
    return SecondOpinion(doubt, taken, lines if taken else [], theirs.images if taken else [])


def kept_images(root: HtmlElement, sources: Sequence[str], base: str) -> list[HtmlElement]:
    """The ``<img>`` elements of our tree that trafilatura kept (``sources``: its image sources, any of
    an image's URL attributes may match), in its order."""
    wanted = [urljoin(base, src) for src in sources]
    by_url: dict[str, HtmlElement] = {}
    for img in root.iter("img"):
        for name in LAZY_IMAGE_ATTRS:
            value = (img.get(name) or "").strip()
            if value:
                by_url.setdefault(urljoin(base, value), img)
    kept: list[HtmlElement] = []
    for url in wanted:
        img = by_url.get(url)
        if img is not None and img not in kept:
            kept.append(img)
    return kept
