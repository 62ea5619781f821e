"""Generic extraction (no site profile) on small hand-made pages in ``tests/fixtures/generic/``.

Each fixture is the exact bytes a server would send (GBK, GB2312 and Big5 pages included).
Pages are parsed with ``site="generic"`` and finished with ``finish_article`` (cleaning,
repeats, sections), which is what users get.
"""

from __future__ import annotations

from typing import Any

from scrapy.http import HtmlResponse, Response

from conftest import FIXTURES
from pipelines.chain import finish_article
from scraper.stats import CounterStats
from scraper.items import Article
from scraper.parsing import Skip, parse_article, parse_response

GENERIC = FIXTURES / "generic"
HOST = "http://www.kangning.example"
FETCHED_AT = "2026-11-20T08:00:00Z"
# 2026-11-20 01:30 in China (+08:00): the day boundary is between UTC and local time.
FETCHED_AT_CHINA_NIGHT = "2026-11-19T17:30:00Z"


def response(name: str, url: str, content_type: str | None = None) -> HtmlResponse:
    headers = {"Content-Type": content_type} if content_type else None
    return HtmlResponse(url=url, body=(GENERIC / name).read_bytes(), headers=headers)


def parsed(name: str, url: str, fetched_at: str = FETCHED_AT, content_type: str | None = None) -> Article:
    """The parser's article (before the pipeline stages)."""
    result = parse_response(response(name, url, content_type), fetched_at=fetched_at, site="generic")
    assert isinstance(result, Article), result
    return result


def finished(article: Article) -> Article:
    article, errors = finish_article(article, CounterStats())
    assert errors == []
    return article


def extract(name: str, url: str, fetched_at: str = FETCHED_AT, content_type: str | None = None) -> Article:
    """The article as users get it: parsed, then cleaned, de-repeated and structured."""
    return finished(parsed(name, url, fetched_at, content_type))


def lines(article: Article) -> list[str]:
    return article.body.split("\n")


def outline(sections: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """Every field of every section, as nested tuples (label, number, heading, kind, text, subsections)."""
    return [(s["label"], s["number"], s["heading"], s["kind"], s["text"], outline(s["subsections"])) for s in sections]


# --- 1. hidden copies are never doubled into the body ---------------------------------------

HIDDEN_URL = HOST + "/xinxueguan/5120.html"
HIDDEN_BODY = [
    "高血压是一种常见的慢性病，除了按时服药，日常饮食的调整同样重要。",
    "首先要控制食盐摄入，每人每天食盐量最好不超过5克，少吃咸菜、腊肉等腌制食品。",
    "其次要多吃新鲜蔬菜和水果，它们富含钾元素，有助于排出体内多余的钠。",
    "另外要限制饮酒、戒烟，保持规律作息，定期测量血压并做好记录。",
]


def assert_body_once(name: str) -> None:
    raw = parsed(name, HIDDEN_URL)
    assert lines(raw) == HIDDEN_BODY
    article = finished(raw)
    assert lines(article) == HIDDEN_BODY
    assert article.title == "高血压患者日常饮食要注意什么"


def test_display_none_print_copy_is_not_in_the_body():
    assert_body_once("hidden-print-copy.html")


def test_print_copy_hidden_by_a_stylesheet_rule_is_not_in_the_body():
    assert_body_once("hidden-print-copy-stylesheet.html")


def test_noscript_copy_is_not_in_the_body():
    assert_body_once("hidden-noscript.html")


def test_template_copy_is_not_in_the_body():
    assert_body_once("hidden-template.html")


def test_hidden_textarea_copy_is_not_in_the_body():
    assert_body_once("hidden-textarea.html")


def test_element_with_hidden_attribute_is_not_in_the_body():
    assert_body_once("hidden-attribute.html")


# --- 2. body layouts ------------------------------------------------------------------------

LAYOUT_URL = HOST + "/jibing/7001.html"


def test_p_paragraphs_one_per_line():
    article = extract("layout-paragraphs.html", LAYOUT_URL)
    assert article.title == "儿童发烧怎么办"
    assert lines(article) == [
        "发烧是儿童最常见的症状之一，多数由病毒感染引起，家长不必过度惊慌。",
        "体温在38.5℃以下、精神状态良好时，可以先采用物理降温，比如减少衣物、用温水擦拭额头和腋下。",
        "体温超过38.5℃或孩子明显不适时，可在医生指导下使用对乙酰氨基酚或布洛芬退烧。",
        "如果三个月以下的宝宝发烧，或者出现抽搐、精神萎靡、持续高烧不退，应及时就医。",
    ]


def test_br_separated_text_in_one_div():
    article = extract("layout-br.html", LAYOUT_URL)
    assert article.title == "失眠的常见原因"
    assert lines(article) == [
        "失眠是指入睡困难、睡眠维持困难或早醒，并且影响白天的精神状态。",
        "精神压力大、焦虑抑郁是导致失眠最常见的原因，工作和生活中的烦心事容易让人夜里辗转反侧。",
        "睡前喝浓茶、咖啡，或者长时间看手机，也会让大脑处于兴奋状态，难以入睡。",
        "此外，卧室噪音、光线太强、床铺不舒适等环境因素同样会影响睡眠质量。",
        "长期失眠的人应到正规医院的睡眠科就诊，查明原因后再对症治疗。",
    ]


def test_runs_of_div_paragraphs():
    article = extract("layout-divs.html", LAYOUT_URL)
    assert article.title == "吃完饭马上躺下好不好"
    assert lines(article) == [
        "很多人吃完饭就喜欢躺在沙发上休息，觉得这样很舒服。",
        "其实饭后立即躺下，胃里的食物和胃酸容易反流到食管，时间长了可能引起反流性食管炎，"
        "出现烧心、反酸、胸骨后疼痛等不适。",
        "饭后躺下还会减慢胃肠蠕动，引起腹胀和消化不良。",
        "建议饭后先坐一会儿或散步半小时，两个小时后再躺下休息。",
    ]


def test_mixed_p_br_and_div_layout():
    article = extract("layout-mixed.html", LAYOUT_URL)
    assert article.title == "痛风患者能吃豆腐吗"
    assert lines(article) == [
        "很多痛风患者担心豆制品嘌呤含量高，不敢吃豆腐。",
        "其实黄豆在制成豆腐的过程中，大部分嘌呤会随着豆浆中的水分流失。",
        "所以豆腐属于中等嘌呤食物，痛风缓解期可以适量食用。",
        "但在痛风急性发作期，最好暂时不吃豆制品，以免加重病情。",
        "日常饮食还要多喝水，每天饮水量保持在2000毫升以上，帮助尿酸排出。",
    ]


def test_ul_and_ol_items_one_per_line():
    article = extract("layout-lists.html", LAYOUT_URL)
    assert article.title == "感冒期间应该注意哪些事项"
    assert lines(article) == [
        "普通感冒多由鼻病毒等引起，一般一周左右可以自愈，抗生素对病毒无效，不需要自行服用。感冒期间生活上需要注意以下几点：",
        "多喝温开水，保证充足的睡眠。",
        "饮食清淡，少吃油腻、辛辣的食物。",
        "保持室内空气流通，每天开窗通风。",
        "老人、孩子和有慢性病的人感冒后容易出现并发症，出现下列情况时应及时就医：",
        "高烧超过三天不退；",
        "咳嗽加重，出现胸闷、气喘；",
        "精神明显变差。",
    ]


def test_table_row_is_one_line_with_cells_joined_by_a_space():
    article = extract("layout-table.html", LAYOUT_URL)
    assert article.title == "常见水果的热量和含糖量"
    assert lines(article) == [
        "减肥和控制血糖的人选水果时，可以参考下表中每100克水果的热量和含糖量。",
        "水果 热量 含糖量",
        "苹果 53千卡 13.7克",
        "西瓜 31千卡 6.8克",
        "香蕉 93千卡 22.0克",
        "总的来说，西瓜热量较低，香蕉热量较高，糖尿病患者应在血糖控制平稳时适量食用。",
    ]


def test_nbsp_and_ideographic_space_indentation_is_stripped():
    article = extract("layout-indent.html", LAYOUT_URL)
    assert article.title == "口腔溃疡反复发作怎么办"
    assert lines(article) == [
        "口腔溃疡俗称“口疮”，是一种常见的口腔黏膜疾病，多数一到两周可以自愈。",
        "反复发作的口腔溃疡，可能与缺乏维生素B族、免疫力下降、精神紧张等有关。",
        "平时要多吃新鲜蔬菜水果，少吃辛辣刺激的食物，保证充足睡眠。",
        "如果溃疡超过三周不愈合，应及时到医院口腔科检查。",
    ]


# --- 3. encodings ---------------------------------------------------------------------------

ENC_URL = HOST + "/zhongyao/20200615/1850.html"
DANDELION = [
    "蒲公英味苦、甘，性寒，具有清热解毒、消肿散结的功效。",
    "民间常用蒲公英煮水喝，用于缓解咽喉肿痛和口舌生疮。",
    "不过蒲公英性寒，脾胃虚寒、经常腹泻的人不宜长期饮用。",
    "孕妇和哺乳期女性如需服用，最好先咨询医生或中医师。",
]
GOJI = [
    "枸杞子是药食同源的中药材，具有滋补肝肾、益精明目的作用。",
    "每天吃十到二十克枸杞比较合适，可以泡水、煮粥或者煲汤。",
    "正在感冒发烧、身体有炎症或者腹泻的人，暂时不要吃枸杞。",
    "枸杞含糖量较高，糖尿病患者食用时要注意控制数量。",
]
CHRYSANTHEMUM = [
    "菊花茶具有疏散风热、平肝明目的作用，适合经常用眼的上班族。",
    "泡菊花茶时水温不宜过高，八十度左右的开水最合适。",
    "菊花性微寒，体质虚寒、容易手脚冰凉的人应少喝。",
    "对菊科植物过敏的人喝菊花茶后可能出现皮疹，应立即停止饮用。",
]


def assert_decoded(article: Article, title: str, body: list[str], site: str) -> None:
    assert article.title == title
    assert article.site == site
    assert lines(article) == body
    assert "\ufffd" not in article.body + article.title + (article.site or "")


def test_utf8_with_meta_charset():
    assert b'<meta charset="utf-8">' in (GENERIC / "enc-utf8-meta.html").read_bytes()
    article = extract("enc-utf8-meta.html", ENC_URL)
    assert_decoded(article, "蒲公英的功效与作用", DANDELION, "康宁健康网")


def test_gbk_declared_in_meta_http_equiv():
    body = (GENERIC / "enc-gbk-http-equiv.html").read_bytes()
    assert b'http-equiv="Content-Type" content="text/html; charset=gbk"' in body
    article = extract("enc-gbk-http-equiv.html", ENC_URL)
    assert_decoded(article, "枸杞子的功效与禁忌", GOJI, "康宁健康网")


def test_gb2312_declared_only_in_the_http_header():
    assert b"charset" not in (GENERIC / "enc-gb2312-header-only.html").read_bytes()
    article = extract("enc-gb2312-header-only.html", ENC_URL, content_type="text/html; charset=gb2312")
    assert_decoded(article, "菊花茶的功效与饮用方法", CHRYSANTHEMUM, "康宁健康网")


def test_big5_with_meta_charset():
    assert b'<meta charset="big5">' in (GENERIC / "enc-big5-meta.html").read_bytes()
    article = extract("enc-big5-meta.html", ENC_URL)
    assert_decoded(
        article,
        "高血壓患者的飲食注意事項",
        [
            "高血壓患者應當少吃鹽，每天食鹽攝入量最好不超過五克。",
            "多吃新鮮蔬菜和水果，有助於補充鉀元素，幫助穩定血壓。",
            "同時要堅持適量運動，戒菸限酒，並且按時服藥、定期複診。",
            "如果血壓突然升高並伴有頭痛、胸悶，應該立即就醫。",
        ],
        "康寧健康網",
    )


def test_utf8_bytes_with_a_wrong_gb2312_meta():
    assert b'<meta charset="gb2312">' in (GENERIC / "enc-utf8-wrong-gb2312-meta.html").read_bytes()
    article = extract("enc-utf8-wrong-gb2312-meta.html", ENC_URL)
    assert_decoded(article, "菊花茶的功效与饮用方法", CHRYSANTHEMUM, "康宁健康网")


def test_big5_bytes_with_a_wrong_utf8_meta():
    assert b'<meta charset="utf-8">' in (GENERIC / "enc-big5-wrong-utf8-meta.html").read_bytes()
    article = extract("enc-big5-wrong-utf8-meta.html", ENC_URL)
    assert_decoded(
        article,
        "長時間用眼如何保護視力",
        [
            "長時間使用電腦和手機，容易導致眼睛乾澀、視力疲勞。",
            "每用眼四十分鐘，最好休息十分鐘，向遠處眺望放鬆眼睛。",
            "多吃富含維生素A的食物，例如胡蘿蔔、菠菜和動物肝臟。",
            "如果眼睛經常發紅、疼痛或者視力明顯下降，應該到眼科檢查。",
        ],
        "康寧健康網",
    )


def test_utf8_with_a_bom_and_no_declaration():
    body = (GENERIC / "enc-utf8-bom.html").read_bytes()
    assert body.startswith(b"\xef\xbb\xbf") and b"charset" not in body
    article = extract("enc-utf8-bom.html", ENC_URL)
    assert_decoded(article, "枸杞子的功效与禁忌", GOJI, "康宁健康网")


# --- 4. dates -------------------------------------------------------------------------------

DATE_URL = HOST + "/yangsheng/6601.html"


def test_date_labelled_fabushijian():
    assert extract("date-label-fabushijian.html", DATE_URL).published == "2020-07-14T10:20:00+08:00"


def test_date_labelled_shijian():
    assert extract("date-label-shijian.html", DATE_URL).published == "2020-07-14"


def test_date_labelled_riqi_below_the_article():
    article = extract("date-label-riqi.html", DATE_URL)
    assert article.published == "2020-07-14"
    assert "日期：2020/07/14" not in article.body


def test_date_labelled_fabiaoyu():
    assert extract("date-label-fabiaoyu.html", DATE_URL).published == "2020-07-14T10:20:00+08:00"


def test_date_from_meta_article_published_time():
    assert extract("date-meta-published-time.html", DATE_URL).published == "2020-07-14T10:20:00+08:00"


def test_date_from_json_ld_date_published():
    assert extract("date-jsonld.html", DATE_URL).published == "2020-07-14T10:20:00+08:00"


def test_date_only_in_the_url_year_slash_monthday():
    assert extract("date-url-only.html", HOST + "/yangsheng/6604.html").published is None
    assert extract("date-url-only.html", HOST + "/yangsheng/2020/0714/6604.html").published == "2020-07-14"


def test_date_only_in_the_url_compact():
    assert extract("date-url-only.html", HOST + "/yangsheng/20200714/6604.html").published == "2020-07-14"


def test_relative_date_days_ago():
    article = extract("date-relative-3days.html", DATE_URL, fetched_at=FETCHED_AT_CHINA_NIGHT)
    assert article.published == "2026-11-17"


def test_relative_date_yesterday_with_time():
    article = extract("date-relative-yesterday.html", DATE_URL, fetched_at=FETCHED_AT_CHINA_NIGHT)
    assert article.published == "2026-11-19T10:20:00+08:00"


def test_relative_date_hours_ago():
    article = extract("date-relative-2hours.html", DATE_URL, fetched_at=FETCHED_AT_CHINA_NIGHT)
    assert article.published == "2026-11-19T23:30:00+08:00"


def test_relative_date_just_now():
    article = extract("date-relative-justnow.html", DATE_URL, fetched_at=FETCHED_AT_CHINA_NIGHT)
    assert article.published == "2026-11-20T01:30:00+08:00"


def test_update_date_shown_before_the_publication_date():
    assert extract("date-updated-first.html", DATE_URL).published == "2020-07-14T10:20:00+08:00"


def test_comment_dates_are_ignored():
    article = extract("date-comments.html", HOST + "/yangsheng/20200714/6607.html")
    assert article.published == "2020-07-14"
    assert "健康小达人" not in article.body


def test_yearless_date_completed_from_meta_date_update():
    article = extract("date-yearless.html", DATE_URL)
    assert article.published == "2019-09-30T22:46:00+08:00"


# --- 5. titles and site names ---------------------------------------------------------------

TITLE_URL = HOST + "/jibing/8801.html"


def test_title_from_h1_agreeing_with_title_tag():
    article = extract("title-consensus.html", TITLE_URL)
    assert article.title == "宝宝湿疹反复发作怎么办"
    assert lines(article)[0] == "湿疹是婴幼儿常见的皮肤病，表现为皮肤发红、粗糙、脱屑，常常伴有瘙痒。"


def assert_suffix_removed(name: str, title: str) -> None:
    article = extract(name, TITLE_URL)
    assert article.title == title
    assert article.site == "康宁健康网"


def test_title_suffix_after_hyphen_removed():
    assert_suffix_removed("title-sep-hyphen.html", "接种HPV疫苗前后的注意事项")


def test_title_suffix_after_underscore_removed():
    assert_suffix_removed("title-sep-underscore.html", "脂肪肝能逆转吗")


def test_title_suffix_after_pipe_removed():
    assert_suffix_removed("title-sep-pipe.html", "孕妇缺钙有哪些表现")


def test_title_suffix_after_em_dash_removed():
    assert_suffix_removed("title-sep-emdash.html", "糖尿病人早餐吃什么好")


def test_title_suffix_after_fullwidth_pipe_removed():
    assert_suffix_removed("title-sep-fullwidth-pipe.html", "颈椎病的自我锻炼方法")


def test_two_part_suffix_title_from_h2_headline_and_site_from_last_part():
    article = extract("title-two-part.html", TITLE_URL)
    assert article.title == "秋季腹泻的预防措施"
    assert article.site == "康宁健康网"


def test_logo_h1_before_the_real_headline():
    article = extract("title-logo-h1.html", TITLE_URL)
    assert article.title == "偏头痛发作时如何快速缓解"
    assert article.site == "康宁健康网"
    assert lines(article) == [
        "偏头痛多表现为一侧头部搏动性疼痛，可伴有恶心、呕吐，怕光怕声。",
        "发作时应尽快到安静、光线较暗的房间休息，可以用冷毛巾敷在额头。",
        "疼痛明显时可以在医生指导下服用止痛药，越早服用效果越好。",
        "平时要规律作息，避免熬夜、饮酒和情绪激动，记录诱发头痛的因素。",
    ]


def test_site_name_from_og_site_name():
    article = extract("site-og.html", TITLE_URL)
    assert article.title == "冬季手脚冰凉是怎么回事"
    assert article.site == "康宁健康网"


# --- 6. related reading ---------------------------------------------------------------------

RELATED_URL = HOST + "/jibing/yaotong/3100.html"
BACK_PAIN = [
    "腰肌劳损是腰部肌肉及其附着点的慢性损伤，常见于长期弯腰工作或久坐的人。",
    "主要表现为腰部酸胀疼痛，劳累后加重，休息后减轻，天气变化时也会加重。",
    "平时要保持正确的坐姿，避免长时间弯腰，睡硬一点的床垫。",
    "可以在医生指导下进行热敷、理疗，并坚持做小燕飞等锻炼腰背肌的动作。",
]


def related_of(name: str) -> list[dict[str, Any]]:
    article = extract(name, RELATED_URL)
    assert article.title == "腰肌劳损怎么治疗效果好"
    assert lines(article) == BACK_PAIN
    return article.related  # type: ignore[return-value]


def test_related_under_xiangguanyuedu():
    assert related_of("related-xiangguanyuedu.html") == [
        {
            "title": "腰椎间盘突出的早期症状",
            "url": HOST + "/jibing/20211020/3101.html",
            "summary": "早期常表现为腰痛和一侧下肢放射痛，咳嗽、打喷嚏时加重。",
        },
        {
            "title": "腰肌劳损和腰椎间盘突出的区别",
            "url": HOST + "/jibing/yaotong/3102.html",
            "summary": "腰肌劳损一般没有下肢麻木，腰椎间盘突出常伴有腿麻。",
        },
    ]


def test_related_under_xiangguanwenzhang():
    assert related_of("related-xiangguanwenzhang.html") == [
        {
            "title": "久坐办公室如何预防腰痛",
            "url": HOST + "/jibing/yangsheng/4201.html",
            "summary": "每坐一小时起身活动五分钟，腰后可以垫一个小靠枕。",
        },
        {
            "title": "睡硬板床对腰好吗",
            "url": HOST + "/jibing/yangsheng/4202.html",
            "summary": "床垫太软太硬都不好，软硬适中、能支撑腰部的最合适。",
        },
    ]


def test_related_under_yanshenyuedu_at_the_end_of_the_text():
    assert related_of("related-yanshenyuedu.html") == [
        {
            "title": "小燕飞的正确做法",
            "url": HOST + "/jibing/5301.html",
            "summary": "俯卧在床上，双手放在身体两侧，头、胸和双腿同时抬起。",
        },
        {
            "title": "热敷和冷敷分别什么时候用",
            "url": HOST + "/jibing/5302.html",
            "summary": "急性扭伤四十八小时内冷敷，之后再热敷。",
        },
    ]


def test_related_under_tuijianyuedu():
    assert related_of("related-tuijianyuedu.html") == [
        {
            "title": "腰疼贴膏药有用吗",
            "url": HOST + "/jibing/6401.html",
            "summary": "膏药能缓解肌肉酸痛，但皮肤破损和过敏体质的人不宜使用。",
        },
        {
            "title": "腰痛需要做哪些检查",
            "url": "https://m.kangning.example/jibing/6402.html",
            "summary": "常见的检查有腰椎X线、CT和核磁共振。",
        },
    ]


def test_related_under_xiangguantuijian():
    assert related_of("related-xiangguantuijian.html") == [
        {
            "title": "腰肌劳损能自愈吗",
            "url": HOST + "/jibing/7501.html",
            "summary": "症状较轻时注意休息可以缓解，但容易反复发作。",
        },
        {
            "title": "腰肌劳损吃什么药",
            "url": HOST + "/jibing/7502.html",
            "summary": "可以在医生指导下短期使用非甾体抗炎药。",
        },
    ]


def test_hot_guess_and_rank_widgets_are_neither_body_nor_related():
    related = related_of("related-widgets.html")
    assert related == [
        {"title": "腰椎间盘突出的早期症状", "url": HOST + "/jibing/3101.html", "summary": None},
        {"title": "腰肌劳损和腰椎间盘突出的区别", "url": HOST + "/jibing/3102.html", "summary": None},
    ]
    body = extract("related-widgets.html", RELATED_URL).body
    for widget_text in (
        "热门推荐",
        "秋冬进补的五个误区",
        "猜你喜欢",
        "早上起床腰疼是什么原因",
        "本周排行",
        "吃什么可以补钙最快",
    ):
        assert widget_text not in body


# --- 7. articles split over several pages ---------------------------------------------------

SPLIT_PAGES = {
    HOST + "/a/123.html": "split-page1.html",
    HOST + "/a/123_2.html": "split-page2.html",
    HOST + "/a/123_3.html": "split-page3.html",
}
OSTEOPOROSIS = [
    "骨质疏松是一种以骨量减少、骨组织微结构破坏为特征的全身性骨病，容易发生骨折。",
    "绝经后女性和七十岁以上的老人是骨质疏松的高发人群。",
    "早期骨质疏松通常没有明显症状，很多人直到发生骨折才发现。",
    "预防骨质疏松要从年轻时开始，多吃牛奶、豆制品、虾皮等含钙丰富的食物。",
    "每天晒太阳二十分钟左右，有助于身体合成维生素D，促进钙的吸收。",
    "坚持快走、慢跑、打太极拳等负重运动，也能增加骨密度。",
    "已经确诊骨质疏松的患者，应在医生指导下规范使用抗骨质疏松药物。",
    "老人在家中要注意防跌倒，卫生间安装扶手，地面保持干燥。",
    "治疗期间要定期复查骨密度，根据检查结果调整用药方案。",
]


def test_split_article_pages_are_merged_in_order():
    fetched: list[str] = []

    def fetch(url: str) -> Response | None:
        fetched.append(url)
        return response(SPLIT_PAGES[url], url) if url in SPLIT_PAGES else None

    first = HOST + "/a/123.html"
    result = parse_article(response(SPLIT_PAGES[first], first), fetched_at=FETCHED_AT, site="generic", fetch=fetch)
    assert isinstance(result, Article), result
    assert fetched == [HOST + "/a/123_2.html", HOST + "/a/123_3.html"]
    article = finished(result)
    assert article.title == "骨质疏松的预防与治疗"
    assert lines(article) == OSTEOPOROSIS


def test_later_page_alone_is_a_continuation_skip():
    url = HOST + "/a/123_2.html"
    result = parse_response(response("split-page2.html", url), fetched_at=FETCHED_AT, site="generic")
    assert isinstance(result, Skip)
    assert result.reason == "continuation"


# --- 8. Traditional Chinese (Big5) ----------------------------------------------------------

TRADITIONAL_URL = "http://www.kangning-tw.example/bike/20210422/2200.html"


def traditional() -> Article:
    return extract("traditional-big5.html", TRADITIONAL_URL)


def test_traditional_formal_numerals_above_plain_ones():
    article = traditional()
    assert article.title == "過敏性鼻炎的症狀與預防"
    assert [(s["label"], s["number"], s["heading"]) for s in article.sections] == [
        ("壹", 1, "認識過敏性鼻炎"),
        ("貳", 2, "如何預防過敏性鼻炎"),
    ]
    assert [(s["label"], s["number"], s["heading"], s["text"]) for s in article.sections[0]["subsections"]] == [
        ("一", 1, "常見症狀", "典型症狀為連續打噴嚏、流清水樣鼻涕、鼻塞和鼻子癢，早晨起床時特別明顯。"),
        ("二", 2, "發病原因", "除了接觸過敏原之外，遺傳體質、空氣汙染和氣溫變化也和發病有關。"),
    ]
    assert [(s["label"], s["number"], s["heading"], s["text"]) for s in article.sections[1]["subsections"]] == [
        ("一", 1, "減少接觸過敏原", "寢具每週用熱水清洗，家中避免鋪地毯，花粉季節外出時戴口罩。"),
        ("二", 2, "增強體質", "規律作息、適度運動，早晚可以用生理食鹽水清洗鼻腔。"),
    ]
    assert (
        article.sections[0]["text"] == "過敏性鼻炎是鼻黏膜接觸過敏原後引起的發炎反應，常見的過敏原有灰塵、花粉和黴菌。"
    )


def test_traditional_keywords_give_kinds():
    sections = traditional().sections
    assert [s["kind"] for s in sections] == [None, "prevention"]
    assert [s["kind"] for s in sections[0]["subsections"]] == ["symptom", "cause"]
    # No keyword of their own: the parent's kind.
    assert [s["kind"] for s in sections[1]["subsections"]] == ["prevention", "prevention"]


def test_traditional_yanshen_yuedu_is_related():
    article = traditional()
    assert article.related == [
        {
            "title": "鼻塞睡不好怎麼辦",
            "url": "http://www.kangning-tw.example/bike/20210410/2201.html",
            "summary": "睡前熱敷鼻子、墊高枕頭，可以暫時緩解鼻塞。",
        },
        {
            "title": "洗鼻子的正確方法",
            "url": "http://www.kangning-tw.example/bike/20210405/2202.html",
            "summary": "使用生理食鹽水，頭向前傾，從一側鼻孔慢慢沖洗。",
        },
    ]
    assert "延伸閱讀" not in article.body and "鼻塞睡不好怎麼辦" not in article.body


# --- 9. numbering → sections ----------------------------------------------------------------

NUMBERING_URL = HOST + "/jibing/9901.html"


def sections_of(name: str) -> list[tuple[Any, ...]]:
    return outline(extract(name, NUMBERING_URL).sections)


def test_numbering_cn_paren_cn_arabic_three_levels():
    assert sections_of("numbering-cn-nested.html") == [
        ("一", 1, "高血压的症状", "symptom", "早期多数没有明显症状，部分人会有头晕、头痛、心慌。", [
            ("一", 1, "常见症状", "symptom", "头晕、头痛、颈项板紧、疲劳乏力。", []),
            ("二", 2, "严重时的表现", "symptom", "血压急剧升高时可出现剧烈头痛、呕吐、视物模糊。", []),
        ]),
        ("二", 2, "高血压的原因", "cause", "", [
            ("一", 1, "遗传因素", "cause", "父母患有高血压的人，发病风险明显增加。", []),
            ("二", 2, "生活方式", "cause", "", [
                ("1", 1, "高盐饮食", "diet", "北方人饮食偏咸，高血压患病率较高。", []),
                # A fourth level (①) is no section: it stays text of the third-level one.
                ("2", 2, "肥胖", "cause",
                 "体重指数越高，患高血压的风险越大。\n① 腰围男性超过90厘米、女性超过85厘米属于中心性肥胖", []),
            ]),
        ]),
        ("三", 3, "高血压的治疗", "treatment", "在医生指导下长期规律服药，不要擅自停药。", []),
    ]  # fmt: skip


def test_numbering_arabic_dot_paren_and_circled_three_levels():
    assert sections_of("numbering-arabic.html") == [
        ("1", 1, "合理饮食", "diet", "控制每天摄入的总热量，主食定量，粗细搭配。", [
            ("1", 1, "主食", "diet", "每餐主食不超过一拳头大小，用杂粮代替部分白米白面。", []),
            ("2", 2, "水果", "diet", "血糖控制平稳时，可以在两餐之间吃少量水果。", [
                ("①", 1, "适合吃的水果", "diet", "苹果、柚子、草莓等含糖量较低的水果。", []),
                ("②", 2, "不宜多吃的水果", "diet", "荔枝、龙眼、榴莲等含糖量较高的水果。", []),
            ]),
        ]),
        ("2", 2, "适量运动", None, "每周至少运动五天，每次三十分钟左右，以快走、慢跑为主。", []),
        ("3", 3, "监测血糖", None, "定期监测空腹和餐后两小时血糖，并做好记录。", []),
    ]  # fmt: skip


def test_numbering_fullwidth_full_stop():
    assert sections_of("numbering-fullwidth-dot.html") == [
        ("1", 1, "减少食量", None, "积食期间饮食要清淡，每餐吃七分饱，暂停零食和油炸食品。", []),
        ("2", 2, "按摩腹部", None, "家长可以用手掌围绕孩子肚脐顺时针按摩，每次五分钟。", []),
        ("3", 3, "及时就医", None, "如果孩子出现持续呕吐、腹痛、发烧，应尽快就医。", []),
    ]


def test_numbering_ordinal_di_yi():
    assert sections_of("numbering-ordinal.html") == [
        ("第一", 1, "避开高温时段", None, "上午十点到下午四点尽量减少外出，外出时戴遮阳帽、打遮阳伞。", []),
        ("第二", 2, "及时补充水分", None, "不要等口渴了再喝水，大量出汗后可以喝一些淡盐水。", []),
        ("第三", 3, "保证睡眠", None, "睡眠充足能提高身体对高温的耐受能力。", []),
    ]


def test_numbering_steps_di_yi_bu():
    assert sections_of("numbering-steps.html") == [
        ("第一步", 1, "摆好角度", None, "牙刷与牙齿表面呈45度角，刷毛朝向牙龈方向。", []),
        ("第二步", 2, "水平颤动", None, "每次刷两到三颗牙，在原位作短距离的水平颤动。", []),
        ("第三步", 3, "刷咬合面", None, "最后用刷毛来回刷洗后牙的咬合面，每次刷牙不少于两分钟。", []),
    ]


def test_numbering_named_yuanyin_yi_and_fangfa_yi():
    assert sections_of("numbering-named.html") == [
        ("一", 1, "手脚冰凉的原因", "cause", "", [
            ("原因一", 1, "血液循环差", "cause", "手脚处于身体末端，血液循环不好时，热量难以到达。", []),
            ("原因二", 2, "贫血", "cause", "贫血时血液携氧能力下降，身体产热减少。", []),
        ]),
        ("二", 2, "调理方法", "treatment", "", [
            ("方法一", 1, "坚持运动", "treatment", "每天快走或慢跑半小时，可以促进血液循环。", []),
            ("方法二", 2, "温水泡脚", "treatment", "睡前用四十度左右的温水泡脚十五分钟。", []),
        ]),
    ]  # fmt: skip


def test_long_numbered_paragraph_heading_is_its_first_clause():
    assert sections_of("numbering-long.html") == [
        ("1", 1, "保持规律作息", None, "每天按时睡觉和起床，即使周末也不要睡懒觉，这样有助于建立稳定的生物钟。", []),
        ("2", 2, "睡前一小时远离手机和电脑", None, "屏幕发出的蓝光会抑制褪黑素分泌，让大脑保持兴奋，更难入睡。", []),
        ("3", 3, "适当运动", None, "白天进行适量的有氧运动，但睡前两小时内避免剧烈运动。", []),
    ]


def test_article_written_mostly_as_lists_is_an_article():
    page = """<html><head><meta charset="utf-8"><title>感冒了怎么办_康宁健康网</title></head><body>
    <div class="nav"><a href="/">首页</a><a href="/jb/">疾病</a></div>
    <div class="article"><h1>感冒了怎么办</h1><div class="info">发布时间：2021-01-05</div>
    <div class="content"><p>感冒大多可以自愈，但生活上需要注意以下几点：</p>
    <ul><li>多喝温水，保证充足的休息和睡眠。</li><li>饮食清淡，多吃新鲜蔬菜和水果。</li>
    <li>室内经常开窗通风，保持空气流通。</li></ul>
    <p>出现下列情况时应及时就医：</p>
    <ol><li>高热持续三天以上不退。</li><li>出现呼吸困难或胸痛。</li><li>老人和婴幼儿症状明显加重。</li></ol>
    </div></div><div class="footer">Copyright 2021 康宁健康网</div></body></html>"""
    result = parse_response(
        HtmlResponse(url="http://www.kangning.example/jb/1.html", body=page.encode()), site="generic"
    )
    assert not isinstance(result, Skip), result
    assert result.body.split("\n") == [
        "感冒大多可以自愈，但生活上需要注意以下几点：",
        "多喝温水，保证充足的休息和睡眠。",
        "饮食清淡，多吃新鲜蔬菜和水果。",
        "室内经常开窗通风，保持空气流通。",
        "出现下列情况时应及时就医：",
        "高热持续三天以上不退。",
        "出现呼吸困难或胸痛。",
        "老人和婴幼儿症状明显加重。",
    ]


def test_named_lists_one_after_the_other_are_siblings():
    from scraper.text.sections import build_sections

    tree = build_sections(
        [
            "原因一：受凉",
            "寒冷刺激。",
            "原因二：劳累",
            "过度疲劳。",
            "方法一：热敷",
            "每天两次。",
            "方法二：按摩",
            "轻揉。",
        ]
    )
    assert [(s["label"], [c["label"] for c in s["subsections"]]) for s in tree] == [
        ("原因一", []),
        ("原因二", []),
        ("方法一", []),
        ("方法二", []),
    ]


def test_short_last_page_of_a_split_article_is_kept():
    def page(n: int, paragraphs: list[str]) -> bytes:
        pager = '<div class="pages"><a href="123.html">1</a><a href="123_2.html">2</a></div>'
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        return (
            f'<html><head><meta charset="utf-8"><title>骨质疏松怎么办_康宁健康网</title></head><body>'
            f'<h1>骨质疏松怎么办</h1><div class="content">{body}{pager}</div></body></html>'
        ).encode()

    first = [
        "骨质疏松是一种以骨量低下、骨组织微结构损坏为特征的全身性骨病，中老年人尤其是绝经后女性多见。",
        "日常生活中要保证钙和维生素D的摄入，多晒太阳，坚持适量的负重运动，戒烟限酒，少喝浓茶和咖啡。",
    ]
    last = ["已确诊的患者应在医生指导下规范用药。"]
    url = "http://www.kangning.example/gk/123.html"
    responses = {url.replace("123.html", "123_2.html"): page(2, last)}
    result = parse_article(
        HtmlResponse(url=url, body=page(1, first)),
        site="generic",
        fetch=lambda u: HtmlResponse(url=u, body=responses[u]) if u in responses else None,
    )
    assert not isinstance(result, Skip), result
    assert result.body.split("\n") == first + last


def test_gb18030_with_characters_gbk_lacks():
    body = (GENERIC / "enc-gb18030-meta.html").read_bytes()
    assert b'<meta charset="gb18030">' in body
    article = extract("enc-gb18030-meta.html", ENC_URL)
    assert article.title == "孩子地包天（反\U0002c317）需要早点矫正吗"
    assert (
        lines(article)[0]
        == "地包天在医学上称为反\U0002c317，是指下前牙咬在上前牙的外面，是儿童常见的错\U0002c317畸形之一。"
    )
    assert "\ufffd" not in article.body


def test_gbk_without_any_declaration():
    body = (GENERIC / "enc-gbk-no-declaration.html").read_bytes()
    assert b"charset" not in body
    article = extract("enc-gbk-no-declaration.html", ENC_URL)
    assert article.title == "枸杞子的功效与禁忌"
    assert lines(article)[-1] == "正在感冒发热、身体有炎症或者腹泻的人，暂时不宜食用枸杞子。"
    assert "\ufffd" not in article.body


def test_stylesheet_rules_inside_media_blocks_hide_nothing_on_screen():
    from scraper.parsing.blocks import _top_level_rules

    css = ".a{display:none} @media print{.b{display:none} .c{color:red}} #d, .e {visibility: hidden} x" * 2
    assert _top_level_rules(css)[:2] == [(".a", "display:none"), ("#d, .e", "visibility: hidden")]
    assert all(selector != ".b" for selector, _ in _top_level_rules(css))
