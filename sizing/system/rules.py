"""The product and grid rules, as functions of plain figures returning findings.

``design`` and ``suggest`` call the same functions: ``design`` reports the
findings, ``suggest`` only looks at their severities. Every product figure
comes from the catalogue's domain objects, every grid threshold
from :mod:`sizing.system.limits`, every text and reference from :mod:`sizing.findings`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from sizing.constants import EPSILON, PHASES
from sizing.domain import BatteryModule, Catalog, Compatibility, Inverter
from sizing.findings import Phrase, finding
from sizing.schema import Connection, ExistingPV, Finding
from sizing.system.currents import charge_current_a, grid_port_breaker_a
from sizing.system.limits import GridLimits


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


def battery_energy(module: BatteryModule, count: int) -> tuple[float, float]:
    """Nominal and usable kWh of ``count`` modules, rounded away from float noise."""
    return round(module.nominal_kwh * count, 6), round(module.usable_kwh * count, 6)


def nearest_counts(count: int, allowed: tuple[int, ...]) -> list[int]:
    """The allowed counts just below and above ``count``, for the error message."""
    ordered = sorted(allowed)
    i = bisect.bisect_left(ordered, count)
    near = ordered[max(i - 1, 0) : i + 1]
    return sorted(set(near))


def count_findings(
    inverter: Inverter,
    module: BatteryModule,
    compat: Compatibility | None,
    count: int,
    catalog: Catalog,
) -> list[Finding]:
    if compat is None:
        compatible = catalog.compatible_modules(inverter.system_code)
        return [
            finding(
                "battery.module_not_compatible",
                module=module.code,
                inverter=inverter.system_code,
                compatible=compatible,
                suitable="listed" if compatible else "none",
            )
        ]
    if count in compat.allowed_counts and clusters(count, compat):
        return []
    allowed = sorted(compat.allowed_counts)
    if count < allowed[0]:
        why = "too_few"
    elif count < allowed[-1] and compat.max_clusters > 1:
        why = "even_only"
    else:
        why = "too_many"
    return [
        finding(
            "battery.count_not_allowed",
            count=count,
            module=module.code,
            inverter=inverter.system_code,
            allowed=allowed,
            nearest=nearest_counts(count, compat.allowed_counts),
            why=why,
            minimum=allowed[0],
            maximum=allowed[-1],
            per_cluster=compat.max_per_cluster,
            max_clusters=compat.max_clusters,
        )
    ]


def module_site_findings(
    module: BatteryModule,
    location: str,
    min_ambient_c: float | None,
    catalog: Catalog,
    max_ambient_c: float | None = None,
) -> list[Finding]:
    found: list[Finding] = []
    if module.indoor_only and location == "outdoor":
        outdoor = [m.code for m in catalog.modules.values() if not m.indoor_only]
        found.append(
            finding(
                "battery.indoor_only",
                module=module.code,
                ip=module.ip_rating,
                alternatives=outdoor,
                alternative="listed" if outdoor else "none",
            )
        )
    if min_ambient_c is not None and min_ambient_c < module.min_temperature_c - EPSILON:
        colder = [
            m.code
            for m in catalog.modules.values()
            if m.min_temperature_c <= min_ambient_c
            and not (m.indoor_only and location == "outdoor")
        ]
        found.append(
            finding(
                "battery.temperature",
                module=module.code,
                min_ambient_c=min_ambient_c,
                module_min_c=module.min_temperature_c,
                alternatives=colder,
                alternative="listed" if colder else "none",
            )
        )
    if max_ambient_c is not None and max_ambient_c > module.max_temperature_c + EPSILON:
        found.append(
            finding(
                "battery.too_hot",
                module=module.code,
                max_ambient_c=max_ambient_c,
                module_max_c=module.max_temperature_c,
            )
        )
    return found


def battery_power_kw(inverter: Inverter, module: BatteryModule, split: list[int]) -> float:
    """The power the battery side can carry: the modules of a cluster in series (their
    voltages add), the clusters in parallel (their currents add), and no more current than the
    inverter's battery input takes."""
    volts = module.nominal_voltage_v * split[0]
    amperes = min(module.max_current_a * len(split), inverter.max_battery_current_a)
    return round(volts * amperes / 1000, 6)


def battery_power_finding(
    inverter: Inverter, module: BatteryModule, split: list[int]
) -> Finding | None:
    """A warning when the modules cannot take the inverter's charge power."""
    if not split:
        return None
    power = battery_power_kw(inverter, module, split)
    if power + EPSILON >= inverter.max_charge_power_kw:
        return None
    return finding(
        "battery.power_capped",
        inverter=inverter.system_code,
        module=module.code,
        count=sum(split),
        # "1 cluster", "2 clusters": the word is the same in Dutch and English.
        clusters=Phrase(*[f"{len(split)} cluster{'s' if len(split) > 1 else ''}"] * 2),
        volts=module.nominal_voltage_v * split[0],
        amperes=min(module.max_current_a * len(split), inverter.max_battery_current_a),
        battery_kw=power,
        inverter_kw=inverter.max_charge_power_kw,
    )


def capacity_findings(usable_kwh: float, limits: GridLimits) -> list[Finding]:
    if usable_kwh > limits.pgs37_capacity_kwh + EPSILON:
        return [
            finding("safety.pgs37", usable_kwh=usable_kwh, threshold_kwh=limits.pgs37_capacity_kwh)
        ]
    return []


def headroom_finding(
    inverter: Inverter, module: BatteryModule, compat: Compatibility, count: int
) -> Finding:
    allowed = sorted(compat.allowed_counts)
    larger = [c for c in allowed if c > count]
    parallel = [c for c in larger if c > compat.max_per_cluster]
    first_parallel = parallel[0] if parallel and count <= compat.max_per_cluster else None
    return finding(
        "expansion.headroom",
        inverter=inverter.system_code,
        module=module.code,
        next_counts=larger,
        max_count=allowed[-1],
        max_usable_kwh=battery_energy(module, allowed[-1])[1],
        outlook="grow" if larger else "maximum",
        first_parallel=first_parallel,
        parallel="from" if larger and first_parallel else "none",
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


def inverter_site_findings(
    inverter: Inverter, site: GridSite, limits: GridLimits, catalog: Catalog
) -> list[Finding]:
    """Rules about the inverter on this connection: phases, generation per phase, main fuse."""
    connection = site.connection
    if inverter.phases == 3 and connection.phases == 1:
        single = [i.system_code for i in catalog.inverters.values() if i.phases == 1]
        return [
            finding(
                "inverter.phase_mismatch",
                inverter=inverter.system_code,
                alternatives=single,
                alternative="listed" if single else "none",
            )
        ]
    found: list[Finding] = []
    phase = inverter_phase(site)
    if inverter.phases == 1 and connection.phases == 3:
        found.append(_single_phase_on_three(inverter, site, phase))
    if inverter.phases == 1:
        pv_kw = pv_on_phase(site, phase)
        total = inverter.nominal_power_kw + pv_kw
        if total > limits.single_phase_generation_kw + EPSILON:
            # The largest single-phase inverter that keeps this phase within the limit.
            fitting = sorted(
                (
                    i
                    for i in catalog.inverters.values()
                    if i.phases == 1
                    and i.nominal_power_kw < inverter.nominal_power_kw - EPSILON
                    and i.nominal_power_kw + pv_kw <= limits.single_phase_generation_kw + EPSILON
                ),
                key=lambda i: (-i.nominal_power_kw, i.system_code),
            )
            fix: dict[str, str] = {"fix": "three_phase_connection"}
            if connection.phases == 1:
                fix = (
                    {"fix": "single_phase_smaller", "smaller": fitting[0].system_code}
                    if fitting
                    else {"fix": "single_phase_connection"}
                )
            found.append(
                finding(
                    "grid.single_phase_generation_limit",
                    inverter=inverter.system_code,
                    phase=phase,
                    inverter_kw=inverter.nominal_power_kw,
                    pv_kw=round(pv_kw, 6),
                    total_kw=round(total, 6),
                    limit_kw=limits.single_phase_generation_kw,
                    pv="existing" if round(pv_kw, 6) else "none",
                    **fix,
                )
            )
    fuse = main_fuse_finding(inverter, site, phase)
    if fuse is not None:
        found.append(fuse)
    export = export_finding(inverter, site, phase)
    if export is not None:
        found.append(export)
    if inverter.max_charge_power_kw >= limits.storage_registration_kw - EPSILON:
        found.append(
            finding(
                "registration.energieleveren",
                inverter=inverter.system_code,
                power_kw=inverter.max_charge_power_kw,
                threshold_kw=limits.storage_registration_kw,
            )
        )
    return found


def _single_phase_on_three(inverter: Inverter, site: GridSite, phase: str) -> Finding:
    pv = site.existing_pv
    pv_phase = pv.phase if pv is not None and pv.power_kw else ""
    if pv_phase == "L1":
        why = "pv_on_l1"
    elif pv_phase == "3P":
        why = "pv_spread"
    elif pv_phase:
        why = "pv_elsewhere"
    else:
        why = "no_pv"
    return finding(
        "inverter.single_phase_on_three_phase",
        inverter=inverter.system_code,
        phase=phase,
        why=why,
        pv_phase=pv_phase,
    )


def ems_grid_charge_limit_kw(inverter: Inverter, site: GridSite) -> float | None:
    """The grid-charging power the main fuse leaves room for; None when it leaves enough.

    0 means: switch grid charging off. ``design`` reports this number and the
    ``grid.main_fuse_capacity`` finding advises it, so both come from here.
    """
    if inverter.phases < 1 or inverter.nominal_voltage_v <= 0:
        return None  # a catalogue row without a voltage cannot give a current
    available = site.connection.main_fuse_a - site.household_load_a
    if charge_current_a(inverter) <= available + EPSILON:
        return None
    return round(max(available, 0.0) * inverter.phases * inverter.nominal_voltage_v / 1000, 2)


def port_breaker_finding(inverter: Inverter, backup: str, site: GridSite) -> Finding | None:
    """The error ``design`` raises (through the board check) when the grid-port breaker this
    inverter needs with this backup choice is larger than the main fuse; ``suggest`` asks it
    before offering the combination."""
    rating = grid_port_breaker_a(inverter, backup)
    main = site.connection.main_fuse_a
    if rating is None or rating <= main + EPSILON:
        return None
    return finding(
        "board.breaker_above_main_fuse",
        circuit="ac_grid",
        what="group",
        final_circuits=None,
        rating=rating,
        main_fuse_a=main,
    )


def export_finding(inverter: Inverter, site: GridSite, phase: str) -> Finding | None:
    """A warning when the battery discharging at full power and the PV together can push
    more current back through the main fuse than it carries, on the busiest phase."""
    volts = inverter.nominal_voltage_v
    if volts <= 0:
        return None
    phases = PHASES if site.connection.phases == 3 else ("L1",)
    worst, worst_phase, worst_pv = 0.0, phase, 0.0
    for candidate in phases:
        battery = 0.0
        if inverter.phases == 3 or candidate == phase:
            battery = inverter.nominal_power_kw * 1000 / (inverter.phases * volts)
        pv = pv_on_phase(site, candidate) * 1000 / volts
        if battery + pv > worst + EPSILON:
            worst, worst_phase, worst_pv = battery + pv, candidate, pv
    main = site.connection.main_fuse_a
    if worst <= main + EPSILON:
        return None
    limit_kw = max(main - worst_pv, 0.0) * inverter.phases * volts / 1000
    return finding(
        "grid.export_main_fuse",
        inverter=inverter.system_code,
        phase=worst_phase,
        current_a=round(worst, 2),
        pv_a=round(worst_pv, 2),
        main_fuse_a=main,
        limit_kw=round(limit_kw, 2),
    )


def main_fuse_finding(inverter: Inverter, site: GridSite, phase: str) -> Finding | None:
    ems_kw = ems_grid_charge_limit_kw(inverter, site)
    if ems_kw is None:
        return None
    available = site.connection.main_fuse_a - site.household_load_a
    return finding(
        "grid.main_fuse_capacity",
        inverter=inverter.system_code,
        charge_kw=inverter.max_charge_power_kw,
        current_a=charge_current_a(inverter),
        where="three_phases" if inverter.phases == 3 else "one_phase",
        phase=phase,
        connection_phases=site.connection.phases,
        main_fuse_a=site.connection.main_fuse_a,
        available_a=max(available, 0.0),
        household="load" if site.household_load_a else "none",
        household_load_a=site.household_load_a,
        fix="limit" if ems_kw > 0 else "switch_off",
        ems_kw=ems_kw,
    )
