"""Declarative site profiles: one TOML file per site (see ``README.md`` → Site profiles)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

from parsel import Selector

from scraper.profiles.selectors import select

GENERIC = "generic"
# The UTC offset of a page's times when its profile names none (most sites here are in China).
DEFAULT_TIMEZONE = "+08:00"
# What separates a title from the site name in ``<title>`` (``标题-乡间郎中``, ``标题_站点``).
DEFAULT_SEPARATORS = ("-", "_", "|", "—", "–", "－", "｜")


@dataclass(frozen=True)
class RelatedSelectors:
    """Where the related-reading block is and how its entries are laid out."""

    block: tuple[str, ...] = ()
    item: str = "li"
    title: str = "a"
    url: str = "a::attr(href)"
    summary: str = ""


@dataclass(frozen=True)
class SiteProfile:
    """Per-site knowledge; a selector list is tried in order, the first match wins.

    An empty selector list means "use the generic heuristics for this field". ``site_name`` is
    the site's fixed name; ``site`` selectors read it from the page instead, for a platform whose
    pages each belong to an account (a WeChat official account's name).
    """

    name: str
    site_name: str | None = None
    site: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    match: tuple[str, ...] = ()
    timezone: str | None = DEFAULT_TIMEZONE
    title_separators: tuple[str, ...] = DEFAULT_SEPARATORS
    title: tuple[str, ...] = ()
    published: tuple[str, ...] = ()
    author: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    breadcrumbs: tuple[str, ...] = ()
    breadcrumbs_drop: tuple[str, ...] = ("正文", "内容", "详情", "正文内容")
    related: RelatedSelectors = field(default_factory=RelatedSelectors)

    def matches(self, url: str, selector: Selector) -> bool:
        """True when the page's host is one of the profile's domains or a ``match`` selector hits."""
        host = (urlsplit(url).hostname or "").lower()
        if any(host == d or host.endswith("." + d) for d in self.domains):
            return True
        return any(select(selector.root, css) for css in self.match)


class ProfileError(ValueError):
    """A profile file or profile name that cannot be used."""


def _tuple(value: object, key: str, source: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ProfileError(f"{source}: '{key}' must be a string or a list of strings")


def profile_from_dict(data: dict[str, object], source: str) -> SiteProfile:
    """Build a profile from parsed TOML, with clear errors for unknown or mistyped keys."""
    known = {f.name for f in fields(SiteProfile)}
    unknown = set(data) - known
    if unknown:
        raise ProfileError(f"{source}: unknown keys {sorted(unknown)}")
    if not isinstance(data.get("name"), str):
        raise ProfileError(f"{source}: 'name' is required")
    values: dict[str, object] = {}
    for key, value in data.items():
        if key == "related":
            if not isinstance(value, dict):
                raise ProfileError(f"{source}: [related] must be a table")
            related = dict(value)
            if "block" in related:
                related["block"] = _tuple(related["block"], "related.block", source)
            try:
                values[key] = RelatedSelectors(**related)
            except TypeError as exc:
                raise ProfileError(f"{source}: [related]: {exc}") from exc
        elif key in ("name", "site_name", "timezone"):
            values[key] = value
        else:
            values[key] = _tuple(value, key, source)
    return SiteProfile(**values)  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def load_profiles() -> dict[str, SiteProfile]:
    """Every bundled profile by name (the generic fallback included)."""
    profiles = {}
    for entry in sorted(resources.files(__package__).iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            data = tomllib.loads(entry.read_text(encoding="utf-8"))
            profile = profile_from_dict(data, entry.name)
            profiles[profile.name] = profile
    profiles.setdefault(GENERIC, SiteProfile(name=GENERIC))
    return profiles


def get_profile(name: str) -> SiteProfile:
    """The profile called ``name``; ProfileError listing the known names otherwise."""
    profiles = load_profiles()
    if name not in profiles:
        raise ProfileError(f"unknown site profile {name!r}; known: {', '.join(sorted(profiles))}")
    return profiles[name]


def find_profile(url: str, selector: Selector) -> SiteProfile:
    """The first bundled profile that matches the page, else the generic fallback."""
    for profile in load_profiles().values():
        if profile.name != GENERIC and profile.matches(url, selector):
            return profile
    return load_profiles()[GENERIC]
