"""The charts' CJK font: registered explicitly, and Chinese is drawn with no missing glyph."""

from __future__ import annotations

import io
import re
import warnings

import pytest
from matplotlib import rc_context
from matplotlib.figure import Figure

from scraper.analysis.cjk_font import FONT_ENV, CJKFontError, use_cjk_font
from scraper.analysis.report import MISSING_GLYPH

CHINESE = "腰肌劳损怎么办 · 病因 症状 治疗 乡间郎中"


def draw(text: str) -> list[str]:
    """Draw ``text`` as a title and tick labels; the missing-glyph warnings matplotlib gave."""
    figure = Figure()
    axes = figure.add_subplot()
    axes.set_title(text)
    axes.bar([text[:4], text[-4:]], [1, 2])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure.savefig(io.BytesIO(), format="png")
    return [str(w.message) for w in caught if "missing from" in str(w.message)]


def test_chinese_renders_without_missing_glyphs():
    with rc_context():
        family = use_cjk_font()
        assert "CJK" in family or "WenQuanYi" in family
        assert draw(CHINESE) == []


def test_the_check_sees_tofu_with_a_latin_only_font():
    # The control: with DejaVu Sans alone the same text is tofu, and the warning the report turns into
    # an error (MISSING_GLYPH) is what matplotlib gives.
    with rc_context({"font.family": "sans-serif", "font.sans-serif": ["DejaVu Sans"]}):
        missing = draw(CHINESE)
    assert missing
    assert all(re.search(MISSING_GLYPH, message) for message in missing)


def test_a_missing_font_file_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv(FONT_ENV, str(tmp_path / "none.ttc"))
    with rc_context(), pytest.raises(CJKFontError, match="fonts-noto-cjk"):
        use_cjk_font()
