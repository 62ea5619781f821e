"""HTML page objects: an article page and page 2+ of a split article → one record (or why it is none)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from urllib.parse import urldefrag, urljoin

from lxml import etree
from lxml.html import HtmlElement
from parsel import Selector

from scraper.items import Article, Image, RelatedEntry
from scraper.parsing import metadata, page_types
from scraper.parsing.blocks import (
    element_hints,
    element_lines,
    hint_tokens,
    remove_heading_edit_links,
    remove_hidden,
    selected_text,
    text_length,
)
from scraper.parsing.bylines import (
    MAX_LEADING_BYLINE_OFFSET,
    UNIT_ENDINGS,
    affiliation_byline,
    asker_author,
    byline_author,
    byline_names,
    is_byline_line,
    is_card_line,
    is_info_line,
    labelled_asker,
    meta_author,
    profile_author,
    signature_author,
    slot_author,
)
from scraper.parsing.content import (
    MIN_CONTENT_SCORE,
    find_comment_blocks,
    find_main_content,
    first_post,
    is_ad,
    is_comment_thread,
    is_furniture,
    is_inside,
    listed_items,
    post_element,
    whole_dialog,
)
from scraper.parsing.dates import (
    date_in_url,
    find_dates,
    gregorian,
    is_date_line,
    labelled_date,
    last_modified_date,
    only_update_dates,
    parse_date,
    timezone_of,
)
from scraper.parsing.images import image_url, unwrap_noscript_images
from scraper.parsing.outcome import Skip
from scraper.parsing.pagination import may_be_page_links
from scraper.parsing.related import block_entries, find_related_blocks, profile_entry
from scraper.parsing.relative_dates import local_now
from scraper.parsing.second_opinion import (
    Doubt,
    PageText,
    SecondOpinion,
    ask_trafilatura,
    choose,
    doubt,
    is_page_link,
    kept_images,
)
from scraper.parsing.structured_data import StructuredData, structured_data
from scraper.parsing.titles import (
    DESCRIPTION_LABELS,
    MIN_CUT_HEADLINE_CHARS,
    choose_title,
    site_from_title,
    split_around_headline,
    squeezed,
    strip_description,
    strip_site_suffix,
    strip_tag_prefix,
    title_segments,
)
from scraper.profiles import SiteProfile
from scraper.profiles.selectors import select, select_elements
from scraper.reasons import SkipReason
from scraper.text.hanzi import simplified
from scraper.text.normalize import cjk_ratio, clean_line, comparison_key

# A page the generic path handles is an article only with this much body text
# (characters): below it, the "body" is a teaser, a caption or a footer.
MIN_GENERIC_BODY_CHARS = 80
# Class/id words of a breadcrumb trail, English and pinyin (当前位置 dqwz, 位置 weizhi, 面包屑 mbx).
BREADCRUMB_HINTS = ("crumb", "bread", "position", "location", "weizhi", "place", "dqwz", "mbx", "path")
# Labels that start one (compared after Traditional → Simplified: 現在位置 matches).
# Elements that a class/id hint or a 当前位置 label makes a trail.
TRAIL_TAGS = ("div", "nav", "p", "span", "ol", "ul", "td")
# What separates two links of a trail not named as one: one arrow, spaces around it (not "/": a
# heading's "手机 / 数码" pairs categories).
TRAIL_GAP = re.compile(r"\s*(?:>{1,2}|›|»|→|＞|->)\s*")
BREADCRUMB_LABELS = ("当前位置", "您的位置", "你的位置", "所在位置", "现在位置", "您现在的位置", "当前页面")
# Lines at the top of a body container searched for a date line to leave out.
LEADING_META_LINES = 3
# A headline shorter than this (a logo, a section name) does not count as a match of <title>.
MIN_HEADLINE_CHARS = 4
HEADLINE_TAGS = ("h1", "h2", "h3", "h4")
# How much text after the headline (and after the body) is searched for a date.
DATE_WINDOW_CHARS = 200


def first_text(sel: Selector, selectors: tuple[str, ...]) -> str | None:
    """The text of the first selector that finds some, or None."""
    for css in selectors:
        text = selected_text(select(sel.root, css))
        if text:
            return text
    return None


def first_element(sel: Selector, selectors: tuple[str, ...]) -> HtmlElement | None:
    """The first element any selector finds, in selector order, or None."""
    for css in selectors:
        for item in select_elements(sel.root, css):
            return item
    return None


# Class/id words of a Q&A page's question description.
QUESTION_HINTS = ("question", "wenti", "ask")
QUESTION_TOKENS = frozenset(("q", "wt", "ques"))  # whole class/id tokens: ``q-desc``, ``wt_con``
# Class/id tokens of a block of answers (best_answer, answer_list, huida): whole tokens, or tokens that
# begin so; how far above the body container such a block may sit.
ANSWER_TOKENS_PREFIXES = ("answer", "huida", "daan")
MAX_ANSWER_LEVELS = 3
# Class/id words of the answering side of a Q&A page (its doctor card, its answers).
ANSWER_SIDE_HINTS = ("doctor", "answer", "reply", "expert", "yisheng")
DESCRIPTION_TOKENS = frozenset(("con", "txt", "nr", "ms"))  # 内容 nr, 描述 ms
DESCRIPTION_HINTS = ("desc", "content", "detail", "text", "info", "body", "miaoshu", "des")
# Class/id tokens of an element holding a date (div.date, span.pub-time); at most this many characters.
DATE_SLOT_TOKENS = frozenset(("date", "time", "pubtime", "pubdate", "publish", "datetime", "riqi", "shijian"))
MAX_DATE_SLOT_CHARS = 40
# Class/id tokens of an article's lead above its body (摘要 zhaiyao, 导语 daoyu).
LEAD_TOKENS = frozenset(("summary", "lead", "abstract", "zhaiyao", "daoyu", "digest", "standfirst"))
# A question's description shows at least this many characters besides the headline.
MIN_DESCRIPTION_CHARS = 10
# A trail's last link cut short (``…``) is the title when the title starts with its first this many characters.
MIN_CUT_TITLE = 4
# Class/id words of a headline element: English, and pinyin 标题 (bt, biaoti).
TITLE_HINT_WORDS = ("title", "headline", "subject", "biaoti", "topic")
TITLE_HINT_TOKENS = frozenset(("bt", "tit", "tt", "heading"))
# A forum thread's first post needs this much text (characters) to be a body: a sentence.
MIN_POST_CHARS = 10
# A byline is looked for among the body's first this many lines (a reprinted newspaper page's header
# may take a few: date, column, editors, then 见习记者 …).
BYLINE_LINES = 6
# A signature line (执笔人：…) is looked for among the body's last this many lines.
SIGNATURE_LINES = 3
# A title cut short ends mid-sentence, at a comma.
CUT_TITLE_ENDINGS = ("，", ",", "、", "；")  # not an ellipsis: 血头仍隐秘活跃…… is a whole title
# A page without a <title>: its headline is the first element named for one, of at most this many characters.
MAX_UNTITLED_HEADLINE_CHARS = 80


# A <title> part naming whose blog or column a page is: 何静的博客, 张医生的专栏.
_OWNED_PAGE = re.compile(r"(.{2,12}?)的(?:博客|专栏|个人主页|主页|个人空间|空间|微博|文章)")
# An info line with a labelled date is at most this long (发布时间：2021-11-09 发布人：内分泌遗传代谢科).
MAX_INFO_LINE_CHARS = 80
MAX_SITE_TITLE_CHARS = 20


def _names_an_organisation(title: str) -> bool:
    """A <title> that is only a hospital's, a university's or a site's name (no article in it)."""
    plain = simplified(title)
    short = len(plain) <= MAX_SITE_TITLE_CHARS and len(title_segments(title)) == 1
    return short and plain.endswith(UNIT_ENDINGS) and not re.search(r"[\s,，：:！？!?]", plain)


def _has_title_hint(el: HtmlElement | None) -> bool:
    """True when the element's class/id names a headline (``article-title``, ``bt``, ``thread_subject``)."""
    if el is None:
        return False
    hints = element_hints(el)
    return any(word in hints for word in TITLE_HINT_WORDS) or bool(hint_tokens(hints) & TITLE_HINT_TOKENS)


def _is_arrow_trail(el: HtmlElement) -> bool:
    """True for sibling links joined only by trail arrows (``首页 > 精神心理 > 睡眠 > 正文``): a trail
    whatever its class. A menu's links (joined by nothing, ``|`` or ``·``) do not count."""
    links = [child for child in el if child.tag == "a"]
    if len(links) < 2 or len(links) != sum(1 for _ in el.iter("a")):
        return False
    for link, following in zip(links, links[1:], strict=False):
        gap = [link.tail or ""]
        for sibling in link.itersiblings():
            if sibling is following:
                break
            gap.append(sibling.text_content() + (sibling.tail or ""))
        if not TRAIL_GAP.fullmatch("".join(gap)):
            return False
    return True


def _starts_with_breadcrumb_label(el: HtmlElement) -> bool:
    """True when the element's own first words are a 当前位置-style label, or its first child is only
    that label (``<span>当前位置：</span><a>…``); a layout cell holding such a trail does not count."""
    own = "".join((el.text or "").split())
    if not own and len(el) and not any(True for _ in el[0].iter("a")):
        own = "".join((el[0].text or "").split())
    return simplified(own[:12]).startswith(BREADCRUMB_LABELS)


def _ancestors_within(el: HtmlElement, top: HtmlElement | None) -> list[HtmlElement]:
    """``el``'s ancestors below ``top``, nearest first."""
    found = []
    for node in el.iterancestors():
        if node is top:
            break
        found.append(node)
    return found


# Elements with a class or id (where comment threads are named), found by lxml rather than a Python loop.
_HINTED = etree.XPath("//*[@class or @id]")


def _names_answers(el: HtmlElement) -> bool:
    """True when the element's class/id names answers (``best_answer``, ``answer_list``, ``huida``)."""
    return any(token.startswith(ANSWER_TOKENS_PREFIXES) for token in hint_tokens(element_hints(el)))


def _is_avatar(el: HtmlElement) -> bool:
    """A user's or doctor's picture beside a post or an answer: never an article image."""
    return any(word in element_hints(el) for word in ("avatar", "touxiang", "headimg", "user-pic"))


def _all_elements(sel: Selector, selectors: tuple[str, ...]) -> list[HtmlElement]:
    return [item for css in selectors for item in select_elements(sel.root, css)]


@dataclass(frozen=True)
class PageMetadata:
    """What a page says about itself in its markup, read before hidden elements are removed (a
    ``<meta>`` or JSON-LD ``<script>`` is invisible, yet it is the page's own statement)."""

    meta: dict[str, str]  # <meta> contents by lower-cased name/property/itemprop (Open Graph among them)
    script_dates: list[str]  # publication dates in ordinary <script> (var publish_time = "…", WeChat's ct)
    head_title: str | None  # the <title>
    structured: StructuredData = StructuredData()  # JSON-LD and microdata: dates, author, @type values
    script_authors: tuple[str, ...] = ()  # authors in ordinary <script> variables (an analytics data layer)

    @classmethod
    def read(cls, root: HtmlElement) -> PageMetadata:
        return cls(
            metadata.meta_values(root),
            metadata.script_dates(root),
            metadata.head_title(root),
            structured_data(root),
            tuple(metadata.script_authors(root)),
        )

    @property
    def machine_dates(self) -> list[str]:
        """Publication dates the page states for machines: structured data first, then its scripts."""
        return [*self.structured.published, *self.script_dates]


class ArticlePage:
    """One HTML page as an article: inputs given to the constructor, one lazily computed attribute
    per record field (named like the record key), :meth:`to_item` for the whole record.

    Construction reads the page's metadata (:class:`PageMetadata`), lifts images out of ``<noscript>``,
    then removes the page's hidden elements from ``selector``'s tree; every field is read from the
    cleaned tree.
    """

    def __init__(
        self,
        selector: Selector,
        url: str,
        profile: SiteProfile,
        fetched_at: str | None = None,
        second_opinion: bool = False,
    ):
        self.url = url
        self.profile = profile
        self.fetched_at = fetched_at
        # Whether a doubtful body gets a second opinion (SECOND_OPINION_ENABLED; page 2+ of a split article never).
        self.asks_second_opinion = second_opinion
        self.sel = selector
        self.root: HtmlElement = self.sel.root
        self.metadata = PageMetadata.read(self.root)
        unwrap_noscript_images(self.root)
        remove_hidden(self.root)
        remove_heading_edit_links(self.root)

    # --- the page's parts ----------------------------------------------------

    @cached_property
    def base(self) -> str:
        """The URL relative links resolve against (``<base href>`` when present)."""
        return metadata.base_url(self.root, self.url)

    @cached_property
    def related_blocks(self) -> list[HtmlElement]:
        """The profile's related blocks; where its selectors find none, the generic rules'."""
        return self._profile_related_blocks or find_related_blocks(self.root)

    @cached_property
    def _profile_related_blocks(self) -> list[HtmlElement]:
        return _all_elements(self.sel, self.profile.related.block)

    @cached_property
    def excluded(self) -> set[HtmlElement]:
        """Elements that are never body text: related blocks, comment threads and the profile's ``exclude``."""
        comments = find_comment_blocks(self.root, self.headline)
        return set(self.related_blocks) | set(comments) | set(_all_elements(self.sel, self.profile.exclude))

    @cached_property
    def headline(self) -> HtmlElement | None:
        headline = first_element(self.sel, self.profile.title)
        return headline if headline is not None else self._find_headline()

    @cached_property
    def headline_text(self) -> str:
        """The headline element's text on one line ("" without a headline)."""
        return clean_line(self.headline.text_content()) if self.headline is not None else ""

    @cached_property
    def container(self) -> HtmlElement | None:
        """The element holding the body: the profile's, else found by content scoring."""
        container = self._profile_container
        if container is None:
            forum = self.page_type == page_types.FORUM_THREAD
            # A thread's first post may be a sentence: it needs no more text than a post does.
            least = MIN_POST_CHARS if forum else MIN_CONTENT_SCORE
            container = find_main_content(self.root, self.excluded, self.headline, whole=not forum, min_score=least)
            if container is not None and forum:
                container = first_post(container)
            elif container is not None and self.page_type == page_types.QA:
                container = whole_dialog(container)
        return container

    @cached_property
    def _profile_container(self) -> HtmlElement | None:
        return first_element(self.sel, self.container_selectors)

    @property
    def container_selectors(self) -> tuple[str, ...]:
        return self.profile.body

    @property
    def min_body_chars(self) -> int:
        """Body text a page needs to be an article (none when the profile's body selector found it, a
        sentence for a forum thread's first post)."""
        found_by_profile = self.container is not None and self.container is self._profile_container
        if found_by_profile:
            return 0
        # A thread's first post is its body however short (one question is a whole post).
        return MIN_POST_CHARS if self.page_type == page_types.FORUM_THREAD else MIN_GENERIC_BODY_CHARS

    # --- record fields -------------------------------------------------------

    @cached_property
    def site(self) -> str | None:
        """Site name: the profile's (fixed or read from the page), og:site_name, the <title>'s site part."""
        if self.profile.site_name:
            return self.profile.site_name
        on_page = first_text(self.sel, self.profile.site)
        if on_page:
            return on_page
        if self.metadata.meta.get("og:site_name"):
            return clean_line(self.metadata.meta["og:site_name"])
        if self.metadata.head_title and _names_an_organisation(self.metadata.head_title):
            return self.metadata.head_title  # <title>青溪市人民医院</title> on every page: the site's name
        if self.metadata.head_title:
            seps = self.profile.title_separators
            if self.headline_text:
                around = split_around_headline(self.metadata.head_title, self.headline_text, seps)
                if around is not None:
                    return around.site
            # The trail's first link is home (首页, or the site's own name): not a column.
            return site_from_title(self.metadata.head_title, seps, columns=self.breadcrumbs[1:])
        return None

    @cached_property
    def title(self) -> str | None:
        seps = self.profile.title_separators
        chosen = first_text(self.sel, self.profile.title)
        if not chosen:
            h1 = strip_tag_prefix(self.headline_text) if self.headline is not None else None
            head, og = self.metadata.head_title, self.metadata.meta.get("og:title")
            if h1 and all(_names_an_organisation(t) for t in (head, og) if t):
                head = og = None  # the site's name, no article's title
            chosen = choose_title(h1, head, og, seps)
            chosen = strip_description(chosen) if chosen else chosen
            chosen = self._whole_of_cut_title(chosen) if chosen else chosen
        if chosen and self.profile.site_name:
            chosen = strip_site_suffix(chosen, seps, site=self.profile.site_name)
        return chosen or None

    @cached_property
    def published(self) -> str | None:
        """Publication date: profile, the info bar after the headline, JSON-LD/meta, <time>, URL, a forum
        post's own date, an element named for a date, the line after the body, labels anywhere, a
        statement of the page's last change."""
        tz, now, year = self.profile.timezone, self._now(), self._year_hint()
        text = first_text(self.sel, self.profile.published)
        found = parse_date(text, tz, now, year) if text else None
        if found:
            return found
        window = self._text_after_headline
        update_only = only_update_dates(window, tz)
        shown = None if update_only else parse_date(window, tz, now, year)
        machine = [*self.metadata.machine_dates, metadata.first_meta(self.metadata.meta, metadata.DATE_META)]
        machine += [time.get("datetime") or time.text_content() for time in self.root.iter("time")]
        if shown and find_dates(gregorian(simplified(window)), tz):
            # A full date shown in the info bar; its zone is the machine date's when both show the same
            # clock time (a Toronto site: 21:17 shown, 21:17:24-05:00 in JSON-LD; not the default +08:00),
            # unless that says UTC: a local time labelled +00:00 is a common CMS slip.
            zoned = (parse_date(value, tz) or "" for value in machine)
            same_clock = (
                found
                for found in zoned
                if found[:16] == shown[:16] and found[19:] not in ("", shown[19:], "+00:00")
            )
            return next(same_clock, shown)
        for value in machine:
            found = parse_date(value, tz)
            if found:
                # It beats a relative or year-less date shown (昨天 20:05, 09-30 22:46), unless that one
                # is the same day with its time (the machine value gives the day only).
                return shown if shown and shown.startswith(found + "T") else found
        if shown:
            return shown
        return (
            date_in_url(self.url)
            or parse_date(self._post_text(), tz, now, year)
            or self._date_slot()
            or parse_date(self._text_after_body(), tz, now, year)
            or labelled_date(self._page_text(), tz)
            or (parse_date(window, tz) if update_only else None)
            or last_modified_date(self._page_text(), tz)
        )

    @cached_property
    def _document_order(self) -> dict[HtmlElement, int]:
        """Every element's place in the (cleaned) page, for "after the headline, before the body"."""
        return {el: number for number, el in enumerate(self.root.iter())}

    def _date_slot(self) -> str | None:
        """The first full date in an element named for it (``div.date``, ``span.pubtime``) after the
        headline (if any), holding a date and nothing else, outside related blocks and comment threads (a Q&A's
        question dated below its description, before the related questions' dates)."""
        order = self._document_order
        start = order.get(self.headline, -1) if self.headline is not None else -1
        for el in self.root.iter("div", "span", "p", "em", "time", "li"):
            if order.get(el, -1) <= start or not hint_tokens(element_hints(el)) & DATE_SLOT_TOKENS:
                continue
            text = clean_line(el.text_content())
            if len(text) <= MAX_DATE_SLOT_CHARS and is_date_line(text, self.profile.timezone) and not is_inside(
                el, self.excluded
            ):
                found = parse_date(text, self.profile.timezone)
                if found:
                    return found
        return None

    def _now(self) -> datetime | None:
        return local_now(self.fetched_at, timezone_of(self.profile.timezone) or UTC)

    def _year_hint(self) -> int | None:
        """The year for a date shown without one: from the page's machine dates, else the fetch year."""
        for value in [*self.metadata.machine_dates, *self.metadata.meta.values()]:
            match = re.match(r"((?:19|20)\d{2})-\d{1,2}-\d{1,2}", value.strip())
            if match:
                return int(match.group(1))
        now = self._now()
        return now.year if now else None

    @cached_property
    def author(self) -> str | None:
        """The profile's author, else a platform's author slot, the byline in the info bar or at the top
        of the body, a signature among the body's last lines, JSON-LD's author, the meta author, an author
        in a script's variables (names joined by 、, no units or titles; sites and ids name nobody)."""
        text = first_text(self.sel, self.profile.author)
        qa = self.page_type == page_types.QA
        if not text:
            text = (
                # On a Q&A page author slots and profile links name the answerers (the author is the asker,
                # known by a label: 提问者：…)
                (None if qa else slot_author(self.root, self.excluded))
                or byline_author(self._text_after_headline)
                or affiliation_byline(self._text_after_headline)
                or self._leading_byline()
                or (self._asker() if qa else profile_author(self._header_links()))
                or self._closing_signature()
                or self._title_owner()
                or self.metadata.structured.author
                or meta_author(metadata.first_meta(self.metadata.meta, metadata.AUTHOR_META) or "")
                or next(filter(None, map(meta_author, self.metadata.script_authors)), None)
            )
        if not text:
            return None
        author = clean_line(text.split("：", 1)[-1].split(":", 1)[-1]) or None
        return None if author is not None and self.site and simplified(author) == simplified(self.site) else author

    def _leading_byline(self) -> str | None:
        """The names of a byline among the body's first lines (a dateline's （记者 …）, 本报记者 …)."""
        lines = self._container_lines[:BYLINE_LINES]
        found = (byline_author(line, MAX_LEADING_BYLINE_OFFSET) for line in lines)
        return next(filter(None, found), None)

    def _header_links(self) -> list[HtmlElement]:
        """The links between the headline and the body container, in page order (a post's header: the
        poster, the board, the date), outside related blocks and comment threads."""
        if self.headline is None or self.container is None:
            return []
        order = self._document_order
        start, end = order.get(self.headline, -1), order.get(self.container, -1)
        return [
            link
            for link in self.root.iter("a")
            if start < order.get(link, -1) < end and not is_inside(link, {self.headline, *self.excluded})
        ]

    def _asker(self) -> str | None:
        """A Q&A page's asker in a slot of their own or linked after an asker label."""
        return asker_author(self.root, self.excluded) or labelled_asker(self.root, self.excluded)

    def _title_owner(self) -> str | None:
        """The owner a ``<title>`` names for a blog's or a column's post (``T_何静的博客-康博网``)."""
        for part in title_segments(self.metadata.head_title or "", self.profile.title_separators):
            owner = _OWNED_PAGE.fullmatch(part.strip())
            if owner:
                return byline_names(owner.group(1))
        return None

    def _closing_signature(self) -> str | None:
        """The names of a signature among the body's last lines (执笔人：…, （羅森）)."""
        return next(filter(None, map(signature_author, self.body_lines[-SIGNATURE_LINES:][::-1])), None)

    @cached_property
    def breadcrumbs(self) -> list[str]:
        crumbs = [clean_line(" ".join(element_lines(el))) for el in _all_elements(self.sel, self.profile.breadcrumbs)]
        if not any(crumbs):  # the profile's selectors found nothing: the generic rules still run
            crumbs = self._generic_breadcrumbs()
        return [c for c in crumbs if c and c not in self.profile.breadcrumbs_drop]

    @cached_property
    def description(self) -> str | None:
        meta = self.metadata.meta
        return clean_line(meta.get("description") or meta.get("og:description") or "") or None

    @cached_property
    def keywords(self) -> list[str]:
        return metadata.keywords(self.metadata.meta.get("keywords"))

    @cached_property
    def body_lines(self) -> list[str]:
        """The body: ours (:attr:`own_body_lines`), or trafilatura's where ours was doubtful and its
        was better (:attr:`second_opinion`)."""
        opinion = self.second_opinion
        return opinion.lines if opinion is not None and opinion.taken else self.own_body_lines

    @property
    def body_source(self) -> str:
        """Where the body lines come from: ``"ours"`` or ``"trafilatura"``."""
        opinion = self.second_opinion
        return "trafilatura" if opinion is not None and opinion.taken else "ours"

    @cached_property
    def second_opinion(self) -> SecondOpinion | None:
        """trafilatura's opinion where our body is doubtful (:mod:`scraper.parsing.second_opinion`); None
        where it is not, where a profile's selector found the body (the profile knows the site), or where
        the page was not asked to get one (``second_opinion=False``, the default)."""
        if not self.asks_second_opinion or self.min_body_chars == 0:
            return None
        lines = self.own_body_lines
        container = self.container
        links = [comparison_key(a.text_content()) for a in container.iter("a")] if container is not None else []
        why = doubt(lines, links, self._visible_chars, self.min_body_chars)
        if why is None or (why is Doubt.SHORT and self.page_type == page_types.FORUM_THREAD):
            return None  # a forum thread's body is its first post, however short beside the replies
        leave_out = list(self._left_out)
        if why in (Doubt.COMMENTS, Doubt.LINKS) and self.container is not None:
            leave_out.append(self.container)
        theirs = ask_trafilatura(self.root, self.url, leave_out)
        link_keys = frozenset(
            comparison_key(a.text_content()) for a in self.root.iter("a") if is_page_link(a.get("href"))
        ) - {""}
        page = PageText(self._visible_lines(), link_keys, comparison_key(self.headline_text))
        return choose(why, lines, theirs, self.min_body_chars, page)

    @cached_property
    def own_body_lines(self) -> list[str]:
        """Our body: the container's lines without the headline and the date, info or byline lines that may
        sit at its top."""
        lines = self._container_lines
        head = [line for line in self._leading_lines if is_date_line(line, self.profile.timezone) or is_info_line(line)]
        head += [line for line in lines[:BYLINE_LINES] if is_byline_line(line)]  # 见习记者 庄小琴 alone
        lines = [line for line in lines if line not in head] if head else lines
        if self.page_type == page_types.QA:  # the question's description comes first, then the answers
            question = [line for line in self._question_description_lines if line not in lines]
            lines = [line for line in question + lines if not is_card_line(line)]  # no doctor cards
        elif lines:
            lines = self._lead_lines(lines) + lines
        return lines

    def _lead_lines(self, body: list[str]) -> list[str]:
        """An article's lead in a block of its own right above the body container (``div.summary``,
        ``p.lead``, ``div.zhaiyao``: its class/id says so), unless the body already carries it."""
        if self.container is None:
            return []
        before = next((el for el in self.container.itersiblings(preceding=True) if text_length(el)), None)
        if before is None or not hint_tokens(element_hints(before)) & LEAD_TOKENS or before in self.excluded:
            return []
        lead = element_lines(before)
        text = "".join(body)
        return [] if any(line in text for line in lead) else lead

    @cached_property
    def _question_description_lines(self) -> list[str]:
        """A Q&A page's question description (its class/id names the question and its text; the innermost
        of nested ones: ``QuestionRichText`` inside ``QuestionHeader-content``), when the body container
        does not hold it."""
        found: list[tuple[HtmlElement, list[str]]] = []
        for el in self.root.iter("div", "p", "section"):
            hints = element_hints(el)
            tokens = hint_tokens(hints)
            question = any(word in hints for word in QUESTION_HINTS) or bool(QUESTION_TOKENS & tokens)
            if not question or not (any(w in hints for w in DESCRIPTION_HINTS) or DESCRIPTION_TOKENS & tokens):
                continue
            if any(word in hints for word in ANSWER_SIDE_HINTS):
                continue  # question-detail-doctor: the answering doctor's card, not the question
            if el is self.headline or is_inside(el, self.excluded) or (
                self.container is not None
                and (is_inside(el, {self.container}) or is_inside(self.container, {el}))
            ):
                continue  # the description is beside the answers, neither in them nor around them
            lines = element_lines(el, skip=lambda node: node is self.headline or node in self.excluded)
            if sum(map(len, lines)) - len(self.headline_text) >= MIN_DESCRIPTION_CHARS:
                found.append((el, lines))  # a description, not a sticky bar repeating the headline
            elif found:
                break
            if found and not is_inside(el, {found[0][0]}):
                break  # past the first description and everything inside it
        innermost = [lines for el, lines in found if not any(o is not el and is_inside(o, {el}) for o, _ in found)]
        return innermost[0] if innermost else self._labelled_description_lines()

    def _labelled_description_lines(self) -> list[str]:
        """A question description known by its label (``病情描述：…``, ``问题描述：``) in an element before
        the body container and outside it (the answers below may carry the same labels: not theirs)."""
        if self.container is None:
            return []
        for el in self.root.iter("span", "div", "p", "dd", "td", "section"):
            if el is self.container or any(el is block for block in self._answer_blocks):
                break  # the answers begin: a description below them is another question's
            if is_inside(self.container, {el}):
                continue  # around the answers
            text = simplified("".join(el.text_content().split()))
            if text.startswith(DESCRIPTION_LABELS) and not is_inside(el, self.excluded):
                return element_lines(el, skip=lambda node: node in self.excluded)
        return []

    @cached_property
    def _container_lines(self) -> list[str]:
        if self.container is None:
            return []
        blocks = self._answer_blocks or [self.container]
        skip = lambda el: el in self.excluded or el is self.headline or is_furniture(el)  # noqa: E731
        return [line for block in blocks for line in element_lines(block, skip=skip)]

    @cached_property
    def _answer_blocks(self) -> list[HtmlElement]:
        """On a Q&A page, every block of answers when they are split (a best answer, then the others):
        the container's nearest block named for answers (at most ``MAX_ANSWER_LEVELS`` up) and its
        siblings named so; empty when there is one block (the container alone is read)."""
        if self.page_type != page_types.QA or self.container is None:
            return []
        chain = [self.container, *itertools.islice(self.container.iterancestors(), MAX_ANSWER_LEVELS)]
        block = next((el for el in chain if _names_answers(el)), None)
        parent = block.getparent() if block is not None else None
        if block is None or parent is None:
            return self._listed_answers()
        blocks = [
            el
            for el in parent
            if el is block
            or (
                isinstance(el.tag, str)
                and _names_answers(el)
                and not is_inside(el, self.excluded)
                and text_length(el) >= MIN_CONTENT_SCORE  # an answer, not its date and counters
            )
        ]
        if len(blocks) > 1:
            return blocks
        return self._listed_answers()

    def _listed_answers(self) -> list[HtmlElement]:
        """Answers deep in a list's items (:func:`listed_items`), looked for inside the outermost block
        named for the answers (知乎's ``QuestionAnswers-answers``, not one answer's ``AnswerItem``), else
        among the items' siblings."""
        assert self.container is not None
        named = [el for el in self.container.iterancestors() if _names_answers(el)]
        return listed_items(self.container, MIN_POST_CHARS, named[-1] if named else None)

    @property
    def _leading_lines(self) -> list[str]:
        """The body container's first lines, where a date line or an info line may sit."""
        return self._container_lines[:LEADING_META_LINES]

    @cached_property
    def related(self) -> list[RelatedEntry]:
        """Related-reading entries: by the profile's selectors, else read from the block's lines."""
        entries: list[RelatedEntry] = []
        rel = self.profile.related
        for block in self.related_blocks:
            if block in self._profile_related_blocks:
                items = select_elements(block, rel.item)
                found = [e for e in (profile_entry(item, rel, self.base) for item in items) if e is not None]
            else:
                found = block_entries(block, self.base)
            entries += [e for e in found if e not in entries]
        return entries

    @cached_property
    def images(self) -> list[Image]:
        """The body's images: in our container, or those trafilatura kept when its body was taken."""
        opinion = self.second_opinion
        if opinion is not None and opinion.taken:
            found = kept_images(self.root, opinion.images, self.base)
        elif self.container is not None:
            found = list(self.container.iter("img"))
        else:
            return []
        images: list[Image] = []
        for img in found:
            ancestors = _ancestors_within(img, self.container)
            if is_inside(img, self.excluded) or any(is_ad(node) or _is_avatar(node) for node in ancestors):
                continue
            url = image_url(img, self.base)
            if url is not None and all(i["url"] != url for i in images):
                images.append({"url": url, "alt": clean_line(img.get("alt") or "") or None})
        return images

    @cached_property
    def container_selector(self) -> str | None:
        """A CSS selector for the body container (to find the same container on a later page); None when
        there is none, or the body is trafilatura's (our container was not the body)."""
        el = self.container
        if el is None or self.body_source != "ours":
            return None
        if el.get("id"):
            return f"{el.tag}#{el.get('id')}"
        classes = ".".join(c for c in (el.get("class") or "").split() if c.isidentifier() or "-" in c)
        return f"{el.tag}.{classes}" if classes else None

    @cached_property
    def pagination_links(self) -> list[str]:
        """Absolute URLs of the links that may point to another page of this article."""
        hrefs = (a.get("href", "").strip() for a in self.root.iter("a"))
        return [urljoin(self.base, h) for h in may_be_page_links(self.url, hrefs)]

    @cached_property
    def canonical_url(self) -> str | None:
        return metadata.canonical_url(self.root, self.base)

    @cached_property
    def page_type(self) -> str:
        """article, qa, encyclopedia or forum_thread (:mod:`scraper.parsing.page_types`)."""
        generator = self.metadata.meta.get("generator", "")
        return page_types.page_type(self.root, self.url, generator, list(self.metadata.structured.types))

    @cached_property
    def language(self) -> str | None:
        body = "\n".join(self.body_lines)
        return metadata.language(self.root) or ("zh" if cjk_ratio(body) >= 0.3 else None)

    # --- whole record --------------------------------------------------------

    def to_item(self) -> Article | Skip:
        """The article, or a Skip saying why this page is not one."""
        title = self.title
        if not title:
            return Skip(SkipReason.NOT_ARTICLE, "no title found")
        lines = self.body_lines  # after the title: a page without one is not worth a second opinion
        if not lines:
            return Skip(SkipReason.NOT_ARTICLE, "no article body found")
        if sum(map(len, lines)) < self.min_body_chars:
            return Skip(SkipReason.NOT_ARTICLE, "too little body text for an article")
        return Article(
            url=self.url,
            canonical_url=self.canonical_url,
            site=self.site,
            page_type=self.page_type,
            title=title,
            published=self.published,
            author=self.author,
            breadcrumbs=self.breadcrumbs,
            description=self.description,
            keywords=self.keywords,
            body="\n".join(lines),
            related=self.related,
            images=self.images,
            language=self.language,
            fetched_at=self.fetched_at,
        )

    # --- helpers -------------------------------------------------------------

    def _find_headline(self) -> HtmlElement | None:
        """The headline element: the longest h1–h4 / ``*title*`` element whose text starts
        the ``<title>`` (or og:title) or is a later segment of it (``站点-标题``); else the first ``<h1>``."""
        titles = [t for t in (self.metadata.head_title, self.metadata.meta.get("og:title")) if t]
        if not titles:
            return self._untitled_headline()
        if all(_names_an_organisation(t) for t in titles):  # <title>复旦大学附属儿科医院</title> on every page
            placed = self._headline_above_info_line()
            return placed if placed is not None else self._untitled_headline()
        best: tuple[int, HtmlElement] | None = None
        seps = self.profile.title_separators
        # The title's first part: an element showing just that beats a copy of the whole <title>
        # (a photo viewer's caption: T | 國際 | 三立新聞網).
        bare = {squeezed(parts[0], seps) for t in titles if len(parts := title_segments(t, seps)) > 1}
        bare_headline: HtmlElement | None = None
        for el in self.root.iter(*HEADLINE_TAGS, "div", "p", "span", "strong", "b", "td"):
            if el.tag not in HEADLINE_TAGS and not (_has_title_hint(el) or _has_title_hint(el.getparent())):
                continue
            text = strip_tag_prefix(clean_line(el.text_content()))
            if bare_headline is None and squeezed(text, seps) in bare:
                bare_headline = el
            if len(text) >= MIN_HEADLINE_CHARS and any(
                t.startswith(text)
                or split_around_headline(t, text, seps)
                or squeezed(t, seps).startswith(squeezed(text, seps))
                for t in titles
            ):
                if best is None or len(text) > best[0]:
                    best = (len(text), el)
        if best is not None and bare_headline is not None and squeezed(best[1].text_content(), seps) not in bare:
            whole = any(squeezed(clean_line(best[1].text_content()), seps) == squeezed(t, seps) for t in titles)
            if whole:
                return bare_headline
        return best[1] if best else next(iter(self.root.iter("h1")), None)

    def _whole_of_cut_title(self, title: str) -> str:
        """A title cut short mid-sentence (``我以前就有高血压，生完孩子20天多一点，``: the <title> keeps 20
        characters) continued by a short element on the page that starts with it: that element's text."""
        stem = title
        if not title.endswith(CUT_TITLE_ENDINGS) or len(stem) < MIN_CUT_HEADLINE_CHARS:
            return title
        texts = (clean_line(el.text_content()) for el in self.root.iter("p", "div", "span", "h1", "h2", "h3", "td"))
        whole = [t for t in texts if t.startswith(stem) and len(stem) < len(t) <= MAX_UNTITLED_HEADLINE_CHARS]
        return min(whole, key=len) if whole else title  # the innermost: the question, not its box

    def _headline_above_info_line(self) -> HtmlElement | None:
        """The headline known by its place: the nearest element above the first dated info line
        (``发布时间：2021-11-09 发布人：…``, its innermost element) that holds one line of a headline's
        length (not a link)."""
        skipped = ("a", "script", "style", "html", "body", "head", "title")
        elements = [el for el in self.root.iter() if isinstance(el.tag, str) and el.tag not in skipped]
        texts = [clean_line(el.text_content()) for el in elements]

        def dated(number: int) -> bool:
            text = texts[number]
            return len(text) <= MAX_INFO_LINE_CHARS and bool(labelled_date(text, self.profile.timezone))

        first = next((number for number in range(len(elements)) if dated(number)), None)
        if first is None:
            return None
        info = first  # the innermost: the last dated element inside the first one
        for number in range(first + 1, len(elements)):
            if not is_inside(elements[number], {elements[first]}):
                break
            if dated(number):
                info = number
        for number in range(info - 1, -1, -1):
            el, text = elements[number], texts[number]
            if is_inside(elements[info], {el}):
                continue  # around the info line
            if MIN_HEADLINE_CHARS <= len(text) <= MAX_UNTITLED_HEADLINE_CHARS and len(element_lines(el)) == 1:
                return el
        return None

    def _untitled_headline(self) -> HtmlElement | None:
        """A page with no ``<title>`` and no og:title, or a generic one (a saved fragment, an old CMS, a
        page titled 图文详情): the first ``<h1>``, else the first element whose class/id names a headline
        (``h2._title``, ``div.Heading``, ``td.biaoti``), else the first ``<h2>``, each with a headline's
        length; a label (``图文简介：``) is none."""

        def fits(el: HtmlElement) -> bool:
            text = clean_line(el.text_content())
            return MIN_HEADLINE_CHARS <= len(text) <= MAX_UNTITLED_HEADLINE_CHARS and not text.endswith(("：", ":"))

        tags = ("h2", "h3", "div", "td", "p", "span", "strong", "b")
        named = (el for el in self.root.iter(*tags) if _has_title_hint(el))
        candidates = itertools.chain(self.root.iter("h1"), named, self.root.iter("h2"))
        return next((el for el in candidates if fits(el)), None)

    @cached_property
    def _text_after_headline(self) -> str:
        """Text that follows the headline (the info bar), up to the body container (read once: the date,
        the byline and the affiliation line all look there)."""
        if self.headline is None:
            return ""
        parts = [" ".join((self.headline.tail or "").split())]
        node: HtmlElement | None = self.headline
        while node is not None and sum(map(len, parts)) < DATE_WINDOW_CHARS:
            for sibling in node.itersiblings():
                if self.container is not None and is_inside(self.container, {sibling}):
                    return " ".join(parts)[:DATE_WINDOW_CHARS]
                parts.append(" ".join(" ".join(sibling.itertext()).split()))  # a template's indentation is no text
                if sum(map(len, parts)) >= DATE_WINDOW_CHARS:
                    break
            node = node.getparent()
        return " ".join(parts)[:DATE_WINDOW_CHARS]

    def _text_after_body(self) -> str:
        """The line right after the body container (Q&A answers carry their date there: ``3天前 回答``)."""
        if self.container is None:
            return ""
        parts: list[str] = []
        for sibling in self.container.itersiblings():
            if is_comment_thread(sibling) or sibling in self.excluded:
                break
            parts.append(" ".join(sibling.itertext()))
            if sum(map(len, parts)) >= DATE_WINDOW_CHARS:
                break
        return " ".join(parts)[:DATE_WINDOW_CHARS]

    def _post_text(self) -> str:
        """A forum thread's first post less its body: the author, floor and date around it ("" elsewhere)."""
        if self.page_type != page_types.FORUM_THREAD or self.container is None:
            return ""
        post = post_element(self.container)
        if post is None:  # a thread of one post: the nearest wrapper around the body with more in it
            own = text_length(self.container)
            post = next((a for a in self.container.iterancestors() if text_length(a) > own), None)
        if post is None:
            return ""
        return " ".join(element_lines(post, skip=lambda el: el is self.container))[:DATE_WINDOW_CHARS]

    def _page_text(self) -> str:
        """The page's text less related blocks and comment threads (their dates are not the article's)."""
        body = self.root.find("body")
        top = body if body is not None else self.root
        return " ".join(element_lines(top, skip=lambda el: el in self.excluded or is_comment_thread(el)))

    @cached_property
    def _left_out(self) -> list[HtmlElement]:
        """What is never body, outermost elements only: related blocks, comment threads (by heading or by
        class/id, unless one holds our container) and the profile's exclusions."""
        container = self.container
        threads = [el for el in _HINTED(self.root) if is_comment_thread(el)]
        found = {el for el in (*self.excluded, *threads) if container is None or not is_inside(container, {el})}
        return [el for el in found if el.getparent() is None or not is_inside(el.getparent(), found)]

    @cached_property
    def _visible_chars(self) -> int:
        """Characters of the page's visible text (hidden parts are gone) less what is never body (:attr:`_left_out`)."""
        body = self.root.find("body")
        top = body if body is not None else self.root
        return text_length(top) - sum(text_length(el) for el in self._left_out if is_inside(el, {top}))

    def _visible_lines(self) -> list[str]:
        """The page's visible lines less what is never body (:attr:`_left_out`)."""
        body = self.root.find("body")
        left_out = set(self._left_out)
        return element_lines(body if body is not None else self.root, skip=lambda el: el in left_out)

    def _generic_breadcrumbs(self) -> list[str]:
        """The first trail named as one (class/id hint or 当前位置 label, among the usual containers),
        else the first run of links joined by arrows (in any element)."""
        elements = [el for el in self.root.iter() if isinstance(el.tag, str)]  # no comments
        named = (
            el
            for el in elements
            if el.tag in TRAIL_TAGS
            and (
                any(h in element_hints(el) for h in BREADCRUMB_HINTS)
                or _starts_with_breadcrumb_label(el)
            )
        )
        for el in itertools.chain(named, filter(_is_arrow_trail, elements)):
            links = list(el.iter("a"))
            if links and self._is_this_page(links[-1]):
                links.pop()  # the trail ends with the page itself: not a place above it
            crumbs = [clean_line(a.text_content()) for a in links]
            if crumbs:
                return crumbs
        return []

    def _is_this_page(self, link: HtmlElement) -> bool:
        """True for a trail's link to the page itself: its href is the page's URL, or its text is the title
        (perhaps cut short: ``确诊桥本甲状腺炎半年，分享一下我的复查 ...``)."""
        href = (link.get("href") or "").strip()
        if href and urldefrag(urljoin(self.base, href))[0] == urldefrag(self.url)[0]:
            return True
        text = clean_line(link.text_content())
        stem = text.rstrip(".。…· ").strip()
        title = self.title or ""
        cut_short = stem != text and len(stem) >= MIN_CUT_TITLE and title.startswith(stem)
        return bool(title) and (text == title or cut_short)


class ContinuationPage(ArticlePage):
    """Page 2+ of a split article: its body, found with page 1's container selector (``container``)
    when the profile has none, so that a short last page is found too; a body of any length counts."""

    def __init__(
        self, selector: Selector, url: str, profile: SiteProfile, fetched_at: str | None, container: str | None
    ):
        super().__init__(selector, url, profile, fetched_at)
        self.page_one_container = container

    @property
    def container_selectors(self) -> tuple[str, ...]:
        hint = (self.page_one_container,) if self.page_one_container else ()
        return self.profile.body or hint

    @property
    def min_body_chars(self) -> int:
        return 0
