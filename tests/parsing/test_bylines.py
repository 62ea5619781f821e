"""Bylines and info lines (scraper.parsing.bylines): authors from info bars, author slots and JSON-LD (read in
structured_data, see test_structured_data.py); info lines never in the body."""

from __future__ import annotations

import pytest

from scraper.items import Article
from scraper.parsing.bylines import (
    affiliation_byline,
    byline_author,
    is_byline_line,
    is_card_line,
    is_info_line,
    meta_author,
    signature_author,
)
from scraper.stages import finish_item
from scraper.stats import CounterStats
from tests.helpers.pages import article_from_html


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("发布时间：2021-07-06 09:12　作者：急诊科 王建国、李敏　阅读次数：1326", "王建国、李敏"),
        ("来源：健康时报 作者：张三 2022-01-05", "张三"),
        ("文/刘洋 图/网络", "刘洋"),
        ("记者 王五 通讯员 赵六", "王五、赵六"),
        ("作者：北京协和医院 心内科 张三 主任医师", "张三"),
        ("文／營養師 林怡君", "林怡君"),  # Traditional title left out
        ("撰文：李华，王芳 | 审核：陈医生", "李华、王芳"),
        ("作者：孙医师 来源：本站原创", "孙医师"),  # a name with a title stays a name
        ("文／安心健康網編輯部", "安心健康網編輯部"),  # only an organisation: it is the author
        ("作者：网络整理", None),
        ("提问者：果果爸爸 患者：女 3岁 2023-09-02 22:18", "果果爸爸"),  # the patient's facts follow
        ("作者：卢晓峰 副主任医师 省第二人民医院 心内科 问医生 发布于 2023-05-16", "卢晓峰"),  # a unit ends the names
        ("南方健康客户端记者　林可欣", "林可欣"),  # a newsroom's reporter
        ("康健網 記者陳怡安／報導", "陳怡安"),
        ("发表者：钱文斌", "钱文斌"),  # a doctor site's label
        ("撰文 蔡佳穎 攝影 王凱", "蔡佳穎"),  # a label without a colon
        ("作者丨张三 李四丨审核丨王医生", "张三、李四"),  # a bar for a colon (self-media)
        ("文 | 周敏 图 | 网络", "周敏"),
        ("撰文｜陈立 编辑｜赵六", "陈立"),
        ("来源丨健康时报", None),
        ("原文|英文摘要", None),
        ("中新网杭州3月2日电 (李晓 陈默)浙江省卫健委2日通报", "李晓、陈默"),  # a dateline's bracket
        ("人民网北京10月9日电（周航）国家卫健委今天", "周航"),
        ("本文由注册用户 小暖 上传提供", "小暖"),  # an uploader's credit
        ("本文由 健康达人阿峰 原创发布，未经许可禁止转载", "健康达人阿峰"),
        ("本文由网络整理发布", None),
        ("中新网北京3月2日电 (完)", None),
        ("【作者：中华医学会骨科学分会副主任委员 刘建平教授】", "刘建平"),  # an association's officer
        ("撰文：台灣營養學會理事長 陳淑芬", "陳淑芬"),
        ("原创： 周雨桐 健康大观园", "周雨桐"),  # an account's repost line: the author, then the account
        ("原创：家庭医生在线", None),  # only the account
        ("原创：王磊 陈佳 协和医生说 2023-01-05", "王磊、陈佳"),
        ("原创 周雨桐", None),  # the 原创 badge, no label
        ("本文作者认为多喝水有好处", None),
    ],
)
def test_byline_author(line, author):
    assert byline_author(line) == author


@pytest.mark.parametrize(
    ("line", "info"),
    [
        ("发布时间：2021-07-06 09:12 作者：王建国 阅读次数：1326", True),
        ("时间：2022-03-01 来源：本站", True),
        ("作者说，发布时间和来源都很重要，但是最重要的是内容本身是不是可靠，这一点大家要记住。", False),
        ("一、饮食要清淡", False),
    ],
)
def test_info_lines(line, info):
    assert is_info_line(line) == info


PARAGRAPHS = (
    "<p>秋冬季节气温变化大，老年人要注意保暖，尤其是头部、颈部和脚部，外出时戴好帽子和围巾。</p>"
    "<p>有慢性病的老人要按时服药，定期复查，出现胸闷、气短等不适时要及时就医，不要硬扛。</p>"
)


def page(head: str, inside: str) -> Article:
    html = (
        f"<html><head><meta charset='utf-8'><title>老人秋冬保健要点_健康网</title>{head}</head><body>"
        f"<div class='article'><h1>老人秋冬保健要点</h1><div class='article-body'>{inside}{PARAGRAPHS}</div></div>"
        "<div class='comments'><span class='author'>网友甲</span><p>说得好，我家老人就是这样。</p></div>"
        "</body></html>"
    )
    result = article_from_html(html, "http://www.jk.example/a/1.html")
    return result


def test_an_info_line_at_the_top_of_the_body_gives_the_author_and_leaves_the_body():
    found = page("", "<p>日期：2022-10-12　作者：老年病科 周洁　浏览：88</p>")
    assert found.author == "周洁"
    assert not any("浏览" in line or "作者" in line for line in found.body.split("\n"))


def test_a_platform_author_slot_beats_the_accounts_meta_author():
    found = page('<meta name="author" content="健康科普小站">', "<p>作者 <span class='author-name'>王医生</span></p>")
    assert found.author == "王医生"


def test_json_ld_author_when_the_page_shows_none():
    found = page('<script type="application/ld+json">{"author": {"name": "韩冰"}}</script>', "")
    assert found.author == "韩冰"


def test_a_comment_authors_name_is_never_the_articles_author():
    assert page("", "").author is None


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("作者：赵一帆 核心提示：慢性失眠的一线治疗是认知行为疗法。", "赵一帆"),
        ("文/钱程 导读：冬季进补要因人而异。", "钱程"),
        ("作者：孙悦 多喝水有好处。", "孙悦"),  # a sentence run into the byline is no name
    ],
)
def test_a_lead_run_into_a_byline_is_no_author(line, author):
    assert byline_author(line) == author


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("执笔人：闵明 赵兰", "闵明、赵兰"),
        ("（作者：李华 单位：某市疾控中心）", "李华"),
        ("撰稿人: 王一鸣", "王一鸣"),
        ("文/周小舟", "周小舟"),
        ("■ 本报记者 韩雪 通讯员 马力", "韩雪、马力"),
        ("（周明）", "周明"),  # a reporter's name alone in brackets closing a story
        ("（完）", None),
        ("（未完待续）", None),
        ("大家要按时复查，遵医嘱服药。（文/图 马兰 吴迪）", "马兰、吴迪"),  # run into the last paragraph
        ("血压控制得好，并发症就少。（张晓）", "张晓"),
        ("（本台记者 吴桐）", "吴桐"),
        ("文章写得很好，作者：张三说的都对，我们也这样认为。可是后来发现并不是这样，还要再看看。", None),
        ("作为患者家属，我们要多陪伴。", None),
    ],
)
def test_signature_author(line, author):
    assert signature_author(line) == author


def test_a_signature_closing_the_body_gives_the_author_when_nothing_else_does():
    page = (
        "<html><head><meta charset='utf-8'><title>老年人防跌倒指南_健康网</title></head><body>"
        "<h1>老年人防跌倒指南</h1><div class='content'>"
        "<p>跌倒是老年人受伤的首要原因，家中地面要保持干燥，卫生间加装扶手和防滑垫。</p>"
        "<p>起床时做到三个半分钟：醒后躺半分钟，坐起半分钟，双腿下垂半分钟再站起来。</p>"
        "<p>平时坚持适度锻炼，如太极拳、散步，增强下肢力量和平衡能力，穿合脚的防滑鞋。</p>"
        "<p>执笔：孙立 周敏</p></div></body></html>"
    )
    assert article_from_html(page, "http://www.jk.example/lnr/3.html").author == "孙立、周敏"


@pytest.mark.parametrize(
    ("value", "author"),
    [
        ("L_104485", None),  # a staff id
        ("20931", None),
        ("editor@example.com", None),
        ("Discuz! Team and Comsenz UI Team", None),  # an engine's credit
        ("xiaoai", None),  # a login
        ("web-editor", None),
        ("Jane Doe", "Jane Doe"),
        ("Osler", "Osler"),
        ("王芳 李强", "王芳、李强"),
    ],
)
def test_meta_author_keeps_names_and_drops_ids_and_credits(value, author):
    assert meta_author(value) == author


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("健康网3月2日讯（记者王海 整理）近日，市卫健委发布通知……", "王海"),
        ("新华社北京3月2日电（记者 李华 赵亮）国家卫健委今天表示", "李华、赵亮"),
        ("健康时报记者 孙悦", "孙悦"),
        ("作者 黄莺 高血压 饮食 健康", "黄莺"),  # a label without a colon: one name, tags after it
        ("据记者了解，今年流感病例明显增多。", None),
    ],
)
def test_reporter_bylines_in_datelines_and_lines_of_their_own(line, author):
    assert byline_author(line) == author


@pytest.mark.parametrize("value", ["网易", "北京新浪網", "CSDN.NET", "某某人民医院", "健康时报"])
def test_a_meta_author_naming_a_site_or_an_organisation_names_nobody(value):
    assert meta_author(value) is None


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("健康日报 记者 林晓 “最近来看咳嗽的孩子特别多，”儿科主任说。", "林晓"),  # the quotation ends the names
        ("本报记者 方圆 近日从市疾控中心获悉，今年入冬以来流感病例明显增多", "方圆"),
    ],
)
def test_names_after_a_label_without_a_colon_end_where_the_text_begins(line, author):
    assert byline_author(line) == author


def test_a_reporter_mentioned_deep_in_the_first_paragraph_is_no_byline():
    first = (
        "今年入冬以来，市里各大医院儿科门诊量持续攀升，不少家长带着孩子排队候诊，"
        "有的甚至从外地赶来。儿童医院呼吸科主任告诉记者：支原体肺炎和流感叠加是主要原因。"
    )
    page = (
        "<html><head><meta charset='utf-8'><title>儿科门诊量攀升_健康网</title></head><body>"
        "<h1>儿科门诊量攀升</h1><div class='content'>"
        f"<p>图集</p><p>{first}</p>"
        "<p>专家建议，孩子出现发热、咳嗽等症状时，家长不要过度紧张，先在家观察，必要时到社区医院就诊。</p>"
        "<p>平时要让孩子勤洗手、多喝水、保证睡眠，流感季节尽量少去人员密集的场所，按时接种疫苗。</p>"
        "</div></body></html>"
    )
    assert article_from_html(page, "http://www.jk.example/ek/5.html").author is None


def test_a_dateline_byline_after_a_caption_line_gives_the_author():
    page = (
        "<html><head><meta charset='utf-8'><title>某地出现登革热病例_健康网</title></head><body>"
        "<h1>某地出现登革热病例</h1><div class='content'><p>图集</p>"
        "<p>新华社广州９月２日电（记者 赵明 钱芳）广东省卫健委２日通报，全省新增本地登革热病例１２例。</p>"
        "<p>专家提醒，登革热通过伊蚊叮咬传播，居民要清除积水，防止蚊虫滋生，外出时做好防蚊措施。</p>"
        "<p>出现发热、头痛、肌肉关节痛等症状时要及时就医，并主动告知医生近期的旅行史和蚊虫叮咬史。</p>"
        "</div></body></html>"
    )
    assert article_from_html(page, "http://www.jk.example/crb/9.html").author == "赵明、钱芳"


@pytest.mark.parametrize(
    "card",
    [
        "<div class='person'><a href='/author/101.html'><img src='/e/1.png'><p>韩冰</p></a></div>",
        "<ul class='info'><li><a href='https://news.jk.example/zuozhe/hanbing/'>韩冰</a></li></ul>",
    ],
)
def test_a_link_to_the_authors_page_names_the_author(card):
    page = (
        "<html><head><meta charset='utf-8'><title>HPV疫苗要打几针_健康网</title></head><body>"
        f"<h1>HPV疫苗要打几针</h1>{card}<div class='content'>"
        "<p>二价和四价HPV疫苗一般按0、1、6或0、2、6个月的程序接种三剂，九价疫苗也是三剂。</p>"
        "<p>接种前不需要做HPV筛查，但已经感染过的型别，疫苗不能起到治疗作用，定期筛查仍然重要。</p>"
        "<p>接种后要留观三十分钟，个别人会有注射部位疼痛、低热等反应，一般两三天内自行缓解。</p>"
        "</div><div class='related'><h3>相关阅读</h3><a href='/author/7.html'>另一位作者</a></div>"
        "</body></html>"
    )
    assert article_from_html(page, "http://www.jk.example/ym/4.html").author == "韩冰"


def page_with(head: str, top: str, body_first: str = "") -> str:
    return (
        f"<html><head><meta charset='utf-8'><title>秋季腹泻怎么护理_健康网</title>{head}</head><body>"
        f"<div class='menu'><a class='authorcenter' href='/daily/authorcenter'>作者中心</a></div>"
        f"<h1>秋季腹泻怎么护理</h1>{top}<div class='content'>{body_first}"
        "<p>秋季腹泻多由轮状病毒引起，常见于两岁以下的孩子，主要表现为发热、呕吐和蛋花汤样大便。</p>"
        "<p>护理的关键是预防脱水，可以少量多次喂口服补液盐，继续母乳喂养，不要随意禁食。</p>"
        "<p>如果孩子精神差、尿量明显减少、哭时无泪，说明可能已经脱水，要及时到医院就诊。</p>"
        "</div></body></html>"
    )


@pytest.mark.parametrize(
    ("top", "author"),
    [
        # the column's box is an author slot too, but the slot that labels its name wins
        (
            "<div class='openauthor'><a href='/col/3'>非讀BOOK</a><em>About</em></div>"
            "<em class='authorname'><span>撰文者</span>林美華</em>",
            "林美華",
        ),
        ("<a href='/daily/author?un=健康小站长&ie=utf-8'><span class='name'>健康小站长</span></a>", "健康小站长"),
    ],
    ids=["labelled-slot-first", "author-page-query"],
)
def test_author_slots_prefer_a_labelled_name_and_ignore_menu_buttons(top, author):
    assert article_from_html(page_with("", top), "http://www.jk.example/ek/8.html").author == author


def test_a_byline_ending_a_long_newspaper_header_in_the_first_lines_gives_the_author():
    header = (
        "<p>2021-10-12</p><p>健康周刊 2021年10月12日 星期二 编辑：王越 版式：李明</p>"
        "<p>【欢迎登录本报网站发表您的看法】 见习记者 周晓</p>"
    )
    assert article_from_html(page_with("", "", header), "http://www.jk.example/ek/9.html").author == "周晓"


@pytest.mark.parametrize(
    ("script", "author"),
    [
        ('var _data = {"AUTHER": "何明", "TIME": "2018-06-13"};', "何明"),
        ("let aauthor = '孙莉'; if (aauthor.length) {}", "孙莉"),
        ("var author = '健康网';", None),  # a site, not a person
    ],
)
def test_an_author_in_a_scripts_data_layer_is_the_last_resort(script, author):
    page = page_with(f"<script>{script}</script>", "")
    assert article_from_html(page, "http://www.jk.example/ek/10.html").author == author


@pytest.mark.parametrize(
    ("line", "alone"),
    [
        ("见习记者 周晓", True),
        ("本报记者 韩雪 通讯员 马力", True),
        ("文/张三 李四", True),
        ("记者 王海 近日从市疾控中心获悉，今年入冬以来流感病例明显增多。", False),
        ("平时要多喝水。", False),
    ],
)
def test_is_byline_line(line, alone):
    assert is_byline_line(line) is alone


def test_a_byline_line_and_a_papers_header_at_the_top_of_the_body_leave_it():
    header = (
        "<p>健康周刊 2021年10月12日 星期二 编辑：王越 版式：李明</p>"
        "<p>【欢迎登录本报网站发表您的看法 http://week.example.cn/】</p><p>见习记者 周晓</p>"
    )
    article = article_from_html(page_with("", "", header), "http://www.jk.example/ek/11.html")
    article.fetched_at = "2026-11-20T08:00:00Z"
    result = finish_item(article, CounterStats())
    assert result.author == "周晓"
    assert result.body.startswith("秋季腹泻多由轮状病毒引起")


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("撰文/某某醫院 整形外科 林志明醫師", "林志明"),  # a full name keeps no job title
        ("作者：孙医师", "孙医师"),  # a surname and a title stay whole
        ("作者：儿科王医生", "儿科王医生"),  # a self-media handle stays whole
        ("实习记者 马丽 某报编辑 周全", "马丽"),  # 某报编辑: the paper of the next label, no name
    ],
)
def test_titles_after_full_names_and_qualifiers_of_the_next_label_are_no_names(line, author):
    assert byline_author(line) == author


def test_a_meta_author_with_a_web_address_is_a_site_builders_credit():
    assert meta_author("某某网络有限公司-高端网站建站专家-http://www.example.com") is None


@pytest.mark.parametrize("slot", ["暂未更新 最近发布 查看更多", "自由時報", "梅斯医学"])
def test_an_unlabelled_author_slot_naming_a_publisher_or_buttons_names_nobody(slot):
    top = f"<div class='author-box'><span class='author'>{slot}</span></div>"
    assert article_from_html(page_with("", top), "http://www.jk.example/ek/12.html").author is None


def thread_page(header: str, replies: str = "") -> str:
    """A community post: the headline, a header naming the poster, the post, replies by other users."""
    return (
        "<html><head><meta charset='utf-8'><title>做完胃镜后多久能吃饭 - 消化病友会</title></head><body>"
        "<div class='nav'><a href='/'>首页</a> <a href='/login'>登录</a></div>"
        f"<h2 class='topic-title'>做完胃镜后多久能吃饭</h2><div class='poster'>{header}</div>"
        "<div class='topic-body'>"
        "<p>上周做了无痛胃镜，医生说两个小时后才能喝水，可是麻药过了以后特别饿，想问问大家是怎么安排的。</p>"
        "<p>我做的时候还取了两块活检，护士说当天只能吃温凉的流食，第二天可以吃软烂的面条和粥。</p>"
        "<p>有没有做过的朋友说说，取了活检以后多久可以正常吃饭，辣的东西要忌口多长时间？</p>"
        f"</div><ul class='replies'>{replies}</ul></body></html>"
    )


REPLIES = (
    "<li><a href='/member/8841/'>夏夜晚风</a> <span>2023-04-02 10:15</span><p>我取活检后三天都吃的粥。</p></li>"
    "<li><a href='/member/9120/'>胃病老病号</a> <span>2023-04-02 11:30</span><p>辣的至少忌一周吧。</p></li>"
)


@pytest.mark.parametrize(
    ("header", "author"),
    [
        # a name in a link to the user's profile page, beside the date
        ("<a href='/member/5521/'>静水流深</a> 发表于 2023-04-02 09:12", "静水流深"),
        # Discuz!-style profile URL with a handle that has digits in it
        ("<a href='space-uid-77310.html'>tangtang_2019</a> <em>2023-4-2 09:12</em>", "tangtang_2019"),
        # an avatar's link first: its alt names the poster
        (
            "<a href='https://club.example/u/3f9a21'><img src='/face/3f9a21.png' alt='静水流深'></a>"
            "<span>楼主</span> <span>2023-04-02 09:12</span>",
            "静水流深",
        ),
        # a query-string profile link
        ("作者：<a href='/home.php?mod=space&uid=5521'>静水流深</a>", "静水流深"),
        # a user id glued to u, a profile named by a handle
        ("<a class='nickname' href='https://home.club.example/u8827361520'>团团妈咪</a> 2023-04-02", "团团妈咪"),
        ("<a href='https://i.club.example/profile/night_owl'>夜猫子医生</a> 2023-04-02", "夜猫子医生"),
        # links that are no profile (the board, a login) name nobody
        ("<a href='/board/12/'>胃肠病版</a> <a href='/login'>登录后回复</a> 2023-04-02", None),
        # a profile link showing a button, not a name
        ("<a href='/member/5521/'>关注</a> 2023-04-02", None),
    ],
    ids=["name", "discuz-handle", "avatar-alt", "query", "u-id", "profile-handle", "no-profile", "button"],
)
def test_the_poster_linked_to_a_profile_page_in_the_posts_header_is_the_author(header, author):
    page = thread_page(header, REPLIES)
    assert article_from_html(page, "http://club.example/topic/41.html").author == author


def test_profile_links_of_repliers_and_of_the_nav_never_name_the_author():
    page = thread_page("2023-04-02 09:12", REPLIES).replace(
        "<a href='/login'>登录</a>", "<a href='/user/1001/'>站长小王</a>"
    )
    assert article_from_html(page, "http://club.example/topic/41.html").author is None


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("北京大学第三医院 运动医学科 张伟 刘芳 发布时间：2019-05-06", "张伟、刘芳"),
        ("四川大學華西醫院 陳思遠", "陳思遠"),
        ("复旦大学公共卫生学院 王敏 李立 赵强 孙红 周平", None),  # five: a list, no byline
        ("人民网 人民健康 2020-01-02", None),  # a medium, not an affiliation
        ("北京协和医院 门诊部 2020-01-02", None),  # a unit after the hospital
        ("张伟 刘芳", None),  # no affiliation: nothing says these are names
        ("协和医院专家提醒 春季过敏高发", None),
    ],
)
def test_affiliation_byline(line, author):
    assert affiliation_byline(line) == author


def test_an_unlabelled_byline_of_affiliation_and_names_under_the_headline_gives_the_authors():
    page = (
        "<html><head><meta charset='utf-8'><title>腰椎间盘突出不一定要手术_健康周刊</title></head><body>"
        "<table><tr><td class='bt'>腰椎间盘突出不一定要手术</td></tr>"
        "<tr><td>浙江大学医学院附属第二医院 骨科 陈立 吴倩</td></tr>"
        "<tr><td>发布时间：2018年03月12日 查看次数：88</td></tr>"
        "<tr><td class='nr'><p>腰椎间盘突出症的患者，八成以上经过保守治疗可以缓解，真正需要手术的是少数。</p>"
        "<p>保守治疗包括卧床休息、牵引、理疗和药物，急性期过后要在医生指导下做腰背肌锻炼。</p>"
        "<p>如果出现大小便障碍、下肢无力加重，或者保守治疗三个月无效，才考虑手术治疗。</p></td></tr>"
        "</table></body></html>"
    )
    found = article_from_html(page, "http://paper.jk.example/2018-03-12/7.html")
    assert found.author == "陈立、吴倩"
    assert "骨科 陈立" not in found.body


SIDEBAR = "".join(
    f"<div class='side-item'><a href='/n/{n}'><div class='writer-info'>{text}</div></a></div>"
    for n, text in enumerate(["降温了　老人注意保暖", "流感高发季来了", "吃坚果的好处", "春困怎么办", "护眼小常识"])
)


@pytest.mark.parametrize(
    ("top", "author"),
    [
        ("<span class='author'>温子瑜</span>", "温子瑜"),
        ("<span class='author'>「爆」秋季腹泻高发？</span>", None),  # a headline in an author slot
        ("", None),
    ],
)
def test_writer_slots_of_a_sidebar_list_and_headline_texts_name_nobody(top, author):
    page = page_with("", top).replace("<h1>", f"<div class='side'>{SIDEBAR}</div><h1>")
    assert article_from_html(page, "http://www.jk.example/ek/9.html").author == author


def test_on_a_qa_page_answerers_named_in_slots_or_profile_links_are_not_the_author():
    page = (
        "<html><head><meta charset='utf-8'><title>孩子发烧38度5要不要吃退烧药 - 健康问答</title></head><body>"
        "<h1 class='question-title'>孩子发烧38度5要不要吃退烧药</h1>"
        "<div class='question-detail'>两岁宝宝下午开始发烧，精神还可以，能吃能玩，需不需要马上吃退烧药？</div>"
        "<div class='answer-header'><a href='/people/88231'>儿科李医生</a></div>"
        "<div class='answer-list'>"
        "<div class='answer-item'><span class='author-name'>儿科李医生</span>"
        "<p>体温超过38.5度或者孩子明显不舒服时，可以用对乙酰氨基酚或布洛芬，按体重计算剂量。</p>"
        "<p>精神好的话可以先物理降温，多喝水，注意观察，出现抽搐、嗜睡要及时就医。</p></div>"
        "<div class='answer-item'><span class='author-name'>王护士</span>"
        "<p>两次退烧药之间至少间隔四到六小时，一天不超过四次，不要两种药同时吃。</p></div>"
        "</div></body></html>"
    )
    found = article_from_html(page, "https://ask.jk.example/question/5521")
    assert found.page_type == "qa"
    assert found.author is None


@pytest.mark.parametrize(
    ("title", "author"),
    [
        ("痛风患者怎么吃海鲜_刘晓光的博客-医友博客", "刘晓光"),
        ("痛风患者怎么吃海鲜 - 王医生的专栏 - 健康号", "王医生"),  # a surname and a title stay whole
        ("痛风患者怎么吃海鲜_健康频道_医友网", None),
    ],
)
def test_a_title_naming_whose_blog_or_column_a_post_is_names_its_author(title, author):
    page = page_with("", "").replace("<title>秋季腹泻怎么护理_健康网</title>", f"<title>{title}</title>")
    found = article_from_html(page, "http://blog.yy.example/p/5521")
    assert found.author == author


@pytest.mark.parametrize(
    ("top", "author"),
    [
        # a slot whose label, name and qualification are elements of their own, written without spaces
        ("<div class='author-box'><span>作者</span><a href='/u/linqin'>林琴</a><span>营养学硕士</span></div>", "林琴"),
        # the writing doctor's card under the headline, linked to the doctor's page
        (
            "<div class='doc-card'><img alt='邵建华' src='/d/1.jpg'><p class='doc-name'>"
            "<a href='https://www.yl.example/doctor/90121.html'>邵建华</a><span>副主任医师</span></p></div>",
            "邵建华",
        ),
    ],
    ids=["slot-parts", "doctor-card"],
)
def test_an_author_slot_read_in_parts_and_a_doctors_card_name_the_author(top, author):
    assert article_from_html(page_with("", top), "http://www.jk.example/ek/11.html").author == author


@pytest.mark.parametrize(
    ("line", "card"),
    [
        ("贺丽娜 主管药师", True),
        ("四川省人民医院 呼吸内科", True),
        ("周建国 副主任医师 苏州市立医院 骨科 帮助过的人：2361", True),
        ("陈静副主任医师", True),
        ("张华医生", True),
        ("你好，不建议喝酒，头孢期间饮酒很危险。", False),
        ("北京协和医院", False),  # a unit alone may be an answer's word
        ("张三 李四", False),
        ("多喝水 少吃盐", False),
    ],
)
def test_is_card_line(line, card):
    assert is_card_line(line) is card
