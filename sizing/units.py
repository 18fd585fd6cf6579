"""The one pint registry of the process.

Every physical figure the engine handles is a ``pint.Quantity`` from this
registry (MetPy's convention): quantities from two registries cannot be
combined, so nothing else may create one.
"""

from __future__ import annotations

from typing import Any

import pint

ureg: pint.UnitRegistry = pint.UnitRegistry(cache_folder=None)
ureg.formatter.default_format = "~P"
Q_ = ureg.Quantity
Quantity = pint.Quantity


def as_magnitude(value: Any, unit: str) -> float:
    """Convert a number, a pint quantity or a string like ``"12 mm"`` to a float in ``unit``.

    Bare numbers are taken to be in ``unit`` already (the contract's field
    names carry the unit: ``length_m``, ``current_a``). Raises ``ValueError``
    with a readable message for text that is not a quantity or a quantity of
    the wrong dimension.
    """
    if isinstance(value, bool):
        raise ValueError("expected a number or a quantity, got a boolean")
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, pint.Quantity):
        quantity = value
    elif isinstance(value, str):
        text = value.strip().replace(",", ".")
        try:
            parsed = ureg.parse_expression(text)
        except Exception as exc:  # pint raises several unrelated exception types
            raise ValueError(f"{value!r} is not a number or a quantity") from exc
        if not isinstance(parsed, pint.Quantity):
            return float(parsed)
        quantity = parsed
        if quantity.dimensionless and quantity.units == ureg.dimensionless:
            return float(quantity.magnitude)
    else:
        raise ValueError(f"expected a number or a quantity, got {type(value).__name__}")
    try:
        return float(quantity.m_as(unit))
    except pint.DimensionalityError as exc:
        raise ValueError(f"{value!r} cannot be expressed in {unit}") from exc
