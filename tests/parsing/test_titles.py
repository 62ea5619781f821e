"""Unit tests for scraper.parsing.titles: site suffixes and the choice between h1, og:title and <title>."""

from __future__ import annotations

import pytest

from scraper.parsing.titles import SplitTitle, choose_title, site_name_from_suffix, split_title, strip_site_suffix
from tests.helpers.pages import parsed_article


@pytest.mark.parametrize(
    ("raw", "title", "site"),
    [
        ("腰椎微创手术后腰酸痛是怎么回事-乡间郎中", "腰椎微创手术后腰酸痛是怎么回事", "乡间郎中"),
        ("腰痛是怎么回事_乡间郎中手机版", "腰痛是怎么回事", "乡间郎中"),
        ("腰痛是怎么回事 | 乡间郎中", "腰痛是怎么回事", "乡间郎中"),
        ("腰痛是怎么回事—乡间郎中", "腰痛是怎么回事", "乡间郎中"),
        ("腰痛是怎么回事 – 乡间郎中", "腰痛是怎么回事", "乡间郎中"),
        ("腰痛是怎么回事－乡间郎中", "腰痛是怎么回事", "乡间郎中"),
        ("腰痛是怎么回事｜乡间郎中", "腰痛是怎么回事", "乡间郎中"),
        ("腰痛是怎么回事-乡间郎中官网", "腰痛是怎么回事", "乡间郎中"),
        ("  腰痛是怎么回事-乡间郎中  ", "腰痛是怎么回事", "乡间郎中"),
        # The title itself contains a separator: only the last segment goes.
        ("A-B-乡间郎中", "A-B", "乡间郎中"),
        ("腰痛_乡间郎中_乡间郎中", "腰痛_乡间郎中", "乡间郎中"),
    ],
)
def test_split_title_strips_site_suffix(raw: str, title: str, site: str) -> None:
    assert split_title(raw) == SplitTitle(title, site)
    assert strip_site_suffix(raw) == title


@pytest.mark.parametrize(
    "raw",
    [
        "腰椎微创手术后腰酸痛是怎么回事",
        "腰痛是怎么回事？",
        "-乡间郎中",  # nothing left for a title
        "腰痛-",  # an empty suffix
        "腰痛 - 这是一个非常非常非常非常长的副标题不是站点名称啊啊",  # too long for a site name
    ],
)
def test_title_without_suffix_kept_whole(raw: str) -> None:
    assert split_title(raw) == SplitTitle(raw, None)


def test_hyphen_inside_a_word_is_no_separator() -> None:
    assert split_title("COVID-19疫苗接种须知") == SplitTitle("COVID-19疫苗接种须知", None)


def test_hyphen_inside_a_word_is_kept_when_a_suffix_follows() -> None:
    assert strip_site_suffix("COVID-19疫苗接种须知-乡间郎中") == "COVID-19疫苗接种须知"


@pytest.mark.parametrize(
    ("raw", "site", "expected"),
    [
        ("腰痛是怎么回事-乡间郎中", "乡间郎中", SplitTitle("腰痛是怎么回事", "乡间郎中")),
        ("腰痛是怎么回事_乡间郎中手机版", "乡间郎中", SplitTitle("腰痛是怎么回事", "乡间郎中")),
        ("腰痛是怎么回事_乡间郎中手机版", "乡间郎中手机版", SplitTitle("腰痛是怎么回事", "乡间郎中")),
        # Another site's name is not stripped.
        ("腰痛是怎么回事-别的网站", "乡间郎中", SplitTitle("腰痛是怎么回事-别的网站", None)),
        ("腰痛是怎么回事-乡间郎中", "别的网站", SplitTitle("腰痛是怎么回事-乡间郎中", None)),
        # A separator inside the title is not a suffix of the known site.
        ("A-B", "乡间郎中", SplitTitle("A-B", None)),
        ("COVID-19疫苗接种须知", "乡间郎中", SplitTitle("COVID-19疫苗接种须知", None)),
    ],
)
def test_site_argument_restricts_what_is_stripped(raw: str, site: str, expected: SplitTitle) -> None:
    assert split_title(raw, site=site) == expected


def test_custom_separators() -> None:
    assert strip_site_suffix("腰痛-乡间郎中", separators=("_",)) == "腰痛-乡间郎中"
    assert strip_site_suffix("腰痛_乡间郎中", separators=("_",)) == "腰痛"


@pytest.mark.parametrize(
    ("suffix", "name"),
    [
        ("乡间郎中", "乡间郎中"),
        ("乡间郎中手机版", "乡间郎中"),
        ("乡间郎中移动版", "乡间郎中"),
        ("乡间郎中官方网站", "乡间郎中"),
        (" 乡间郎中 ", "乡间郎中"),
        ("手机版", "手机版"),  # a qualifier alone is kept
    ],
)
def test_site_name_from_suffix(suffix: str, name: str) -> None:
    assert site_name_from_suffix(suffix) == name


@pytest.mark.parametrize(
    ("h1", "head_title", "og_title", "expected"),
    [
        # h1 agreeing with <title> wins.
        ("腰痛是怎么回事", "腰痛是怎么回事-乡间郎中", None, "腰痛是怎么回事"),
        ("腰痛是怎么回事？", "腰痛是怎么回事-乡间郎中", None, "腰痛是怎么回事？"),
        ("腰痛是怎么回事", "腰痛是怎么回事-乡间郎中", "腰痛是怎么回事_乡间郎中", "腰痛是怎么回事"),
        # h1 that is just the logo text loses to the <title> (or og:title, which comes first).
        ("乡间郎中", "腰痛是怎么回事-乡间郎中", None, "腰痛是怎么回事"),
        ("乡间郎中", "腰痛是怎么回事-乡间郎中", "腰痛怎么办", "腰痛怎么办"),
        # Missing parts.
        (None, "腰痛是怎么回事-乡间郎中", None, "腰痛是怎么回事"),
        ("", "腰痛是怎么回事-乡间郎中", None, "腰痛是怎么回事"),
        ("腰痛是怎么回事", None, None, "腰痛是怎么回事"),
        (None, None, "腰痛是怎么回事", "腰痛是怎么回事"),
        (None, None, None, None),
    ],
)
def test_choose_title(h1: str | None, head_title: str | None, og_title: str | None, expected: str | None) -> None:
    assert choose_title(h1, head_title, og_title) == expected


# --- titles on whole pages (each page's title and site are checked by tests/parsing/test_saved_pages.py)


def test_title_from_h1_agreeing_with_title_tag():
    article = parsed_article("title-consensus")
    assert article.body.split("\n")[0] == "湿疹是婴幼儿常见的皮肤病，表现为皮肤发红、粗糙、脱屑，常常伴有瘙痒。"
