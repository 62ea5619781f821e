"""Bylines and info lines: who wrote an article, and the line of facts about it that is not body text.

* :func:`byline_author` reads the names after ``作者：``, ``文/``, ``撰文：``, ``记者`` in an info line
  (``发布时间：… 作者：急诊科 王建国、李敏 阅读次数：…``), up to the next label; departments and job
  titles are left out and several names become one string joined by ``、``.
* :func:`slot_author` reads a platform's author slot (``#js_author_name``, ``.author``, Discuz!'s
  ``.authi``): an element named for the author whose text is a short name.
* :func:`profile_author` reads a post's header: the poster's name in a link to a user's profile page.
* :func:`signature_author` reads a signature line that closes a body (``执笔人：…``).
* :func:`byline_names` keeps the person names of a name list (JSON-LD's ``author`` is read with it, in
  ``structured_data``).
* :func:`is_info_line` tells an info line from body text, so that it never stays in the body.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from lxml.html import HtmlElement

from scraper.parsing.blocks import element_hints, hint_tokens
from scraper.parsing.content import is_comment_thread
from scraper.text.hanzi import simplified
from scraper.text.normalize import clean_line

# Labels that introduce the author's names, and the labels that end them (the next fact of the line).
# A Q&A page's asker (提问者：…) is its author; an account's 原创：name names the original's author.
# 文/ counts only as a word of its own (文/张三), never as the end of 论文： or 原文：.
_BYLINE = re.compile(
    r"(?:作者|撰文|撰稿人?|执笔人?|(?:^|(?<=[\s（(【\[|｜]))文|记者|通讯员|供稿|咨询|口述|提问者|提问人|发表者)\s*[:：/／]\s*"
    # a self-media byline with a bar for a colon: 作者丨张三, 文 | 李四, 撰文｜王五
    r"|(?:作者|撰文|撰稿人?|执笔人?|(?:^|(?<=[\s（(【\[]))文)\s*[|｜丨]\s*"
    # an official account's repost line: 原创： 李潇潇 39健康网 (the author, then the account)
    r"|原创\s*[:：]\s*"
    # 记者 after a space or an opening bracket, perhaps after the paper's name: （记者陈智 整合）, 本报记者 韩雪
    r"|(?:^|[\s（(])(?:本报|本台|本刊|特约|实习|见习|[\u4e00-\u9fff]{1,5}(?:报|社|台|网|刊))?记者\s*"
    # a byline line of its own: 半月谈记者 史卫燕; 作者 魏星 (a label without a colon)
    r"|^[\u4e00-\u9fff]{1,10}记者\s+|(?:^|\s)(?:作者|撰文)\s+(?=[\u4e00-\u9fff])"
    # Taiwan's 撰文者 (often glued to the name: 撰文者平松類)
    r"|撰文者\s*[:：]?\s*"
)
_NEXT_LABEL = re.compile(
    r"(?:来源|来自|出处|发布时间|发布日期|发表时间|更新时间|发布于|发表于|更新于|时间|日期|阅读|浏览|点击|人气|责任编辑|编辑(?!部)|审核|校对|字号|"
    r"评论|分享|收藏|标签|关键词|栏目|分类|核心提示|导读|摘要|提要|简介|单位|工作单位)\s*[:：]?|(?:图|摄影|摄)\s*[/／:：]|"
    # a Q&A's facts beside its asker: 提问者：乐乐妈妈 患者：男 8个月
    r"(?:患者|性别|年龄|病人)\s*[:：]|"
    r"\d{4}\s*[-年/.]|[|｜丨【\[（(）)】\]]"
)
# Words in a byline that are not names: job titles (a whole token) and units (a token ending so).
TITLES = frozenset(
    "主任医师 副主任医师 主治医师 住院医师 医师 医生 教授 副教授 博士 硕士 研究员 护士长 护师 药师 记者 通讯员 "
    "实习生 特约记者 编辑 主编 院长 副院长 主任 副主任 专家 营养师 心理咨询师 "
    # an association's officers (亞洲跨性別健康專業協會主席 麥棨諾醫生)
    "主席 副主席 会长 副会长 理事长 秘书长 主任委员 副主任委员".split()
)
# The titles, longest first, so that 副主任医师 is found before 医师.
TITLES_LONGEST_FIRST = tuple(sorted(TITLES, key=len, reverse=True))
UNIT_ENDINGS = (
    "医院", "科", "中心", "大学", "学院", "研究所", "研究院", "部", "室", "报", "网", "社", "台", "站", "医学",
    "协会", "学会", "分会", "基金会", "委员会", "联合会", "新闻", "频道",
)  # fmt: skip
_NAME_SEPARATORS = re.compile(r"\s*(?:[、，,/／;；]|\s和\s|\s)\s*")
# Bylines that name nobody (an asker's sex shown beside the name, the 整合 of （记者陈智 整合） and the 图 of
# 文/图 are no names either).
NOBODY = frozenset(
    "网络整理 网络 综合 综合整理 本站 本站原创 佚名 匿名 未知 管理员 admin 男 女 网友 匿名网友 匿名用户 "
    "整合 整理 编译 报道 采写 图 摄 供图 "
    # the buttons and menu items of an author slot
    "作者中心 作者主页 个人中心 个人主页 作者专栏 关于作者 作者介绍 关注 加关注 关注作者 更多文章 about "
    "暂未更新 最近发布 查看更多 更多 展开 收起 问医生 咨询医生 在线咨询 立即咨询 预约挂号 报导".split()
)
# A self-media account's platform badge after its name: 内分泌科周医生健康领域创作者.
_PLATFORM_BADGE = re.compile(r"(?:优质)?[\u4e00-\u9fff]{2}领域创作者$")
MAX_NAME_CHARS = 20
# A token ending so is a sentence (a lead run into the byline), not a name.
SENTENCE_ENDS = ("。", "！", "？", "；", ".", "!", "?")
# Class/id words of an author slot.
SLOT_HINTS = ("author", "authi", "zuozhe", "writer", "byline")
# Labels of an info line (two of them make a short line an info line).
INFO_LABELS = (
    "发布时间", "发布日期", "发表时间", "更新时间", "时间", "日期",
    "来源", "作者", "阅读", "浏览", "点击", "编辑", "字号", "版式", "美编", "校对", "审核",
)  # fmt: skip
# A line that is only a byline (本报记者 王明, 文/张三): a label and a name or two.
MAX_BYLINE_LINE_CHARS = 24


def _without_job_title(name: str) -> str:
    """``施秉庚醫師`` → ``施秉庚``: a full name (2–4 characters) keeps no job title after it; ``孙医师`` (a
    surname and a title) and a handle (``内分泌科周医生``) stay whole."""
    token = simplified(name)
    title = next((t for t in TITLES_LONGEST_FIRST if token.endswith(t)), None)
    if title is None:
        return name
    rest = name[: len(name) - len(title)]
    full_name = 2 <= len(rest) <= 4 and all("\u4e00" <= ch <= "\u9fff" for ch in rest)
    department = any(unit in simplified(rest) for unit in ("科", "院", "中心", "部", "室"))  # 儿科张医生: a handle
    return rest if full_name and not department else name


def _is_title(token: str) -> bool:
    """A job title alone (医师), or a unit's title (眼科醫師), or a newsroom's reporter (人民日报健康客户端记者);
    not a name with a title (孙医师)."""
    if token in TITLES or (len(token) > 2 and token.endswith(("记者", "通讯员"))):
        return True
    title = next((t for t in TITLES_LONGEST_FIRST if token.endswith(t)), None)  # 副主任委员 before 主任委员
    return title is not None and token[: -len(title)].endswith(UNIT_ENDINGS)


# A byline's names end where a quotation or a sentence begins.
OPENING_QUOTES = ("“", '"', "‘", "「", "『", "《")
# A run of Chinese characters longer than this that names no unit is a sentence, not a name (Chinese
# personal names have 2–4 characters; a few more with a middle dot).
MAX_PERSON_NAME_CJK = 6


def _is_sentence(token: str) -> bool:
    """True for a token that is part of a sentence: more Chinese characters than a name has, and no unit."""
    cjk = sum(1 for ch in token if "\u4e00" <= ch <= "\u9fff")
    return cjk > MAX_PERSON_NAME_CJK and not token.endswith(UNIT_ENDINGS) and "·" not in token


def byline_names(text: str, run_in: bool = False) -> str | None:
    """Person names in a byline's text joined by 、; else the organisation it names; None for nobody.
    ``run_in``: the names follow a label without a colon (``记者 温淑萍 “几年前…``), so the first token too
    long for a person's name begins the article's text and ends them."""
    names: list[str] = []
    units: list[str] = []
    for raw in _NAME_SEPARATORS.split(text.strip()):
        raw = _PLATFORM_BADGE.sub("", raw.strip(" ：:"))
        token = simplified(raw)
        if token.startswith(OPENING_QUOTES) or (run_in and _is_sentence(token)):
            break  # the byline ended and the article's first sentence began: 记者 温淑萍 “几年前…
        if not token or token in NOBODY or _is_title(token) or len(token) > MAX_NAME_CHARS:
            continue
        if any(ch.isdigit() for ch in token) or token.endswith(SENTENCE_ENDS):
            continue
        raw = _without_job_title(raw)
        if names and token.endswith(UNIT_ENDINGS):
            break  # a name's unit follows it (作者：韩思远 主治医师 某医院 皮肤科 问医生): the names are over
        (units if token.endswith(UNIT_ENDINGS) else names).append(raw)
    return "、".join(dict.fromkeys(names)) or (units[0] if units else None)


# A meta author in Latin letters that is a platform's credit or a contact, not a person.
_NOT_A_LATIN_NAME = re.compile(
    r"[\d@!_/]|\.(?:com|net|org|cn)\b|\b(?:team|inc|ltd|admin|webmaster|editor)\b", re.IGNORECASE
)
_WEB_ADDRESS = re.compile(r"https?://|www\.|\.(?:com|net|org|cn)\b", re.IGNORECASE)
# A login in a meta tag or a script variable (xiaoai, zhangsan): one lower-case word; a person's name
# written in Latin letters is capitalised (Jane Doe, Zhang San).
_LOGIN = re.compile(r"[a-z][a-z.\-]*")
# Portals whose name a page's meta author gives (not a person): too short to end like a unit.
SITE_BRANDS = frozenset("网易 新浪 搜狐 腾讯 凤凰 百度 头条 知乎 豆瓣 人民 新华".split())


def meta_author(value: str) -> str | None:
    """A ``<meta name=author>`` value as person names (Chinese names joined by 、), or None when it names
    nobody: a staff id (``L_104485``, ``1911``) or login (``xiaoai``), an e-mail address, an engine's
    credit (``Discuz! Team``),
    an organisation or a site (``网易``, ``北京新浪網``, ``CSDN.NET``: a meta author naming an organisation
    is the site's own name far more often than an article's author). A Latin name is kept whole."""
    value = clean_line(value)
    if _WEB_ADDRESS.search(value):
        return None  # a site builder's or a site's credit: 某某网络有限公司-http://www.example.com
    if re.search(r"[\u4e00-\u9fff]", value):
        return _person_names(value)
    if not value or _NOT_A_LATIN_NAME.search(value) or _LOGIN.fullmatch(value) or len(value) > MAX_NAME_CHARS * 2:
        return None
    return value


def _person_names(text: str) -> str | None:
    """The person names of a text (joined by 、); None when it names only an organisation or a site (an
    unlabelled slot or a meta tag naming 自由時報 names the publisher, not an author)."""
    names = [name for name in (byline_names(text) or "").split("、") if name and not _is_organisation(name)]
    return "、".join(names) or None


def _is_organisation(name: str) -> bool:
    """A unit or a site: ends like one (医院, 网, 報) or is a two-character brand (网易, 新浪)."""
    return simplified(name).endswith(UNIT_ENDINGS) or simplified(name) in SITE_BRANDS


# In a body's first lines, a byline label starts within this many characters (a dateline: 新华社内罗毕
# ６月１３日电（记者 …）; further in, 记者： is a sentence's (…告诉记者：…).
MAX_LEADING_BYLINE_OFFSET = 40
# ... unless the names end the line (a newspaper's header run into one line: … 版式：王宜朴 见习记者 庄小琴).
MAX_TRAILING_NAMES_CHARS = 12


# Bylines around their names: a dateline's bracket (中新网成都6月2日电 (王光东 郭璇)), an uploader's credit
# (本文章由注册用户 聪慧丝袜 上传提供, 本文由 张三 原创发布).
_CIRCUMFIX_BYLINES = (
    re.compile(
        r"(?:社|网|台|报|新闻)[\u4e00-\u9fff]{0,8}\d{1,2}\s*月\s*\d{1,2}\s*日\s*电\s*[（(](?P<names>[^（）()]{2,30})[）)]"
    ),
    re.compile(
        r"(?:本文|本文章|此文|该文)由\s*(?:注册用户|用户|网友|会员|作者)?\s*(?P<names>[^，。,]{2,24}?)\s*"
        r"(?:原创)?(?:上传|发布|提供|整理|投稿|编辑|撰写)"
    ),
)


def byline_author(line: str, max_offset: int | None = None) -> str | None:
    """The author names of an info line or byline (``作者：王建国、李敏``, ``文/张三``, ``本文由张三上传``,
    a dateline's ``…电 (王光东 郭璇)``), or None; ``max_offset``: the label must start within that many
    characters of the line, or the names end it."""
    line = clean_line(line)
    match = _BYLINE.search(simplified(line))
    if not match:
        around = (pattern.search(line) for pattern in _CIRCUMFIX_BYLINES)
        found = next((m for m in around if m and (max_offset is None or m.start() <= max_offset)), None)
        return byline_names(found.group("names")) if found else None
    if max_offset is not None and match.start() > max_offset and len(line) - match.end() > MAX_TRAILING_NAMES_CHARS:
        return None  # deep in the line and followed by more than names: a sentence's 记者：
    rest = line[match.end() :]
    if match.group().startswith("原创"):  # 原创： 李潇潇 39健康网: the last name is the account's
        tokens = _until_next_label(rest)[0].split()
        return byline_names(" ".join(tokens[:-1])) if len(tokens) > 1 else None
    if match.group().strip() in ("作者", "撰文"):  # a label without a colon names one author; tags may follow
        rest = rest.split()[0] if rest.split() else ""
    return _names_up_to_next_label(rest, run_in=not any(ch in match.group() for ch in ":：/／|｜丨"))


# An affiliation opening an unlabelled byline (南京军区福州总医院 吴志 林晋): a hospital, a department, a
# university or an institute; a medium's name (…报, …网) is not one (人民网 人民健康 names no one).
AFFILIATION_ENDINGS = ("医院", "科", "中心", "大学", "学院", "研究所", "研究院", "卫生院", "疾控中心")
_SHORT_NAME = re.compile(r"[\u4e00-\u9fff]{2,3}")
MAX_UNLABELLED_NAMES = 4


def _is_short_name(token: str) -> bool:
    plain = simplified(token)
    return bool(_SHORT_NAME.fullmatch(token)) and not _is_title(plain) and not plain.endswith(UNIT_ENDINGS)


def affiliation_byline(text: str) -> str | None:
    """The names of an unlabelled byline that opens ``text``, a health paper's convention: affiliations,
    then one to four names of 2–3 characters, up to the next label of an info line (``南京军区福州总医院
    吴志 林晋 发布时间：…`` → ``吴志、林晋``); None for anything else."""
    tokens = _until_next_label(clean_line(text))[0].split()
    units = 0
    while units < len(tokens) and simplified(tokens[units]).endswith(AFFILIATION_ENDINGS):
        units += 1
    names = tokens[units:]
    if not units or not 1 <= len(names) <= MAX_UNLABELLED_NAMES:
        return None
    if not all(_is_short_name(name) for name in names):
        return None
    return "、".join(names)


def _until_next_label(text: str) -> tuple[str, re.Match[str] | None]:
    """``text`` up to the next label of an info line or a bracket, and that label (None at the end)."""
    end = _NEXT_LABEL.search(simplified(text))
    return (text[: end.start()] if end else text), end


def _names_up_to_next_label(rest: str, run_in: bool = False) -> str | None:
    """The names at the start of ``rest``, up to the next label of an info line or a bracket."""
    names, end = _until_next_label(rest)
    glued_label = end is not None and "\u4e00" <= end.group()[0] <= "\u9fff" and end.group()[0] != "丨"  # a word
    if glued_label and names and not names[-1].isspace() and " " in names.strip():
        names = names.strip().rsplit(" ", 1)[0]  # 苏娜 每经编辑: 每经 is the next label's paper, no name
    return byline_names(names, run_in)


# A signature line closing a body: 执笔人：…, （作者：…）, 文/…, □ 本报记者 … alone on a short line.
_SIGNATURE = re.compile(
    r"^[（(□■◎●\s]*(?:(?:作者|执笔人?|撰稿人?|撰文|文)\s*[:：/／]|(?:本报|本台|本刊)?(?:记者|通讯员)\s)\s*"
)
MAX_SIGNATURE_CHARS = 60


# A reporter's name alone in brackets closing a story: （羅森）, （申明）; not （完）, （待续）.
_CLOSING_NAME = re.compile(r"^[（(]\s*([\u4e00-\u9fff]{2,4})\s*[）)]$")
# A bracketed signature at the end of a paragraph, after its last sentence.
_TRAILING_SIGNATURE = re.compile(r"(?<=[。！？!?.])\s*[（(][^（）()]{2,30}[）)]\s*$")
NOT_CLOSING_NAMES = frozenset("全文完 本文完 未完 待续 未完待续 完 图 供图 资料图 本报讯 记者 编辑 通讯员".split())


def signature_author(line: str) -> str | None:
    """The names of a body's closing signature line (``执笔人：闵乐夫 赵兰波``, ``（文/图 张三 李四）``, a
    reporter's name alone in brackets: ``（羅森）``), or None for any other line."""
    line = clean_line(line)
    trailing = _TRAILING_SIGNATURE.search(line)
    if trailing and trailing.start() > 0:  # run into the end of the last paragraph: …需要。(文/图 张三 李四)
        return signature_author(trailing.group())
    closing = _CLOSING_NAME.match(line)
    if closing and simplified(closing.group(1)) not in NOT_CLOSING_NAMES:
        return closing.group(1)
    match = _SIGNATURE.match(simplified(line))
    if len(line) > MAX_SIGNATURE_CHARS or match is None:
        return None
    return _names_up_to_next_label(line[match.end() :])


# A forum or platform user's handle in an author slot's link: 贴吧用户_a1K92yE, tangtang_2019.
_HANDLE = re.compile(r"[A-Za-z\u4e00-\u9fff][\w\u4e00-\u9fff.\-]{1,23}")
# ... unless it is a date, a floor or a counter (2020年, 1楼, 阅读123).
_NOT_A_HANDLE = re.compile(r"\d{4}\s*[-/.年]|\d+\s*[楼层年月日]|^(?:阅读|浏览|评论|点击|回复)")


# A link to an author's own page (/author/101.html, /zuozhe/wang/) is an author slot whatever its class.
_AUTHOR_PAGE = re.compile(r"/(?:author|zuozhe|writer|columnist)s?(?:/[^/?#]+|\?[^#]*\b(?:un|uid|id|name)=)", re.I)


# A slot that labels its name holds a label and a name or two (撰文者平松類), not a copyright box.
MAX_LABELLED_SLOT_CHARS = 40


# A class worn by this many author slots with different texts marks a list (other articles' writers in
# a sidebar), not the article's author.
MIN_LISTED_SLOTS = 4
# A slot's text with a sentence's punctuation or quotes is a headline or a sentence, not a name.
_NOT_A_NAME_TEXT = re.compile(r"[。！？!?「」“”《》]")


def _author_slots(root: HtmlElement, skip: set[HtmlElement]) -> Iterator[HtmlElement]:
    """Elements whose class/id names the author, and links to an author's page, in page order, outside
    the ``skip`` elements (related blocks), comment threads and lists (:data:`MIN_LISTED_SLOTS`)."""
    found = []
    for el in root.iter("span", "a", "div", "em", "p", "strong", "address", "cite"):
        hints = element_hints(el)
        author_page = el.tag == "a" and _AUTHOR_PAGE.search(el.get("href") or "")
        if not (any(word in hints for word in SLOT_HINTS) or author_page) or _inside(el, skip):
            continue
        if not any(is_comment_thread(node) for node in el.iterancestors()):
            found.append(el)
    texts: dict[str, set[str]] = {}
    for el in found:
        texts.setdefault(el.get("class") or "", set()).add(clean_line(el.text_content()))
    for el in found:
        listed = bool(el.get("class")) and len(texts[el.get("class") or ""]) >= MIN_LISTED_SLOTS
        if not listed and not _NOT_A_NAME_TEXT.search(el.text_content()):
            yield el


def slot_author(root: HtmlElement, skip: set[HtmlElement]) -> str | None:
    """The author slots' name (:func:`_author_slots`): the first slot that labels its name (``撰文者平松類``),
    else the first holding a short name (no digits, no label) or, in a link, a user's handle
    (``贴吧用户_a1K92yE``)."""
    slots = list(_author_slots(root, skip))
    # a slot's parts apart (<span>作者</span><a>林夕</a><span>儿科学硕士</span> → 作者 林夕 儿科学硕士)
    texts = [clean_line(" ".join(el.itertext())) for el in slots]
    labelled = (byline_author(text) for text in texts if len(text) <= MAX_LABELLED_SLOT_CHARS)
    found = next(filter(None, labelled), None)  # a slot that labels its name (撰文者平松類) first
    if found:
        return found
    for el, text in zip(slots, texts, strict=True):
        handle = el.tag == "a" and any(ch.isdigit() for ch in text) and _HANDLE.fullmatch(text)
        if handle and not _NOT_A_HANDLE.search(text):
            return text  # a user's handle, linked to the profile: digits are part of it
        if text and len(text) <= MAX_NAME_CHARS and not any(ch.isdigit() for ch in text) and "：" not in text:
            name = byline_author(text) or _person_names(text)
            if name:
                return name
    return None


def _shown_name(text: str) -> str | None:
    """A slot's or a link's text as the name it shows: a user's handle whole (digits and all), else its
    person names; None for buttons (关注), dates and floors, and texts too long for a name."""
    if not text or len(text) > MAX_NAME_CHARS or simplified(text) in NOBODY or _NOT_A_HANDLE.search(text):
        return None
    return text if _HANDLE.fullmatch(text) else _person_names(text)


# Class/id tokens of a Q&A page's asker slot (span.ask-name, div.asker_nick): an asker word and a name word.
ASKER_TOKEN_STARTS = ("ask", "tiwen", "questioner", "quser")
NAME_TOKEN_PARTS = ("name", "nick", "user")


def asker_author(root: HtmlElement, skip: set[HtmlElement]) -> str | None:
    """A Q&A page's asker named in a slot of their own (``<span class="ask-name">木子李</span>``): the
    first element whose class/id joins an asker word and a name word and shows a short name or handle,
    outside ``skip`` (related blocks, comment threads); None when there is none."""
    for el in root.iter("span", "a", "div", "em", "p", "strong", "b", "i", "dd"):
        tokens = hint_tokens(element_hints(el))
        asker = any(token.startswith(ASKER_TOKEN_STARTS) for token in tokens)
        if not asker or not any(part in token for token in tokens for part in NAME_TOKEN_PARTS) or _inside(el, skip):
            continue
        if any(isinstance(child.tag, str) and child.tag != "img" for child in el):
            continue  # the asker's box (avatar, name, sex and age): its name slot is inside
        found = _shown_name(clean_line(el.text_content()))
        if found:
            return found
    return None


# Labels of a Q&A page's asker before a link to the asker's page (提问者：<a>风吹麦浪2015</a>), matched
# after Traditional → Simplified (提問者, 樓主 too).
ASKER_LABELS = ("提问者", "提问人", "楼主")


def labelled_asker(root: HtmlElement, skip: set[HtmlElement]) -> str | None:
    """A Q&A page's asker shown as a link right after an asker label (``提问者：<a>风吹麦浪2015</a>``): the
    link's name or handle (digits and all), outside ``skip``; None when there is none."""
    for link in root.iter("a"):
        previous = link.getprevious()
        before = (previous.tail if previous is not None else link.getparent().text) or ""
        label = simplified(before.strip().rstrip(":：").strip())
        if not label.endswith(ASKER_LABELS) or _inside(link, skip):
            continue
        found = _shown_name(clean_line(link.text_content()))
        if found:
            return found
    return None


# A link to a user's or a doctor's page on a forum or a platform: /people/212148925/, /user/52323388.html,
# /doctor/87543.html (the doctor who wrote a health site's article),
# space-uid-1001.html, home.php?mod=space&uid=1001, /u/4f2a9 (an id with a digit in it), /u8827361520,
# /profile/renal_mouse.
_PROFILE_PAGE = re.compile(
    r"/(?:people|users?|u|members?|space|profile|home|homepage|usercenter|doctors?|experts?|yisheng|zhuanjia)/[\w.-]*\d"
    r"|/profile/[\w.-]+|/u\d{4,}\b|space-uid-\d+|[?&](?:uid|userid|user_id|mid)=\d+",
    re.I,
)


def profile_author(links: Iterable[HtmlElement]) -> str | None:
    """The poster's name: the first of ``links`` (a post's header, between the headline and the body) that
    leads to a user's profile page (``/people/212148925/``, ``space-uid-1001.html``) and shows a name or a
    handle; an avatar's link shows its ``alt`` or ``title``. None when no such link names anyone."""
    for link in links:
        if not _PROFILE_PAGE.search(link.get("href") or ""):
            continue
        images = link.findall(".//img")
        text = clean_line(link.text_content()) or clean_line(link.get("title") or "")
        found = _shown_name(text or next((clean_line(img.get("alt") or "") for img in images if img.get("alt")), ""))
        if found:
            return found
    return None


def _inside(el: HtmlElement, ancestors: set[HtmlElement]) -> bool:
    return any(node in ancestors for node in (el, *el.iterancestors()))


# A doctor card's counter: 帮助过的人：13562, 好评率 98%, 回答 1.2万.
_CARD_COUNTER = re.compile(
    r"^(?:帮助过的人|帮助人数|帮助过|回答数?|好评率|粉丝|关注|文章|患者数?|接诊|问诊量)[:：]?\d[\d.,万%+]*$"
)
MAX_CARD_LINE_CHARS = 60


def is_card_line(line: str) -> bool:
    """True for the line of an answering doctor's card on a Q&A page (``贺丽娜 主管药师``, ``西安交通大学第一
    附属医院 药学部``, ``邵振东 主治医师 邯郸市中心医院 心血管内科 帮助过的人：13562``): nothing but a name,
    job titles, units and counters, with a title or a unit among them."""
    line = clean_line(line)
    if not line or len(line) > MAX_CARD_LINE_CHARS or any(ch in line for ch in "。！？；，,"):
        return False
    tokens = [simplified(token) for token in line.split()]
    kinds = []
    for token in tokens:
        if _CARD_COUNTER.match(token):
            kinds.append("counter")
        elif _is_title(token) or _without_job_title(token) != token:
            kinds.append("title")
        elif token.endswith(UNIT_ENDINGS):
            kinds.append("unit")
        elif re.fullmatch(r"[\u4e00-\u9fff·]{2,4}", token):
            kinds.append("name")
        else:
            return False
    return "title" in kinds or ("unit" in kinds and kinds.count("name") <= 1 and len(tokens) > 1)


def is_byline_line(line: str) -> bool:
    """True for a line that is a byline and nothing else (``见习记者 庄小琴``, ``文/张三 李四``)."""
    line = clean_line(line)
    return len(line) <= MAX_BYLINE_LINE_CHARS and byline_author(line) is not None


def is_info_line(line: str) -> bool:
    """True for an info line (``发布时间：… 作者：… 阅读次数：…``): two labels or more, short."""
    text = simplified(line)
    return len(text) <= 120 and sum(1 for label in INFO_LABELS if label in text) >= 2 and (
        "：" in text or ":" in text
    )
