"""The engine's entry points: :func:`design` checks and prices one configuration,
:func:`suggest` lists every valid configuration for a site
(:func:`suggest_with_reasons` also says why the other choices are not offered).

Both read product figures only from the catalogue they are given and grid
thresholds only from :mod:`sizing.system.limits`; both apply the same rule functions
(:mod:`sizing.system.rules`).
"""

from __future__ import annotations

from typing import TypedDict

from sizing import ENGINE_VERSION
from sizing.bom import accessory_lines, line, plan_lines, totals
from sizing.cable.types import refusals
from sizing.domain import AccessoryKind, BatteryModule, Catalog, Inverter, ip_water_digit
from sizing.findings import by_severity, finding
from sizing.installation import plan as installation
from sizing.notes import both, en, nl, trace_step
from sizing.schema import (
    BatterySummary,
    BomLine,
    Design,
    DesignRequest,
    Finding,
    Severity,
    TraceStep,
)
from sizing.system.codes import closest_codes
from sizing.system.currents import charge_current_a
from sizing.system.limits import GridLimits, grid_limits
from sizing.system.rules import (
    GridSite,
    battery_energy,
    battery_power_finding,
    battery_power_kw,
    capacity_findings,
    clusters,
    count_findings,
    ems_grid_charge_limit_kw,
    headroom_finding,
    inverter_phase,
    inverter_site_findings,
    module_site_findings,
)
from sizing.system.suggest import suggest, suggest_with_reasons
from sizing.system.summary import inverter_summary

__all__ = ["design", "suggest", "suggest_with_reasons"]


def design(request: DesignRequest, catalog: Catalog) -> Design:
    """Validate ``request`` against ``catalog`` and return the design with findings and BoM.

    Never raises for a request that passed validation: everything wrong with
    the configuration becomes an error finding and ``valid`` is False.
    """
    limits = grid_limits()
    found: list[Finding] = []
    trace: list[TraceStep] = []
    bom: list[BomLine] = []
    site = GridSite(request.connection, request.existing_pv, request.options.household_load_a)

    inverter = catalog.inverters.get(request.inverter)
    if inverter is None:
        found.append(
            finding("inverter.unknown", **_unknown(request.inverter, catalog.inverter_aliases))
        )
    else:
        found.extend(inverter_site_findings(inverter, site, limits, catalog))
        trace.extend(_inverter_trace(inverter, site))
        bom.append(line(inverter, 1, "inverter"))

    selection = _merge(request)
    for code in selection:
        if code not in catalog.modules:
            found.append(
                finding("battery.module_unknown", **_unknown(code, catalog.module_aliases))
            )
    if len(selection) > 1:
        found.append(finding("battery.mixed_modules", modules=list(selection)))

    battery, usable_total = _battery(request, selection, inverter, catalog, found, trace, bom)
    found.extend(capacity_findings(usable_total, limits))
    if usable_total:
        trace.append(_pgs37_step(usable_total, limits))

    if inverter is not None:
        lines, missing = accessory_lines(
            catalog, inverter.system_code, request.backup, request.shutdown_kit
        )
        bom.extend(lines)
        found.extend(missing)
    if request.backup == "backup_box" and request.location == "outdoor":
        found.extend(_backup_box_outdoors(catalog, request.inverter))

    # A cable run its own type forbids would be rated from another type's table column.
    found.extend(r.finding for r in refusals(request, catalog))

    findings = by_severity(found)
    circuits, board = [], None
    if inverter is not None and not any(f.severity is Severity.ERROR for f in findings):
        # The installation is only planned for a system that can be built.
        planned = installation.plan(request, catalog, inverter)
        circuits, board = planned.circuits, planned.board
        trace.extend(planned.trace)
        lines, unknown_articles = plan_lines(catalog, planned.lines)
        bom.extend(lines)
        findings = by_severity([*findings, *planned.findings, *unknown_articles])

    return Design(
        valid=not any(f.severity is Severity.ERROR for f in findings),
        engine_version=ENGINE_VERSION,
        catalog_version=catalog.version,
        request=request,
        findings=findings,
        battery=battery,
        circuits=circuits,
        board=board,
        bom=bom,
        totals=totals(bom),
        trace=trace,
        ems_grid_charge_limit_kw=_ems_charge_limit(inverter, site, findings),
        inverter=inverter_summary(inverter) if inverter is not None else None,
    )


def _ems_charge_limit(
    inverter: Inverter | None, site: GridSite, findings: list[Finding]
) -> float | None:
    """The EMS limit the main-fuse finding advises, when that finding was raised."""
    if inverter is None or not any(f.code == "grid.main_fuse_capacity" for f in findings):
        return None
    return ems_grid_charge_limit_kw(inverter, site)


def _merge(request: DesignRequest) -> dict[str, int]:
    """Module code -> total count; two lines of the same module are one string of modules."""
    selection: dict[str, int] = {}
    for item in request.batteries:
        selection[item.module] = selection.get(item.module, 0) + item.count
    return selection


class _Unknown(TypedDict):
    given: str
    suggestions: list[str]
    available: list[str]
    next_step: str


def _unknown(text: str, aliases: dict[str, str]) -> _Unknown:
    """What an unknown-code finding says: what was typed and what the installer may have meant."""
    suggestions = closest_codes(text, aliases)
    return {
        "given": text,
        "suggestions": suggestions,
        "available": sorted(set(aliases.values())),
        "next_step": "suggest" if suggestions else "choose",
    }


def _battery(
    request: DesignRequest,
    selection: dict[str, int],
    inverter: Inverter | None,
    catalog: Catalog,
    found: list[Finding],
    trace: list[TraceStep],
    bom: list[BomLine],
) -> tuple[BatterySummary | None, float]:
    """Rules, trace and BoM lines of the modules; the summary when there is one module type."""
    usable_total = 0.0
    summary = None
    for code, count in selection.items():
        module = catalog.modules.get(code)
        if module is None:
            continue
        found.extend(
            module_site_findings(
                module, request.location, request.min_ambient_c, catalog, request.max_ambient_c
            )
        )
        bom.append(line(module, count, "battery"))
        nominal, usable = battery_energy(module, count)
        usable_total += usable
        trace.append(
            trace_step(
                "battery.capacity",
                ("Batterijcapaciteit", "Battery capacity"),
                (
                    f"{count} × {nl(module.usable_kwh)} kWh = {nl(usable)} kWh bruikbaar "
                    f"({nl(nominal)} kWh nominaal)",
                    f"{count} × {en(module.usable_kwh)} kWh = {en(usable)} kWh usable "
                    f"({en(nominal)} kWh nominal)",
                ),
                (
                    f"Catalogus: {code}, nominale en bruikbare capaciteit per module",
                    f"Catalogue: {code}, nominal and usable capacity per module",
                ),
            )
        )
        if inverter is None or len(selection) > 1:
            continue
        compat = catalog.compatibility_for(inverter.system_code, code)
        count_problems = count_findings(inverter, module, compat, count, catalog)
        found.extend(count_problems)
        if compat is None:
            continue
        split = clusters(count, compat) if not count_problems else []
        allowed = sorted(compat.allowed_counts)
        summary = BatterySummary(
            module=code,
            count=count,
            clusters=split,
            nominal_kwh=nominal,
            usable_kwh=usable,
            max_count=allowed[-1],
            max_usable_kwh=battery_energy(module, allowed[-1])[1],
            next_counts=[c for c in allowed if c > count],
        )
        if not count_problems:
            found.append(headroom_finding(inverter, module, compat, count))
            capped = battery_power_finding(inverter, module, split)
            if capped is not None:
                found.append(capped)
            trace.append(_power_step(inverter, module, split))
            strings = " + ".join(str(n) for n in split) + (" module" if count == 1 else " modules")
            parallel = compat.max_clusters > 1
            trace.append(
                trace_step(
                    "battery.clusters",
                    ("Clusters", "Clusters"),
                    (strings, strings),
                    (
                        f"Max. {compat.max_per_cluster} modules in serie per cluster, "
                        + (
                            f"max. {compat.max_clusters} gelijke clusters parallel (catalogus)"
                            if parallel
                            else "één cluster, niet parallel (catalogus)"
                        ),
                        f"Max. {compat.max_per_cluster} modules in series per cluster, "
                        + (
                            f"max. {compat.max_clusters} equal clusters in parallel (catalogue)"
                            if parallel
                            else "one cluster, not in parallel (catalogue)"
                        ),
                    ),
                )
            )
    return summary, round(usable_total, 6)


def _power_step(inverter: Inverter, module: BatteryModule, split: list[int]) -> TraceStep:
    volts = module.nominal_voltage_v * split[0]
    amperes = min(module.max_current_a * len(split), inverter.max_battery_current_a)
    power = battery_power_kw(inverter, module, split)
    return trace_step(
        "battery.power",
        ("Vermogen batterijzijde", "Battery-side power"),
        both(
            lambda n: (
                f"{split[0]} × {n(module.nominal_voltage_v)} V × min({len(split)} × "
                f"{n(module.max_current_a)} A; {n(inverter.max_battery_current_a)} A) = "
                f"{n(volts)} V × {n(amperes)} A = {n(power)} kW; "
                f"{n.t('omvormer', 'inverter')} {n(inverter.max_charge_power_kw)} kW"
            )
        ),
        (
            "Catalogus: nominale spanning en max. stroom per module, max. batterijstroom en "
            "max. laadvermogen van de omvormer; modules in een cluster in serie, clusters "
            "parallel",
            "Catalogue: nominal voltage and max. current per module, the inverter's max. battery "
            "current and max. charge power; modules of a cluster in series, clusters in parallel",
        ),
    )


def _inverter_trace(inverter: Inverter, site: GridSite) -> list[TraceStep]:
    if inverter.phases == 3:
        phases = ("3-fase", "three-phase")
    else:
        phases = (f"1-fase op {inverter_phase(site)}", f"single-phase on {inverter_phase(site)}")
    current = charge_current_a(inverter)
    main_fuse = site.connection.main_fuse_a
    return [
        trace_step(
            "system.inverter",
            ("Omvormer", "Inverter"),
            (
                f"{inverter.system_code}: {phases[0]}, {nl(inverter.nominal_power_kw)} kW",
                f"{inverter.system_code}: {phases[1]}, {en(inverter.nominal_power_kw)} kW",
            ),
            (
                "Catalogus: nominaal uitgangsvermogen en fase",
                "Catalogue: nominal output power and phases",
            ),
        ),
        trace_step(
            "system.grid_charging_current",
            ("Laadstroom uit het net per fase", "Grid charging current per phase"),
            both(
                lambda n: (
                    f"{n(inverter.max_charge_power_kw)} kW / ({inverter.phases} × "
                    f"{n(inverter.nominal_voltage_v)} V) = {n(current)} A; "
                    f"{n.t('hoofdzekering', 'main fuse')} {n(main_fuse)} A"
                )
            ),
            (
                "Catalogus: max. laadvermogen; I = P / (fasen × U). Noodstroomverbruikers "
                "zijn huishoudelijk verbruik en tellen daar mee",
                "Catalogue: max. charge power; I = P / (phases × U). Backup loads are household "
                "load and count there",
            ),
        ),
    ]


def _pgs37_step(usable_kwh: float, limits: GridLimits) -> TraceStep:
    return trace_step(
        "safety.pgs37_threshold",
        ("Drempel PGS 37-1", "PGS 37-1 threshold"),
        both(
            lambda n: (
                f"{n(usable_kwh)} kWh {n.t('bruikbaar', 'usable')}; "
                f"{n.t('drempel', 'threshold')} {n(limits.pgs37_capacity_kwh)} kWh"
            )
        ),
        (limits.pgs37_capacity.reference, limits.pgs37_capacity.reference_en),
    )


def _backup_box_outdoors(catalog: Catalog, inverter_code: str) -> list[Finding]:
    box = catalog.accessory(inverter_code, AccessoryKind.BACKUP_BOX)
    if box is None or not box.ip_rating or ip_water_digit(box.ip_rating) >= 4:
        return []
    return [finding("backup.box_indoor_only", name=box.name("nl"), ip=box.ip_rating)]
