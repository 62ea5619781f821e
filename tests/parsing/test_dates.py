"""Unit tests for scraper.parsing.dates: publication dates as seen on Chinese health sites."""

from __future__ import annotations

import pytest

from scraper.parsing.dates import (
    UPDATED_LABELS,
    FoundDate,
    date_in_url,
    find_dates,
    gregorian,
    is_date_line,
    labelled_date,
    last_modified_date,
    parse_date,
)
from tests.helpers.pages import article_from_html, parsed_article, saved_page

HOST = "http://www.kangning.example"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A date alone stays a date.
        ("2020-07-14", "2020-07-14"),
        ("2020/7/14", "2020-07-14"),
        ("2020.07.14", "2020-07-14"),
        ("2020年7月1日", "2020-07-01"),
        ("2020年07月14日 星期二", "2020-07-14"),
        ("发表于 2020-7-14", "2020-07-14"),
        ("日期：2020-07-14", "2020-07-14"),
        ("发布日期:2020-07-14", "2020-07-14"),
        ("发布于2020-07-14", "2020-07-14"),
        ("Jul 14, 2020", "2020-07-14"),
        ("14 July 2020", "2020-07-14"),
        ("July 14th, 2020", "2020-07-14"),
        ("Sept. 3, 2021", "2021-09-03"),
        # A date with a time becomes a datetime at the site's offset (+08:00).
        ("2020年07月13日 09:12", "2020-07-13T09:12:00+08:00"),
        ("发布时间：2020年07月13日 09:12", "2020-07-13T09:12:00+08:00"),
        ("发布时间：2020-07-14 10:20", "2020-07-14T10:20:00+08:00"),
        ("时间：2020-06-18 08:00:00", "2020-06-18T08:00:00+08:00"),
        ("时间：2020/6/8 08:30", "2020-06-08T08:30:00+08:00"),
        ("2020-07-14 09:12:00", "2020-07-14T09:12:00+08:00"),
        ("2020年07月14日 周二 09:12", "2020-07-14T09:12:00+08:00"),
        ("2020年7月14日 (星期二) 09:12", "2020-07-14T09:12:00+08:00"),  # the weekday in brackets
        ("2020-07-14（礼拜二）09:12", "2020-07-14T09:12:00+08:00"),
        # An explicit offset is kept as written ("Z" as +00:00).
        ("2020-07-14T09:12:00+08:00", "2020-07-14T09:12:00+08:00"),
        ("2020-07-14T01:12:00Z", "2020-07-14T01:12:00+00:00"),
        ("2020-07-14T09:12:00-05:00", "2020-07-14T09:12:00-05:00"),
        ("2020-07-14 09:12:00+0530", "2020-07-14T09:12:00+05:30"),
        # An info bar with source and view count around the date.
        ("来源：乡间郎中 2020-07-14 阅读：2317", "2020-07-14"),
    ],
)
def test_parse_date_formats(text: str, expected: str) -> None:
    assert parse_date(text) == expected


def test_parse_date_meta_article_published_time() -> None:
    # The content of <meta property="article:published_time" content="...">.
    assert parse_date("2020-07-14T09:12:00+08:00") == "2020-07-14T09:12:00+08:00"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("更新时间：2021-01-01 发布时间：2020-07-14", "2020-07-14"),
        ("更新时间：2021-01-01 日期：2020-07-14", "2020-07-14"),
        ("更新日期：2021-01-01 2020-07-14", "2020-07-14"),
        ("最后更新：2021-01-01 2020-07-14", "2020-07-14"),
        ("2020-07-14 更新时间：2021-01-01", "2020-07-14"),
    ],
)
def test_publication_date_preferred_over_update_date(text: str, expected: str) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["更新时间：2021-01-01", "修改时间：2021-01-01", "最后更新：2021-01-01"])
def test_update_date_alone_is_used(text: str) -> None:
    assert parse_date(text) == "2021-01-01"


@pytest.mark.parametrize(
    "text", ["2020-02-30", "2020-13-01", "2021-02-29", "2020年13月1日", "发布时间：2020-00-10", "2020-07-14 25:00"]
)
def test_invalid_calendar_dates_give_none(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize("text", ["", None, "   ", "没有日期的一句话。", "阅读：2317"])
def test_no_date_gives_none(text: str | None) -> None:
    assert parse_date(text) is None


def test_leap_day_is_valid() -> None:
    assert parse_date("2020-02-29") == "2020-02-29"


@pytest.mark.parametrize(
    ("tz", "expected"),
    [
        ("+00:00", "2020-07-14T09:12:00+00:00"),
        ("-05:00", "2020-07-14T09:12:00-05:00"),
        (None, "2020-07-14T09:12:00"),
    ],
)
def test_custom_timezone(tz: str | None, expected: str) -> None:
    assert parse_date("2020-07-14 09:12", tz=tz) == expected


def test_timezone_does_not_apply_to_a_plain_date() -> None:
    assert parse_date("2020-07-14", tz=None) == "2020-07-14"
    assert parse_date("2020-07-14", tz="+00:00") == "2020-07-14"


def test_explicit_offset_wins_over_tz_argument() -> None:
    assert parse_date("2020-07-14T09:12:00Z", tz=None) == "2020-07-14T09:12:00+00:00"
    assert parse_date("2020-07-14T09:12:00+08:00", tz="+00:00") == "2020-07-14T09:12:00+08:00"


def test_find_dates_in_order_of_appearance() -> None:
    text = "从2020-07-13到2020年7月14日，再到 Jul 15, 2020"
    found = find_dates(text)
    assert [d.iso for d in found] == ["2020-07-13", "2020-07-14", "2020-07-15"]
    assert [d.start for d in found] == sorted(d.start for d in found)
    assert found[0] == FoundDate("2020-07-13", text.index("2020-07-13"))


def test_find_dates_skips_invalid_and_none() -> None:
    assert find_dates("2020-02-30 和 2020-07-14") == [FoundDate("2020-07-14", len("2020-02-30 和 "))]
    assert find_dates("没有日期") == []


def test_find_dates_ignores_numbers_that_are_not_dates() -> None:
    assert find_dates("电话 12020-07-145") == []
    assert find_dates("血压140/90，阅读2317次") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("发布时间：2020-07-14", "2020-07-14"),
        ("来源：乡间郎中 发布时间：2020年07月13日 09:12", "2020-07-13T09:12:00+08:00"),
        ("日期 2020-07-14", "2020-07-14"),
        ("2020-07-14", None),
        ("更新时间：2021-01-01", None),  # "时间" after "更新" is no publication label
        ("发布时间：请见下文 2020-07-14", None),  # the date must follow the label directly
    ],
)
def test_labelled_date(text: str, expected: str | None) -> None:
    assert labelled_date(text) == expected


def test_labelled_date_with_update_labels() -> None:
    assert labelled_date("更新时间：2021-01-01", labels=UPDATED_LABELS) == "2021-01-01"


def test_labelled_date_custom_tz() -> None:
    assert labelled_date("发布时间：2020-07-14 10:20", tz=None) == "2020-07-14T10:20:00"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/jibing/yaotong/20200714/2101.html", "2020-07-14"),
        ("http://example.com/jibing/yaotong/20200714/2101.html", "2020-07-14"),
        ("/2020/07/14/x.html", "2020-07-14"),
        ("/2020/7/4/x.html", "2020-07-04"),
        ("/2020-07-14/x.html", "2020-07-14"),
        ("/jibing/yaotong/2101.html", None),
        ("/20201399/x.html", None),  # not a calendar date
        ("/123/20200714999/", None),  # part of a longer number
    ],
)
def test_date_in_url(url: str, expected: str | None) -> None:
    assert date_in_url(url) == expected


@pytest.mark.parametrize(
    "line",
    [
        "2020-07-14",
        "发布时间：2020-07-14",
        "发布时间：2020年07月13日 09:12",
        "更新时间: 2021-01-01 09:00",
        "  2020/7/14  ",
    ],
)
def test_is_date_line_true(line: str) -> None:
    assert is_date_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "他在2020-07-14去了医院，医生建议卧床休息。",
        "发布时间：2020-07-14 来源：乡间郎中",
        "",
        "没有日期",
        "2020-02-30",
    ],
)
def test_is_date_line_false(line: str) -> None:
    assert not is_date_line(line)


def test_is_date_line_english_date() -> None:
    assert is_date_line("Jul 14, 2020")


def test_modification_date_label_is_an_update_label():
    assert parse_date("修改日期：2021-01-01 2020-07-14") == "2020-07-14"


# --- dates on whole pages (each page's date is checked by tests/parsing/test_saved_pages.py)


def test_date_labelled_riqi_below_the_article():
    assert "日期：2020/07/14" not in parsed_article("date-label-riqi").body


def test_date_only_in_the_url_year_slash_monthday():
    assert parsed_article("date-url-only", url=HOST + "/yangsheng/6604.html").published is None
    assert parsed_article("date-url-only", url=HOST + "/yangsheng/2020/0714/6604.html").published == "2020-07-14"


def test_date_only_in_the_url_compact():
    assert saved_page("date-url-only").url == HOST + "/yangsheng/20200714/6604.html"
    assert parsed_article("date-url-only", url=HOST + "/yangsheng/20200714/6604.html").published == "2020-07-14"


def test_comment_dates_are_ignored():
    assert "健康小达人" not in parsed_article("date-comments").body


def test_page_without_a_date_has_null_published():
    """The parser alone (auto profile)."""
    expected = saved_page("no-date").expected
    record = parsed_article("no-date", finish=False)
    assert record.title == expected["title"]
    assert record.published is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("發布日期：109-07-14", "2020-07-14"),  # ROC year after a date label
        ("更新時間：110/01/05 10:30", "2021-01-05T10:30:00+08:00"),
        ("民國109年7月14日", "2020-07-14"),
        ("中華民國一〇九年七月十四日", "2020-07-14"),
        ("二〇二〇年七月十四日", "2020-07-14"),
        ("发布时间：二零一九年十二月三日", "2019-12-03"),
        ("公告日期：一〇九年七月十四日", None),  # a Chinese-numeral ROC year without 民國 is not read
        ("编号 109-07-14 的批次", None),  # three-digit year without a label: not a date
    ],
)
def test_roc_years_and_chinese_numeral_dates(text, iso):
    assert parse_date(text) == iso


def test_gregorian_leaves_other_numerals_alone():
    assert gregorian("一、高血压的症状 第二节") == "一、高血压的症状 第二节"


def machine_and_shown(shown: str, machine: str) -> str | None:
    page = (
        f"<html><head><meta charset='utf-8'><title>宝宝发烧怎么办_问答</title>{machine}</head><body>"
        f"<h1>宝宝发烧怎么办</h1><div class='meta'>{shown}</div><div class='content'>"
        "<p>宝宝发烧时先测量体温，三十八度五以下可以物理降温，多喝水，注意观察精神状态。</p>"
        "<p>如果体温持续升高、精神差或者出现抽搐，要及时去医院儿科就诊，不要自行用药。</p>"
        "<p>退烧药要按体重给药，两次之间至少间隔四到六小时，不要几种退烧药一起吃。</p></div></body></html>"
    )
    return article_from_html(page, "http://ask.jk.example/q/1.html", fetched_at="2026-11-20T08:00:00Z").published


def test_a_machine_readable_date_beats_a_relative_one_shown():
    time_element = '<script type="application/ld+json">{"datePublished": "2022-09-18T20:05:00+08:00"}</script>'
    assert machine_and_shown("提问于 3小时前", time_element) == "2022-09-18T20:05:00+08:00"
    meta = '<meta property="article:published_time" content="2021-05-02">'
    assert machine_and_shown("昨天 20:05", meta) == "2021-05-02"


def test_a_full_date_shown_beats_the_machine_one_and_a_shown_time_refines_the_same_day():
    meta = '<meta property="article:published_time" content="2021-05-02">'
    assert machine_and_shown("发布时间：2021-05-03 08:00", meta) == "2021-05-03T08:00:00+08:00"
    assert machine_and_shown("05-02 21:16", meta) == "2021-05-02T21:16:00+08:00"


def test_the_info_bar_date_after_a_deeply_indented_template_is_read():
    indent = "\n" + " " * 60
    info = f"<div class='info'>{indent}<div class='author'>{indent}<span>撰文者</span>林美華{indent}</div>" * 3
    page = (
        "<html><head><meta charset='utf-8'><title>夏天怎么防中暑_健康網</title></head><body>"
        f"<div class='head'><h1>夏天怎么防中暑</h1></div>{info}"
        f"{indent}<div class='detail_info'><span>2018-11-29</span><span>瀏覽數：<em>378</em></span></div>"
        "</div></div></div>"
        "<div class='content'><p>高溫天氣外出要避開中午前後的時段，隨身帶水，少量多次飲用，不要等口渴了才喝。</p>"
        "<p>出現頭暈、噁心、大量出汗時，要立刻到陰涼通風處休息，解開衣領，用濕毛巾擦拭身體降溫。</p>"
        "<p>老人、孩子和慢性病患者更容易中暑，家中要注意通風，空調溫度不宜過低，室內外溫差不要太大。</p>"
        "</div></body></html>"
    )
    result = article_from_html(page, "https://health.example.com.tw/a/1.html", fetched_at="2026-11-20T08:00:00Z")
    assert result.published == "2018-11-29"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("此页由百科用户小林于2019年3月8日 (星期五) 16:40最后更改。 本站内容由网友添加", "2019-03-08T16:40:00+08:00"),
        ("本页面最后修订于2021年12月1日 (星期三) 08:05。", "2021-12-01T08:05:00+08:00"),
        ("本條目最後修訂於2018年5月6日", "2018-05-06"),  # Traditional
        ("2020-02-03 更新", "2020-02-03"),
        ("2020-02-03 门诊时间调整，请患者留意。", None),  # a date in prose is no change statement
        ("欢迎访问本站", None),
    ],
)
def test_last_modified_date(text: str, expected: str | None) -> None:
    assert last_modified_date(text) == expected


def test_an_entry_whose_only_date_is_its_last_change_in_the_footer_is_dated_so() -> None:
    page = (
        "<html><head><meta charset='utf-8'><title>足底筋膜炎 - 康百科</title></head><body>"
        "<h1>足底筋膜炎</h1><div id='content'>"
        "<p>足底筋膜炎是足跟疼痛最常见的原因，多见于长期站立、跑步过多或者体重较大的人。</p>"
        "<p>典型表现是早晨起床下地第一步时足跟刺痛，走几步后减轻，久坐后再站起又会加重。</p>"
        "<p>治疗以休息、拉伸足底筋膜和小腿肌肉为主，穿有足弓支撑的鞋，疼痛明显时可以冰敷。</p></div>"
        "<ul id='footer'><li>此页由康百科用户<a href='/u/3'>阿杰</a>于2016年10月9日 (星期日) 21:18最后更改。</li>"
        "<li>内容仅供参考</li></ul></body></html>"
    )
    assert article_from_html(page, "http://baike.kang.example/w/zdjmy").published == "2016-10-09T21:18:00+08:00"


def test_a_date_in_an_element_named_for_it_beats_labelled_dates_of_a_related_list() -> None:
    page = (
        "<html><head><meta charset='utf-8'><title>血糖偏高要不要吃药_在线咨询</title></head><body>"
        "<div class='ask'><p>空腹血糖6.8，餐后两小时9.5，医生说是糖耐量异常，需要马上吃二甲双胍吗？平时不太运动。</p>"
        "<span class='ask-time'>2019-11-03 08:45:10</span></div>"
        "<div class='reply'><p>这个结果属于糖尿病前期，先通过饮食控制和规律运动干预三个月，再复查血糖。</p>"
        "<p>体重超标的话减重百分之五到十，很多人血糖能恢复正常，复查仍高再考虑用药。</p>"
        "<p>饮食上主食定量，粗细搭配，少喝含糖饮料；每周至少一百五十分钟中等强度的有氧运动，比如快走、游泳。</p>"
        "<p>另外要监测血压和血脂，戒烟限酒，保证睡眠，这些对延缓发展成糖尿病都有帮助。</p></div>"
        "<ul class='more-asks'><li><a href='/c/2'>餐后血糖高怎么办</a> <span>时间：2020-02-14</span></li>"
        "<li><a href='/c/3'>糖化血红蛋白多少正常</a> <span>时间：2020-03-01</span></li></ul>"
        "</body></html>"
    )
    assert article_from_html(page, f"{HOST}/consult/77").published == "2019-11-03T08:45:10+08:00"


@pytest.mark.parametrize(
    ("machine", "expected"),
    [
        ("2023-01-15T09:30:45-08:00", "2023-01-15T09:30:45-08:00"),  # the shown clock time's own zone
        ("2023-01-15T09:30:00+00:00", "2023-01-15T09:30:00+08:00"),  # local time mislabelled as UTC
        ("2023-01-16T01:30:00-08:00", "2023-01-15T09:30:00+08:00"),  # another clock time: the shown one
    ],
)
def test_a_shown_date_takes_the_zone_of_a_machine_date_showing_the_same_clock_time(machine, expected) -> None:
    page = (
        "<html><head><meta charset='utf-8'><title>流感疫苗今年提前开打_华人资讯</title>"
        f'<script type="application/ld+json">{{"@type": "NewsArticle", "datePublished": "{machine}"}}</script>'
        "</head><body><h1>流感疫苗今年提前开打</h1><div class='info'>2023-01-15 09:30 来源：本地新闻</div>"
        "<div class='content'><p>卫生部门提醒，六个月以上的人群都建议接种流感疫苗，老人和慢性病患者更要尽早接种。</p>"
        "<p>接种后两周左右产生保护作用，保护期大约半年到一年，所以每年都需要重新接种。</p>"
        "<p>药房和家庭医生诊所都可以预约，接种前如有发热或急性疾病，应推迟接种。</p></div></body></html>"
    )
    assert article_from_html(page, "https://info.hr.example/articles/1394").published == expected
