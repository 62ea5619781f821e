"""The Lua scripts that make each Redis de-duplication claim atomic, shipped as package data (``lua/``).

A script is its function files followed by its main part, joined in order:
``lua("exact", "exact_claim")`` is the exact-only claim.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def lua(*names: str) -> str:
    """The script made of ``lua/<name>.lua`` files, in order (FileNotFoundError for an unknown name)."""
    folder = resources.files(__package__).joinpath("lua")
    return "\n".join(folder.joinpath(f"{name}.lua").read_text(encoding="utf-8") for name in names)
