"""The engine's entry points: :func:`design` checks and prices one configuration,
:func:`suggest` lists every valid configuration for a site.

Both read product figures only from the catalogue they are given and grid
thresholds only from :mod:`sizing.limits`; both apply the same rule functions
(:mod:`sizing.rules`).
"""

from __future__ import annotations

from sizing import ENGINE_VERSION, installation
from sizing.bom import accessory_lines, line, plan_lines, totals
from sizing.domain import AccessoryKind, Catalog, ip_water_digit
from sizing.figures import CatalogFigures, InverterFigures, closest_codes, figures_for
from sizing.limits import GridLimits, grid_limits
from sizing.messages import SEVERITY_ORDER, Hit, render_all
from sizing.rules import (
    GridSite,
    battery_energy,
    capacity_hits,
    clusters,
    count_hits,
    grid_charge_current,
    headroom_hit,
    inverter_phase,
    inverter_site_hits,
    module_site_hits,
)
from sizing.schema import (
    BatterySummary,
    BomLine,
    Design,
    DesignRequest,
    Finding,
    Severity,
    TraceStep,
)
from sizing.suggest import suggest
from sizing.wording import number

__all__ = ["design", "suggest"]


def design(request: DesignRequest, catalog: Catalog) -> Design:
    """Validate ``request`` against ``catalog`` and return the design with findings and BoM.

    Never raises for a request that passed validation: everything wrong with
    the configuration becomes an error finding and ``valid`` is False.
    """
    figures = figures_for(catalog)
    limits = grid_limits()
    hits: list[Hit] = []
    trace: list[TraceStep] = []
    bom: list[BomLine] = []
    site = GridSite(request.connection, request.existing_pv, request.options.household_load_a)

    inverter = figures.inverters.get(request.inverter)
    if inverter is None:
        hits.append(_unknown("inverter.unknown", request.inverter, figures.inverter_aliases))
    else:
        hits.extend(inverter_site_hits(inverter, site, limits, figures))
        trace.extend(_inverter_trace(inverter, site))
        bom.append(line(inverter.inverter, 1, "inverter"))

    selection = _merge(request)
    for code in selection:
        if code not in figures.modules:
            hits.append(_unknown("battery.module_unknown", code, figures.module_aliases))
    if len(selection) > 1:
        hits.append(Hit("battery.mixed_modules", {"modules": list(selection)}))

    battery, usable_total = _battery(request, selection, inverter, figures, hits, trace, bom)
    hits.extend(capacity_hits(usable_total, limits))
    if usable_total:
        trace.append(_pgs37_step(usable_total, limits))

    if inverter is not None:
        lines, accessory_hits = accessory_lines(
            figures, inverter.code, request.backup, request.shutdown_kit
        )
        bom.extend(lines)
        hits.extend(accessory_hits)
    if request.backup == "backup_box" and request.location == "outdoor":
        hits.extend(_backup_box_outdoors(figures, request.inverter))

    findings = render_all(hits)
    circuits, board = [], None
    if inverter is not None and not any(f.severity is Severity.ERROR for f in findings):
        # The installation is only planned for a system that can be built.
        planned = installation.plan(request, catalog, inverter.inverter)
        circuits, board = planned.circuits, planned.board
        trace.extend(planned.trace)
        lines, plan_hits = plan_lines(figures, planned.lines)
        bom.extend(lines)
        findings = _by_severity([*findings, *planned.findings, *render_all(plan_hits)])

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
    )


def _by_severity(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: SEVERITY_ORDER[f.severity])


def _merge(request: DesignRequest) -> dict[str, int]:
    """Module code -> total count; two lines of the same module are one string of modules."""
    selection: dict[str, int] = {}
    for item in request.batteries:
        selection[item.module] = selection.get(item.module, 0) + item.count
    return selection


def _unknown(code: str, text: str, aliases: dict[str, str]) -> Hit:
    return Hit(
        code,
        {
            "code": text,
            "suggestions": closest_codes(text, aliases),
            "available": sorted(set(aliases.values())),
        },
    )


def _battery(
    request: DesignRequest,
    selection: dict[str, int],
    inverter: InverterFigures | None,
    figures: CatalogFigures,
    hits: list[Hit],
    trace: list[TraceStep],
    bom: list[BomLine],
) -> tuple[BatterySummary | None, float]:
    """Rules, trace and BoM lines of the modules; the summary when there is one module type."""
    usable_total = 0.0
    summary = None
    for code, count in selection.items():
        module = figures.modules.get(code)
        if module is None:
            continue
        hits.extend(module_site_hits(module, request.location, request.min_ambient_c, figures))
        bom.append(line(module.module, count, "battery"))
        nominal, usable = battery_energy(module, count)
        usable_total += usable
        trace.append(
            TraceStep(
                step="Batterijcapaciteit",
                value=(
                    f"{count} × {number(module.usable_kwh, 'nl')} kWh = {number(usable, 'nl')} kWh "
                    f"bruikbaar ({number(nominal, 'nl')} kWh nominaal)"
                ),
                basis=f"Catalogus: {code}, nominale en bruikbare capaciteit per module",
            )
        )
        if inverter is None or len(selection) > 1:
            continue
        compat = figures.compatibility.get((inverter.code, code))
        count_problems = count_hits(inverter, module, compat, count, figures)
        hits.extend(count_problems)
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
            hits.append(headroom_hit(inverter, module, compat, count))
            trace.append(
                TraceStep(
                    step="Clusters",
                    value=" + ".join(str(n) for n in split) + " modules",
                    basis=(
                        f"Max. {compat.max_per_cluster} modules in serie per cluster, "
                        f"max. {compat.max_clusters} gelijke clusters parallel (catalogus)"
                    ),
                )
            )
    return summary, round(usable_total, 6)


def _inverter_trace(inverter: InverterFigures, site: GridSite) -> list[TraceStep]:
    phases = "3-fase" if inverter.phases == 3 else f"1-fase op {inverter_phase(site)}"
    current = grid_charge_current(inverter)
    return [
        TraceStep(
            step="Omvormer",
            value=f"{inverter.code}: {phases}, {number(inverter.nominal_kw, 'nl')} kW",
            basis="Catalogus: nominaal uitgangsvermogen en fase",
        ),
        TraceStep(
            step="Laadstroom uit het net per fase",
            value=(
                f"{number(inverter.grid_input_kw, 'nl')} kW / ({inverter.phases} × "
                f"{number(inverter.voltage_v, 'nl')} V) = {number(current, 'nl', 1)} A; "
                f"hoofdzekering {number(site.connection.main_fuse_a, 'nl')} A"
            ),
            basis="Catalogus: nominaal ingangsvermogen (netvoeding); I = P / (fasen × U)",
        ),
    ]


def _pgs37_step(usable_kwh: float, limits: GridLimits) -> TraceStep:
    return TraceStep(
        step="Drempel PGS 37-1",
        value=(
            f"{number(usable_kwh, 'nl')} kWh bruikbaar; drempel "
            f"{number(limits.pgs37_capacity_kwh, 'nl')} kWh"
        ),
        basis=limits.pgs37_capacity.reference,
    )


def _backup_box_outdoors(figures: CatalogFigures, inverter_code: str) -> list[Hit]:
    box = figures.accessory(inverter_code, AccessoryKind.BACKUP_BOX)
    if box is None or not box.ip_rating or ip_water_digit(box.ip_rating) >= 4:
        return []
    return [Hit("backup.box_indoor_only", {"name": box.name("nl"), "ip": box.ip_rating})]
