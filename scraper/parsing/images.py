"""Body images: the real image URL of an ``<img>`` whatever lazy-loading scheme the page uses.

* Lazy attributes are read before ``src`` (which is then often a placeholder): the common lazy
  loaders' ``data-*`` attributes, and Discuz!'s ``zoomfile``/``file`` for attachments.
* A placeholder is never the image: a file named like one (``loading.gif``, ``none.gif``,
  ``blank.png``, ``spacer.gif``, ``pixel.gif``, …) or an image declared 1×1.
* A value that is not a URL (``true``, ``lazy``, a bare token) is never resolved into one.
* An ``<img>`` inside ``<noscript>`` (what a reader without JavaScript sees: often the only copy of
  the real URL) is kept: :func:`unwrap_noscript_images` lifts it out before hidden elements go.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

# Where lazy loaders put the real URL, most specific first; src last.
LAZY_IMAGE_ATTRS = (
    "data-url",
    "data-src",
    "data-original",
    "data-lazy-src",
    "data-echo",
    "data-lazyload",
    "data-lazy",
    "data-actualsrc",
    "data-ks-lazyload",
    "data-original-src",
    "lazy-src",
    "original",
    "zoomfile",
    "file",
    "src",
)
# File names of placeholders (the stem, any image extension): loading.gif, none.gif, blank.png, …
_PLACEHOLDER = re.compile(
    r"(?:^|/)(?:[a-z]+[-_])?(?:loading|lazy|lazyload|blank|none|spacer|placeholder|pixel|transparent|grey|gray|"
    r"default|empty|1x1)(?:[-_]?\d+(?:x\d+)?)?\.(?:gif|png|jpe?g|svg|webp)$",
    re.IGNORECASE,
)
_URL_LIKE = re.compile(r"^(?:https?:)?//|^[./]|/|\.(?:jpe?g|png|gif|webp|bmp|svg|avif)(?:[?#]|$)", re.IGNORECASE)


def looks_like_url(value: str) -> bool:
    """True for an absolute or relative URL (a path, or a file name with an image extension); False for
    tokens (``true``, ``lazy``), ``data:``/``javascript:`` values and anything with white space inside."""
    if not value or any(ch.isspace() for ch in value) or value.startswith(("data:", "javascript:", "#")):
        return False
    return bool(_URL_LIKE.search(value))


def is_placeholder(url: str, img: HtmlElement | None = None) -> bool:
    """True for a placeholder image: a placeholder file name, or an ``<img>`` declared 1×1 (or 0)."""
    if _PLACEHOLDER.search(urlsplit(url).path):
        return True
    if img is not None:
        sizes = [img.get("width", ""), img.get("height", "")]
        if all(size.strip().removesuffix("px").isdigit() for size in sizes):
            return all(int(size.strip().removesuffix("px")) <= 1 for size in sizes)
    return False


def image_url(img: HtmlElement, base_url: str) -> str | None:
    """The absolute URL of the image an ``<img>`` shows, or None (only placeholders, no URL)."""
    for name in LAZY_IMAGE_ATTRS:
        value = (img.get(name) or "").strip()
        if not looks_like_url(value):
            continue
        url = urljoin(base_url, value)
        if not is_placeholder(url, img):
            return url
    return None


def unwrap_noscript_images(root: HtmlElement) -> int:
    """Replace each ``<noscript>`` that holds images and no text by those images (its tail kept); return
    how many. A ``<noscript>`` with text (``请开启JavaScript``) stays, to be removed as hidden."""
    unwrapped = 0
    for noscript in list(root.iter("noscript")):
        images = list(noscript.iter("img"))
        if images and not "".join(noscript.itertext()).strip() and noscript.getparent() is not None:
            noscript.drop_tag()
            unwrapped += 1
    return unwrapped
