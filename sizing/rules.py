"""The product and grid rules, as functions of plain figures returning :class:`Hit`s.

``design`` and ``suggest`` call the same functions: ``design`` renders the
hits into findings, ``suggest`` only looks at their severities. Every product
figure comes from the catalogue (via :mod:`sizing.figures`), every grid
threshold from :mod:`sizing.limits`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from sizing.domain import Compatibility
from sizing.figures import CatalogFigures, InverterFigures, ModuleFigures
from sizing.limits import GridLimits
from sizing.messages import Hit
from sizing.schema import Connection, ExistingPV

PHASES = ("L1", "L2", "L3")
# Sums of floats such as 3.68 + 1.32 land a hair above 5.0; a limit is only
# exceeded by more than this.
EPSILON = 1e-9


@dataclass(frozen=True, slots=True)
class GridSite:
    """What the grid rules need to know about the connection, from a request or a site."""

    connection: Connection
    existing_pv: ExistingPV | None = None
    household_load_a: float = 0.0


# --------------------------------------------------------------------------- battery


def clusters(count: int, compat: Compatibility) -> list[int]:
    """Split ``count`` modules into equal series clusters; [] when no such split exists."""
    for n in range(1, compat.max_clusters + 1):
        if count % n == 0 and count // n <= compat.max_per_cluster:
            return [count // n] * n
    return []


def battery_energy(module: ModuleFigures, count: int) -> tuple[float, float]:
    """Nominal and usable kWh of ``count`` modules, rounded away from float noise."""
    return round(module.nominal_kwh * count, 6), round(module.usable_kwh * count, 6)


def nearest_counts(count: int, allowed: tuple[int, ...]) -> list[int]:
    """The allowed counts just below and above ``count``, for the error message."""
    ordered = sorted(allowed)
    i = bisect.bisect_left(ordered, count)
    near = ordered[max(i - 1, 0) : i + 1]
    return sorted(set(near))


def count_hits(
    inverter: InverterFigures,
    module: ModuleFigures,
    compat: Compatibility | None,
    count: int,
    figures: CatalogFigures,
) -> list[Hit]:
    if compat is None:
        return [
            Hit(
                "battery.module_not_compatible",
                {
                    "module": module.code,
                    "inverter": inverter.code,
                    "compatible": figures.compatible_modules(inverter.code),
                },
            )
        ]
    if count in compat.allowed_counts and clusters(count, compat):
        return []
    return [
        Hit(
            "battery.count_not_allowed",
            {
                "count": count,
                "module": module.code,
                "inverter": inverter.code,
                "allowed": sorted(compat.allowed_counts),
                "nearest": nearest_counts(count, compat.allowed_counts),
                "per_cluster": compat.max_per_cluster,
                "max_clusters": compat.max_clusters,
            },
        )
    ]


def module_site_hits(
    module: ModuleFigures, location: str, min_ambient_c: float | None, figures: CatalogFigures
) -> list[Hit]:
    hits: list[Hit] = []
    if module.indoor_only and location == "outdoor":
        outdoor = [m.code for m in figures.modules.values() if not m.indoor_only]
        hits.append(
            Hit(
                "battery.indoor_only",
                {"module": module.code, "ip": module.module.ip_rating, "alternatives": outdoor},
            )
        )
    if min_ambient_c is not None and min_ambient_c < module.min_temp_c - EPSILON:
        colder = [
            m.code
            for m in figures.modules.values()
            if m.min_temp_c <= min_ambient_c and not (m.indoor_only and location == "outdoor")
        ]
        hits.append(
            Hit(
                "battery.temperature",
                {
                    "module": module.code,
                    "min_ambient_c": min_ambient_c,
                    "module_min_c": module.min_temp_c,
                    "alternatives": colder,
                },
            )
        )
    return hits


def capacity_hits(usable_kwh: float, limits: GridLimits) -> list[Hit]:
    if usable_kwh > limits.pgs37_capacity_kwh + EPSILON:
        return [
            Hit(
                "safety.pgs37",
                {"usable_kwh": usable_kwh, "threshold_kwh": limits.pgs37_capacity_kwh},
                limits.pgs37_capacity.reference,
            )
        ]
    return []


def headroom_hit(
    inverter: InverterFigures, module: ModuleFigures, compat: Compatibility, count: int
) -> Hit:
    allowed = sorted(compat.allowed_counts)
    larger = [c for c in allowed if c > count]
    parallel = [c for c in larger if c > compat.max_per_cluster]
    return Hit(
        "expansion.headroom",
        {
            "inverter": inverter.code,
            "module": module.code,
            "next_counts": larger,
            "max_count": allowed[-1],
            "max_usable_kwh": battery_energy(module, allowed[-1])[1],
            "first_parallel": parallel[0] if parallel and count <= compat.max_per_cluster else None,
        },
    )


# --------------------------------------------------------------------------- grid


def inverter_phase(site: GridSite) -> str:
    """Where a single-phase inverter goes: L1, unless existing PV already feeds in there."""
    if site.connection.phases == 1:
        return "L1"
    pv = site.existing_pv
    if pv is not None and pv.power_kw > 0 and pv.phase == "L1":
        return "L2"
    return "L1"


def pv_on_phase(site: GridSite, phase: str) -> float:
    pv = site.existing_pv
    if pv is None:
        return 0.0
    if site.connection.phases == 1:
        return pv.power_kw  # on a single-phase connection everything is on L1
    if pv.phase == "3P":
        return pv.power_kw / 3
    return pv.power_kw if pv.phase == phase else 0.0


def inverter_site_hits(
    inverter: InverterFigures, site: GridSite, limits: GridLimits, figures: CatalogFigures
) -> list[Hit]:
    """Rules about the inverter on this connection: phases, generation per phase, main fuse."""
    connection = site.connection
    if inverter.phases == 3 and connection.phases == 1:
        single = [i.code for i in figures.inverters.values() if i.phases == 1]
        return [Hit("inverter.phase_mismatch", {"inverter": inverter.code, "alternatives": single})]
    hits: list[Hit] = []
    phase = inverter_phase(site)
    if inverter.phases == 1 and connection.phases == 3:
        pv_phase = site.existing_pv.phase if site.existing_pv and site.existing_pv.power_kw else ""
        hits.append(
            Hit(
                "inverter.single_phase_on_three_phase",
                {"inverter": inverter.code, "phase": phase, "pv_phase": pv_phase},
            )
        )
    if inverter.phases == 1:
        pv_kw = pv_on_phase(site, phase)
        total = inverter.nominal_kw + pv_kw
        if total > limits.single_phase_generation_kw + EPSILON:
            hits.append(
                Hit(
                    "grid.single_phase_generation_limit",
                    {
                        "inverter": inverter.code,
                        "phase": phase,
                        "inverter_kw": inverter.nominal_kw,
                        "pv_kw": round(pv_kw, 6),
                        "total_kw": round(total, 6),
                        "limit_kw": limits.single_phase_generation_kw,
                        "connection_phases": connection.phases,
                    },
                    limits.single_phase_generation.reference,
                )
            )
    hit = main_fuse_hit(inverter, site, phase)
    if hit is not None:
        hits.append(hit)
    if inverter.charge_kw >= limits.storage_registration_kw - EPSILON:
        hits.append(
            Hit(
                "registration.energieleveren",
                {
                    "inverter": inverter.code,
                    "power_kw": inverter.charge_kw,
                    "threshold_kw": limits.storage_registration_kw,
                },
                limits.storage_registration.reference,
            )
        )
    return hits


def grid_charge_current(inverter: InverterFigures) -> float:
    """Current per phase when charging from the grid at the inverter's nominal grid input."""
    return inverter.grid_input_kw * 1000 / (inverter.phases * inverter.voltage_v)


def main_fuse_hit(inverter: InverterFigures, site: GridSite, phase: str) -> Hit | None:
    if inverter.phases < 1 or inverter.voltage_v <= 0:
        return None  # a catalogue row without a voltage cannot give a current
    current = grid_charge_current(inverter)
    available = site.connection.main_fuse_a - site.household_load_a
    if current <= available + EPSILON:
        return None
    ems_kw = max(available, 0.0) * inverter.phases * inverter.voltage_v / 1000
    if inverter.phases == 3:
        where_nl, where_en = "verdeeld over L1, L2 en L3", "spread over L1, L2 and L3"
    else:
        where_nl, where_en = f"alles op {phase}", f"all on {phase}"
    return Hit(
        "grid.main_fuse_capacity",
        {
            "inverter": inverter.code,
            "grid_kw": inverter.grid_input_kw,
            "current_a": current,
            "main_fuse_a": site.connection.main_fuse_a,
            "connection_phases": site.connection.phases,
            "household_load_a": site.household_load_a,
            "available_a": max(available, 0.0),
            "ems_kw": round(ems_kw, 2),
            "where_nl": where_nl,
            "where_en": where_en,
        },
    )
