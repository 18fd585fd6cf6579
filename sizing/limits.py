"""The grid and safety thresholds the rules apply, read from ``data/grid_rules.json``.

They are not product figures (those live in the catalogue) but rules of the
Dutch grid code and of PGS 37; each carries the reference the finding cites,
so a number and its source can never drift apart.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sizing.units import Q_, Quantity

RULES_FILE = Path(__file__).with_name("data") / "grid_rules.json"


@dataclass(frozen=True, slots=True)
class Limit:
    quantity: Quantity
    reference: str  # Dutch, as the findings cite it
    reference_en: str
    source: str

    def magnitude(self, unit: str) -> float:
        return float(self.quantity.m_as(unit))


@dataclass(frozen=True, slots=True)
class GridLimits:
    single_phase_generation: Limit
    storage_registration: Limit
    pgs37_capacity: Limit
    # Plain floats in the units the rules compare in, converted once because the
    # suggest loop compares thousands of times and pint costs microseconds a call.
    single_phase_generation_kw: float
    storage_registration_kw: float
    pgs37_capacity_kwh: float


def _limit(entry: dict[str, object]) -> Limit:
    return Limit(
        quantity=Q_(float(entry["value"]), str(entry["unit"])),  # type: ignore[arg-type]
        reference=str(entry["reference"]),
        reference_en=str(entry["reference_en"]),
        source=str(entry["source"]),
    )


@cache
def grid_limits() -> GridLimits:
    data = json.loads(RULES_FILE.read_text(encoding="utf-8"))
    generation = _limit(data["single_phase_generation_limit"])
    registration = _limit(data["storage_registration_threshold"])
    pgs37 = _limit(data["pgs37_capacity_threshold"])
    return GridLimits(
        single_phase_generation=generation,
        storage_registration=registration,
        pgs37_capacity=pgs37,
        single_phase_generation_kw=generation.magnitude("kW"),
        storage_registration_kw=registration.magnitude("kW"),
        pgs37_capacity_kwh=pgs37.magnitude("kWh"),
    )
