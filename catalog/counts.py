"""Allowed module counts as admins write them: "1-6, 8, 10, 12"."""

from __future__ import annotations

import re

_RANGE = re.compile(r"^(\d+)-(\d+)$")
_DASHES = re.compile(r"\s*(?:-|–|~|\.\.)\s*")
MAX_COUNT = 64


def parse_counts(text: str) -> tuple[int, ...]:
    """Parse "1-6, 8, 10, 12" (also "1–6", "1 ~ 6") into a sorted tuple of distinct counts."""
    counts: set[int] = set()
    for raw in re.split(r"[,;\s]+", _DASHES.sub("-", text.strip())):
        part = raw.strip()
        if not part:
            continue
        match = _RANGE.match(part)
        if match:
            low, high = int(match.group(1)), int(match.group(2))
            if low > high:
                raise ValueError(f"range {part!r} runs backwards")
            counts.update(range(low, high + 1))
        elif part.isdigit():
            counts.add(int(part))
        else:
            raise ValueError(f"{part!r} is not a count or a range like 1-6")
    if any(c < 1 or c > MAX_COUNT for c in counts):
        raise ValueError(f"counts must lie between 1 and {MAX_COUNT}")
    return tuple(sorted(counts))


def format_counts(counts: tuple[int, ...] | list[int]) -> str:
    """The shortest readable form: (1, 2, 3, 4, 5, 6, 8, 10, 12) → "1-6, 8, 10, 12"."""
    runs: list[list[int]] = []
    for value in sorted(set(counts)):
        if runs and value == runs[-1][-1] + 1:
            runs[-1].append(value)
        else:
            runs.append([value])
    parts: list[str] = []
    for run in runs:
        if len(run) > 2:
            parts.append(f"{run[0]}-{run[-1]}")
        else:
            parts.extend(str(v) for v in run)
    return ", ".join(parts)
