"""Unit tests for scraper.parsing.titles: site suffixes and the choice between h1, og:title and <title>."""

from __future__ import annotations

import pytest

from scraper.items import Article
from scraper.parsing.titles import (
    SplitTitle,
    choose_title,
    cut_short,
    same_words,
    site_from_title,
    site_name_from_suffix,
    split_around_headline,
    split_title,
    strip_description,
    strip_powered_by,
    strip_site_suffix,
    strip_tag_prefix,
    title_segments,
)
from tests.helpers.pages import article_from_html, parsed_article


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
        # A CMS title's underscore chain (标题_栏目_关键词_网站): short parts after the title go too.
        ("腰痛_乡间郎中_乡间郎中", "腰痛", "乡间郎中"),
        ("失眠怎么办_睡眠_失眠_康宁健康网", "失眠怎么办", "康宁健康网"),
        ("失眠的人饮食要注意什么_平时要多注意饮食习惯_健康网", "失眠的人饮食要注意什么_平时要多注意饮食习惯", "健康网"),
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
        ("南湖晚报数字版", "南湖晚报"),  # a paper's digital edition
        ("康宁百科，人人可编辑的健康百科", "康宁百科"),  # a tagline after a comma
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
        # An h1 carrying the title's keyword chain loses the keywords; an h1 with _ of its own keeps it.
        ("产后腰痛怎么办_腰痛", "产后腰痛怎么办_腰痛_育儿_母婴健康网", None, "产后腰痛怎么办"),
        ("C_reactive蛋白高说明什么", "C_reactive蛋白高说明什么-检验科", None, "C_reactive蛋白高说明什么"),
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


@pytest.mark.parametrize(
    ("raw", "stripped"),
    [
        ("湿疹怎么护理 - 育儿交流 - 妈妈论坛 -  Powered by Discuz!", "湿疹怎么护理 - 育儿交流 - 妈妈论坛"),
        ("胃痛怎么办 | 健康论坛 | powered by phpwind.net", "胃痛怎么办 | 健康论坛"),
        ("失眠怎么办-健康网", "失眠怎么办-健康网"),
    ],
)
def test_a_forum_engines_signature_is_never_part_of_a_title(raw, stripped):
    assert strip_powered_by(raw) == stripped


@pytest.mark.parametrize(
    ("text", "stripped"),
    [
        ("[经验分享] 宝宝湿疹怎么护理", "宝宝湿疹怎么护理"),
        ("【原创】【转载】胃痛怎么办", "胃痛怎么办"),
        ("[公告]", "[公告]"),  # only a tag: kept
    ],
)
def test_bracketed_tags_before_a_headline(text, stripped):
    assert strip_tag_prefix(text) == stripped


def forum_or_table_page(head_title: str, headline: str) -> Article:
    page = (
        f"<html><head><meta charset='utf-8'><title>{head_title}</title></head><body>"
        "<div class='nav'><a href='/'>首页</a> <a href='/f'>论坛</a></div>"
        f"<table><tr><td class='btn'><b>登录</b></td></tr><tr>{headline}</tr></table>"
        "<div class='post'><p>胃痛的时候先别急着吃止痛药，要弄清楚是胃炎、胃溃疡还是其他原因引起的。</p>"
        "<p>平时吃饭要规律，少吃辛辣刺激和生冷的食物，晚上不要吃得太饱，戒烟限酒对胃也有好处。</p>"
        "<p>如果胃痛反复发作，或者伴有黑便、呕血、消瘦，一定要尽快去医院做胃镜检查。</p></div>"
        "</body></html>"
    )
    result = article_from_html(page, "http://bbs.weikang.example/t/1.html")
    return result


def test_a_forum_title_with_board_forum_and_engine_parts():
    found = forum_or_table_page(
        "胃痛吃什么药好 | 胃病交流 | 胃康论坛 - Powered by phpwind", "<td><h1>【求助】 胃痛吃什么药好</h1></td>"
    )
    assert found.title == "胃痛吃什么药好"
    assert found.site and "Powered" not in found.site


def test_a_headline_in_a_table_cell_named_in_pinyin():
    found = forum_or_table_page("胃痛吃什么药好_胃病_养胃网", "<td class='biaoti'><b>胃痛吃什么药好</b></td>")
    assert found.title == "胃痛吃什么药好"


@pytest.mark.parametrize(
    ("raw", "headline", "expected"),
    [
        # Site first: the headline, longer than the site name, is the last segment.
        ("市疾控中心 | 谨防食物中毒的要点", "谨防食物中毒的要点", SplitTitle("谨防食物中毒的要点", "市疾控中心")),
        ("康宁医院手机版_过敏性鼻炎怎么预防", "过敏性鼻炎怎么预防", SplitTitle("过敏性鼻炎怎么预防", "康宁医院")),
        # Column first, site last: the headline in the middle keeps the suffix as site name.
        ("健康科普 - 孕期补钙的方法 - 妇幼保健院", "孕期补钙的方法", SplitTitle("孕期补钙的方法", "妇幼保健院")),
    ],
)
def test_a_headline_after_the_first_segment_of_the_title(raw, headline, expected):
    assert split_around_headline(raw, headline) == expected


@pytest.mark.parametrize(
    ("raw", "headline"),
    [
        ("夏季谨防食物中毒的五个要点-市疾控中心", "市疾控中心"),  # a site name repeated in the page (a logo)
        ("夏季谨防食物中毒的五个要点-市疾控中心", "夏季谨防食物中毒的五个要点"),  # the usual order
        ("夏季谨防食物中毒", "夏季谨防食物中毒"),  # no separator
        ("市疾控中心-夏季谨防食物中毒", "冬季进补"),  # not a segment
    ],
)
def test_no_split_around_a_headline_that_is_not_a_later_segment(raw, headline):
    assert split_around_headline(raw, headline) is None


def test_title_segments_drop_a_forum_engines_signature():
    assert title_segments("栏目 - 标题 - 论坛 - Powered by Discuz!") == ["栏目", "标题", "论坛"]


def test_choose_title_takes_an_h1_that_is_a_later_segment():
    headline = "夏季谨防食物中毒的五个要点"
    assert choose_title(headline, f"市疾控中心|{headline}", None) == headline


def headline_page(head_title: str, header: str) -> Article:
    page = (
        f"<html><head><meta charset='utf-8'><title>{head_title}</title></head><body>"
        f"<div class='top'>{header}</div>"
        "<div class='content'><p>夏天气温高，饭菜放在室温下几个小时就可能滋生大量细菌，吃剩的饭菜要及时放进冰箱。</p>"
        "<p>生熟食物要分开处理，切生肉的刀和砧板不要再用来切凉菜，海鲜和肉类一定要烧熟煮透再吃。</p>"
        "<p>如果出现呕吐、腹泻、发热等症状，要及时补充水分，症状严重的尽快到医院就诊。</p></div>"
        "</body></html>"
    )
    return article_from_html(page, "http://www.cdc-city.example/kp/2024/123.html")


def test_a_site_first_title_gives_the_headline_as_title_and_the_first_part_as_site():
    found = headline_page(
        "市疾控中心 | 夏季谨防食物中毒的五个要点",
        "<h1 class='logo'><a href='/'>市疾控中心</a></h1><div class='art-title'>夏季谨防食物中毒的五个要点</div>",
    )
    assert (found.title, found.site) == ("夏季谨防食物中毒的五个要点", "市疾控中心")


def test_a_column_first_title_gives_the_headline_in_the_middle():
    found = headline_page(
        "健康科普 - 夏季谨防食物中毒的五个要点 - 市疾控中心", "<span class='title'>夏季谨防食物中毒的五个要点</span>"
    )
    assert (found.title, found.site) == ("夏季谨防食物中毒的五个要点", "市疾控中心")


def test_a_logo_naming_the_site_is_not_taken_for_the_headline():
    found = headline_page("夏季谨防食物中毒的五个要点_市疾控中心", "<h2 class='title'>市疾控中心</h2>")
    assert (found.title, found.site) == ("夏季谨防食物中毒的五个要点", "市疾控中心")


@pytest.mark.parametrize(
    ("raw", "columns", "site"),
    [
        ("失眠怎么办_安康健康网_精神心理", ["精神心理", "睡眠"], "安康健康网"),  # a column after the site
        ("失眠怎么办_安康健康网_精神心理_睡眠", ["精神心理", "睡眠"], "安康健康网"),
        ("失眠怎么办_精神心理_安康健康网", ["精神心理"], "安康健康网"),  # the usual order
        ("失眠怎么办_安康健康网", ["安康健康网"], "安康健康网"),  # two parts: the suffix is the site
        ("失眠怎么办_安康健康网_精神心理", [], "精神心理"),  # no trail to tell a column
    ],
)
def test_site_from_title_passes_over_trailing_columns(raw, columns, site):
    assert site_from_title(raw, columns=columns) == site


@pytest.mark.parametrize(
    "headline",
    [
        "<div class='Heading'>社区老年人高血压管理情况调查报告</div>",
        "<table><tr><td class='biaoti'>社区老年人高血压管理情况调查报告</td></tr></table>",
        "<h2>社区老年人高血压管理情况调查报告</h2>",
    ],
    ids=["heading-class", "pinyin-cell", "h2"],
)
def test_a_page_without_a_title_element_takes_its_named_headline(headline):
    body = "".join(
        f"<p>{t}</p>"
        for t in (
            "本次调查覆盖全市十个社区，共访问六十岁以上居民一千二百人，了解其血压控制情况。",
            "结果显示，知晓自己患有高血压的比例为百分之六十五，规律服药的比例为百分之五十二。",
            "建议社区医生加强随访，帮助居民掌握家庭自测血压的方法，按时复诊，调整用药。",
        )
    )
    nav = "<div class='nav'><a href='/'>首页</a></div>"
    page = f"<html><body>{nav}{headline}<div class='Content'>{body}</div></body></html>"
    result = article_from_html(page, "http://www.jk.example/dc/2.html")
    assert result.title == "社区老年人高血压管理情况调查报告"
    assert "本次调查覆盖全市十个社区" in result.body


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        ("孩子咳嗽半个月不好怎么办 病情描述：三岁男孩，咳嗽半个月", "孩子咳嗽半个月不好怎么办"),
        ("胃痛怎么回事？问题描述: 饭后胃痛一周", "胃痛怎么回事？"),
        ("病情描述：三岁男孩咳嗽", "病情描述：三岁男孩咳嗽"),  # nothing before the label: left whole
        ("如何写好病情描述", "如何写好病情描述"),  # no label, only the word
    ],
)
def test_a_questions_description_run_into_its_title_is_cut_off(raw, title):
    assert strip_description(raw) == title


@pytest.mark.parametrize(
    ("h1", "title", "chosen"),
    [
        (
            "母亲心衰住院三次了，走路都很困难，医生说只能",
            "母亲心衰住院三次了，走路都很困难，医生说只能保守治疗怎么办_心衰吧_某论坛",
            "母亲心衰住院三次了，走路都很困难，医生说只能保守治疗怎么办",
        ),
        ("高血压患者冬季要注意什么", "高血压患者冬季要注意什么 专家提醒_健康网", "高血压患者冬季要注意什么"),  # a break
        ("高血压冬季", "高血压冬季注意事项_健康网", "高血压冬季"),  # too short to be cut by a template
    ],
    ids=["cut-mid-sentence", "continued-after-a-break", "short-headline"],
)
def test_a_headline_cut_short_by_the_template_gives_way_to_the_whole_title(h1, title, chosen):
    assert choose_title(h1, title, None) == chosen
    assert cut_short(h1, chosen) is (chosen != h1)


def test_a_headline_whose_parts_are_joined_by_spaces_is_the_title_joined_by_separators():
    head = "高血压_头晕乏力怎么办_需要换药吗 - 某某问诊"
    assert same_words("高血压_头晕乏力怎么办_需要换药吗", "高血压 头晕乏力怎么办 需要换药吗")
    assert not same_words("高血压_头晕乏力怎么办", "高血压 头晕乏力怎么办 需要换药吗")
    page = (
        f"<html><head><meta charset='utf-8'><title>{head}</title></head><body>"
        "<div class='fl-title'>高血压 头晕乏力怎么办 需要换药吗</div><div class='content'>"
        "<p>患者六十岁，高血压十年，一直吃氨氯地平，最近一周早上起床头晕、乏力，血压一百四十左右。</p>"
        "<p>医生回复：建议先连续测一周早晚血压并记录，暂不换药，复诊时带上记录，必要时调整剂量。</p>"
        "<p>如果出现胸闷、肢体麻木、说话不清等情况，要立即到医院急诊就诊，不要等待。</p>"
        "</div></body></html>"
    )
    assert article_from_html(page, "http://www.wz.example/flow/1.html").title == "高血压 头晕乏力怎么办 需要换药吗"


def test_a_headline_named_as_a_topic_is_found_and_its_date_read():
    page = (
        "<html><head><meta charset='utf-8'><title>什么是焦虑症(图)_健康频道_某某网</title></head><body>"
        "<div class='topbar'>2024年11月9日 星期六</div>"
        "<div id='artical_topic'>什么是焦虑症(图)</div><div class='info'>2010年08月25日 14:50 某某网健康论坛</div>"
        "<div class='content'><p>焦虑症是一种以焦虑情绪为主要表现的神经症，常伴有心慌、出汗、坐立不安等症状。</p>"
        "<p>多数患者经过规范的心理治疗和药物治疗可以明显好转，关键是早发现、早干预，不要讳疾忌医。</p>"
        "<p>平时保持规律作息，适当运动，学会放松和倾诉，也有助于缓解焦虑情绪，预防复发。</p></div>"
        "</body></html>"
    )
    result = article_from_html(page, "http://health.example.com/a/2312442.shtml")
    assert result.title == "什么是焦虑症(图)"
    assert result.published == "2010-08-25T14:50:00+08:00"


def test_a_title_element_cut_at_a_comma_is_completed_by_the_question_on_the_page():
    page = (
        "<html><head><meta charset='utf-8'><title>我妈妈最近总是失眠，晚上一两点还睡不着，</title></head><body>"
        "<div class='ask'><p>我妈妈最近总是失眠，晚上一两点还睡不着，吃了安眠药也没用怎么办</p>"
        "<span>图片因涉及用户隐私无法显示</span></div><div class='answer'>"
        "<p>老年人失眠很常见，先排查有没有焦虑、抑郁或者夜尿多、疼痛等原因，白天适当活动，少睡午觉。</p>"
        "<p>安眠药要在医生指导下用，不要自行加量，可以先试试规律作息和睡前放松，仍不改善再到睡眠科就诊。</p>"
        "</div></body></html>"
    )
    result = article_from_html(page, "https://www.wy.example/consult/1.html")
    assert result.title == "我妈妈最近总是失眠，晚上一两点还睡不着，吃了安眠药也没用怎么办"


def test_a_title_ending_with_an_ellipsis_is_whole():
    page = (
        "<html><head><meta charset='utf-8'><title>献血新规之后：血库平稳、隐患仍在……_某某网</title></head>"
        "<body><h1>献血新规之后：血库平稳、隐患仍在……</h1><div class='content'>"
        "<p>献血新规之后：血库平稳、隐患仍在……这是记者连续走访多家血站后的发现，各地血液供应总体平稳。</p>"
        "<p>专家表示，无偿献血对健康无害，符合条件的市民可以就近到献血屋献血，献血前要吃清淡早餐。</p>"
        "<p>献血后注意休息，多喝水，二十四小时内不做剧烈运动，针眼处保持清洁干燥，防止感染。</p>"
        "</div></body></html>"
    )
    assert article_from_html(page, "http://www.mm.example/a/3.html").title == "献血新规之后：血库平稳、隐患仍在……"


@pytest.mark.parametrize(
    ("head_title", "headline"),
    [
        ("图文详情", "<div class='page-head'><span class='art_title'>冬季手脚冰凉是怎么回事</span></div>"),
        ("文章详情 - 健康科普平台", "<h2 class='detail-title'>冬季手脚冰凉是怎么回事</h2>"),
        ("無標題文件", "<h1>冬季手脚冰凉是怎么回事</h1>"),  # Traditional 无标题文档
        ("Document", "<h3 class='news_title'>冬季手脚冰凉是怎么回事</h3>"),
    ],
    ids=["page-kind", "page-kind-with-site", "editor-default", "template-default"],
)
def test_a_generic_head_title_gives_way_to_the_headline_on_the_page(head_title: str, headline: str) -> None:
    page = (
        f"<html><head><meta charset='utf-8'><title>{head_title}</title></head><body>"
        "<div class='crumb'><span class='tips_title'>所在位置：</span><a href='/'>首页</a></div>"
        f"{headline}<div class='intro'><span class='tips_title'>内容简介：</span>手脚冰凉多与末梢循环差有关。</div>"
        "<div class='article-content'>"
        "<p>冬季手脚冰凉多见于年轻女性和老人，常与末梢血液循环差、贫血或者甲状腺功能减退有关。</p>"
        "<p>平时要注意保暖，适当运动促进血液循环，饮食上可以多吃些牛羊肉、红枣等温热的食物。</p>"
        "<p>如果伴有乏力、怕冷明显、体重增加等表现，要到医院查血常规和甲状腺功能。</p>"
        "</div></body></html>"
    )
    assert article_from_html(page, "http://kp.jk.example/detail/5521").title == "冬季手脚冰凉是怎么回事"


def test_a_copy_of_the_whole_head_title_in_a_photo_viewer_is_no_headline() -> None:
    page = (
        "<html><head><meta charset='utf-8'><title>孩子反复咳嗽要警惕过敏 | 亲子 | 康健新闻网</title></head><body>"
        "<div class='gallery'><div class='photo-full-title'>孩子反复咳嗽要警惕过敏 | 亲子 | 康健新闻网</div></div>"
        "<h1 class='news-title'>孩子反复咳嗽要警惕过敏</h1><div class='info'><time>2022/03/08 10:15:00</time></div>"
        "<div id='Content1'>"
        "<p>孩子咳嗽超过四周，夜间和清晨加重，运动后明显，要考虑咳嗽变异性哮喘等过敏性疾病。</p>"
        "<p>家长可以留意咳嗽是否和季节、花粉、尘螨有关，必要时带孩子做过敏原检测和肺功能检查。</p>"
        "<p>确诊后要规范用药，不要自行停药，同时减少接触过敏原，保持室内通风和清洁。</p>"
        "</div></body></html>"
    )
    found = article_from_html(page, "https://news.kj.example/News.aspx?NewsID=3321")
    assert found.title == "孩子反复咳嗽要警惕过敏"
    assert found.published == "2022-03-08T10:15:00+08:00"


@pytest.mark.parametrize("counter", ["(99+ 封私信 / 81 条消息) ", "(3条新消息)", "（12 個通知）"])
def test_an_unread_counter_before_the_head_title_is_no_part_of_it(counter: str) -> None:
    page = (
        f"<html><head><meta charset='utf-8'><title>{counter}痛风发作时能不能喝苏打水？ - 问答社区</title></head><body>"
        "<div class='QuestionHeader'><h1 class='QuestionHeader-title'>痛风发作时能不能喝苏打水？</h1></div>"
        "<div class='RichContent'><p>痛风急性发作时多喝水有助于尿酸排出，苏打水可以碱化尿液，但要选无糖的。</p>"
        "<p>苏打水含钠，高血压和心衰的病人不宜多喝，发作期还是要遵医嘱用秋水仙碱或者非甾体抗炎药。</p>"
        "<p>平时要控制高嘌呤饮食，少喝啤酒和含果糖的饮料，保持体重，定期复查血尿酸。</p></div>"
        "</body></html>"
    )
    assert article_from_html(page, "https://ask.wd.example/q/7781").title == "痛风发作时能不能喝苏打水？"


def test_a_head_title_naming_only_the_hospital_gives_way_to_the_line_above_the_dated_info_line() -> None:
    page = (
        "<html><head><meta charset='utf-8'><title>江南市第二人民医院</title></head><body>"
        "<table><tr><td><a href='/'>首页</a></td><td><a href='/news/'>医院新闻</a></td></tr></table>"
        "<table><tr><td><table><tr><td>"
        "<div class='w'>我院开设睡眠障碍多学科联合门诊</div><div class='z1'></div>"
        "<div><div>发布时间：2022-05-16 发布人：神经内科</div></div>"
        "</td></tr></table></td></tr></table>"
        "<table><tr><td class='z'>"
        "<p>为方便失眠、睡眠呼吸暂停等患者就诊，我院整合神经内科、呼吸科、心理科和耳鼻喉科力量，开设联合门诊。</p>"
        "<p>门诊每周三下午开诊，患者可以通过医院公众号预约，首次就诊请携带既往检查资料。</p>"
        "<p>联合门诊将为患者制定个体化的诊疗方案，必要时安排多导睡眠监测。</p>"
        "</td></tr></table><div class='foot'>版权所有：江南市第二人民医院</div></body></html>"
    )
    found = article_from_html(page, "http://www.jn2y.example/news/content/pid/882.html")
    assert found.title == "我院开设睡眠障碍多学科联合门诊"
    assert found.site == "江南市第二人民医院"
    assert found.published == "2022-05-16"
