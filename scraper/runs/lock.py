"""The run lock (``data/state/crawl.lock``): one scheduled run at a time."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scraper.clock import utc_now

LOCK_FILE = "crawl.lock"


class LockError(RuntimeError):
    """Another run holds the lock."""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@dataclass
class RunLock:
    """``data/state/crawl.lock`` holding the running process's pid; a dead holder's lock is taken over."""

    path: Path
    taken_over: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        content = json.dumps({"pid": os.getpid(), "started_at": utc_now()})
        try:
            fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            holder = self._holder()
            if holder and _alive(holder.get("pid", -1)):
                raise LockError(
                    f"another crawl is running (pid {holder['pid']}, started {holder.get('started_at', '?')}); "
                    f"lock file {self.path}"
                ) from None
            self.taken_over = holder.get("pid") if holder else None
            temporary = self.path.with_name(self.path.name + f".{os.getpid()}")
            temporary.write_text(content)
            os.replace(temporary, self.path)
            return
        with os.fdopen(fd, "w") as lock:
            lock.write(content)

    def release(self) -> None:
        holder = self._holder()
        if holder and holder.get("pid") == os.getpid():
            self.path.unlink(missing_ok=True)

    def _holder(self) -> dict[str, Any] | None:
        try:
            data = json.loads(self.path.read_text())
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None
