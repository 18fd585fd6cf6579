"""Lists in the installer's language: "a, b of c" in Dutch, "a, b or c" in English.

Numbers are written by :mod:`sizing.formatting`.
"""

from __future__ import annotations

from collections.abc import Sequence


def words(items: Sequence[object], lang: str, *, both: bool = False) -> str:
    """'a, b of c' in Dutch, 'a, b or c' in English; with ``both``: 'a en b', 'a and b'."""
    texts = [str(i) for i in items]
    if len(texts) <= 1:
        return "".join(texts)
    joiner = {("nl", True): " en ", ("en", True): " and ", ("nl", False): " of "}.get(
        (lang, both), " or "
    )
    return ", ".join(texts[:-1]) + joiner + texts[-1]


def counts(values: Sequence[int], lang: str) -> str:
    """Allowed module counts the way the brochure prints them: '1–6, 8, 10 of 12'."""
    parts: list[str] = []
    ordered = sorted(set(values))
    start = 0
    while start < len(ordered):
        end = start
        while end + 1 < len(ordered) and ordered[end + 1] == ordered[end] + 1:
            end += 1
        if end - start >= 2:
            parts.append(f"{ordered[start]}–{ordered[end]}")
        else:
            parts.extend(str(v) for v in ordered[start : end + 1])
        start = end + 1
    return words(parts, lang)
