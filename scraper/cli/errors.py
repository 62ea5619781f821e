"""Exit codes of ``healthscrape`` and the one mapping from an expected failure to its code and message.

Every expected failure ends a command with one line on stderr (``healthscrape: …``) and an exit
code, never a traceback: ``1`` the job ran but failed (not an article, a run whose checks failed),
``2`` a bad input (missing, unreadable, malformed) or an unusable setting, ``3`` another run holds
the lock.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import IO

from scrapy.exceptions import UsageError

from scraper.errors import InputError
from scraper.runs.lock import LockError

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_LOCKED = 0, 1, 2, 3

# A missing or malformed input, no CJK font (InputError), a file not writable, a glyph missing from the
# font (UserWarning raised as an error by the report), a bad value (ValueError).
BAD_INPUT = (InputError, FileNotFoundError, ValueError, OSError, UserWarning)
# A record whose values have unexpected types deeper down: a bad input for the commands that read
# records users hand them (elsewhere such an error is a bug and keeps its traceback).
MALFORMED = (TypeError, KeyError, AttributeError)
READS_RECORDS = ("report", "export")
# Skipped records named one warning line each; the rest are counted in one more line.
WARNED_SKIPPED = 20


class CommandError(Exception):
    """A failure a command reports itself, with its message and exit code."""

    def __init__(self, message: str, code: int = EXIT_BAD_INPUT):
        super().__init__(message)
        self.code = code


def as_command_error(command: str, error: BaseException) -> CommandError | None:
    """The message and exit code for an expected failure of ``command``; None for a bug."""
    if isinstance(error, CommandError):
        return error
    if isinstance(error, LockError):
        return CommandError(f"{command}: {error}", EXIT_LOCKED)
    if isinstance(error, UsageError):  # a scrapy crawl argument healthscrape crawl passed on
        return CommandError(f"{command}: {error}", EXIT_BAD_INPUT)
    if isinstance(error, BAD_INPUT):
        return CommandError(f"{command}: {error}", EXIT_BAD_INPUT)
    if isinstance(error, MALFORMED) and command in READS_RECORDS:
        return CommandError(f"{command}: malformed input ({type(error).__name__}: {error})", EXIT_BAD_INPUT)
    return None


def warn_skipped(skipped: Sequence[object], count: int | None = None, file: IO[str] | None = None) -> None:
    """One warning line per skipped record (``healthscrape: warning: path:line: problem; record skipped``)
    for the first :data:`WARNED_SKIPPED`, then one line counting the rest; ``count``: how many there were
    when ``skipped`` lists only the first ones."""
    out = file or sys.stderr
    total = len(skipped) if count is None else count
    for bad in skipped[:WARNED_SKIPPED]:
        print(f"healthscrape: warning: {bad}; record skipped", file=out)
    if total > WARNED_SKIPPED:
        print(f"healthscrape: warning: {total - WARNED_SKIPPED} more records skipped", file=out)
