"""``file://`` start URLs that name a directory: the pages in it, to be crawled as start URLs."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

# The files of a directory that are crawled: saved HTML pages and text dumps.
PAGE_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".txt")
# Never a page of the site, even with a page's suffix.
NOT_PAGES = ("robots.txt",)


def local_directory(url: str) -> Path | None:
    """The directory a ``file://`` URL names, or None for any other URL (a file, a path that does not
    exist, an http(s) URL)."""
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return None
    path = Path(url2pathname(parts.path))
    return path if path.is_dir() else None


def directory_pages(directory: Path) -> list[str]:
    """The ``file://`` URLs of the pages under ``directory`` (its tree, hidden files and folders aside),
    in path order. Raises OSError when ``directory`` cannot be listed."""
    os.listdir(directory)  # the directory itself unreadable: say so (os.walk would say nothing)
    pages = []
    for folder, subfolders, files in os.walk(directory):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in sorted(files):
            if name.lower().endswith(PAGE_SUFFIXES) and not name.startswith(".") and name.lower() not in NOT_PAGES:
                pages.append(Path(folder, name).resolve().as_uri())
    return pages
