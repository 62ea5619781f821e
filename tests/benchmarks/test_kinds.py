"""``python -m benchmarks.eval.kinds`` judges pages written per kind of fault."""

from __future__ import annotations

import json

from benchmarks.eval.kinds import judge, main
from tests.helpers.field_reports import FIELD_REPORTS


def test_the_field_reports_are_judged_as_expected(capsys):
    assert main([str(FIELD_REPORTS)]) == 0
    assert capsys.readouterr().out.strip().endswith("12/12 pages as expected")


def test_a_page_that_breaks_its_expectation_is_reported(tmp_path):
    page = (
        "<html><head><meta charset='utf-8'><title>失眠怎么办_健康网</title></head><body><h1>失眠怎么办</h1>"
        "<div class='content'><p>长期失眠的人要规律作息，睡前不看手机，晚餐不要吃得太饱，可以适当运动。</p>"
        "<p>如果失眠超过一个月，应到医院睡眠门诊就诊，在医生指导下治疗，不要自行长期服用安眠药。</p>"
        "<p>白天可以多晒太阳，下午以后少喝咖啡和浓茶，睡前用温水泡脚也有帮助。</p></div>"
        "</body></html>"
    )
    (tmp_path / "k.html").write_text(page, encoding="utf-8")
    expected = {"url": "http://www.jk.example/k.html", "title": "失眠了怎么办", "body_with": ["规律作息"]}
    (tmp_path / "k.expected.json").write_text(json.dumps(expected, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "lonely.expected.json").write_text('{"url": "http://x.example/"}', encoding="utf-8")
    assert judge(tmp_path) == [("k", ["title: '失眠怎么办'"]), ("lonely", ["no page file"])]
