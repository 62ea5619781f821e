"""Which processes hold files under a folder open (Linux ``/proc``): the writers of a run still alive."""

from __future__ import annotations

import os
from pathlib import Path


def holders(folder: Path) -> dict[int, list[str]]:
    """``{pid: [open paths]}`` of every process (this one aside) with a file under ``folder`` open.

    Reads ``/proc/<pid>/fd``; processes whose descriptors cannot be read (another user's, or gone
    while being read) are not listed.
    """
    prefix = str(folder.resolve()) + os.sep
    found: dict[int, list[str]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            targets = [os.readlink(fd) for fd in (entry / "fd").iterdir()]
        except OSError:
            continue
        paths = sorted(t for t in targets if t.startswith(prefix))
        if paths:
            found[int(entry.name)] = paths
    return found
