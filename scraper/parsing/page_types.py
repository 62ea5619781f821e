"""What kind of page an article record comes from (``page_type``): an article, a Q&A page, a disease or
drug encyclopedia entry, or a forum thread.

Decided by the page's own statements first (JSON-LD or microdata ``@type``, a forum engine's ``generator``
meta), then by its URL and markup: a forum's post markup (Discuz!'s ``postmessage_``, ``楼主``), a question
with answers (class/id words ``question`` and ``answer``/``wenda``, or labels such as ``提问者`` and
``医生回复``), an entry's headed parts (病因, 症状,
治疗 … as headings of their own). Anything else is an article.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from scraper.items import ARTICLE, ENCYCLOPEDIA, FORUM_THREAD, QA
from scraper.parsing.blocks import element_hints
from scraper.parsing.titles import DESCRIPTION_LABELS
from scraper.text.hanzi import simplified
from scraper.text.sections import ENTRY_HEADINGS

QA_SCHEMA_TYPES = ("QAPage", "Question")
FORUM_GENERATORS = ("discuz", "phpwind", "dvbbs", "phpbb", "vbulletin", "xenforo")
_FORUM_URL = re.compile(
    r"thread-\d+|viewthread\.php|read\.php\?tid=|/bbs/|tieba\.baidu\.com/p/\d+|/showtopic|/group/topic/\d+", re.I
)
# A forum post's element id: Discuz!'s postmessage_1001 / post_1001, phpwind's read_1001.
_POST_ID = re.compile(r"(?:postmessage|post|read|pid)_?\d+$")
_QA_URL = re.compile(r"/(?:question|questions|wenda|ask|wenti|qa)/|zhidao\.baidu\.com|/q/\d+", re.I)
_ENCYCLOPEDIA_URL = re.compile(r"//jbk\.|/(?:baike|jbk|jibing/baike|disease|drug|yaopin)/", re.I)
MIN_ENTRY_HEADINGS = 3
# MediaWiki's content containers.
WIKI_CONTENT_IDS = frozenset(("mw-content-text", "bodyContent"))
_HEADING_TAGS = ("h2", "h3", "h4", "dt", "strong", "b")


def _hints(root: HtmlElement) -> str:
    return " ".join(element_hints(el) for el in root.iter() if isinstance(el.tag, str))


# What a thread writes beside the original poster's name in the replies (a short element of its own).
OP_LABELS = frozenset(("楼主", "樓主", "LZ"))
# A reply's floor, in a short element of its own (1楼, 2樓, #3, 沙发): two of them make a thread.
_FLOOR = re.compile(r"^(?:\d+\s*[楼樓层層]|#\d+|沙发|沙發|板凳)$")


def _is_forum(root: HtmlElement, url: str, generator: str) -> bool:
    if any(name in generator.lower() for name in FORUM_GENERATORS) or _FORUM_URL.search(url):
        return True
    if any(_POST_ID.match(el.get("id") or "") for el in root.iter("div", "td")):
        return True
    labels = ["".join(el.itertext()).strip() for el in root.iter("span", "em", "i", "b", "label", "a")]
    return any(label in OP_LABELS for label in labels) or sum(1 for label in labels if _FLOOR.match(label)) >= 2


# What a Q&A page writes beside the question and beside its answers, when its class names do not say
# (``q-desc``, ``a-item``): labels of the asker's description and of the doctors' replies.
QUESTION_LABELS = ("提问者", "提问人", *DESCRIPTION_LABELS, "患者提问", "网友提问")
ANSWER_LABELS = (
    "医生回复", "医生回答", "医生解答", "专家回答", "专家解答", "网友回答", "最佳答案", "推荐答案", "病情分析",
    "指导意见", "条回答", "条回复",
)  # fmt: skip
# Only short elements can be such labels (a sentence that mentions 医生回答 is no label).
MAX_LABEL_ELEMENT_CHARS = 40


def _qa_labels(root: HtmlElement) -> tuple[bool, bool]:
    """Whether the page labels a question description and answers in short elements of their own."""
    question = answer = False
    for el in root.iter("span", "b", "strong", "em", "div", "p", "dt", "h2", "h3", "h4", "label", "i"):
        text = simplified("".join((el.text or "").split()))
        if not text:
            continue
        # a doctor's paragraph opened by its label: 病情分析：你好，… (寻医问药)
        answer = answer or any(text.startswith((f"{label}：", f"{label}:")) for label in ANSWER_LABELS)
        if len(text) > MAX_LABEL_ELEMENT_CHARS:
            continue
        question = question or any(text.startswith(label) for label in QUESTION_LABELS)
        answer = answer or any(label in text for label in ANSWER_LABELS)
        if question and answer:
            break
    return question, answer


def _is_qa(root: HtmlElement, url: str, schema_types: list[str]) -> bool:
    if any(kind in schema_types for kind in QA_SCHEMA_TYPES):
        return True
    hints = _hints(root)
    has_question = "question" in hints or "wenti" in hints
    has_answer = any(word in hints for word in ("answer", "wenda", "huida", "reply-doctor", "doctor-reply"))
    if not (has_question and has_answer):
        labelled_question, labelled_answer = _qa_labels(root)
        has_question, has_answer = has_question or labelled_question, has_answer or labelled_answer
    return (has_question and has_answer) or (bool(_QA_URL.search(url)) and (has_question or has_answer))


def _is_wiki(root: HtmlElement, generator: str) -> bool:
    """A page of a wiki engine (MediaWiki's generator or its content markup), where entries live."""
    if "mediawiki" in generator.lower():
        return True
    return any(
        el.get("id") in WIKI_CONTENT_IDS or "mw-headline" in (el.get("class") or "") for el in root.iter("div", "span")
    )


def _entry_headings(root: HtmlElement) -> int:
    heads = {
        simplified("".join((el.text_content() or "").split())).strip("：:")
        for el in root.iter(*_HEADING_TAGS)
        if len("".join((el.text_content() or "").split())) <= 8
    }
    return len(heads & ENTRY_HEADINGS)


def page_type(root: HtmlElement, url: str, generator: str = "", schema_types: list[str] | None = None) -> str:
    """The kind of page (:data:`ARTICLE`, :data:`QA`, :data:`ENCYCLOPEDIA`, :data:`FORUM_THREAD`).

    ``generator``: the ``<meta name=generator>`` value; ``schema_types``: the JSON-LD and microdata
    ``@type`` values (``structured_data``).
    """
    if _is_forum(root, url, generator):
        return FORUM_THREAD
    if _is_qa(root, url, schema_types or []):
        return QA
    headings = _entry_headings(root)
    named = _ENCYCLOPEDIA_URL.search(url) or _is_wiki(root, generator)
    if headings >= MIN_ENTRY_HEADINGS and (named or headings >= MIN_ENTRY_HEADINGS + 1):
        return ENCYCLOPEDIA
    return ARTICLE
