"""Limits for the measurements of the initial verification (the meetrapport), and the verdict.

Every limit is read from sizing/tables/verification.json (RCD trip current and time,
insulation resistance) or from the design itself (Zs from ``Circuit.fault``, the TT touch
voltage of sizing/tables/fault_protection.json); nothing here measures or stores anything.
A limit is a closed interval ``low ≤ value ≤ high``; either end may be open (None).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from typing import Any

from sizing import tables
from sizing.constants import EPSILON
from sizing.installation.fault import fault_table
from sizing.notes import Text
from sizing.schema import Circuit


@cache
def verification_table() -> dict[str, Any]:
    return tables.read_json("verification.json")


def _basis(entry: dict[str, Any], key: str = "basis") -> Text:
    return str(entry[f"{key}_nl"]), str(entry[key])


@dataclass(frozen=True, slots=True)
class Limit:
    low: float | None
    high: float | None
    basis: Text

    def holds(self, value: float) -> bool:
        """True when ``value`` lies inside the interval (its ends included)."""
        if not math.isfinite(value):
            return False
        if self.low is not None and value < self.low - EPSILON:
            return False
        return not (self.high is not None and value > self.high + EPSILON)


@dataclass(frozen=True, slots=True)
class RcdLimits:
    trip_current_ma: Limit
    time_at_idn_ms: Limit
    time_at_5idn_ms: Limit
    five_times_optional: bool  # a tester may not deliver 5 × IΔn at this rating


def rcd_limits(rcd_type: str, sensitivity_ma: float, *, selective: bool = False) -> RcdLimits:
    """The limits of an RCD of ``rcd_type`` (A, F, B), IΔn ``sensitivity_ma``, S-type or not.

    Tested with a sinusoidal test current the trip current window is the same for types A,
    F and B; the trip times depend only on whether the device is time-delayed.
    """
    table = verification_table()["rcd"]
    fraction = table["trip_current_fraction"]
    times = table["trip_time_ms"]
    kind = times["selective" if selective else "general"]
    time_basis = _basis(times)

    def window(entry: dict[str, Any]) -> Limit:
        low, high = entry["low"], entry["high"]
        return Limit(
            float(low) if low is not None else None,
            float(high) if high is not None else None,
            time_basis,
        )

    del rcd_type  # the same windows for A, F and B under a sine test current (see the data)
    return RcdLimits(
        trip_current_ma=Limit(
            round(float(fraction["low"]) * sensitivity_ma, 6),
            round(float(fraction["high"]) * sensitivity_ma, 6),
            _basis(fraction),
        ),
        time_at_idn_ms=window(kind["at_idn"]),
        time_at_5idn_ms=window(kind["at_5idn"]),
        five_times_optional=sensitivity_ma + EPSILON >= float(table["five_times_optional_from_ma"]),
    )


def five_times_basis() -> Text:
    return _basis(verification_table()["rcd"], "five_times_basis")


@dataclass(frozen=True, slots=True)
class InsulationLimit:
    test_voltage_v: float
    limit: Limit


def insulation_limit(nominal_voltage_v: float) -> InsulationLimit:
    """IEC 60364-6 Table 6.1: the test voltage and least resistance for a circuit's voltage."""
    table = verification_table()["insulation"]
    basis = _basis(table)
    rows = sorted(table["rows"], key=lambda r: r["max_nominal_v"])
    for row in rows:
        if nominal_voltage_v <= row["max_nominal_v"] + EPSILON:
            return InsulationLimit(
                float(row["test_voltage_v"]), Limit(float(row["min_mohm"]), None, basis)
            )
    last = rows[-1]
    return InsulationLimit(
        float(last["test_voltage_v"]), Limit(float(last["min_mohm"]), None, basis)
    )


def circuit_voltage_v(circuit: Circuit) -> float:
    """The highest voltage between the circuit's conductors: 400 V three-phase, else 230 V."""
    u0 = float(tables.rule("nominal_voltage_v").value)
    return round(u0 * math.sqrt(3)) if circuit.phases == 3 else u0


def zs_limit(circuit: Circuit) -> Limit | None:
    """The measured Zs may not exceed what the engine worked out (0.8 × Zs,max); None = no limit."""
    fault = circuit.fault
    if fault is None or fault.zs_measured_max_ohm is None:
        return None
    table = fault_table()
    basis = (
        f"{_basis(table['disconnection'])[0]}; {_basis(table['measured_zs_factor'])[0]}",
        f"{_basis(table['disconnection'])[1]}; {_basis(table['measured_zs_factor'])[1]}",
    )
    return Limit(None, float(fault.zs_measured_max_ohm), basis)


def ra_limit(sensitivities_ma: list[float]) -> Limit | None:
    """TT (IEC 60364-4-41 411.5.3): RA · IΔn ≤ 50 V for every RCD, so the largest IΔn decides."""
    if not sensitivities_ma:
        return None
    tt = fault_table()["tt"]
    largest = max(sensitivities_ma)
    return Limit(None, round(float(tt["touch_voltage_v"]) / (largest / 1000), 6), _basis(tt))


def charge_limit(ems_grid_charge_limit_kw: float | None, basis: Text) -> Limit | None:
    """The grid-charging power set in the EMS may not exceed what the design allows."""
    if ems_grid_charge_limit_kw is None:
        return None
    return Limit(0.0, float(ems_grid_charge_limit_kw), basis)


def reserve_soc_limit() -> Limit:
    entry = verification_table()["reserve_soc_pct"]
    return Limit(float(entry["low"]), float(entry["high"]), _basis(entry))
