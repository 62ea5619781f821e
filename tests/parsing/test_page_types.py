"""Kinds of page (scraper.parsing.page_types): article, qa, encyclopedia, forum_thread."""

from __future__ import annotations

import pytest

from scraper.items import PAGE_TYPES, Article
from scraper.stages import finish_item
from scraper.stats import CounterStats
from tests.helpers.pages import article_from_html

PROSE = (
    "<p>胃痛的原因很多，常见的有胃炎、胃溃疡、功能性消化不良等，饮食不规律也会引起。</p>"
    "<p>平时要按时吃饭，少吃辛辣刺激的食物，戒烟限酒，胃痛反复发作要及时就医。</p>"
    "<p>如果出现黑便、呕血或者体重明显下降，要尽快到医院消化科做胃镜检查。</p>"
)


def parsed(url: str, head: str, body: str) -> Article:
    page = f"<html><head><meta charset='utf-8'><title>胃痛怎么办_健康网</title>{head}</head><body>{body}</body></html>"
    result = article_from_html(page, url)
    assert result.page_type in PAGE_TYPES
    return result


def test_a_plain_article():
    found = parsed("http://www.jk.example/a/1.html", "", f"<h1>胃痛怎么办</h1><div class='content'>{PROSE}</div>")
    assert found.page_type == "article"


def test_an_article_that_mentions_the_original_poster_in_prose_stays_an_article():
    body = (
        f"<h1>胃痛怎么办</h1><div class='content'>{PROSE}<p><span>楼主说的办法</span>我也试过。</p>"
        "<p>住在<span>3楼</span>的邻居也说有效。</p></div>"
    )
    assert parsed("http://www.jk.example/a/3.html", "", body).page_type == "article"


def test_comment_areas_named_post_do_not_make_a_forum():
    body = f"<h1>胃痛怎么办</h1><div class='content'>{PROSE}</div><div id='post_comment_area'>评论</div>"
    assert parsed("http://www.jk.example/a/2.html", "", body).page_type == "article"


@pytest.mark.parametrize(
    ("url", "head", "body"),
    [
        ("http://bbs.jk.example/read.php?tid=88", "<meta name='generator' content='phpwind 9.0'>", ""),
        ("http://bbs.jk.example/t/5.html", "", "<div id='postmessage_1201'></div>"),
        ("https://tieba.baidu.com/p/7712345", "", ""),
        ("https://www.sns.example/group/topic/2577", "", ""),
        # the original poster marked in the replies
        ("http://quan.jk.example/wei/3391.html", "", "<ul><li><a>胃友甲</a><span class='op'>楼主</span>谢谢</li></ul>"),
        ("http://quan.jk.example/wei/3392.html", "", "<ul><li><a>胃友乙</a> <em>樓主</em> 謝謝</li></ul>"),
        # replies numbered by floor
        (
            "http://quan.jk.example/wei/3393.html",
            "",
            "<div class='re'><a>胃友丙</a><span class='fl'>1楼</span>有用</div>"
            "<div class='re'><a>胃友丁</a><span class='fl'>2楼</span>同问</div>",
        ),
    ],
    ids=["generator", "post-markup", "tieba-url", "group-topic-url", "op-label", "op-label-traditional", "floors"],
)
def test_forum_threads(url, head, body):
    found = parsed(url, head, f"<h1>胃痛怎么办</h1><div class='t_f'>{PROSE}</div>{body}")
    assert found.page_type == "forum_thread"


def test_a_qa_page_by_json_ld_with_the_question_description_first():
    head = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"QAPage"}</script>'
    body = (
        "<h1>胃痛怎么办</h1><div class='question-detail'><p>最近一周饭后总是胃痛，吃了胃药也不见好，怎么办？</p></div>"
        f"<div class='answer-list'><div class='answer-text'>{PROSE}</div></div>"
    )
    found = parsed("http://ask.jk.example/q/1.html", head, body)
    assert found.page_type == "qa"
    assert found.body.split("\n")[0] == "最近一周饭后总是胃痛，吃了胃药也不见好，怎么办？"
    assert "胃痛的原因很多" in found.body


def test_a_qa_page_by_its_markup():
    body = f"<h1>胃痛怎么办</h1><div class='wenti'>饭后胃痛</div><div class='huida'>{PROSE}</div>"
    assert parsed("http://www.jk.example/wenda/3.html", "", body).page_type == "qa"


def test_a_disease_encyclopedia_entry():
    parts = "".join(
        f"<h3>{heading}</h3><p>{heading}：胃炎是胃黏膜的炎症，与幽门螺杆菌感染、饮食不规律、长期服药等有关。</p>"
        for heading in ("病因", "症状", "检查", "治疗", "预防")
    )
    found = parsed("http://jbk.jk.example/weiyan/", "", f"<h1>胃炎</h1><div class='intro'>{parts}</div>")
    assert found.page_type == "encyclopedia"


def test_an_article_with_a_few_plain_headings_stays_an_article():
    parts = "".join(f"<h3>{h}</h3>{PROSE}" for h in ("病因", "治疗"))
    found = parsed("http://www.jk.example/a/9.html", "", f"<h1>胃痛怎么办</h1><div class='content'>{parts}</div>")
    assert found.page_type == "article"


def test_an_encyclopedia_entry_record_has_its_parts_as_sections():
    parts = "".join(
        f"<h3>{heading}</h3><p>胃炎是胃黏膜的炎症，与幽门螺杆菌感染、饮食不规律、长期服药等有关，需要规范治疗。</p>"
        for heading in ("病因", "症状", "检查", "治疗", "预防")
    )
    found = parsed("http://jbk.jk.example/weiyan/", "", f"<h1>胃炎</h1><div class='intro'>{parts}</div>")
    found.fetched_at = "2026-11-20T08:00:00Z"
    record = finish_item(found, CounterStats())
    assert [(s["label"], s["heading"], s["kind"]) for s in record.sections] == [
        (None, "病因", "cause"),
        (None, "症状", "symptom"),
        (None, "检查", "diagnosis"),
        (None, "治疗", "treatment"),
        (None, "预防", "prevention"),
    ]


def test_a_forum_threads_body_is_its_first_post_even_when_a_reply_is_longer():
    reply = "<p>回复：我也胃痛好多年了，后来去医院查出幽门螺杆菌，吃了两周药就好多了，建议你也去查一查。</p>" * 3
    posts = (
        f"<div class='post-item'><div class='author'>楼主</div><div class='post-body'>{PROSE}</div></div>"
        f"<div class='post-item'><div class='author'>网友甲</div><div class='post-body'>{reply}</div></div>"
        f"<div class='post-item'><div class='author'>网友乙</div><div class='post-body'>{reply}</div></div>"
    )
    found = parsed("http://bbs.jk.example/read.php?tid=9", "", f"<h1>胃痛怎么办</h1><div class='posts'>{posts}</div>")
    assert found.page_type == "forum_thread"
    assert "胃痛的原因很多" in found.body and "回复" not in found.body


def answer(doctor: str, text: str) -> str:
    more = "<p>平时注意休息，保持心情舒畅，胃痛加重或者出现黑便、呕血时要立即到医院急诊就诊。</p>"
    return f"<li class='r-it'><div class='dr'>{doctor} 主治医师</div><div class='r-txt'><p>{text}</p>{more}</div></li>"


QA_ANSWERS = (
    "<ul class='r-lst'>"
    + answer("张伟", "您好，饭后胃痛多与胃炎或消化不良有关，建议先规律饮食，少吃辛辣，观察一周看看。")
    + answer("李娜", "如果胃痛伴有反酸烧心，可以在医生指导下短期服用抑酸药，症状持续要做胃镜检查。")
    + "</ul>"
)


@pytest.mark.parametrize(
    ("labels", "url"),
    [
        ("<span>提问者：小雨</span>|<b>问题描述：</b>", "http://www.jk.example/x/5.html"),
        ("<em>病情描述</em>", "http://www.jk.example/question/5.html"),  # a Q&A URL and one label suffice
    ],
    ids=["asker-and-description", "url-and-one-label"],
)
def test_a_qa_page_by_its_labels_when_its_class_names_say_nothing(labels, url):
    body = (
        f"<h1>胃痛怎么办</h1><div class='wt-box'><div class='usr'>{labels}</div>"
        "<div class='q-con'>最近一周饭后总是胃痛，吃了胃药也不见好，怎么办？</div></div>"
        f"<h3>共2条医生回复</h3>{QA_ANSWERS}<div class='sim'><h3>相似问题</h3><a href='/q/1'>胃胀怎么办</a></div>"
    )
    found = parsed(url, "", body)
    assert found.page_type == "qa"
    lines = found.body.split("\n")
    assert lines[0] == "最近一周饭后总是胃痛，吃了胃药也不见好，怎么办？"  # the question first, then every answer
    assert "饭后胃痛多与胃炎" in found.body and "短期服用抑酸药" in found.body
    assert "胃胀怎么办" not in found.body


def test_the_asker_is_the_author_without_sex_or_age():
    body = (
        "<h1>胃痛怎么办</h1><div class='ask-info'>提问者：小雨 女 | 28岁 2023-05-06 10:20</div>"
        f"<div class='q-desc'>最近一周饭后总是胃痛，吃了胃药也不见好，怎么办？</div>{QA_ANSWERS}"
    )
    found = parsed("http://ask.jk.example/question/8.html", "", body)
    assert (found.page_type, found.author) == ("qa", "小雨")


def test_a_page_that_mentions_doctors_answers_in_prose_stays_an_article():
    prose = "<p>很多网友在网上提问，看到医生回答后才放心。但网上的医生回答不能代替面诊，胃痛反复要去医院。</p>"
    body = f"<h1>胃痛怎么办</h1><div class='content'>{prose}{PROSE}</div>"
    found = parsed("http://www.jk.example/a/10.html", "", body)
    assert found.page_type == "article"


MORE = "具体情况因人而异，出现不适请到正规医院消化内科就诊，在医生指导下检查和治疗。"


def test_an_entry_whose_parts_are_blocks_of_their_own_is_read_whole():
    text = {
        "病因": "胃炎与幽门螺杆菌感染、长期饮酒、服用止痛药等有关，饮食不规律的人更容易得。",
        "症状": "常见上腹部隐痛、饱胀、反酸、恶心，有的人没有任何不适，只在胃镜检查时发现。",
        "治疗": "根除幽门螺杆菌，保护胃黏膜，必要时抑酸；饮食要清淡，戒烟戒酒，按时吃饭。",
        "预防": "吃饭细嚼慢咽，不吃过烫过辣的食物，少喝浓茶咖啡，避免长期自行服用止痛药。",
    }
    parts = "".join(
        f"<section class='blk' id='p{i}'><h2>{h}</h2><div class='blk-in'><p>{t}</p><p>{MORE}</p></div></section>"
        for i, (h, t) in enumerate(text.items())
    )
    aside = "<aside class='side'><h3>相关疾病</h3><a href='/weikuiyang/'>胃溃疡</a></aside>"
    found = parsed("http://jbk.jk.example/weiyan/", "", f"<h1>胃炎</h1><main>{parts}</main>{aside}")
    assert found.page_type == "encyclopedia"
    assert all(t in found.body for t in text.values()) and "胃溃疡" not in found.body
    found.fetched_at = "2026-11-20T08:00:00Z"
    record = finish_item(found, CounterStats())
    assert [(s["label"], s["heading"], s["kind"]) for s in record.sections] == [
        (None, "病因", "cause"),
        (None, "症状", "symptom"),
        (None, "治疗", "treatment"),
        (None, "预防", "prevention"),
    ]


@pytest.mark.parametrize(
    ("url", "post"),
    [
        ("http://bbs.jk.example/read.php?tid=31", "<div class='post-body' id='read_31'>{}</div>"),
        ("http://bbs.jk.example/thread-31-1-1.html", "<td class='t_f' id='postmessage_31'>{}</td>"),
    ],
    ids=["phpwind-like", "discuz-like"],
)
def test_a_thread_whose_first_post_is_one_question_keeps_it_as_the_body(url, post):
    question = "饭后总是胃胀，吃了消食片也不管用，是不是要去做胃镜？"
    reply = "<p>回复：我以前也是这样，后来去医院做了胃镜，是浅表性胃炎，按医生说的吃了一个月药好多了。</p>" * 3

    def item(author: str, text: str) -> str:
        body = post.format(text)
        body = f"<table><tr>{body}</tr></table>" if body.startswith("<td") else body
        return f"<div class='post-item'><div class='author'>{author}</div>{body}</div>"

    posts = item("楼主", question) + item("网友甲", reply) + item("网友乙", reply)
    found = parsed(url, "", f"<h1>胃胀怎么办</h1><div class='posts'>{posts}</div>")
    assert found.page_type == "forum_thread"
    assert found.body == question


def test_a_thread_whose_first_post_is_marked_and_dated_below_gets_its_post_author_and_date():
    def floor(n: int, user: str, text: str, extra: str = "") -> str:
        return (
            f"<div class='floor clearfix'><div class='who'><a class='post-author' href='/u/{n}'>{user}</a></div>"
            f"<div class='main {extra}'><div class='inner'><section><div class='txt'>{text}</div></section></div>"
            f"<div class='reply-tail'><span>{n}楼</span><span>2021-0{n}-0{n} 1{n}:30</span></div></div></div>"
        )

    reply = "我家老人也是这样，先去心内科看，按时吃药，少吃盐，定期复查，慢慢会稳定下来的，别太着急。" * 2
    ad = "<div class='floor ad'><div class='who'><a class='post-author' href='/ad'>某某游戏</a></div><p>广告</p></div>"
    posts = floor(1, "心宽体胖2020_x", "老爸心衰住院三次了，还有什么办法吗？", "first-floor") + ad
    posts += floor(2, "路人甲", reply) + floor(3, "路人乙", reply)
    found = parsed("https://tieba.baidu.com/p/12345", "", f"<h1>老爸心衰住院三次了</h1><div class='list'>{posts}</div>")
    assert found.page_type == "forum_thread"
    assert found.body == "老爸心衰住院三次了，还有什么办法吗？"
    assert found.author == "心宽体胖2020_x"
    assert found.published == "2021-01-01T11:30:00+08:00"


def test_a_consultation_shown_as_a_conversation_keeps_every_turn_and_no_avatar_or_doctor_card():
    def turn(who: str, text: str, side: str) -> str:
        face = f"<span class='avatar'><img src='/face/{side}.png'></span>"
        return (
            f"<div><div class='msg {side}'>{face}<b class='who'>{who}</b><div class='msg-body'>{text}</div></div></div>"
        )

    answer = (
        "您好，根据您描述的情况，孩子夜里咳嗽加重、有痰，多考虑支气管炎，建议先查血常规和胸片，"
        "按医嘱用止咳化痰药，多喝水，注意室内通风和湿度，若出现高热不退或呼吸急促要及时就医。"
    )
    turns = (
        turn("患者", "孩子咳嗽一周了，晚上更厉害，有痰，需要吃抗生素吗？", "patient")
        + turn("张医生", answer, "doctor")
        + turn("患者", "谢谢医生，那需要雾化吗？晚上咳得睡不好。", "patient")
        + turn("张医生", "咳嗽影响睡眠时可以在医生指导下雾化，一般一天两次，连续三到五天，症状好转后即可停。", "doctor")
    )
    card = (
        "<div class='question-detail-doctor'><img src='/d.png'><p>张医生 主治医师 儿科 擅长：小儿呼吸道疾病</p></div>"
    )
    body = f"<h1>孩子咳嗽一周晚上加重怎么办</h1>{card}<div class='chat-list'>{turns}</div>"
    found = parsed("https://ask.jk.example/question/77.html", "", body)
    assert found.page_type == "qa"
    turns_in_order = [line for line in found.body.split("\n") if line not in ("患者", "张医生")]
    assert [line[:6] for line in turns_in_order] == ["孩子咳嗽一周", "您好，根据您", "谢谢医生，那", "咳嗽影响睡眠"]
    assert "擅长" not in found.body
    assert found.images == []


def test_a_thread_of_one_post_dated_below_it_gets_that_date():
    post = (
        "<div class='thread'><div class='floor-main'><div class='floor-text'>"
        "<p>最近体检发现尿酸偏高，医生说要少吃海鲜、动物内脏，多喝水，大家平时都是怎么控制尿酸的？</p></div>"
        "<div class='floor-foot'><span>1楼</span><span>2022-03-08 21:15</span></div></div></div>"
    )
    found = parsed("http://bbs.jk.example/thread-88-1-1.html", "", f"<h1>尿酸高怎么办</h1>{post}")
    assert found.page_type == "forum_thread"
    assert found.published == "2022-03-08T21:15:00+08:00"


def test_a_qa_page_with_a_best_answer_and_other_answers_apart_keeps_them_all_and_no_other_question():
    def answer(text: str) -> str:
        return f"<div class='reply-item'><p>医生建议：{text}</p><span>回答时间：2021-05-0{len(text) % 9}</span></div>"

    other = "".join(
        answer(t)
        for t in (
            "脂肪肝早期多没有症状，要靠体检发现，建议控制饮食总热量，少吃油炸食品和甜食，每周运动五次。",
            "体重下降百分之五到十，肝脏脂肪就能明显减少，不建议自行服用保肝药，定期复查肝功能和B超。",
        )
    )
    page = (
        "<div class='qbox'><h1>脂肪肝要怎么调理？</h1><span class='meta'>网友提问 提问时间：2021-05-01</span>"
        "<div><span>患者信息：男 35岁</span>"
        "<span>病情描述：体检查出轻度脂肪肝，平时应酬多，想知道要怎么调理？</span></div></div>"
        "<div class='side'><h3>相似病例</h3><a href='/q/2'>脂肪肝能喝酒吗</a></div>"
        "<div class='best-answer'><h3>最佳回答</h3><p>病情分析：轻度脂肪肝多与饮食和饮酒有关，"
        "戒酒、清淡饮食、规律运动，大多数人半年左右可以明显好转，一般不需要吃药。"
        "平时晚饭不要吃得太晚太饱，少喝含糖饮料，每半年复查一次肝脏B超和血脂。</p></div>"
        f"<div class='answers-other'><h3>其他回答（2）</h3>{other}</div>"
        "<div class='more-q'><p><a href='/q/3'>脂肪肝会癌变吗</a></p>"
        "<span>病情描述：查出中度脂肪肝，转氨酶偏高，会不会发展成肝硬化甚至肝癌？很担心。</span>"
        "<div class='reply-item'><p>医生建议：中度脂肪肝伴转氨酶升高要积极干预，控制体重，戒酒。</p></div></div>"
    )
    found = parsed("https://ask.jk.example/question/512.html", "", page)
    assert found.page_type == "qa"
    assert found.body.split("\n")[0].startswith("病情描述：体检查出轻度脂肪肝")
    for text in ("大多数人半年左右可以明显好转", "每周运动五次", "定期复查肝功能和B超"):
        assert text in found.body
    assert "会不会发展成肝硬化" not in found.body and "转氨酶升高要积极干预" not in found.body


def deep_answer(name: str, text: str) -> str:
    return (
        "<div class='feed-item'><div class='card'><div class='card-inner'><div class='meta'>"
        f"<a href='/u/{len(name)}'>{name}</a></div><div class='rich'><div class='rich-inner'>"
        f"<div class='rich-text'>{text}</div></div></div><div class='actions'>赞同 12 · 评论 3</div>"
        "</div></div></div>"
    )


def test_a_qa_page_whose_answers_sit_deep_in_list_items_keeps_the_description_and_every_answer():
    answers = "".join(
        deep_answer(name, text)
        for name, text in [
            (
                "康复科小陈",
                "<p>膝关节置换术后第一天就可以在床上做踝泵运动和股四头肌收缩，预防血栓和肌肉萎缩。</p>"
                "<p>两周内以屈伸角度训练为主，目标是屈膝九十度，伸直到零度，每天练习三到四次。</p>",
            ),
            ("骨科王大夫", "<p>六周后多数人可以脱拐行走，但三个月内避免爬山、深蹲和提重物，定期复查X光。</p>"),
            ("护士阿宁", "<p>回家后伤口保持干燥，出现红肿、渗液或者发热要及时回医院，不要自行处理。</p>"),
        ]
    )
    page = (
        "<html><head><meta charset='utf-8'><title>膝关节置换后怎么做康复？ - 问医社区</title></head><body>"
        "<div class='question-header-content sticky'><span>膝关节置换后怎么做康复？</span></div>"
        "<div class='question-header'><div class='question-header-content'><div class='topics'>骨科</div>"
        "<h1 class='question-title'>膝关节置换后怎么做康复？</h1>"
        "<div class='question-rich-text'>我妈妈上周做了左膝关节置换，医生让早点下地，想问问康复训练怎么安排。</div>"
        "<div class='counts'>被浏览 3,210</div></div></div>"
        f"<div class='answer-feed'><div class='feed'>{answers}</div></div>"
        "<div class='side'><h3>相关问题</h3><a href='/q/2'>膝关节积液怎么办</a></div></body></html>"
    )
    found = article_from_html(page, "https://wen.yi.example/question/5521")
    assert found.page_type == "qa"
    assert found.body.startswith("我妈妈上周做了左膝关节置换")
    for text in ("踝泵运动", "脱拐行走", "伤口保持干燥"):
        assert text in found.body
    assert found.body.index("踝泵运动") < found.body.index("脱拐行走") < found.body.index("伤口保持干燥")
    for text in ("被浏览", "赞同 12", "骨科\n", "膝关节积液怎么办"):
        assert text not in found.body


def test_answers_of_one_markup_in_the_answers_block_are_all_read_however_they_are_wrapped():
    first = deep_answer(
        "康复科小陈",
        "<p>术后第一天就可以在床上做踝泵运动和股四头肌收缩，预防血栓和肌肉萎缩。</p>"
        "<p>两周内以屈伸角度训练为主，目标是屈膝九十度，伸直到零度，每天练习三到四次。</p>",
    )
    second = deep_answer(
        "骨科王大夫", "<p>六周后多数人可以脱拐行走，但三个月内避免爬山、深蹲和提重物，定期复查X光片。</p>"
    )
    third = deep_answer("护士阿宁", "<p>回家后伤口保持干燥，出现红肿、渗液或者发热要及时回医院，不要自行处理。</p>")
    page = (
        "<html><head><meta charset='utf-8'><title>膝关节置换后怎么做康复？ - 问医社区</title></head><body>"
        "<h1 class='question-title'>膝关节置换后怎么做康复？</h1>"
        "<div class='question-rich-text'>我妈妈上周做了左膝关节置换，医生让早点下地，想问问康复训练怎么安排。</div>"
        # a pinned first answer in a wrapper of its own, the next ones in a list, the last loaded later
        f"<div class='answer-list'><div class='pinned'><div>{first}</div></div>"
        f"<div class='feed'>{second}</div><div class='more-loaded'>{third}</div></div>"
        "<div class='side'><h3>相关问题</h3><div class='feed-item'><a href='/q/2'>膝关节积液怎么办</a></div></div>"
        "</body></html>"
    )
    found = article_from_html(page, "https://wen.yi.example/question/5522")
    assert found.body.index("踝泵运动") < found.body.index("脱拐行走") < found.body.index("伤口保持干燥")
    assert "膝关节积液怎么办" not in found.body


def test_a_wiki_entry_whose_headings_carry_edit_links_is_an_encyclopedia_entry_with_its_parts():
    def part(name: str, text: str) -> str:
        edit = "<span class='mw-editsection'><span>[</span><a href='?action=edit'>编辑</a><span>]</span></span>"
        return f"<h2><span class='mw-headline'>{name}</span>{edit}</h2><p>{text}</p>"

    page = (
        "<html><head><meta charset='utf-8'><title>带状疱疹 - 康宁百科，人人可编辑的健康百科</title></head><body>"
        "<h1 id='firstHeading'>带状疱疹</h1><div id='mw-content-text'>"
        "<p>带状疱疹是水痘-带状疱疹病毒再激活引起的感染性皮肤病，沿神经分布出现成簇水疱，伴明显神经痛。</p>"
        + part("病因", "儿时感染水痘后病毒潜伏在神经节内，免疫力下降时再次活化，沿神经到达皮肤。")
        + part("症状", "先有皮肤灼痛或刺痛，数天后出现红斑和成簇水疱，多见于胸背部，呈带状分布于身体一侧。")
        + "<h3>治疗 <a class='edit-icon' href='?section=3'>编辑本段</a></h3>"
        + "<p>发病七十二小时内尽早使用抗病毒药物，疼痛明显时配合止痛治疗，必要时做神经阻滞。</p>"
        + part("预防", "五十岁以上人群可以接种重组带状疱疹疫苗，平时规律作息，避免过度劳累。")
        + "</div></body></html>"
    )
    found = article_from_html(page, "https://baike.kn.example/w/带状疱疹")
    found.fetched_at = "2026-11-20T08:00:00Z"
    found = finish_item(found, CounterStats())
    assert found.page_type == "encyclopedia"
    assert [s["heading"] for s in found.sections] == ["病因", "症状", "治疗", "预防"]
    assert "编辑" not in found.body
    assert found.site == "康宁百科"


def test_a_qa_pages_asker_in_a_name_slot_is_the_author_and_answer_feet_are_no_body():
    page = (
        "<html><head><meta charset='utf-8'><title>孩子夜里磨牙是缺钙吗 - 健康问答</title></head><body>"
        "<h1 class='q-title'>孩子夜里磨牙是缺钙吗</h1>"
        "<div class='asker-info'><img src='/u.png' alt=''><em class='asker-nick'>晴天娃娃</em>"
        "<em class='asker-base'>女 | 31岁</em></div>"
        "<div class='q-desc'>女儿五岁，最近几乎每晚都磨牙，声音很响，白天精神还好，需要补钙吗？</div>"
        "<div class='answer-list'>"
        "<div class='answer-item'><p>儿童夜间磨牙很常见，多与牙齿替换、白天兴奋或紧张有关，和缺钙关系不大。</p>"
        "<p>不建议盲目补钙，睡前别让孩子过于兴奋，持续磨牙或牙齿磨损明显时看口腔科。</p>"
        "<div class='answer-foot'><span>回答于 2023-05-02 20:15</span><span>有用(18)</span></div></div>"
        "<div class='answer-item'><p>也要排除腺样体肥大引起的张口呼吸和睡眠不安，可以观察孩子睡觉时是否打鼾。</p>"
        "<div class='answer-foot'><span>回答于 2023-05-03 08:40</span><span>赞同 6</span></div></div>"
        "</div></body></html>"
    )
    found = article_from_html(page, "https://ask.jk.example/question/7712")
    found.fetched_at = "2026-11-20T08:00:00Z"
    found = finish_item(found, CounterStats())  # the stages leave boilerplate lines out
    assert found.page_type == "qa"
    assert found.author == "晴天娃娃"
    assert "有用(18)" not in found.body and "赞同 6" not in found.body and "回答于" not in found.body
    assert "腺样体肥大" in found.body


@pytest.mark.parametrize(
    ("head", "content_id", "headline"),
    [
        ("<meta name='generator' content='MediaWiki 1.16.5'>", "content", ""),
        ("", "mw-content-text", ""),
        ("", "content", "mw-headline"),
    ],
    ids=["generator", "content-id", "headline-markup"],
)
def test_a_wiki_entry_with_three_parts_is_an_encyclopedia_entry(head, content_id, headline):
    parts = "".join(
        f"<h2><span class='{headline}'>{heading}</span></h2><p>{text}</p>"
        for heading, text in (
            ("病因", "长期反复摩擦使腱鞘增厚、狭窄，肌腱在其中滑动受阻，多见于手工劳动者和产后女性。"),
            ("临床表现", "手指屈伸时疼痛，可有弹响或交锁，晨起明显，活动后减轻，局部可摸到结节。"),
            ("治疗", "早期休息、制动和局部封闭多能缓解，反复发作或交锁明显者可做腱鞘切开松解。"),
        )
    )
    body = f"<h1>狭窄性腱鞘炎</h1><div id='{content_id}'><p>狭窄性腱鞘炎是手部常见病。</p>{parts}</div>"
    assert parsed("http://www.yxbk.example/w/狭窄性腱鞘炎", head, body).page_type == "encyclopedia"
    assert (
        parsed(
            "http://www.yxbk.example/w/狭窄性腱鞘炎",
            "",
            body.replace(content_id, "x").replace(f"class='{headline}'", ""),
        ).page_type
        == "article"
    )  # three parts and no wiki: an article
