"""Expected failures that commands report as one line (``healthscrape: …``) with exit code 2."""

from __future__ import annotations


class InputError(ValueError):
    """An input that is missing, unreadable or not what the command reads; the message names it."""
