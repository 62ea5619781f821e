"""The extraction evaluation runs, and healthscrape keeps meeting the goals on the labeled corpus."""

from __future__ import annotations

from benchmarks.eval.__main__ import main
from benchmarks.eval.corpus import REAL_TEMPLATES, load_all, load_corpus
from benchmarks.eval.extractors import healthscrape
from benchmarks.eval.metrics import score_page
from benchmarks.eval.report import GOALS, summarize


def test_eval_command_prints_and_writes_the_table(tmp_path, capsys):
    output = tmp_path / "RESULTS.md"
    assert main(["--no-peers", "-o", str(output)]) == 0
    printed = capsys.readouterr().out
    assert "| healthscrape |" in printed and "| extractor | title exact |" in printed
    text = output.read_text(encoding="utf-8")
    assert "## Real pages (the headline)" in text and "## Real pages nobody tuned on" in text
    assert "## Written templates" in text and "## Held-out templates" in text


def test_corpus_is_large_and_varied_enough():
    pages = load_corpus()
    assert len(pages) >= 60
    assert len({p.template for p in pages if p.template not in ("seed", "real")}) >= 8
    assert sum(p.template == "real" for p in pages) == 13


def test_the_real_pages_are_scored_with_the_corpus():
    pages = load_all()
    real = [p for p in pages if p.template in REAL_TEMPLATES]
    assert sum(p.template == "real" for p in real) == 13
    assert sum(p.template in ("real-new", "real-new-tuned") for p in real) >= 40
    assert sum(p.template == "real-new" for p in real) >= 20  # untouched by tuning


def test_healthscrape_meets_the_goals_on_the_corpus():
    scores = [score_page(page, healthscrape(page)) for page in load_corpus()]
    summary = summarize(scores)
    for column, goal in GOALS.items():
        if goal is not None:
            assert summary[column] is not None and summary[column] >= goal, column
