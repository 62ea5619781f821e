"""Generic main-content detection for pages no profile describes (text and link density)."""

from __future__ import annotations

import re
from collections import defaultdict

from lxml.html import HtmlElement

from scraper.parsing.blocks import element_hints, hint_tokens, link_text_length, text_length
from scraper.text.hanzi import simplified

# Elements whose text counts towards their parent's score.
PARAGRAPH_TAGS = ("p", "pre", "blockquote")
# Containers that may hold an article body.
CONTAINER_TAGS = frozenset(("div", "article", "section", "main", "td", "font", "span"))
# A container whose paragraphs hold fewer characters than this holds no article
# (a tag page's one-line description, a footer): calibrated on the sample site's
# tag and list pages (≤ 40) against its shortest article (≥ 300).
MIN_CONTENT_SCORE = 60
# A container whose text is more than this share of link text is navigation.
MAX_LINK_DENSITY = 0.5
# A paragraph shorter than this (characters, spaces excluded) adds nothing: it is
# a caption, a button or a date more often than body text.
MIN_PARAGRAPH_CHARS = 8
# Tags whose own text (outside child elements) counts as <br>-separated body text.
_OWN_TEXT_TAGS = frozenset(("div", "td", "section", "article", "font", "span"))
# Class/id words that mark what is not the article (comments, footers, widgets) and
# what usually is; a candidate's score is multiplied by the weight of its own or its
# nearest ancestors' hints (readability-style).
NEGATIVE_HINTS = (
    "comment",
    "cmt",
    "reply",
    "liuyan",
    "huifu",
    "review",
    "pinglun",
    "footer",
    "foot",
    "copyright",
    "sidebar",
    "side",
    "aside",
    "related",
    "recommend",
    "share",
    "nav",
    "menu",
    "header",
    "banner",
    "advert",
    "hot",
    "rank",
    "tags",
    "login",
    "guess",
    "like",
)
POSITIVE_HINTS = ("article", "content", "context", "text", "body", "post", "entry", "detail", "main", "story", "art")
NEGATIVE_WEIGHT = 0.2
POSITIVE_WEIGHT = 1.5
HINT_LEVELS = 3
# Paragraphs that follow the headline count this much more: comments and footers come later.
AFTER_TITLE_WEIGHT = 1.25


def _own_text_length(el: HtmlElement) -> int:
    own = (el.text or "") + "".join(child.tail or "" for child in el)
    return len("".join(own.split()))


def useful_length(el: HtmlElement) -> int:
    """Characters of the element's text that is not link text."""
    return text_length(el) - link_text_length(el)


def hint_weight(el: HtmlElement) -> float:
    """Score multiplier from the class/id words of the element and its nearest ancestors."""
    node: HtmlElement | None = el
    for _ in range(HINT_LEVELS):
        if node is None:
            break
        hints = element_hints(node)
        if any(word in hints for word in NEGATIVE_HINTS):
            return NEGATIVE_WEIGHT
        if any(word in hints for word in POSITIVE_HINTS):
            return POSITIVE_WEIGHT
        node = node.getparent()
    return 1.0


def find_main_content(
    root: HtmlElement,
    exclude: set[HtmlElement] | None = None,
    title: HtmlElement | None = None,
    whole: bool = True,
    min_score: float = MIN_CONTENT_SCORE,
) -> HtmlElement | None:
    """The element that holds the article body, or None when nothing looks like one.

    Each paragraph scores its text length (link text excluded) for its parent and
    half of it for its grandparent; text written straight into a container (``<br>``
    runs) scores for the container itself. The best-scoring container (of at least ``min_score``) wins;
    with ``whole``, the parent of the sibling blocks it is one of (see ``_whole_of_split``; a forum
    thread's posts are such blocks, and only its first post is the body).
    """
    exclude = exclude or set()
    scores: dict[HtmlElement, float] = defaultdict(float)

    def credit(target: HtmlElement | None, points: float) -> None:
        if target is not None and target.tag in CONTAINER_TAGS and not is_inside(target, exclude):
            scores[target] += points

    for el in root.iter(*PARAGRAPH_TAGS):
        if is_inside(el, exclude) or in_link_list(el):
            continue
        length = useful_length(el)
        if length < MIN_PARAGRAPH_CHARS:
            continue
        parent = el.getparent()
        credit(parent, length)
        credit(parent.getparent() if parent is not None else None, length / 2)
    for item in root.iter("li"):
        # An item of a list written into the body (not a list of links) is body text.
        if is_inside(item, exclude) or any(True for _ in item.iter("a")):
            continue
        length = useful_length(item)
        lst = item.getparent()
        if length >= MIN_PARAGRAPH_CHARS and lst is not None:
            credit(lst.getparent(), length)
    for el in root.iter(*_OWN_TEXT_TAGS):
        own = _own_text_length(el)
        if own >= MIN_PARAGRAPH_CHARS:
            credit(el, own)
            credit(el.getparent(), own / 2)
    after_title = _elements_after(root, title)
    candidates = [el for el in scores if scores[el] >= min_score and _link_density(el) <= MAX_LINK_DENSITY]

    def weighted(el: HtmlElement) -> float:
        return scores[el] * hint_weight(el) * (AFTER_TITLE_WEIGHT if el in after_title else 1.0)

    best = max(candidates, key=weighted, default=None)
    if best is None:
        return None
    return _whole_of_split(best, exclude) if whole else best


# Text of a split body's parent outside its parts (an ad, a caption), at most this share of the parts'.
MAX_SPLIT_GAP_SHARE = 0.2


# How far above the best container a split body's parts may sit (an entry's part: ``div.part > div.con``).
MAX_SPLIT_LEVELS = 2


def _whole_of_split(best: HtmlElement, exclude: set[HtmlElement]) -> HtmlElement:
    """The parent of the blocks a body is split into, when ``best`` or its parent is one of several
    sibling blocks alike (same tag and class, each with paragraphs): the parts of an article around an
    ad or an image, the answers of a Q&A page, the headed parts of an encyclopedia entry. Else ``best``."""
    part = best
    for _ in range(MAX_SPLIT_LEVELS):
        whole = _parent_of_parts(part, exclude)
        if whole is not None:
            return whole
        parent = part.getparent()
        if parent is None or part.get("class") is None and part is not best:
            break
        part = parent
    return best


def _parent_of_parts(part: HtmlElement, exclude: set[HtmlElement]) -> HtmlElement | None:
    parent = part.getparent()
    if parent is None or parent.tag in ("body", "html") or is_inside(parent, exclude):
        return None
    signature = (part.tag, part.get("class"))
    parts = [
        child
        for child in parent
        if child is not part
        and (child.tag, child.get("class")) == signature
        and not is_inside(child, exclude)
        and any(useful_length(p) >= MIN_PARAGRAPH_CHARS for p in child.iter(*PARAGRAPH_TAGS))
    ]
    if not parts:
        return None
    inside = sum(text_length(p) for p in (part, *parts))
    return parent if text_length(parent) - inside <= MAX_SPLIT_GAP_SHARE * inside else None


def _elements_after(root: HtmlElement, title: HtmlElement | None) -> set[HtmlElement]:
    """Elements that start after the headline in document order (empty without a headline)."""
    if title is None:
        return set()
    after: set[HtmlElement] = set()
    seen = False
    for el in root.iter():
        if el is title:
            seen = True
        elif seen:
            after.add(el)
    return after | {a for a in title.iterancestors()}


# The longest text (characters) of one entry of a link list (title + excerpt + metadata).
MAX_LIST_ENTRY_CHARS = 400


def in_link_list(el: HtmlElement, max_levels: int = 3) -> bool:
    """True for the excerpt of a list entry (``<li><a>title</a><p>excerpt</p></li>``)."""
    node = el.getparent()
    for _ in range(max_levels):
        if node is None:
            return False
        if node.tag == "li":
            # A list entry is short; an <li> holding a long text is page layout (ul/li columns).
            return text_length(node) <= MAX_LIST_ENTRY_CHARS and any(True for _ in node.iter("a"))
        node = node.getparent()
    return False


def _link_density(el: HtmlElement) -> float:
    total = text_length(el)
    return link_text_length(el) / total if total else 1.0


def is_inside(el: HtmlElement, ancestors: set[HtmlElement]) -> bool:
    """True when el is one of ``ancestors`` or lies within one."""
    node: HtmlElement | None = el
    while node is not None:
        if node in ancestors:
            return True
        node = node.getparent()
    return False


# Inside a body, never text: figure captions, the pager of a split article, audio/video players.
FURNITURE_TAGS = frozenset(("figcaption",))
FURNITURE_HINTS = ("pages", "pager", "pagination", "page-nav", "pagenav", "fenye", "voice", "audio", "player")


# Class/id tokens of an ad slot (a whole token: ``d-ad``, ``ad_mid_640x90``, ``guanggao2``; not ``head``).
_AD_TOKEN = re.compile(r"^(?:ad|ads|adv|advert\w*|adsbygoogle|sponsor\w*|guanggao|gg|tuiguang)\d*$")
# What an ad says of itself: a label element whose whole text is one of these.
AD_LABELS = frozenset(("广告", "推广", "赞助", "ad", "ads", "advertisement", "sponsored"))
# An ad slot holds a line or two; a block with more text than this is no ad, whatever it is called.
MAX_AD_CHARS = 120


def is_ad(el: HtmlElement) -> bool:
    """True for an ad slot inside a body: a short block whose class/id has an ad token, or that labels
    itself ``广告``/``推广`` in an element of its own."""
    if text_length(el) > MAX_AD_CHARS:
        return False
    if any(_AD_TOKEN.match(token) for token in hint_tokens(element_hints(el))):
        return True
    labels = (
        simplified("".join((child.text_content() or "").split())).lower()
        for child in el.iterdescendants()
        if isinstance(child.tag, str)
    )
    return el.tag not in ("p", "span", "a") and any(label in AD_LABELS for label in labels)


def is_furniture(el: HtmlElement) -> bool:
    """True for parts of a body container that are not body text (figure captions, pagers, ad slots)."""
    if el.tag in FURNITURE_TAGS:
        return True
    hints = element_hints(el)
    return any(word in hints for word in FURNITURE_HINTS) or is_ad(el)


# Class/id words of comment threads, English and pinyin (留言 liuyan, 评论 pinglun, 回复 huifu).
COMMENT_HINTS = ("comment", "cmt", "reply", "review", "pinglun", "discuss", "liuyan", "huifu")
# Headings that introduce comments (after Traditional → Simplified; a count like （3） or 共12条 may follow).
COMMENT_HEADINGS = (
    "网友留言", "网友评论", "网友回复", "网友点评", "评论", "留言", "全部评论", "最新评论", "热门评论",
    "发表评论", "我要评论", "我要留言", "读者评论", "用户评论", "评论区", "精彩评论", "评论列表", "留言板",
)  # fmt: skip
_COUNT = re.compile(r"[(（\[【]?\s*(?:共\s*)?\d+\s*(?:条|个)?\s*[)）\]】]?")
HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "div", "span", "p", "strong", "b", "dt", "em", "td", "th", "a")


def is_comment_heading(text: str) -> bool:
    """True for a heading that introduces comments: ``网友留言``, ``网友评论（12）``, ``評論``."""
    words = _COUNT.sub("", "".join(simplified(text).split())).strip("：:>»")
    return words in COMMENT_HEADINGS


def find_comment_blocks(root: HtmlElement, headline: HtmlElement | None = None) -> list[HtmlElement]:
    """Comment threads introduced by a comment heading (whatever their class names): the nearest
    ancestor of the heading that holds more than the heading, unless it holds the article's headline
    (then the comments sit among the article's own blocks, and only the class hints can tell)."""
    blocks: list[HtmlElement] = []
    for el in root.iter(*HEADING_TAGS):
        if len(el) > 2 or not is_comment_heading(el.text_content()):
            continue
        node = el.getparent()
        while node is not None and node.tag not in ("body", "html") and text_length(node) <= text_length(el):
            node = node.getparent()
        if node is None or node.tag in ("body", "html") or any(True for _ in node.iter("h1")):
            continue
        if headline is not None and is_inside(headline, {node}):
            continue
        if node not in blocks and not is_inside(node, set(blocks)):
            blocks.append(node)
    return blocks


def is_comment_thread(el: HtmlElement) -> bool:
    """True for a comment thread or one of its comments (by class/id)."""
    hints = element_hints(el)
    return any(word in hints for word in COMMENT_HINTS)


# How far above the body container a forum post's own element may sit (Baidu Tieba: 4 levels).
MAX_POST_LEVELS = 6


def _signature(el: HtmlElement) -> tuple[str, str]:
    return el.tag, " ".join(sorted((el.get("class") or "").split()))


def first_post(container: HtmlElement) -> HtmlElement:
    """In a forum thread, the first post's body: when the container (often the longest post, a reply)
    sits in a post that has earlier posts of the same markup before it, the same element of the first
    one; else the container itself."""
    post, path = container, list[tuple[str, str]]()
    for _ in range(MAX_POST_LEVELS):
        parent = post.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return container
        earlier = [sib for sib in post.itersiblings(preceding=True) if _signature(sib) == _signature(post)]
        if earlier:
            first = earlier[-1]  # itersiblings(preceding=True) walks backwards
            return _follow(first, path) if text_length(first) else container
        path.insert(0, _signature(post))
        post = parent
    return container


# Class/id tokens (or their starts) of a consultation shown as a conversation (patient's and doctor's
# turns): ``dialogs``, ``chat-list``; not ``wechat``.
DIALOG_HINTS = ("dialog", "chat", "duihua", "conversation")
# How far above the body container the whole conversation may sit.
MAX_DIALOG_LEVELS = 5


def whole_dialog(container: HtmlElement) -> HtmlElement:
    """On a Q&A page shown as a conversation, the element holding every turn: the outermost ancestor
    (at most ``MAX_DIALOG_LEVELS`` up) named for a dialog (``div.dialogs``), when the container (often the
    longest answer) sits in one; else the container."""
    whole, node = container, container
    for _ in range(MAX_DIALOG_LEVELS):
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        node = parent
        if any(token.startswith(DIALOG_HINTS) for token in hint_tokens(element_hints(node))):
            whole = node
    return whole


def post_element(body: HtmlElement) -> HtmlElement | None:
    """The post a forum post's body sits in: its nearest ancestor (or itself) with a sibling of the same
    markup (the next post), at most ``MAX_POST_LEVELS`` up; None when there is none."""
    node = body
    for _ in range(MAX_POST_LEVELS + 1):
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return None
        if any(_signature(sib) == _signature(node) for sib in node.itersiblings()):
            return node
        node = parent
    return None


# How far above an answer's text the repeated item of a list of answers may sit (知乎: the text is
# eight levels inside its List-item; two more for other nestings).
MAX_ITEM_LEVELS = 10


def listed_items(container: HtmlElement, min_chars: int, scope: HtmlElement | None = None) -> list[HtmlElement]:
    """When the container's text sits deep in one item of a list of alike items (a Q&A page's answers:
    ``div.List-item`` > … > ``span.RichText``), the same element of every item holding ``min_chars``
    characters or more, in page order; empty when there is no such list (or only one such item).
    The items are the container's ancestor's siblings of the same markup, or with ``scope`` (the block
    named for the answers) every element of that markup inside it (a pinned first answer may sit in a
    wrapper of its own)."""
    item, path = container, list[tuple[str, str]]()
    for _ in range(MAX_ITEM_LEVELS):
        parent = item.getparent()
        if parent is None or parent.tag in ("body", "html") or item is scope:
            return []
        if item.get("class"):
            pool = scope.iter(item.tag) if scope is not None else iter(parent)
            alike = [el for el in pool if isinstance(el.tag, str) and _signature(el) == _signature(item)]
            if len(alike) > 1:
                targets = [container if el is item else _follow_exactly(el, path) for el in alike]
                found = [el for el in targets if el is not None and text_length(el) >= min_chars]
                found = [el for el in found if not any(o is not el and is_inside(el, {o}) for o in found)]
                return found if len(found) > 1 else []
        path.insert(0, _signature(item))
        item = parent
    return []


def _child_like(node: HtmlElement, signature: tuple[str, str], loose: bool) -> HtmlElement | None:
    """``node``'s child of that signature; with ``loose`` else one that has its classes and more
    (:func:`_alike`); None when there is none."""
    children = [child for child in node if isinstance(child.tag, str)]
    exact = next((c for c in children if _signature(c) == signature), None)
    if exact is not None or not loose:
        return exact
    return next((c for c in children if _alike(_signature(c), signature)), None)


def _follow_exactly(item: HtmlElement, path: list[tuple[str, str]]) -> HtmlElement | None:
    """The element of ``item`` at the end of ``path`` (signatures, each step a child), or None when a step
    is missing."""
    node: HtmlElement | None = item
    for signature in path:
        if node is None:
            return None
        node = _child_like(node, signature, loose=False)
    return node


def _follow(post: HtmlElement, path: list[tuple[str, str]]) -> HtmlElement:
    """The element of ``post`` at the same place as the container in its own post (``path``: signatures);
    where a step is missing, as deep as the path goes."""
    node = post
    for signature in path:
        child = _child_like(node, signature, loose=True)
        node = child if child is not None else node
    return node


def _alike(found: tuple[str, str], wanted: tuple[str, str]) -> bool:
    """Same tag and the wanted classes all there: the first post's ``d_post_content_main
    d_post_content_firstfloor`` is the replies' ``d_post_content_main`` marked as the first."""
    classes = set(wanted[1].split())
    return found[0] == wanted[0] and bool(classes) and classes <= set(found[1].split())
