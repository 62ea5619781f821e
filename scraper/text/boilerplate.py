"""Boilerplate lines: copyright, 独家稿件/禁止转载, 免责声明, 责任编辑 and the like."""

from __future__ import annotations

import re

from scraper.text.hanzi import simplified

# Each pattern matches a whole line that carries no article content. Kept short and
# anchored so that a sentence merely mentioning a word (e.g. 版权) survives.
BOILERPLATE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^(?:copyright|©|\(c\)|版权所有)",
        r"版权所有[。.!！]?$",
        r"(?:独家稿件|原创稿件|原创文章).{0,20}(?:禁止|不得|谢绝).{0,6}转载",
        r"^.{0,30}(?:未经|未获).{0,10}(?:授权|许可|同意).{0,12}(?:禁止|不得|严禁|谢绝).{0,6}(?:转载|复制|摘编)",
        # A publisher's rights statement: 此内容为某某原创。未经某某授权，不得以任何方式加以使用，包括转载…
        r"^(?:此内容|本内容|本文|本稿)(?:为|系).{1,15}(?:原创|独家)",
        r"(?:未经|未获).{0,15}(?:授权|许可).{0,40}(?:转载|摘编|复制|镜像)",
        r"如需(?:获得)?(?:授权|转载).{0,20}联系",
        r"^(?:本文)?(?:转载)?(?:请)?注明(?:出处|来源)",
        r"版权归.{0,20}所有.{0,20}(?:侵权|删除)",
        r"^\[?(?:免责声明|版权声明|特别声明|郑重声明|重要声明|平台声明|声明)\]?[:：]",
        r"^【(?:免责声明|版权声明|特别声明|郑重声明|重要声明|平台声明|声明)】",
        # Platforms' statements about who published what, in a sentence of their own.
        r"(?:本平台|本站|本网|平台)(?:仅|只)提供信息(?:存储|发布)(?:空间)?服务",
        r"仅代表(?:作者|个人|发布者)(?:本人)?(?:的)?(?:观点|看法|立场).{0,12}不代表",
        r"^(?:notice|disclaimer|statement|copyright notice)\s*:",
        r"^返回.{1,10}[，,]\s*查看更多[。.]?$",
        r"如有侵权.{0,10}(?:删除|联系)",
        r"^(?:本站|本网|本文)?(?:内容|文章)?仅供参考.{0,40}(?:依据|建议|意见|诊断)[。.]?$",
        # A Q&A site's disclaimer over its answers: 因不能面诊，医生的建议仅供参考 (perhaps after 全部答案).
        r"^.{0,12}(?:因|由于)?不能面诊.{0,30}仅供参考",
        r"^[（(]?(?:责任编辑|责编|编辑|作者|来源|原标题|文章来源|本文来源)[:：].{0,40}[）)]?$",
        r"^(?:分享到|扫一扫|打印本页|关闭窗口|返回顶部|上一篇|下一篇)[:：]?",
        r"^(?:点击|长按).{0,10}(?:关注|二维码|下载)",
        # A paper's call to its website, in brackets: 【欢迎登录本报网站发表您的看法 http://…】
        r"^[【\[]欢迎(?:登录|访问|关注|订阅).{0,60}[】\]]$",
        # A forum's edit notice on a post: 本帖最后由 X 于 2021-7-12 21:48 编辑 (Discuz!), its English form.
        r"^本帖最后由.{1,40}于.{4,30}编辑$",
        r"^this post was last edited by .{1,40} (?:on|at) .{4,40}$",
        r"^(?:最后|最近)(?:由.{1,30})?编辑于\s*\d.{0,25}$",
        # An answer's or a post's foot: when it was written and its votes, nothing else
        # (回答于 2022-10-09 21:52 有用(36), 发布于 3天前 · 赞同 12).
        r"^(?:(?:(?:回答|回复|发布|发表|编辑)于)?\s*[\d年月日:\-/\s.天小时分钟前昨]+\s*[·|｜]?\s*)?"
        r"(?:(?:有用|赞同|赞|点赞|感谢|没用|无用)\s*[(（]?\s*\d*\s*[)）]?\s*[·|｜]?\s*){1,3}$",
        r"^(?:回答|回复)于\s*\d{4}[\d年月日:\-/\s.]*$",
        # A doctor card's counters and button: 接诊量 1.8万 好评率 99%, 向TA咨询.
        r"^(?:(?:接诊量|接诊|问诊量|好评率|帮助过的人|帮助人数|回答数|粉丝|关注|患者数)\s*[:：]?\s*[\d.,万%+]+\s*)+$",
        r"^(?:向(?:TA|他|她|医生)咨询|立即咨询|在线咨询|免费咨询)$",
        # A wiki's furniture: its jump links and the line naming it above an entry (MediaWiki's siteSub).
        r"^(?:跳转到|跳转至|跳到|跳轉到|跳至)\s*[:：]?\s*导航\s*[,，、]\s*搜索$",
        r"^jump to\s*:?\s*navigation\s*,?\s*search$",
        r"^(?:来自|出自)\s*[^，。,.\s]{1,20}(?:百科|维基|wiki)$",
    )
)


# Boilerplate run into the end of an article's paragraph: （责任编辑：…）, 本文来源：…, 返回搜狐，查看更多.
TRAILING_BOILERPLATE = re.compile(
    r"\s*(?:[（(](?:责任编辑|责编|编辑|来源|本文来源|文章来源|作者)[:：][^（）()]{1,30}[）)]"
    r"|返回.{1,10}[，,]\s*查看更多[。.]?)\s*$"
)


def strip_trailing_boilerplate(line: str) -> str:
    """The line without boilerplate run into its end (the article's sentence before it is kept)."""
    return TRAILING_BOILERPLATE.sub("", line)


def is_boilerplate(line: str) -> bool:
    """True when a clean line is site boilerplate rather than article text (either script)."""
    line = simplified(line)
    return any(pattern.search(line) for pattern in BOILERPLATE_PATTERNS)
