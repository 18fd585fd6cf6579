"""The grid and safety thresholds the rules apply, read from ``tables/grid_rules.json``.

They are not product figures (those live in the catalogue) but rules of the
Dutch grid code and of PGS 37; each carries the reference the finding cites,
so a number and its source can never drift apart.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sizing.units import as_magnitude

RULES_FILE = Path(__file__).resolve().parent.parent / "tables" / "grid_rules.json"


@dataclass(frozen=True, slots=True)
class Limit:
    """A threshold in the unit its rule compares in, with the reference the finding cites."""

    value: float
    reference: str  # Dutch, as the findings cite it
    reference_en: str
    source: str


@dataclass(frozen=True, slots=True)
class GridLimits:
    single_phase_generation: Limit  # kW
    storage_registration: Limit  # kW
    pgs37_capacity: Limit  # kWh

    @property
    def single_phase_generation_kw(self) -> float:
        return self.single_phase_generation.value

    @property
    def storage_registration_kw(self) -> float:
        return self.storage_registration.value

    @property
    def pgs37_capacity_kwh(self) -> float:
        return self.pgs37_capacity.value


def _limit(entry: dict[str, object], unit: str) -> Limit:
    # The file gives each value in a unit of its own; it is converted once, here, where it enters.
    return Limit(
        value=as_magnitude(f"{entry['value']} {entry['unit']}", unit),
        reference=str(entry["reference"]),
        reference_en=str(entry["reference_en"]),
        source=str(entry["source"]),
    )


@cache
def grid_limits() -> GridLimits:
    data = json.loads(RULES_FILE.read_text(encoding="utf-8"))
    return GridLimits(
        single_phase_generation=_limit(data["single_phase_generation_limit"], "kW"),
        storage_registration=_limit(data["storage_registration_threshold"], "kW"),
        pgs37_capacity=_limit(data["pgs37_capacity_threshold"], "kWh"),
    )
