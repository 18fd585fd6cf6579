"""Units are parsed here, where values enter the engine, and nowhere else.

A request may give ``"12000 mm"`` for ``length_m`` and a data file a limit in
its own unit; :func:`as_magnitude` converts each once, with the one pint
registry of the process, to a float in the unit its name carries. Inside the
engine every figure is such a float (``current_a``, ``power_kw``): no
arithmetic is done in pint, so no quantity travels further than this module.
"""

from __future__ import annotations

import re
from typing import Any

import pint

ureg: pint.UnitRegistry = pint.UnitRegistry(cache_folder=None)
Q_ = ureg.Quantity


_QUANTITY_TEXT = re.compile(r"^\s*([-+]?\d+(?:[.,]\d+)?(?:[eE][-+]?\d+)?)\s*(.*?)\s*$")
_UNIT_SPELLINGS = {"°C": "degC", "℃": "degC", "°F": "degF", "²": "**2", "³": "**3", "Ω": "ohm"}


def _unit_text(text: str) -> str:
    for spelling, pint_name in _UNIT_SPELLINGS.items():
        text = text.replace(spelling, pint_name)
    return text


def as_magnitude(value: Any, unit: str) -> float:
    """Convert a number, a pint quantity or a string like ``"12 mm"`` to a float in ``unit``.

    Bare numbers are taken to be in ``unit`` already (the contract's field
    names carry the unit: ``length_m``, ``current_a``). Strings are a number
    and a unit (``"35 °C"``, ``"0.012 km"``, ``"14500 mA"``, ``"6 mm²"``); the
    number and unit are parsed apart so offset units such as °C convert too.
    Raises ``ValueError`` with a readable message for text that is not a
    quantity or a quantity of the wrong dimension.
    """
    if isinstance(value, bool):
        raise ValueError("expected a number or a quantity, got a boolean")
    if isinstance(value, int | float):
        try:
            return float(value)
        except OverflowError as exc:  # an int beyond the range of a float
            raise ValueError("the number is too large") from exc
    if isinstance(value, str):
        match = _QUANTITY_TEXT.match(value)
        if not match:
            raise ValueError(f"{value!r} is not a number or a quantity")
        number = float(match.group(1).replace(",", "."))
        if not match.group(2):
            return number
        try:
            quantity = Q_(number, _unit_text(match.group(2)))
        except Exception as exc:  # pint raises several unrelated exception types
            raise ValueError(f"{value!r}: unknown unit {match.group(2)!r}") from exc
    elif isinstance(value, pint.Quantity):
        quantity = value
    else:
        raise ValueError(f"expected a number or a quantity, got {type(value).__name__}")
    try:
        return float(quantity.m_as(unit))
    except pint.DimensionalityError as exc:
        raise ValueError(f"{value!r} cannot be expressed in {unit}") from exc
