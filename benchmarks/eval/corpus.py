"""The labeled corpus: pages as served (bytes + headers + URL) with their labels."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

EVAL_DIR = Path(__file__).resolve().parent
CORPUS_DIR = EVAL_DIR / "corpus"
LABELS_DIR = EVAL_DIR / "labels"
# Folders of real pages collected for issue 11 (``labels.jsonl`` + ``pages/``), each with its sources
# and searches in its README; their labels carry template ``real-new`` (``real-new-tuned``: the pages
# that were looked at to fix something).
# A folder joins only after its first measurement is recorded in HELDOUT.md (python -m benchmarks.eval --corpus DIR).
REAL_FOLDERS = tuple(EVAL_DIR / ("incoming" if number == 1 else f"incoming{number}") for number in range(1, 10))
# Templates of real pages (the rest of the corpus was written by us in templates of our own).
REAL_TEMPLATES = frozenset(("real", "real-new", "real-new-tuned"))
UNTOUCHED_REAL = "real-new"
DEFAULT_FETCHED_AT = "2026-11-20T08:00:00Z"


@dataclass
class LabeledPage:
    """One page of the corpus and what a correct extraction gives for it."""

    id: str
    template: str
    url: str
    body: bytes
    headers: dict[str, str]
    fetched_at: str
    title: str | None
    published: str | None
    with_snippets: list[str]
    without_snippets: list[str]
    has_numbered_sections: bool
    expected: dict[str, Any]
    more_pages: dict[str, bytes] = field(default_factory=dict)
    notes: str = ""
    # Written after healthscrape was tuned, by someone who never saw its code (labels/heldout-*.jsonl).
    heldout: bool = False
    # The author as shown on the page (several joined by 、), when the label says (``author`` key).
    author: str | None = None
    author_labeled: bool = False
    page_type: str | None = None


def _page(label: dict[str, Any], heldout: bool = False, corpus_dir: Path = CORPUS_DIR) -> LabeledPage:
    path = corpus_dir / label["file"]
    return LabeledPage(
        id=label["file"],
        template=label.get("template") or label["file"].split("/", 1)[0],
        url=label["url"],
        body=path.read_bytes(),
        headers=label.get("headers") or {},
        fetched_at=label.get("fetched_at") or DEFAULT_FETCHED_AT,
        title=label.get("title"),
        published=label.get("published"),
        with_snippets=list(label.get("with") or []),
        without_snippets=list(label.get("without") or []),
        has_numbered_sections=bool(label.get("has_numbered_sections")),
        expected=label.get("expected") or {},
        more_pages={url: (corpus_dir / file).read_bytes() for url, file in (label.get("more_pages") or {}).items()},
        notes=label.get("notes", ""),
        heldout=heldout,
        author=label.get("author"),
        author_labeled="author" in label,
        page_type=label.get("page_type"),
    )


def load_corpus(labels_dir: Path = LABELS_DIR, corpus_dir: Path = CORPUS_DIR) -> list[LabeledPage]:
    """Every labeled page, in file order of ``labels_dir/*.jsonl``; page files relative to ``corpus_dir``."""
    pages = []
    for labels in sorted(labels_dir.glob("*.jsonl")):
        for number, line in enumerate(labels.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                try:
                    heldout = labels.name.startswith("heldout-")
                    pages.append(_page(json.loads(line), heldout=heldout, corpus_dir=corpus_dir))
                except (KeyError, OSError, json.JSONDecodeError) as exc:
                    raise ValueError(f"{labels.name}:{number}: bad label ({exc})") from exc
    return pages


def load_real_pages(folders: tuple[Path, ...] = REAL_FOLDERS) -> list[LabeledPage]:
    """The real pages collected for issue 11, folder by folder (each folder's own labels and pages)."""
    return [page for folder in folders for page in load_corpus(folder, folder)]


def load_all() -> list[LabeledPage]:
    """The labeled corpus and the real pages of :data:`REAL_FOLDERS`: what ``python -m benchmarks.eval``
    scores."""
    return load_corpus() + load_real_pages()
