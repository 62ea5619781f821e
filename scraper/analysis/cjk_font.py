"""The CJK font the report's charts are drawn with, registered with matplotlib explicitly.

The font is Debian's ``fonts-noto-cjk`` (Noto Sans CJK), installed by ``make crawl``/``make test``
(``.ci/debian-packages``): the same font the browser draws the report's HTML text with, so one
system package serves both. ``HEALTHSCRAPE_CJK_FONT=/path/to/font.ttc`` names another font file.
"""

from __future__ import annotations

import os
from pathlib import Path

from matplotlib import font_manager, rcParams

from scraper.errors import InputError

FONT_ENV = "HEALTHSCRAPE_CJK_FONT"
# Where Debian's packages put their CJK fonts, best first.
FONT_FILES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
)
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
            rcParams["font.family"] = "sans-serif"
            rcParams["font.sans-serif"] = [family, "DejaVu Sans"]
            rcParams["axes.unicode_minus"] = False
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
