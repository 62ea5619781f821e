"""Related reading (相关阅读): where its blocks are, and their entries as structured links — on pages
with or without a profile, and in text dumps. Entries never become part of the body.

* :func:`find_related_blocks`: the list that follows a 相关阅读-style heading on any layout;
* :func:`profile_entry`: one entry by a profile's selectors;
* :func:`block_entries`: the entries of a block no profile describes, read as lines: a line that
  starts with a link's text starts an entry (title + URL); the lines after it, up to the next title,
  are its summary, less the metadata lines (dates, authors, read and comment counts) feeds carry;
* :func:`text_entries`: the entries after the heading in a text dump.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from lxml.html import HtmlElement

from scraper.items import RelatedEntry
from scraper.parsing.blocks import element_lines, elements_lines, link_text_length, selected_text, text_length
from scraper.parsing.content import PARAGRAPH_TAGS, in_link_list, is_inside, useful_length
from scraper.parsing.dates import find_dates
from scraper.parsing.relative_dates import has_relative_date
from scraper.profiles import RelatedSelectors
from scraper.profiles.selectors import first_value, select, select_elements
from scraper.text.hanzi import simplified
from scraper.text.normalize import clean_line, comparison_key

# Headings that introduce a related-reading block, on pages and in text dumps.
RELATED_HEADINGS = (
    "相关阅读", "相关文章", "延伸阅读", "推荐阅读", "相关推荐", "相关内容", "相关链接", "更多报道", "相关报道",
    "相关新闻", "更多阅读",
)  # fmt: skip


# Link texts shorter than this are authors, tags or "更多", not article titles (失眠怎么办 is one).
MIN_TITLE_CHARS = 5
# A line this short that carries a date or a counter is metadata, not an excerpt.
MAX_META_LINE_CHARS = 40
# Buttons of a feed: 加载更多, 查看更多>>, 换一换, 展开全文.
_CONTROL = re.compile(r"^(?:加载|查看|点击|阅读)?更多.{0,6}$|^换一[换批]$|^展开(?:全文)?$|^[>»]+$")
_COUNTER = re.compile(r"\d+(?:\.\d+)?\s*万?\s*(?:阅读|评论|浏览|点赞|收藏|次|赞|人)|(?:阅读|评论|浏览)\s*[:：]?\s*\d")


# A related-reading title is a short line without sentence punctuation at its end.
MAX_RELATED_TITLE_CHARS = 40
_SENTENCE_END = re.compile(r"[。！？!?，,；;：:）)…]$")

def is_related_heading(text: str) -> bool:
    """True for a short heading line like ``XX相关阅读`` (or ``延伸閱讀``)."""
    text = simplified(text.strip())
    return len(text) <= 60 and any(text.endswith(h) or text.startswith(h) for h in RELATED_HEADINGS)


def make_entry(title: str, url: str | None, summary_lines: list[str]) -> RelatedEntry:
    """An entry whose summary lost a leading repeat of the title (``标题:``)."""
    title = clean_line(title)
    lines = [line for line in (clean_line(raw) for raw in summary_lines) if line]
    if lines:
        first = lines[0]
        if comparison_key(first) == comparison_key(title):
            lines = lines[1:]
        elif first.startswith(title):
            rest = re.sub(r"^[:：\s]+", "", first[len(title) :])
            if rest != first[len(title) :]:
                lines[0:1] = [rest] if rest else []
    return {"title": title, "url": url, "summary": "\n".join(lines) or None}


def profile_entry(item: HtmlElement, rel: RelatedSelectors, base_url: str) -> RelatedEntry | None:
    """One entry by a profile's ``[related]`` selectors, or None when the item has no title."""
    title = selected_text(select(item, rel.title)) if rel.title else ""
    href = first_value(item, rel.url).strip() if rel.url else ""
    if not title:
        return None
    url = urljoin(base_url, href) if href and not href.startswith(("javascript:", "#")) else None
    summary = elements_lines(select_elements(item, rel.summary)) if rel.summary else []
    return make_entry(title, url, summary if rel.summary else [])


def find_related_blocks(root: HtmlElement) -> list[HtmlElement]:
    """Related-reading blocks: the list that follows a 相关阅读-style heading."""
    blocks: list[HtmlElement] = []
    for el in root.iter("h1", "h2", "h3", "h4", "h5", "h6", "div", "span", "p", "strong", "b", "dt", "em", "td", "th"):
        if len(el) > 3:
            continue
        own = "".join((el.text or "").split()) or "".join(el.text_content().split())
        if not own or len(own) > 60 or not is_related_heading(own):
            continue
        block = _flat_block(el)
        if block is None:
            block = _list_container(el)
        if block is not None and block not in blocks and not is_inside(block, set(blocks)):
            blocks.append(block)
    return blocks


# A link row: this share of its text (or more) is link text.
MIN_LINK_ROW_SHARE = 0.6
# A row before the heading with this much non-link text makes the heading part of the article's flow.
MIN_PROSE_ROW_CHARS = 20
FLAT_BLOCK_CLASS = "healthscrape-related"
# A flat heading is a heading alone in its row (更多报道, 相关阅读：), no links.
MAX_FLAT_HEADING_CHARS = 12


def _flat_block(heading: HtmlElement) -> HtmlElement | None:
    """A flat layout (the heading one paragraph among the article's, one link paragraph per entry after
    it): wrap the heading's row and the link rows after it in an element of their own, and return it.
    None when the element holds more than a heading, the heading does not follow the article's prose, or
    no link row follows it."""
    if any(True for _ in heading.iter("a")) or text_length(heading) > MAX_FLAT_HEADING_CHARS:
        return None
    row = heading
    while (parent := row.getparent()) is not None and len(parent) == 1 and parent.tag not in ("body", "html"):
        row = parent
    parent = row.getparent()
    if parent is None or parent.tag in ("html",):
        return None
    if not any(useful_length(before) >= MIN_PROSE_ROW_CHARS for before in row.itersiblings(preceding=True)):
        return None
    links = []
    for sibling in row.itersiblings():
        length = text_length(sibling)
        if length == 0 and not len(sibling):
            continue
        if length == 0 or link_text_length(sibling) < MIN_LINK_ROW_SHARE * length:
            break
        links.append(sibling)
    if not links:
        return None
    wrapper = row.makeelement("div", {"class": FLAT_BLOCK_CLASS})
    row.addprevious(wrapper)
    for moved in (row, *links):
        wrapper.append(moved)  # lxml moves the element, its tail text with it
    return wrapper


# A related block holds links (and short summaries), not the article: more than this
# much text outside its list items means the climb went too far.
MAX_RELATED_PROSE_CHARS = 400


def _list_container(heading: HtmlElement, max_levels: int = 3) -> HtmlElement | None:
    """The nearest ancestor of a heading that also holds the list of links after it."""
    node = heading.getparent()
    for _ in range(max_levels):
        if node is None or node.tag in ("body", "html") or _holds_article(node):
            return None
        if any(True for _ in node.iter("li")) or sum(1 for _ in node.iter("a")) >= 2:
            return node
        node = node.getparent()
    return None


def _holds_article(node: HtmlElement) -> bool:
    if any(True for _ in node.iter("h1")):
        return True
    prose = sum(useful_length(p) for p in node.iter(*PARAGRAPH_TAGS) if not in_link_list(p))
    return prose > MAX_RELATED_PROSE_CHARS


def is_meta_line(line: str) -> bool:
    """True for a feed's metadata line (``李静 · 2.4万阅读``, ``2020-04-30``, ``3天前``) or button."""
    if len(line) > MAX_META_LINE_CHARS:
        return False
    return bool(
        _CONTROL.match(line) or _COUNTER.search(line) or find_dates(line) or has_relative_date(line) or "·" in line
    )


def _first_title(line: str, titles: list[str]) -> tuple[int, str] | None:
    """The earliest link title in the line (the longest one where several start there)."""
    hits = [(line.find(t), -len(t), t) for t in titles if t in line]
    if not hits:
        return None
    at, _, title = min(hits)
    return at, title


def block_entries(block: HtmlElement, base_url: str) -> list[RelatedEntry]:
    """Entries of a related-reading block, in page order."""
    links: dict[str, str | None] = {}
    for a in block.iter("a"):
        text, href = clean_line(a.text_content()), (a.get("href") or "").strip()
        if len(text) >= MIN_TITLE_CHARS and text not in links:
            usable = href and not href.startswith(("javascript:", "#"))
            links[text] = urljoin(base_url, href) if usable else None
    titles = sorted(links, key=len, reverse=True)
    entries: list[tuple[str, list[str]]] = []
    for line in element_lines(block):
        if is_related_heading(line):
            continue
        # A line may hold several titles (bare links in a row), a date before its title, or
        # repeat the current title ("标题:") at the start of its summary.
        while (found := _first_title(line, titles)) is not None:
            at, title = found
            if entries and entries[-1][0] == title and at == 0:
                break
            if at and entries:
                entries[-1][1].append(line[:at].strip())
            entries.append((title, []))
            line = line[at + len(title) :].strip()
        if entries and line:
            entries[-1][1].append(line)
    result = []
    for title, lines in entries:
        summary = [line for line in lines if line and not is_meta_line(line)]
        result.append(make_entry(title, links[title], summary))
    return result


def _is_related_title(line: str, next_line: str | None) -> bool:
    if next_line is not None and re.sub(r"[:：]$", "", next_line) == line:
        return True
    return len(line) <= MAX_RELATED_TITLE_CHARS and not _SENTENCE_END.search(line)


def text_entries(lines: list[str]) -> list[RelatedEntry]:
    """Entries of a related-reading block in a text dump: the lines after its heading, a title line and
    the summary lines under it."""
    entries: list[RelatedEntry] = []
    title: str | None = None
    summary: list[str] = []
    for i, line in enumerate(lines):
        next_line = lines[i + 1] if i + 1 < len(lines) else None
        repeats_title = title is not None and re.sub(r"[:：]$", "", line) == title
        if not repeats_title and _is_related_title(line, next_line):
            if title is not None:
                entries.append(make_entry(title, None, summary))
            title, summary = line, []
        elif title is not None:
            summary.append(line)
    if title is not None:
        entries.append(make_entry(title, None, summary))
    return entries
