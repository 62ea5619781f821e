"""cProfile summaries for the tables' notes: where the time goes when a goal is missed."""

from __future__ import annotations

import pstats
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OWN = (str(ROOT / "scraper"), str(ROOT / "pipelines"))


def _name(key: tuple[str, int, str]) -> str:
    path, line, function = key
    for prefix in (str(ROOT) + "/", "site-packages/", f"python{sys.version_info.major}.{sys.version_info.minor}/"):
        if prefix in path:
            path = path.split(prefix, 1)[1]
            break
    if path == "~":
        return f"`{function}`"
    return f"`{path}:{line}({function})`"


def summary(stats: pstats.Stats, top: int = 10) -> str:
    """Two small tables: the functions with the most own time, and our own functions by cumulative time."""
    entries = stats.stats  # type: ignore[attr-defined]
    total = sum(tottime for _, _, tottime, _, _ in entries.values()) or 1.0
    by_own = sorted(entries.items(), key=lambda kv: kv[1][2], reverse=True)[:top]
    ours = [kv for kv in entries.items() if kv[0][0].startswith(OWN)]
    by_cumulative = sorted(ours, key=lambda kv: kv[1][3], reverse=True)[:top]
    lines = ["| own time | function |", "|---|---|"]
    lines += [f"| {row[2] / total:.1%} | {_name(key)} |" for key, row in by_own]
    lines += ["", "| cumulative | our function (scraper/, pipelines/) |", "|---|---|"]
    lines += [f"| {row[3] / total:.1%} | {_name(key)} |" for key, row in by_cumulative]
    return "\n".join(lines)


def summary_of_file(path: Path, top: int = 10) -> str:
    return summary(pstats.Stats(str(path)), top)


def cumulative_share(stats: pstats.Stats, path_suffix: str, function: str) -> float:
    """Share of the profiled time spent in (and under) the functions ``function`` of files ending ``path_suffix``."""
    entries = stats.stats  # type: ignore[attr-defined]
    total = sum(tottime for _, _, tottime, _, _ in entries.values()) or 1.0
    spent = sum(row[3] for (path, _, name), row in entries.items() if path.endswith(path_suffix) and name == function)
    return float(spent / total)
