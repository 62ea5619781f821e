"""Page titles: strip the site suffix (``标题-乡间郎中``) and learn the site name from it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from scraper.profiles import DEFAULT_SEPARATORS

# Qualifiers that follow a site name in a suffix without being part of it.
SITE_QUALIFIERS = (
    "手机版", "移动版", "触屏版", "WAP版", "wap版", "官网", "官方网站", "网站", "数字版", "电子版", "数字报",
)  # fmt: skip
# A suffix longer than this is more likely part of the title than a site name.
MAX_SITE_NAME_CHARS = 20


# A forum engine's signature at the end of a <title>: " - Powered by Discuz!", "| Powered by phpwind".
_POWERED_BY = re.compile(r"(?:\s*[-_|–—－｜]\s*)?\bpowered\s+by\b.*$", re.IGNORECASE)
# A bracketed tag before a headline: [经验分享], 【原创】, ［转载］.
_TAG_PREFIX = re.compile(r"^\s*(?:[\[【［][^\]】］]{1,10}[\]】］]\s*)+")


# Labels of a question's description, which Q&A sites append to the question in the <title>
# (``问题 症状描述：… 医院检查：…|科室|站点``); the description is body text, never the title.
DESCRIPTION_LABELS = ("问题描述", "病情描述", "症状描述", "健康咨询描述", "咨询描述")
_DESCRIPTION = re.compile(rf"\s*(?:{'|'.join(DESCRIPTION_LABELS)})\s*[:：]")
# A title cut at a description label keeps at least this many characters (else it is left whole).
MIN_QUESTION_CHARS = 4


def strip_description(title: str) -> str:
    """``问题 症状描述：2年前…`` → ``问题``: a question's description run into its title is cut off."""
    match = _DESCRIPTION.search(title)
    if match is None or match.start() < MIN_QUESTION_CHARS:
        return title
    return title[: match.start()].strip()


def strip_powered_by(raw: str) -> str:
    """``T - board - forum - Powered by Discuz!`` → ``T - board - forum`` (never a site name)."""
    return _POWERED_BY.sub("", raw).strip()


def strip_tag_prefix(text: str) -> str:
    """``[经验分享] 宝宝湿疹…`` → ``宝宝湿疹…`` (the text itself when it is only a tag)."""
    return _TAG_PREFIX.sub("", text).strip() or text.strip()


@dataclass(frozen=True)
class SplitTitle:
    """A ``<title>`` split into the title and the site name of its suffix (None when it has none)."""
    title: str
    site: str | None


def _separator_pattern(separators: tuple[str, ...]) -> str:
    """Separators as a regex; one between two ASCII letters or digits (COVID-19, B-12) does not count."""
    return "|".join(rf"(?<![A-Za-z0-9]){re.escape(sep)}|{re.escape(sep)}(?![A-Za-z0-9])" for sep in separators)


def site_name_from_suffix(suffix: str) -> str:
    """``乡间郎中手机版`` → ``乡间郎中``; a tagline after a comma goes too (``维基百科，自由的百科全书``)."""
    suffix = re.split(r"[，,]", suffix.strip(), maxsplit=1)[0].strip()
    for qualifier in SITE_QUALIFIERS:
        if suffix.endswith(qualifier) and len(suffix) > len(qualifier):
            return suffix[: -len(qualifier)].strip(" -_|")
    return suffix


def _site_name(segment: str) -> str | None:
    """A ``<title>`` segment as a site name (qualifiers dropped); None when empty or too long for one."""
    name = site_name_from_suffix(segment)
    return name if 0 < len(name) <= MAX_SITE_NAME_CHARS else None


def split_title(raw: str, separators: tuple[str, ...] = DEFAULT_SEPARATORS, site: str | None = None) -> SplitTitle:
    """Split ``标题-站点`` into title and site name; a title without suffix is kept whole.

    With a known ``site`` name, only a suffix naming that site is removed. A forum engine's
    ``Powered by …`` is dropped first.
    """
    raw = strip_powered_by(raw)
    pattern = _separator_pattern(separators)
    parts = re.split(rf"\s*(?:{pattern})\s*", raw)  # empty parts kept: a trailing separator ends no site
    if len(parts) < 2:
        return SplitTitle(raw, None)
    suffix = parts[-1]
    name = _site_name(suffix)
    if name is None or (site is not None and name != site and suffix != site):
        return SplitTitle(raw, None)
    # Drop only the last segment: the title itself may contain a separator.
    title = raw[: raw.rfind(suffix)].rstrip()
    title = re.sub(rf"(?:{pattern})\s*$", "", title).strip()
    title = _without_keyword_chain(title)
    return SplitTitle(title, name) if title else SplitTitle(raw, None)


def title_segments(raw: str, separators: tuple[str, ...] = DEFAULT_SEPARATORS) -> list[str]:
    """``栏目 - 标题 - 站点`` → ``["栏目", "标题", "站点"]`` (``Powered by …`` dropped first)."""
    pattern = _separator_pattern(separators)
    return [part for part in re.split(rf"\s*(?:{pattern})\s*", strip_powered_by(raw)) if part]


def split_around_headline(
    raw: str, headline: str, separators: tuple[str, ...] = DEFAULT_SEPARATORS
) -> SplitTitle | None:
    """A ``<title>`` whose headline is not its first segment, split with the page's headline text.

    ``衛教園地 - 認識帶狀皰疹 - 某醫院`` (column first) keeps the suffix as site name; ``某署-兒童口腔保健
    塗氟防齲從小做起`` (site first) takes the first segment as site name when the headline is the
    longer of the two (else the last segment is more likely a site name repeated in the page). None
    when ``headline`` is not a later segment of ``raw``.
    """
    parts = title_segments(raw, separators)
    if len(parts) < 2 or headline not in parts[1:]:
        return None
    if headline != parts[-1]:
        return SplitTitle(headline, split_title(raw, separators).site)
    if len(headline) <= len(parts[0]):
        return None
    return SplitTitle(headline, _site_name(parts[0]))


def site_from_title(
    raw: str, separators: tuple[str, ...] = DEFAULT_SEPARATORS, columns: list[str] | tuple[str, ...] = ()
) -> str | None:
    """The site name in a ``<title>``'s suffix; trailing parts that are ``columns`` (the page's
    breadcrumbs: ``标题_39健康网_精神心理``) are passed over for the part before them. None when none."""
    parts = title_segments(raw, separators)
    if len(parts) < 3 or parts[-1] not in columns:
        return split_title(raw, separators).site
    while len(parts) > 2 and parts[-1] in columns:
        parts.pop()
    return _site_name(parts[-1])


# ``标题_栏目_关键词_网站``: after the site, the underscore parts of a CMS title are columns and keywords
# (this short or shorter); the title is the first part.
MAX_KEYWORD_CHARS = 8


def _without_keyword_chain(title: str) -> str:
    """``失眠怎么办_睡眠_失眠`` → ``失眠怎么办`` when every part after the first is short."""
    parts = [part.strip() for part in title.split("_")]
    if len(parts) >= 2 and parts[0] and all(0 < len(part) <= MAX_KEYWORD_CHARS for part in parts[1:]):
        return parts[0]
    return title


def strip_site_suffix(raw: str, separators: tuple[str, ...] = DEFAULT_SEPARATORS, site: str | None = None) -> str:
    """The title without its site suffix (see :func:`split_title`)."""
    return split_title(raw, separators, site).title


# A headline cut short by a template (Baidu Tieba cuts at 30 characters) is at least this long.
MIN_CUT_HEADLINE_CHARS = 15


def cut_short(headline: str, title: str) -> bool:
    """True when ``headline`` is ``title`` cut off in mid-sentence (a template's length limit): a long
    headline that the title continues without a break (``…现在走路都不`` + ``行，非常严重…``)."""
    if len(headline) < MIN_CUT_HEADLINE_CHARS or len(title) <= len(headline) or not title.startswith(headline):
        return False
    last, following = headline[-1], title[len(headline)]
    return last.isalnum() and following.isalnum()  # letters, digits and Chinese characters alike


def squeezed(text: str, separators: tuple[str, ...] = DEFAULT_SEPARATORS) -> str:
    """The text without spaces and title separators, to compare parts joined differently."""
    return re.sub(rf"\s+|{_separator_pattern(separators)}", "", text)


def same_words(one: str, other: str, separators: tuple[str, ...] = DEFAULT_SEPARATORS) -> bool:
    """True when two titles differ only in how their parts are joined (``疾病 问题 希望`` on the page,
    ``疾病_问题_希望`` in the ``<title>``): equal once spaces and separators are taken out."""
    return bool(one) and squeezed(one, separators) == squeezed(other, separators)


def choose_title(
    h1: str | None, head_title: str | None, og_title: str | None, separators: tuple[str, ...] = DEFAULT_SEPARATORS
) -> str | None:
    """Consensus of ``<h1>``, ``og:title`` and ``<title>``: the h1 when the others agree with it
    (start with it, or carry it as a later segment: see :func:`split_around_headline`), unless the h1
    is the title cut short (:func:`cut_short`): then the title; an h1 with the title's keyword chain
    (``是否有必要抗病毒治疗_大三阳`` beside ``…_大三阳_好大夫在线``) loses the keywords."""
    stripped = [strip_site_suffix(t, separators) for t in (og_title, head_title) if t]
    whole = next((s for s in stripped if h1 and cut_short(h1, s)), None)
    if whole is not None:
        return whole
    if h1 and "_" in h1 and _without_keyword_chain(h1) in stripped:
        return _without_keyword_chain(h1)  # the headline shows the title's keywords too: T_大三阳
    if h1 and (
        not stripped
        or any(s.startswith(h1) or h1.startswith(s) or same_words(s, h1, separators) for s in stripped)
        or any(split_around_headline(t, h1, separators) for t in (og_title, head_title) if t)
    ):
        return h1
    return stripped[0] if stripped else h1
