"""Unit tests for scraper.text.boilerplate: site boilerplate lines vs article text."""

from __future__ import annotations

import pytest

from scraper.text.boilerplate import is_boilerplate, strip_trailing_boilerplate
from tests.helpers.labels import expected_record


@pytest.mark.parametrize(
    "line",
    [
        "[乡间郎中]独家稿件，未经授权禁止转载。",
        "回答于 2023-05-02 20:15有用(18)",  # an answer's foot
        "跳转到： 导航, 搜索",  # a wiki's furniture
        "2023-09-03 08:12有用 46",  # an answer's foot without 回答于
        "接诊量 1.8万 好评率 99%",  # a doctor card's counters
        "向TA咨询",
        "来自康宁医学百科",
        "Jump to: navigation, search",
        "发布于 3天前 · 赞同 12",
        "有用(21)",
        "原创文章，谢绝转载",
        "未经许可，不得转载",
        "Copyright © 2014-2020 乡间郎中 版权所有",
        "copyright 2020 example.com",
        "© 2020 乡间郎中",
        "版权所有",
        "乡间郎中 版权所有。",
        "本站内容仅供参考，不作为诊断及医疗依据。",
        "内容仅供参考，不能作为诊断依据",
        "责任编辑：张三",
        "（责任编辑：李四）",
        "编辑：王五",
        "来源：乡间郎中",
        "免责声明：本文仅供参考，不构成医疗建议。",
        "声明：本文来自网络",
        "转载请注明出处",
        "请注明来源",
        "分享到：",
        "分享到",
        "上一篇：腰突然直不起来是怎么回事",
        "下一篇：腰椎间盘突出的治疗",
        "返回顶部",
        "点击关注我们",
        "长按识别二维码",
        "此内容为健康时报原创。未经健康时报授权，不得以任何方式加以使用，包括转载、摘编、复制或建立镜像。",
        "如需获得授权请联系本报版权部：010-12345678。",
        "【免责声明】本文仅代表作者个人观点，与本网无关，仅供读者参考。",
        "全部答案 因不能面诊，医生的建议仅供参考",
        "大夫郑重提醒：因不能面诊患者，无法全面了解病情，以上建议仅供参考，具体诊疗请一定到医院在医生指导下进行！",
        "本文系某某医生原创，转载请联系作者。",
        # Forum engines' edit notices on a post.
        "本帖最后由 蓝莓 于 2021-7-12 21:48 编辑",
        "本帖最後由 小林 於 2019-3-2 08:01 編輯",
        "This post was last edited by mike on 2020-05-01 10:22",
        "最后编辑于 2022-06-18 09:30",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        # Mentions 版权 without being a copyright notice.
        "患者的肖像版权问题不在本文讨论范围内，医生的建议才是重点。",
        "医院的专利和版权所得全部用于资助贫困患者的治疗费用。",
        # Mentions 转载 / 转移 in a medical sense.
        "肿瘤细胞可能随血液转载到其他器官，医学上称为转移，需要及时治疗。",
        "病毒转载到其他器官后会导致并发症。",
        # Ordinary text around the patterns' words.
        "未经医生同意，不要擅自停药。",
        "编辑推荐的治疗方法如下：",
        "点击穴位时力度要适中。",
        "分享一个缓解腰痛的小方法。",
        "有用的建议是少量多餐。",
        "来自百科全书的解释并不完整。",
        "2023-09-03",
        "接诊量大的医院要提前挂号。",
        "赞同这种做法的医生越来越多。",
        "本帖最后想说的是，坚持复查比什么都重要，大家加油。",
        "未经医生许可，不得擅自使用激素类药物，也不要自行加量。",
        "如需复诊，请提前在公众号预约挂号。",
        "",
    ],
)
def test_ordinary_sentences_are_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


def test_seed_article_paragraphs_are_not_boilerplate() -> None:
    body = expected_record("seed-article")["body"]
    lines = body.split("\n")
    assert len(lines) == 11
    assert [line for line in lines if is_boilerplate(line)] == []


def test_copyright_claim_and_takedown_line_is_boilerplate():
    assert is_boilerplate("本文版权归原作者所有，如有侵权请联系删除")


@pytest.mark.parametrize(
    "line",
    [
        "特别声明：本文为网易自媒体平台“网易号”作者上传并发布，仅代表该作者观点。",
        "声明：该文观点仅代表作者本人，搜狐号系信息发布平台，搜狐仅提供信息存储空间服务。",
        "本文仅代表作者个人观点，不代表本站立场，如有侵权请联系删除。",
        "郑重声明：本站所有文章仅供参考。",
        "Notice: the content above is uploaded by a user; the platform only provides storage.",
        "Disclaimer: This article does not constitute medical advice.",
        "返回搜狐，查看更多",
        "平台聲明：本平台只提供信息存儲服務。",  # Traditional
    ],
)
def test_platform_statements_are_boilerplate(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "温馨提示：服药期间不要饮酒，有疑问请咨询医生。",  # health advice, not a statement
        "医生声明，这种做法并没有科学依据。",
        "本平台的医生会在二十四小时内回复您的问题。",
        "Notice that symptoms may appear days later.",
    ],
)
def test_article_sentences_mentioning_such_words_stay(line):
    assert not is_boilerplate(line)


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("多喝温水，注意休息。（责任编辑：王小明）", "多喝温水，注意休息。"),
        ("建议及时就医。(来源：健康时报)", "建议及时就医。"),
        ("坚持锻炼才能见效。返回搜狐，查看更多", "坚持锻炼才能见效。"),
        ("高血压（原发性）是常见病。", "高血压（原发性）是常见病。"),
    ],
)
def test_boilerplate_run_into_a_paragraphs_end_is_cut_off(line, kept):
    assert strip_trailing_boilerplate(line) == kept
