"""The fonts the report's charts are drawn with, and chart text that they can draw.

The CJK font is Debian's ``fonts-noto-cjk`` (Noto Sans CJK), installed by ``make crawl``/``make test``
(``.ci/debian-packages``): the same font the browser draws the report's HTML text with, so one
system package serves both. ``HEALTHSCRAPE_CJK_FONT=/path/to/font.ttc`` names another font file.
matplotlib's DejaVu Sans is the fallback for the glyphs the CJK font lacks (emoji such as 😷, symbols):
matplotlib (3.6+) takes each glyph from the first font of ``font.family`` that has it.

Text from records goes to the charts literally: ``$…$`` is not math text (``text.parse_math`` off), and
a character that neither font has (a rare ideograph of CJK Extension B, a newer emoji) is drawn as
U+FFFD (:func:`drawable`), never as an empty box; the report's tables show the text as it is.
"""

from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from matplotlib import font_manager, ft2font, rcParams
from matplotlib.font_manager import FontProperties

from scraper.errors import InputError

FONT_ENV = "HEALTHSCRAPE_CJK_FONT"
# Where Debian's packages put their CJK fonts, best first.
FONT_FILES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
)
FALLBACK_FAMILY = "DejaVu Sans"  # shipped with matplotlib
REPLACEMENT = "\ufffd"  # what a character no chart font has is drawn as (DejaVu Sans has it)
# In a collection (.ttc) several families share one file; the Simplified Chinese face is preferred.
PREFERRED_FAMILY_SUFFIX = " SC"


class CJKFontError(InputError):
    """No CJK font file is installed (reported like a bad input: a message and exit code 2)."""


def use_cjk_font() -> str:
    """Register the first CJK font file found and make its family matplotlib's sans-serif; its name."""
    configured = os.environ.get(FONT_ENV)
    candidates = [configured] if configured else list(FONT_FILES)
    for candidate in candidates:
        path = Path(candidate)
        if path.is_file():
            family = _register(path)
            rcParams["font.family"] = [family, FALLBACK_FAMILY]  # a list: per-glyph fallback
            rcParams["axes.unicode_minus"] = False
            rcParams["text.parse_math"] = False
            _coverage.cache_clear()
            return family
    raise CJKFontError(
        f"no CJK font for the charts: install Debian's fonts-noto-cjk (make font) or set {FONT_ENV} to a font file"
        + (f" (not found: {configured})" if configured else "")
    )


def _register(path: Path) -> str:
    font_manager.fontManager.addfont(str(path))
    families = [
        entry.name
        for entry in font_manager.fontManager.ttflist
        if Path(entry.fname).resolve() == path.resolve() and entry.style == "normal"
    ]
    if not families:
        raise CJKFontError(f"{path}: matplotlib found no font in it")
    preferred = [name for name in families if name.endswith(PREFERRED_FAMILY_SUFFIX) and "Mono" not in name]
    return (preferred or families)[0]


@lru_cache(maxsize=1)
def _coverage() -> frozenset[int]:
    """The code points the chart fonts (``font.family``, as matplotlib finds each) have glyphs for."""
    families = rcParams["font.family"]
    covered: set[int] = set()
    for family in [families] if isinstance(families, str) else families:
        path = font_manager.findfont(FontProperties(family=family), fallback_to_default=False)
        covered.update(ft2font.FT2Font(path).get_charmap())
    return frozenset(covered)


_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff]")


def drawable(text: str) -> str:
    """``text`` as the chart fonts can draw it (:func:`use_cjk_font` first): control and format
    characters (zero-width joiners, variation selectors, line and paragraph separators) removed, and each
    other character that no chart font has replaced by U+FFFD (a space by a space). Text they can draw
    is returned as it is."""
    text = _INVISIBLE.sub("", text)
    covered = _coverage()
    if all(ord(ch) in covered for ch in text):
        return text
    return "".join(ch if ord(ch) in covered else _stand_in(ch) for ch in text)


def _stand_in(character: str) -> str:
    """What a character no chart font has is drawn as: a space for a space, else U+FFFD."""
    return " " if unicodedata.category(character) == "Zs" else REPLACEMENT
