"""A deterministic static site of N article pages in the sample site's CMS template (乡间郎中).

``python -m benchmarks.sitegen DIR --articles N [--duplicates K] [--seed S]`` writes:

* ``index.html`` and ``list_2.html`` … ``list_P.html``: every article, newest first, paginated
  (``LIST_PAGE_SIZE`` a page, each page linking its neighbours, the first and the last page);
* ``/<category>/index.html`` (and ``/jibing/<disease>/index.html``): the breadcrumb and nav targets;
* one page per article at ``/<category>[/<disease>]/<yyyymmdd>/<id>.html`` in the template of
  ``data/sample_site/`` (crumbs, ``div.info`` date, a body with intro paragraphs and numbered
  sections ``一、`` / ``1、``, a 相关阅读 block linking other generated articles, a hidden print copy
  on every other page);
* K duplicates, alternately a mobile copy (``/m/<path>``, ``<link rel=canonical>`` to the
  original) and a reprint (``/zhuanzai/<id>.html``, same template and body, no canonical link),
  linked from the sidebar of the list page that lists their original;
* ``robots.txt`` and ``manifest.json`` (what :func:`generate_site` returns).

Bodies are drawn from sentence templates whose slots are filled from word lists, so distinct
articles share little text (Jaccard of 2-character shingles 0.11 on average, at most 0.31 over 2,000 random
pairs of a 20,000-article site) while reading like the site.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from html import escape
from pathlib import Path
from typing import Any

LIST_PAGE_SIZE = 50
SITE_NAME = "乡间郎中"
FIRST_DAY = date(2015, 1, 1)
ARTICLES_A_DAY = 3

# (path, name, diseases (path, name)) — 疾病 articles also get a disease sub-category.
CATEGORIES: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "jibing",
        "疾病",
        [("yaotong", "腰痛"), ("shimian", "失眠"), ("gaoxueya", "高血压"), ("weiyan", "胃炎"), ("kesou", "咳嗽")],
    ),
    ("yangsheng", "养生", []),
    ("zhongcaoyao", "中草药", []),
    ("pianfang", "偏方", []),
]

SUBJECTS = (
    "腰椎间盘突出", "颈椎病", "肩周炎", "失眠", "偏头痛", "高血压", "低血压", "糖尿病", "高血脂", "痛风",
    "胃炎", "胃溃疡", "便秘", "腹泻", "口腔溃疡", "咽炎", "鼻炎", "咳嗽", "支气管炎", "哮喘",
    "湿疹", "荨麻疹", "痤疮", "脱发", "贫血", "甲亢", "脂肪肝", "胆结石", "肾结石", "尿路感染",
    "关节炎", "骨质疏松", "腰肌劳损", "坐骨神经痛", "静脉曲张", "痔疮", "结膜炎", "干眼症", "中耳炎", "牙周炎",
    "手足口病", "水痘", "带状疱疹", "冠心病", "心律失常", "脑供血不足", "耳鸣", "眩晕", "盗汗", "手脚冰凉",
    "蒲公英", "金银花", "菊花", "枸杞", "黄芪", "当归", "艾叶", "薄荷", "决明子", "山药",
    "红枣", "生姜", "大蒜", "绿豆", "薏米", "红豆", "莲子", "百合", "银耳", "黑芝麻",
    "核桃", "蜂蜜", "苦瓜", "冬瓜", "南瓜", "西红柿", "芹菜", "菠菜", "燕麦", "小米",
)
QUALIFIERS = (
    "", "老年人", "孕妇", "儿童", "中年女性", "年轻人", "上班族", "冬季", "夏季", "春季",
    "秋季", "长期熬夜后", "产后", "经期", "饭后", "早晨", "夜间", "运动后", "久坐人群", "更年期",
    "体虚者", "男性", "学生", "术后", "换季时", "雨天", "出差时", "体检后", "三伏天", "寒冬",
)
TITLE_PATTERNS = (
    "{q}{s}是怎么回事", "{q}{s}的原因和治疗方法", "{q}{s}吃什么好", "{q}{s}怎么办", "{q}{s}的症状有哪些",
    "{q}{s}要注意什么", "{q}{s}如何预防", "{q}{s}的危害有哪些", "{q}{s}的饮食禁忌", "{q}{s}怎么调理",
    "{q}{s}能根治吗", "{q}{s}需要做哪些检查", "{q}{s}的家庭护理", "{q}{s}的小偏方", "{q}{s}常见误区",
)
# Top-level section headings: (template, kind the parser reads from its keyword).
SECTION_HEADINGS = (
    ("{s}的原因", "cause"), ("{s}的常见症状", "symptom"), ("{s}的诊断", "diagnosis"),
    ("{s}的治疗", "treatment"), ("{s}的预防", "prevention"), ("{s}的饮食", "diet"),
    ("{s}的危害", "risk"), ("{s}的诱因", "cause"), ("{s}的早期表现", "symptom"), ("{s}的食疗", "diet"),
)
# Sub-section headings: no kind keyword, so the subsections inherit their parent's kind.
SUBHEADINGS = (
    "生活习惯", "年龄因素", "遗传因素", "情绪波动", "作息规律", "季节变化", "工作姿势", "体重管理",
    "睡眠质量", "运动锻炼", "环境温度", "个人卫生", "心理状态", "日常起居", "体质差异", "饮水习惯",
    "外伤劳损", "慢性炎症", "激素水平", "免疫功能", "气血不足", "肝肾亏虚", "脾胃虚弱", "寒湿侵袭",
)

# Sentence templates; slots: {s} subject, {p} person, {b} body part, {a} action, {f} food or herb,
# {t} time span, {n} a number, {e} effect, {c} condition, {d} degree.
SENTENCES = (
    "{p}如果出现{c}的情况,往往和{s}有一定关系,需要{a}。",
    "不少{p}在{t}之后发现{b}有{c}的现象,这时候应该{a}。",
    "{f}性质平和,适量食用可以{e},对{s}有一定的辅助作用。",
    "医生提醒,{s}早期{d},很多{p}容易忽视,等到{c}时才去就医。",
    "据统计,大约{n}%的{p}会在{t}内出现{b}{c},其中以{d}者居多。",
    "平时可以多吃一些{f}和{f2},它们能够{e},同时也有助于{e2}。",
    "{p}要注意{a},避免{b}长时间受凉,否则{s}容易反复发作。",
    "中医认为{s}多与{b}功能失调有关,调理时讲究{a}。",
    "坚持{a}{t},多数{p}的{b}不适会明显减轻。",
    "{s}如果拖延不治,可能会引起{b}{c},严重时还会影响{p}的正常生活。",
    "有的{p}喜欢用{f}泡水喝,每次取{n}克左右,长期坚持可以{e}。",
    "在{t}这段时间里,{p}最好{a},同时减少{b}的负担。",
    "{b}是人体比较容易受损的部位,一旦出现{c},就要警惕{s}。",
    "专家建议{p}每天保证{n}分钟以上的活动量,并且{a}。",
    "{f}和{f2}搭配食用,能够{e},但脾胃虚寒的{p}不宜多吃。",
    "一些{p}误以为{s}只是小毛病,其实{d}的情况并不少见。",
    "如果{b}经常{c},最好到正规医院做相关检查,明确病因后再{a}。",
    "饮食上要清淡为主,少吃辛辣油腻的食物,多吃{f}等新鲜蔬果,有助于{e}。",
    "对于病程较长的{p},单纯依靠药物效果有限,还需要配合{a}。",
    "{t}里气温变化较大,{p}的{b}容易受到刺激,{s}的发病率也随之升高。",
    "临床观察发现,{s}在{p}中越来越常见,和现代人久坐少动、压力偏大都有关系。",
    "家里常备一些{f},煮粥或者炖汤时放上一把,对{e}颇有好处。",
    "有{n}年病史的{p}回忆说,刚开始只是{b}偶尔{c},后来才慢慢加重。",
    "{p}不要盲目听信偏方,尤其是来路不明的药酒和药丸,以免耽误{s}的治疗。",
    "晚上睡前用热水泡脚{n}分钟,可以促进{b}血液循环,对{e}也有帮助。",
    "{s}的轻重程度因人而异,{d}的{p}通过{a}通常就能好转。",
    "除了{a},还要学会调节情绪,长期焦虑紧张会让{b}{c}更加明显。",
    "把{f}洗净切块,和{f2}一起煮{n}分钟,就是一道适合{p}的家常汤。",
    "体检时如果发现相关指标异常,{p}应遵医嘱复查,必要时{a}。",
    "不少地方流传着用{f}治疗{s}的说法,这种做法只能作为辅助手段。",
    "天气转凉以后,{b}更容易{c},{p}出门时记得{a}。",
    "研究表明,规律作息的{p}患上{s}的概率比作息紊乱者低{n}%左右。",
    "{s}发作期间应暂停剧烈运动,让{b}充分休息,待症状缓解后再逐步恢复。",
    "如果伴有{c}或者持续{t}以上不见好转,说明病情可能在加重。",
    "日常生活中,{p}可以通过{a}来减轻{b}压力,降低{s}复发的可能。",
    "{f}含有丰富的膳食纤维和矿物质,经常食用能够{e}。",
    "很多{p}担心药物的副作用,其实只要在医生指导下合理用药,大可不必过于紧张。",
    "小区里的{p}常常结伴{a},既锻炼了身体,又能互相交流经验。",
    "{b}出现{c}并不一定就是{s},也可能是其他疾病的信号,需要仔细鉴别。",
    "坚持记录每天的饮食和作息,有助于{p}找出诱发{s}的具体因素。",
)
# Each article draws on a subset of every word list, so that two articles share few phrases.
SUBSET = {"sentences": 8, "persons": 5, "parts": 6, "actions": 6, "foods": 8, "times": 5, "effects": 5,
          "conditions": 5, "degrees": 3}
PERSONS = (
    "患者", "中老年人", "年轻人", "孕妇", "儿童", "上班族", "学生", "老人", "女性朋友", "男性朋友",
    "体质虚弱的人", "长期伏案工作的人", "经常熬夜的人", "司机", "教师", "运动员", "退休老人", "新手妈妈",
)
BODY_PARTS = (
    "腰部", "颈部", "肩膀", "膝关节", "胃部", "肠道", "咽喉", "鼻腔", "皮肤", "头部", "眼睛", "耳朵",
    "心脏", "肝脏", "肾脏", "脾胃", "肺部", "血管", "关节", "肌肉", "神经", "牙龈", "口腔", "足部",
)
ACTIONS = (
    "及时就医", "注意休息", "适当热敷", "坚持锻炼", "调整作息", "保持心情舒畅", "按时服药", "少食多餐",
    "多喝温水", "避免久坐", "控制体重", "戒烟限酒", "按摩穴位", "泡脚暖身", "早睡早起", "做好保暖",
    "定期复查", "练习太极拳", "散步慢跑", "拉伸放松", "清淡饮食", "补充维生素", "针灸理疗", "艾灸调理",
)
FOODS = (
    "山药", "红枣", "枸杞", "小米", "南瓜", "冬瓜", "苦瓜", "芹菜", "菠菜", "燕麦", "绿豆", "红豆",
    "薏米", "莲子", "百合", "银耳", "黑芝麻", "核桃", "蜂蜜", "生姜", "菊花", "金银花", "蒲公英", "黄芪",
    "当归", "茯苓", "陈皮", "山楂", "桂圆", "花生", "玉米", "萝卜", "白菜", "香菇", "木耳", "海带",
)
TIME_SPANS = (
    "一周", "两周", "一个月", "三个月", "半年", "一年", "冬季", "夏季", "换季", "春节前后",
    "梅雨季节", "考试期间", "加班期间", "产后", "术后恢复期", "感冒后", "退休后", "更年期",
)
EFFECTS = (
    "健脾养胃", "清热解毒", "补气养血", "润肺止咳", "安神助眠", "降低血压", "促进消化", "增强免疫力",
    "缓解疲劳", "滋阴润燥", "祛湿排毒", "温中散寒", "养肝明目", "强筋健骨", "活血化瘀", "利尿消肿",
)
CONDITIONS = (
    "疼痛", "酸胀", "麻木", "红肿", "发热", "瘙痒", "乏力", "僵硬", "出血", "抽筋", "胀气", "干涩",
    "反复发作", "隐隐作痛", "时好时坏", "夜间加重", "晨起明显", "遇冷加重",
)
DEGREES = ("症状轻微", "症状不明显", "病情较重", "进展缓慢", "反复发作", "容易误诊", "表现多样", "症状典型")

MOBILE = "mobile"
REPRINT = "reprint"


@dataclass
class Section:
    label: str
    number: int
    heading: str
    kind: str | None
    text: str
    subsections: list[Section] = field(default_factory=list)


@dataclass
class ArticleSpec:
    id: int
    path: str
    title: str
    published: str
    breadcrumbs: list[str]
    intro: list[str]
    sections: list[Section]
    related: list[dict[str, str]]
    print_copy: bool

    @property
    def paragraphs(self) -> list[str]:
        """The body as the parser should read it: one paragraph a line."""
        lines = list(self.intro)
        for section in self.sections:
            lines.append(f"{section.label}、{section.heading}")
            if section.text:
                lines.append(section.text)
            for sub in section.subsections:
                lines += [f"{sub.label}、{sub.heading}", sub.text]
        return lines


def _unique_titles(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """``count`` distinct (title, subject) pairs."""
    total = len(SUBJECTS) * len(QUALIFIERS) * len(TITLE_PATTERNS)
    if count > total:
        raise ValueError(f"at most {total} distinct articles, {count} asked")
    titles = []
    for index in rng.sample(range(total), count):
        index, pattern = divmod(index, len(TITLE_PATTERNS))
        subject, qualifier = divmod(index, len(QUALIFIERS))
        s = SUBJECTS[subject]
        titles.append((TITLE_PATTERNS[pattern].format(q=QUALIFIERS[qualifier], s=s), s))
    return titles


@dataclass
class Vocabulary:
    """The words one article is written with: a random subset of each list."""

    subject: str
    sentences: list[str]
    persons: list[str]
    parts: list[str]
    actions: list[str]
    foods: list[str]
    times: list[str]
    effects: list[str]
    conditions: list[str]
    degrees: list[str]

    @classmethod
    def draw(cls, rng: random.Random, subject: str) -> Vocabulary:
        pools = {
            "sentences": SENTENCES, "persons": PERSONS, "parts": BODY_PARTS, "actions": ACTIONS, "foods": FOODS,
            "times": TIME_SPANS, "effects": EFFECTS, "conditions": CONDITIONS, "degrees": DEGREES,
        }
        return cls(subject, **{name: rng.sample(pool, SUBSET[name]) for name, pool in pools.items()})


def _sentence(rng: random.Random, words: Vocabulary) -> str:
    f, f2 = rng.sample(words.foods, 2)
    e, e2 = rng.sample(words.effects, 2)
    return rng.choice(words.sentences).format(
        s=words.subject, p=rng.choice(words.persons), b=rng.choice(words.parts), a=rng.choice(words.actions),
        f=f, f2=f2, t=rng.choice(words.times), n=rng.randint(5, 95), e=e, e2=e2, c=rng.choice(words.conditions),
        d=rng.choice(words.degrees),
    )


def _paragraph(rng: random.Random, words: Vocabulary, used: set[str]) -> str:
    """Two to four sentences, never a paragraph already on the page (the parser drops repeats)."""
    while True:
        text = "".join(_sentence(rng, words) for _ in range(rng.randint(2, 4)))
        if text not in used:
            used.add(text)
            return text


_CHINESE_NUMBERS = "一二三四五六七八九十"


def _sections(rng: random.Random, words: Vocabulary, used: set[str]) -> list[Section]:
    sections = []
    for number, (heading, kind) in enumerate(rng.sample(SECTION_HEADINGS, rng.randint(2, 4)), start=1):
        section = Section(_CHINESE_NUMBERS[number - 1], number, heading.format(s=words.subject), kind, "")
        if rng.random() < 0.5:
            section.text = _paragraph(rng, words, used)
        else:
            for sub_number, sub_heading in enumerate(rng.sample(SUBHEADINGS, rng.randint(2, 3)), start=1):
                sub = Section(str(sub_number), sub_number, sub_heading, kind, _paragraph(rng, words, used))
                section.subsections.append(sub)
        sections.append(section)
    return sections


def _crumbs_html(crumbs: list[tuple[str, str]], last: str) -> str:
    links = " &gt; ".join(f'<a href="{href}">{escape(name)}</a>' for href, name in crumbs)
    return f'<div class="crumbs">当前位置：{links} &gt; {escape(last)}</div>'


HEAD = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}-{site}</title>
<meta name="keywords" content="{keywords}">
<meta name="description" content="{description}">
{canonical}<link rel="stylesheet" href="/static/css/style.css">
<script>var _hmt = _hmt || [];</script>
</head>
<body>
<div class="header">
  <div class="logo"><a href="/">{site}</a></div>
  <ul class="nav"><li><a href="/">首页</a></li><li><a href="/yangsheng/">养生</a></li>\
<li><a href="/jibing/">疾病</a></li><li><a href="/zhongcaoyao/">中草药</a></li>\
<li><a href="/pianfang/">偏方</a></li></ul>
  <form class="search" action="/search/"><input name="q" placeholder="搜索"></form>
</div>
"""
FOOT = """<div class="footer"><p>Copyright &copy; 2014-2026 {site} 版权所有</p>\
<p>本站内容仅供参考，不作为诊断及医疗依据。</p></div>
<script src="/static/js/common.js"></script>
</body>
</html>
"""


def _sidebar(hot: list[ArticleSpec], extra: str = "") -> str:
    items = "".join(f'<li><a href="{a.path}">{escape(a.title)}</a></li>' for a in hot)
    box = f'    <div class="box"><h3>热门推荐</h3>\n      <ul>{items}</ul>\n    </div>\n'
    return f'  <div class="sidebar">\n{box}{extra}  </div>\n'


def _article_core(article: ArticleSpec, heading_tag: str) -> str:
    """The headline, info bar, body and related block (shared by the page and its print copy)."""
    lines = [
        f'    <{heading_tag} class="title">{escape(article.title)}</{heading_tag}>',
        f'    <div class="info"><span class="time">{_shown_date(article.published)}</span>'
        f'<span class="src">来源：{SITE_NAME}</span>'
        f'<span class="views">阅读：<em>{article.id % 9973}</em></span></div>',
        '    <div class="content">',
    ]
    lines += [f"      <p>{escape(p)}</p>" for p in article.intro]
    for section in article.sections:
        lines.append(f"      <p><strong>{section.label}、{escape(section.heading)}</strong></p>")
        if section.text:
            lines.append(f"      <p>　　{escape(section.text)}</p>")
        for sub in section.subsections:
            lines.append(f"      <p>&nbsp;&nbsp;{sub.label}、{escape(sub.heading)}</p>")
            lines.append(f"      <p>　　{escape(sub.text)}</p>")
    lines.append("    </div>")
    if article.related:
        lines += [
            '    <div class="xgyd">',
            f'      <div class="xgyd-hd"><h3>{escape(article.title)}相关阅读</h3></div>',
            '      <ul class="xgyd-list">',
        ]
        for entry in article.related:
            lines += [
                "        <li>",
                f'          <h4><a href="{entry["url"]}" target="_blank">{escape(entry["title"])}</a></h4>',
                f'          <div class="xgyd-summary">\n            <p>{escape(entry["summary"])}</p>',
                "          </div>\n        </li>",
            ]
        lines += ["      </ul>", "    </div>"]
    return "\n".join(lines) + "\n"


def _shown_date(published: str) -> str:
    """``2020-07-14`` or ``2020-07-14T09:12:00+08:00`` as the info bar shows it."""
    return published if "T" not in published else published[:10] + " " + published[11:16]


def _meta(article: ArticleSpec) -> dict[str, str]:
    return {
        "title": escape(article.title),
        "site": SITE_NAME,
        "keywords": escape(",".join(dict.fromkeys([article.breadcrumbs[-1], article.title]))),
        "description": escape(article.intro[0][:60]),
    }


def article_page(article: ArticleSpec, crumbs: list[tuple[str, str]], hot: list[ArticleSpec], canonical: bool) -> str:
    link = f'<link rel="canonical" href="{article.path}">\n' if canonical else ""
    parts = [
        HEAD.format(canonical=link, **_meta(article)),
        _crumbs_html(crumbs, "正文") + "\n",
        '<div class="wrap">\n  <div class="article">\n',
        _article_core(article, "h1"),
        "  </div>\n",
        _sidebar(hot),
        "</div>\n",
        '<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>\n',
    ]
    if article.print_copy:
        parts += [
            '<div id="print-area" style="display:none">\n',
            f'  <div class="print-hd">{escape(article.title)}-{SITE_NAME}</div>\n  <div class="print-article">\n',
            _article_core(article, "h2"),
            "  </div>\n</div>\n",
        ]
    parts.append(FOOT.format(site=SITE_NAME))
    return "".join(parts)


def mobile_page(article: ArticleSpec) -> str:
    lines = [
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">",
        '<meta name="viewport" content="width=device-width,initial-scale=1,maximum-scale=1">',
        f"<title>{escape(article.title)}_{SITE_NAME}手机版</title>",
        f'<link rel="canonical" href="{article.path}">',
        '</head>\n<body class="m">',
        '<header class="m-top"><a class="back" href="javascript:history.back()">返回</a>'
        f"<span>{SITE_NAME}</span></header>",
        '<article class="m-art">',
        f'  <h1 class="m-title">{escape(article.title)}</h1>',
        f'  <p class="m-meta"><time datetime="{article.published}">{_shown_date(article.published)}</time>'
        f" {SITE_NAME}</p>",
        '  <section class="m-body">',
    ]
    lines += [f"    <p>{escape(line)}</p>" for line in article.paragraphs]
    lines += ["  </section>", "</article>", f'<footer class="m-foot">{SITE_NAME}手机版</footer>', "</body>", "</html>"]
    return "\n".join(lines) + "\n"


def list_page(
    title: str, crumbs: list[tuple[str, str]] | None, entries: list[ArticleSpec], pager: str, side: str
) -> str:
    meta = {"title": escape(title), "site": SITE_NAME, "keywords": f"{SITE_NAME},{escape(title)}",
            "description": f"{SITE_NAME}{escape(title)}栏目,提供常见疾病、养生保健、中草药和民间偏方知识。"}
    items = "".join(
        f'    <li><a href="{a.path}">{escape(a.title)}</a><span>{a.published[:10]}</span>'
        f"<p>{escape(a.intro[0][:40])}...</p></li>\n"
        for a in entries
    )
    parts = [
        HEAD.format(canonical="", **meta),
        _crumbs_html(crumbs, title) + "\n" if crumbs else "",
        f'<div class="wrap">\n  <div class="main">\n  <h2 class="list-hd">{escape(title)}</h2>\n',
        f'  <ul class="list">\n{items}  </ul>\n{pager}  </div>\n',
        _sidebar(entries[:3], side),
        "</div>\n",
        FOOT.format(site=SITE_NAME),
    ]
    return "".join(parts)


def _list_url(page: int) -> str:
    return "/" if page == 1 else f"/list_{page}.html"


def _pager(page: int, pages: int) -> str:
    shown = sorted({1, pages, *range(max(1, page - 3), min(pages, page + 3) + 1)})
    links = " ".join(
        f'<span class="cur">{n}</span>' if n == page else f'<a href="{_list_url(n)}">{n}</a>' for n in shown
    )
    if page < pages:
        links += f' <a href="{_list_url(page + 1)}">下一页</a>'
    return f'  <div class="pages">{links}</div>\n'


def _plan(articles: int, seed: int) -> tuple[list[ArticleSpec], dict[int, list[tuple[str, str]]]]:
    """Every article's content and its breadcrumb links, by id."""
    rng = random.Random(seed)
    titles = _unique_titles(rng, articles)
    specs: list[ArticleSpec] = []
    crumbs: dict[int, list[tuple[str, str]]] = {}
    for index, (title, subject) in enumerate(titles):
        article_id = 10000 + index
        day = FIRST_DAY + timedelta(days=index // ARTICLES_A_DAY)
        category, category_name, diseases = CATEGORIES[index % len(CATEGORIES)]
        trail = [("/", "首页"), (f"/{category}/", category_name)]
        folder = f"/{category}"
        if diseases:
            disease, disease_name = diseases[(index // len(CATEGORIES)) % len(diseases)]
            folder += f"/{disease}"
            trail.append((f"{folder}/", disease_name))
        published = day.isoformat()
        if index % 3 == 1:  # some pages show a time too: a datetime in China time
            published += f"T{8 + index % 12:02d}:{index * 7 % 60:02d}:00+08:00"
        used: set[str] = set()
        words = Vocabulary.draw(rng, subject)
        intro = [_paragraph(rng, words, used) for _ in range(rng.randint(1, 2))]
        spec = ArticleSpec(
            article_id, f"{folder}/{day:%Y%m%d}/{article_id}.html", title, published, [n for _, n in trail],
            intro, _sections(rng, words, used), [], print_copy=index % 2 == 0,
        )
        specs.append(spec)
        crumbs[article_id] = trail
    for index, spec in enumerate(specs):
        if index == 0:
            continue
        for other in rng.sample(specs[:index], min(index, rng.randint(1, 3))):
            spec.related.append({"title": other.title, "url": other.path, "summary": other.intro[0][:80]})
    return specs, crumbs


def _write(directory: Path, path: str, text: str) -> None:
    target = directory / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def generate_site(directory: Path, articles: int, duplicates: int = 0, seed: int = 0) -> dict[str, Any]:
    """Write the site under ``directory`` and return its manifest (also written to ``manifest.json``).

    Manifest: ``articles`` (each: ``path``, ``title``, ``published``, ``breadcrumbs``, ``body``
    lines, ``sections`` tree, ``related``), ``duplicates`` (``path``, ``original``, ``kind``:
    ``mobile`` with a canonical link or ``reprint`` without), ``lists`` (the list and category pages)
    and ``pages`` (every HTML page the crawl should fetch).
    """
    if duplicates > articles:
        raise ValueError("more duplicates than articles")
    directory = Path(directory)
    specs, crumbs = _plan(articles, seed)
    newest = list(reversed(specs))
    hot = newest[:3]
    dup_specs = [specs[i * articles // duplicates] for i in range(duplicates)] if duplicates else []
    dup_rows = []
    dup_paths: dict[int, str] = {}
    for number, spec in enumerate(dup_specs):
        if number % 2 == 0:
            path, kind = "/m" + spec.path, MOBILE
            _write(directory, path, mobile_page(spec))
        else:
            path, kind = f"/zhuanzai/{spec.id}.html", REPRINT
            _write(directory, path, article_page(spec, crumbs[spec.id], hot, canonical=False))
        dup_paths[spec.id] = path
        dup_rows.append({"path": path, "original": spec.path, "kind": kind})
    for spec in specs:
        _write(directory, spec.path, article_page(spec, crumbs[spec.id], hot, canonical=True))

    lists = []
    pages = max(1, -(-articles // LIST_PAGE_SIZE))
    for page in range(1, pages + 1):
        entries = newest[(page - 1) * LIST_PAGE_SIZE : page * LIST_PAGE_SIZE]
        copies = [(dup_paths[a.id], a.title) for a in entries if a.id in dup_paths]
        side = ""
        if copies:
            items = "".join(f'<li><a href="{p}">{escape(t)}</a></li>' for p, t in copies)
            side = f'    <div class="box"><h3>转载与手机版</h3>\n      <ul>{items}</ul>\n    </div>\n'
        title = "最新文章" if page == 1 else f"最新文章 第{page}页"
        _write(directory, _list_url(page), list_page(title, None, entries, _pager(page, pages), side))
        lists.append(_list_url(page))
    folders: dict[str, tuple[list[tuple[str, str]], list[ArticleSpec]]] = {}
    for spec in newest:
        trail = crumbs[spec.id]
        for depth in range(2, len(trail) + 1):
            folders.setdefault(trail[depth - 1][0], (trail[:depth], []))[1].append(spec)
    for category, name, _ in CATEGORIES:  # the nav links every category, even an empty one
        folders.setdefault(f"/{category}/", ([("/", "首页"), (f"/{category}/", name)], []))
    for path, (trail, entries) in folders.items():
        _write(directory, path, list_page(trail[-1][1], trail[:-1], entries[:20], "", ""))
        lists.append(path)
    _write(directory, "/robots.txt", "User-agent: *\nDisallow: /search/\nDisallow: /admin/\n")

    manifest = {
        "seed": seed,
        "articles": [
            {
                "path": s.path, "title": s.title, "published": s.published, "breadcrumbs": s.breadcrumbs,
                "body": s.paragraphs, "sections": [asdict(section) for section in s.sections], "related": s.related,
            }
            for s in specs
        ],
        "duplicates": dup_rows,
        "lists": lists,
        "pages": lists + [s.path for s in specs] + [d["path"] for d in dup_rows],
    }
    (directory / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.sitegen", description=__doc__.split("\n")[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--duplicates", type=int, default=0, help="exact duplicate pages (mobile copies, reprints)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    began = time.perf_counter()
    manifest = generate_site(args.directory, args.articles, args.duplicates, args.seed)
    print(
        f"{len(manifest['pages'])} pages ({len(manifest['articles'])} articles, {len(manifest['duplicates'])} "
        f"duplicates, {len(manifest['lists'])} list pages) in {args.directory} "
        f"({time.perf_counter() - began:.1f} s); manifest: {args.directory / 'manifest.json'}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
