"""Reading one request model from JSON text: the single parser of the API and the commands.

``json.loads`` alone lets hostile input through as the wrong exception: a thousand levels of
nesting raise RecursionError, an integer of 4 301 digits ValueError (Python's limit on int
conversion), and ``NaN``, ``Infinity`` and ``1e999`` become floats that no JSON writer can print
back. Here each of those is refused as unreadable input that names where in the document it
sits, like a field the model refuses.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

# The deepest real request (DesignRequest → board → rcds → item) is four levels; a few more
# leave room for new fields without letting a document near Python's recursion limit.
MAX_DEPTH = 16
# No field takes a figure of more than a few digits; 30 keeps every integer far from the
# float overflow (309 digits) and from Python's 4 300-digit conversion limit.
MAX_INTEGER_DIGITS = 30
ROOT = "(request)"
_EXACT_INTEGERS = 2**53  # beyond it a float no longer holds every integer

M = TypeVar("M", bound=BaseModel)


class UnreadableInput(Exception):
    """Input that cannot become the model; ``fields`` pairs a dotted path with what is wrong."""

    def __init__(self, message: str, fields: list[tuple[str, str]] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fields = fields or []

    def __str__(self) -> str:
        if not self.fields:
            return self.message
        if len(self.fields) == 1:
            where, what = self.fields[0]
            return f"{self.message}: {where}: {what}"
        return self.message + ":\n  " + "\n  ".join(f"{w}: {m}" for w, m in self.fields)


@dataclass(frozen=True)
class _Refused:
    """Stands in for a value the decoder read but will not hand on, until its path is known."""

    reason: str


def _integer(text: str) -> int | _Refused:
    digits = len(text.lstrip("-"))
    if digits > MAX_INTEGER_DIGITS:
        return _Refused(f"a number of {digits} digits; at most {MAX_INTEGER_DIGITS} are read")
    return int(text)


def _float(text: str) -> float | int | _Refused:
    value = float(text)
    if not math.isfinite(value):
        return _Refused(f"{text[:40]} is beyond the range of a number")
    # JSON, and JSON Schema's "integer", do not tell 8.0 from 8; the strict model check would.
    if value.is_integer() and abs(value) <= _EXACT_INTEGERS:
        return int(value)
    return value


def _constant(name: str) -> _Refused:
    return _Refused(f"{name} is not a JSON number")


def _path(parts: tuple[str | int, ...]) -> str:
    return ".".join(str(part) for part in parts) or ROOT


def _problems(document: Any) -> list[tuple[str, str]]:
    """Refused values and too-deep nesting, in document order, without recursion."""
    found: list[tuple[str, str]] = []
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(document, ())]
    while stack:
        value, parts = stack.pop()
        if isinstance(value, _Refused):
            found.append((_path(parts), value.reason))
            continue
        children: list[tuple[Any, tuple[str | int, ...]]]
        if isinstance(value, dict):
            children = [(item, (*parts, key)) for key, item in value.items()]
        elif isinstance(value, list):
            children = [(item, (*parts, index)) for index, item in enumerate(value)]
        else:
            continue
        if len(parts) >= MAX_DEPTH:
            found.append((_path(parts), f"nested deeper than {MAX_DEPTH} levels"))
            continue
        stack.extend(reversed(children))
    return found


def describe_validation_error(error: ValidationError) -> list[tuple[str, str]]:
    return [(_path(tuple(item["loc"])), item["msg"]) for item in error.errors()]


def parse_model(raw: str | bytes, model: type[M]) -> M:
    """The ``model`` in ``raw`` (JSON, an object); UnreadableInput for anything else."""
    try:
        document = json.loads(raw, parse_int=_integer, parse_float=_float, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise UnreadableInput(
            f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from exc
    except UnicodeDecodeError as exc:
        raise UnreadableInput(f"invalid JSON: not UTF-8 text ({exc.reason})") from exc
    except RecursionError as exc:
        raise UnreadableInput(
            "invalid JSON", [(ROOT, f"nested deeper than {MAX_DEPTH} levels")]
        ) from exc
    problems = _problems(document)
    if problems:
        raise UnreadableInput("invalid JSON", problems[:10])
    if not isinstance(document, dict):
        raise UnreadableInput("invalid request: expected a JSON object")
    try:
        # Strict: the types the schema publishes, so `false` is no 0 and "3" no integer. The
        # unit fields still take quantity strings: their converter runs before the check.
        return model.model_validate(document, strict=True)
    except ValidationError as exc:
        raise UnreadableInput(f"invalid {model.__name__}", describe_validation_error(exc)) from exc
