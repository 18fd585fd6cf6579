"""Quantities in any unit are converted at the boundary; nonsense is refused with a reason."""

from __future__ import annotations

import pytest

from sizing.schema import CableRequest, DesignRequest
from sizing.units import as_magnitude


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("12000 mm", "m", 12.0),
        ("0,012 km", "m", 12.0),
        ("14500 mA", "A", 14.5),
        ("35 °C", "degC", 35.0),
        ("95 degF", "degC", 35.0),
        ("308.15 K", "degC", 35.0),
        ("6 mm²", "mm**2", 6.0),
        ("10000 W", "kW", 10.0),
        ("1 %", "percent", 1.0),
        ("30", "degC", 30.0),
    ],
)
def test_it_converts_a_quantity_in_any_unit(text: str, unit: str, expected: float) -> None:
    assert as_magnitude(text, unit) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["abc", "5 kg", "12 furlongs per fortnight x"])
def test_it_refuses_text_that_is_no_quantity_of_the_right_kind(text: str) -> None:
    with pytest.raises(ValueError):
        as_magnitude(text, "m")


def test_a_cable_request_in_odd_units_equals_the_same_in_base_units() -> None:
    odd = CableRequest(current_a="14500 mA", length_m="0.012 km", ambient_c="308.15 K")
    plain = CableRequest(current_a=14.5, length_m=12, ambient_c=30 + 5)
    assert odd.current_a == pytest.approx(plain.current_a)
    assert odd.length_m == pytest.approx(plain.length_m)
    assert odd.ambient_c == pytest.approx(plain.ambient_c)


def test_a_design_request_refuses_a_length_in_kilograms_naming_the_field() -> None:
    with pytest.raises(ValueError, match="length_m"):
        DesignRequest.model_validate(
            {
                "connection": {"phases": 1, "main_fuse_a": 35},
                "inverter": "SMILE-G3-S5",
                "batteries": [{"module": "SMILE-G3-BAT-9.3S", "count": 2}],
                "ac_cable": {"length_m": "12 kg"},
            }
        )
