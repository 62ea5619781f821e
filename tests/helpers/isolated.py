"""Running one call in a forked child process, so that what it breaks stays there.

A ``RecursionError`` raised through lxml can leave one of lxml's locks held: every later parse in the
same process then waits on it forever (seen with 3,000 nested ``<div>``, issue 12 point 4). A crash in a
C library would end the process. The properties on hostile pages therefore parse each example in a child
forked from the test process: the child sends back its result or its exception, the parent raises it.
"""

from __future__ import annotations

import os
import pickle
import traceback
from collections.abc import Callable
from typing import Any


class ChildFailed(AssertionError):
    """The call raised in the child (``kind``: the exception's type name; the message holds the child's
    traceback), or the child died without an answer."""

    def __init__(self, kind: str, message: str):
        super().__init__(f"{kind} in the child process: {message}")
        self.kind = kind


def in_child(function: Callable[..., Any], *args: Any) -> Any:
    """``function(*args)`` run in a forked child; its (picklable) return value, else :class:`ChildFailed`."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: answer through the pipe, then leave at once (no pytest teardown, no atexit)
        os.close(read)
        try:
            try:
                answer: tuple[str, Any] = ("value", function(*args))
            except BaseException as exc:  # every failure goes back to the parent
                answer = ("error", (type(exc).__name__, traceback.format_exc()))
            with os.fdopen(write, "wb") as out:
                out.write(pickle.dumps(answer))
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as stream:
        data = stream.read()
    _, status = os.waitpid(pid, 0)
    if not data:
        raise ChildFailed("no answer", f"the child ended with wait status {status}")
    kind, value = pickle.loads(data)
    if kind == "error":
        raise ChildFailed(*value)
    return value
