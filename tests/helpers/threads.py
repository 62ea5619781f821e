"""Workers started at the same moment, to race them."""

from __future__ import annotations

import threading
from collections.abc import Callable


def run_at_once(worker: Callable[[int], None], count: int) -> None:
    """``worker(0)`` … ``worker(count - 1)`` in threads started together."""
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
