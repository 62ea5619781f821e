"""Where a crawl's outputs go (scraper.feeds)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from scraper.feeds import LineFile, duplicates_path
from tests.helpers.crawl import crawl_env
from tests.helpers.crawler import project_crawler


def feed(tmp_path: Path) -> dict[str, dict[str, object]]:
    return {str(tmp_path / "articles.jsonl"): {"format": "jsonlines", "overwrite": True}}


def test_duplicates_file_sits_next_to_the_feed_unless_configured(tmp_path):
    assert duplicates_path(project_crawler(FEEDS=feed(tmp_path)).settings) == (tmp_path / "duplicates.jsonl", True)
    configured = project_crawler(FEEDS=feed(tmp_path), DUPLICATES_FILE=str(tmp_path / "x" / "d.jsonl"))
    assert duplicates_path(configured.settings)[0] == tmp_path / "x" / "d.jsonl"
    stdout_only = project_crawler(FEEDS={"stdout:": {"format": "jsonlines"}})
    assert duplicates_path(stdout_only.settings)[0] == Path("data/duplicates.jsonl")


# Run in a process of its own: RLIMIT_FSIZE makes the kernel write part of a line, then refuse the
# rest (EFBIG) — the short write a full disk gives before ENOSPC — without limiting pytest's own files.
_SHORT_WRITE = """
import resource, sys
from pathlib import Path
from scraper.feeds import ExportError, LineFile

path = Path(sys.argv[1])
output = LineFile(path, fsync=True)
output.append('{"n": 1}\\n')
output.append('{"n": 2}\\n')
soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
resource.setrlimit(resource.RLIMIT_FSIZE, (path.stat().st_size + 10, hard))
try:
    output.append('{"n": 3, "body": "' + "长" * 100 + '"}\\n')
except ExportError as error:
    print(error)
resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
output.append('{"n": 4}\\n')
output.close()
"""


def test_a_line_the_kernel_wrote_in_part_is_undone(tmp_path):
    path = tmp_path / "articles.jsonl.part"
    done = subprocess.run([sys.executable, "-c", _SHORT_WRITE, str(path)], capture_output=True, text=True,
                          env=crawl_env(settings_module=False), timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"cannot write {path}: File too large"
    assert path.read_text() == '{"n": 1}\n{"n": 2}\n{"n": 4}\n'


def test_a_cut_line_left_by_a_kill_is_dropped_before_appending(tmp_path):
    path = tmp_path / "duplicates.jsonl"
    path.write_text('{"n": 1}\n{"n": 2, "cut her')
    output = LineFile(path)
    output.append('{"n": 3}\n')
    output.close()
    assert path.read_text() == '{"n": 1}\n{"n": 3}\n'
    output = LineFile(path, overwrite=True)
    output.append('{"n": 4}\n')
    output.close()
    assert path.read_text() == '{"n": 4}\n'
