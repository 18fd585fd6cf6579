"""Numbers and lists in the installer's language: 4,56 kWh in Dutch, 4.56 kWh in English."""

from __future__ import annotations

from collections.abc import Sequence


def number(value: float, lang: str, decimals: int = 2) -> str:
    """4.56 -> '4,56' in Dutch, '4.56' in English; no trailing zeros (111.6, not 111.60)."""
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".") if decimals else f"{value:.0f}"
    if text in {"", "-0"}:
        text = "0"
    return text.replace(".", ",") if lang == "nl" else text


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
