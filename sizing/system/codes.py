"""Catalogue codes as installers write them: "t10" for SMILE-G3-T10, "9.3" for BAT-9.3S."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def normalise_code(text: str) -> str:
    return "-".join(text.strip().upper().replace(",", ".").replace("_", " ").split())


def _spellings(code: str, extra: Iterable[str]) -> set[str]:
    """Ways an installer writes a code: in full, without the series prefix, the bare model."""
    names = {normalise_code(code), *(normalise_code(e) for e in extra if e)}
    for full in list(names):
        name = full
        for prefix in ("SMILE-", "G3-", "BAT-"):
            if name.startswith(prefix):
                name = name.removeprefix(prefix)
                names.add(name)
    for name in list(names):
        if name.endswith("-INV"):
            names.add(name.removesuffix("-INV"))
        if len(name) > 1 and name.endswith("S") and name[-2].isdigit():
            names.add(name[:-1])  # BAT-9.3S -> BAT-9.3, 9.3S -> 9.3
    return names


def aliases(codes: Iterable[tuple[str, Iterable[str]]]) -> dict[str, str]:
    """Every spelling of each (code, other names) to its code; the first code keeps a clash."""
    found: dict[str, str] = {}
    for code, extra in codes:
        for alias in _spellings(code, extra):
            found.setdefault(alias, code)
    return found


def closest_codes(text: str, aliases: dict[str, str], limit: int = 3) -> list[str]:
    """Catalogue codes an installer most likely meant by ``text`` ("t10" -> SMILE-G3-T10)."""
    query = normalise_code(text)
    if query in aliases:  # a short or differently cased form of exactly one code
        return [aliases[query]]
    found: list[str] = []
    for alias in difflib.get_close_matches(query, list(aliases), n=limit * 3, cutoff=0.6):
        if aliases[alias] not in found:
            found.append(aliases[alias])
    return found[:limit]
