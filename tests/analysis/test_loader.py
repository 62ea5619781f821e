"""Loading crawl output with pandas."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from scraper.analysis.loader import load_articles, sections_frame
from scraper.items import RECORD_FIELDS
from tests.helpers.labels import expected_record
from tests.helpers.records import record, write_jsonl


def exported(name: str) -> dict:
    """Seed page ``name``'s expected record as a crawl of http://s.test exports it."""
    return record(**expected_record(f"seed-{name}", "http://s.test"))


def test_load_articles_from_several_files_and_globs(tmp_path):
    write_jsonl(tmp_path / "a.jsonl", [exported("article")])
    write_jsonl(tmp_path / "b.jsonl", [exported("related")])
    frame = load_articles(str(tmp_path / "*.jsonl"))
    assert list(frame.columns) == list(RECORD_FIELDS)
    assert len(frame) == 2
    assert isinstance(frame["published"].dtype, pd.DatetimeTZDtype)
    published = dict(zip(frame["title"], frame["published"], strict=True))
    assert published["腰突然直不起来是怎么回事"] == pd.Timestamp("2020-07-13T01:12:00Z")
    assert published["腰椎微创手术后腰酸痛是怎么回事"] == pd.Timestamp("2020-07-14T00:00:00Z")
    assert frame["fetched_at"].iloc[0] == pd.Timestamp("2026-11-25T10:00:00Z")
    assert len(load_articles([tmp_path / "a.jsonl", tmp_path / "b.jsonl"])) == 2


def test_sections_frame_has_one_row_per_section(tmp_path):
    write_jsonl(tmp_path / "a.jsonl", [exported("article"), exported("related")])
    rows = sections_frame(load_articles(tmp_path / "a.jsonl"))
    assert list(rows.columns) == ["url", "title", "path", "depth", "label", "number", "heading", "kind", "text"]
    assert list(rows["path"]) == ["一", "一.1", "一.2", "一.3", "二"]
    assert list(rows["kind"]) == ["cause", "cause", "cause", "cause", "risk"]
    assert list(rows["depth"]) == [1, 2, 2, 2, 1]
    assert rows["text"].iloc[1].startswith("在进行腰椎微创手术以后")


def test_bad_input_gives_clear_errors(tmp_path):
    with pytest.raises(FileNotFoundError, match="no files match"):
        load_articles(str(tmp_path / "*.jsonl"))


BAD = [
    ("not JSON", "{not json"),
    ("not JSON", "\udc80 is not UTF-8"),  # written with surrogateescape: the byte 0x80
    ("not JSON (nested too deeply)", "[" * 100_000 + "]" * 100_000),
    ("not a JSON object", '"a string"'),
    ("url is not text", json.dumps(record(url=None))),
    ("title is not text", json.dumps(record(title=["a"]))),
    ("published is not an ISO 8601 date", json.dumps(record(published="昨天 20:05"))),
    ("fetched_at is not an ISO 8601 date", json.dumps(record(fetched_at=20201201))),
    ("revision is not an integer", json.dumps(record(revision=True))),
    ("keywords is not a list of text", json.dumps(record(keywords="失眠"))),
    ("images is not a list of objects", json.dumps(record(images=[["http://s.test/a.jpg"]]))),
    ("images/0/url is not text", json.dumps(record(images=[{"url": 1, "alt": None}]))),
    ("sections/0/heading is not text", json.dumps(record(sections=[{"label": "一", "heading": 1}]))),
    (
        "sections/0/subsections/0/subsections is not a list of objects",
        json.dumps(record(sections=[{"label": "一", "subsections": [{"label": "1", "subsections": [1]}]}])),
    ),
]


def test_bad_records_are_named_skipped_and_counted(tmp_path):
    from scraper.analysis.loader import BadRecordWarning

    good = [exported("article"), record(url="http://s.test/lone.html", title="\ud800孤", body="正文\udfff")]
    path = tmp_path / "a.jsonl"
    lines = [json.dumps(row) for row in good] + [line for _, line in BAD]
    path.write_bytes("".join(line + "\n" for line in lines).encode("utf-8", "surrogateescape"))
    with pytest.warns(BadRecordWarning, match=f"{len(BAD)} records skipped"):
        frame = load_articles(path)
    assert frame["url"].tolist() == ["http://s.test/jibing/yaotong/20200714/2101.html", "http://s.test/lone.html"]
    assert frame["title"].iloc[1] == "\ufffd孤" and frame["body"].iloc[1] == "正文\ufffd"  # lone surrogates
    skipped = [str(bad) for bad in frame.attrs["skipped_records"]]
    assert len(skipped) == len(BAD)
    for found, number, (problem, _) in zip(skipped, range(len(good) + 1, 99), BAD, strict=False):
        assert found.startswith(f"{path}:{number}: {problem}"), found
    quiet = load_articles(path, on_bad_lines="skip")
    assert len(quiet) == 2 and len(quiet.attrs["skipped_records"]) == len(BAD)
    with pytest.raises(ValueError, match=f"a.jsonl:{len(good) + 1}: not JSON"):
        load_articles(path, on_bad_lines="error")


def test_latest_revision_per_url_by_default(tmp_path):
    old, new, other = exported("article"), exported("article"), exported("related")
    new.update(revision=2, body="更新后的正文", fetched_at="2026-11-26T10:00:00Z")
    write_jsonl(tmp_path / "run1.jsonl", [old, other])
    write_jsonl(tmp_path / "run2.jsonl", [new])
    latest = load_articles(str(tmp_path / "run*.jsonl"))
    assert len(latest) == 2
    assert latest.set_index("title").loc["腰椎微创手术后腰酸痛是怎么回事", "body"] == "更新后的正文"
    assert len(load_articles(str(tmp_path / "run*.jsonl"), latest=False)) == 3


def test_dtypes_and_tidy_views(tmp_path):
    from scraper.analysis.loader import images_frame, related_frame

    article = exported("article")
    article["images"] = [{"url": "http://s.test/a.jpg", "alt": "腰"}]
    write_jsonl(tmp_path / "a.jsonl", [article, exported("related")])
    frame = load_articles(tmp_path / "a.jsonl")
    assert isinstance(frame["site"].dtype, pd.CategoricalDtype)
    assert frame["title"].dtype == "string" and frame["body"].dtype == "string"
    assert str(frame["revision"].dtype) == "Int64"
    links = related_frame(frame)
    assert list(links.columns) == ["url", "title", "related_title", "related_url", "related_summary"]
    assert list(links["related_title"]) == ["腰突然直不起来是怎么回事", "腰椎微创手术后腰酸痛是怎么回事"]
    assert links["related_url"].iloc[0] == "http://s.test/jibing/yaotong/20200713/2086.html"
    images = images_frame(frame)
    assert images.to_dict("records") == [
        {"url": "http://s.test/jibing/yaotong/20200714/2101.html", "title": "腰椎微创手术后腰酸痛是怎么回事",
         "image_url": "http://s.test/a.jpg", "alt": "腰"}
    ]  # fmt: skip


def test_schema_version_1_records_load_as_articles_and_entry_parts_have_heading_paths(tmp_path):
    v1 = record(url="http://s.test/v1.html", schema_version=1)
    v1.pop("page_type", None)
    v1.pop("extractor_version", None)
    part = {"label": None, "number": None, "heading": "病因", "kind": "cause", "text": "饮食不当", "subsections": [
        {"label": "1", "number": 1, "heading": "幽门螺杆菌", "kind": "cause", "text": "", "subsections": []}
    ]}  # fmt: skip
    entry = record(url="http://s.test/jbk.html", page_type="encyclopedia", sections=[part])
    write_jsonl(tmp_path / "a.jsonl", [v1, entry])
    articles = load_articles(tmp_path / "a.jsonl")
    assert articles.set_index("url").loc["http://s.test/v1.html", "page_type"] == "article"
    assert pd.isna(articles.set_index("url").loc["http://s.test/v1.html", "extractor_version"])
    assert sections_frame(articles)["path"].tolist() == ["病因", "病因.1"]


def test_a_record_without_sections_beside_one_with_them(tmp_path):
    # Found by the loader's property (tests/analysis/test_report_properties.py): a missing key is NaN.
    path = tmp_path / "a.jsonl"
    path.write_text('{"url": "http://s.test/a.html"}\n{"url": "http://s.test/b.html", "revision": 0, "sections": []}\n')
    articles = load_articles(path)
    assert len(articles) == 2
    assert sections_frame(articles).empty
