"""Every valid configuration for a site, so the wizard only offers choices that work.

Runs the same rule functions as ``design`` but only on what varies: the
inverter rules once per inverter, the module rules once per module, the
capacity rules once per capacity. No Design and no pint in the loop.
:func:`suggest_with_reasons` adds why the other choices are not offered, from
the same rule functions, so a caller need not try a ``design`` per choice.
"""

from __future__ import annotations

from decimal import Decimal

from sizing.bom import BACKUP_OPTIONS, accessory_kinds, cents
from sizing.domain import Catalog, Inverter
from sizing.schema import Finding, Severity, Site, Suggestion, SuggestResult, Verdict
from sizing.system.limits import grid_limits
from sizing.system.rules import (
    GridSite,
    battery_energy,
    battery_power_finding,
    capacity_findings,
    clusters,
    count_findings,
    inverter_site_findings,
    module_site_findings,
    port_breaker_finding,
)


def _warnings(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings if f.severity is Severity.WARNING]


def _errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity is Severity.ERROR]


def _any_error(findings: list[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)


def _backup_options(catalog: Catalog, inverter: Inverter) -> list[tuple[str, Decimal, list[str]]]:
    """Per backup choice: the accessories' price and a warning when one is not in the catalogue."""
    options = []
    for backup in BACKUP_OPTIONS:
        total = Decimal(0)
        missing = False
        for kind in accessory_kinds(backup, shutdown_kit=False):
            accessory = catalog.accessory(inverter.system_code, kind)
            if accessory is None:
                missing = True
            else:
                total += cents(accessory.price_eur)
        options.append((backup, total, ["backup.accessory_missing"] if missing else []))
    return options


def suggest(site: Site, catalog: Catalog) -> list[Suggestion]:
    """All valid (inverter, module, count, backup) combinations for ``site``, best first.

    With a target (usable kWh and/or power) the closest come first: smallest
    deviation from the usable-kWh target, then from the power target, then
    the lowest price. With only a budget: the most usable kWh, then the lowest
    price. Without either: by inverter power, inverter, capacity.
    ``must_have_backup`` keeps only the choices with a backup solution, and a
    budget only those whose price is within it. ``score`` is the deviation that
    ranks first (kWh, or kW without a kWh target); None without a target.
    ``price_excl_vat_eur`` covers the inverter, the modules and the backup
    accessories ``design`` orders for that choice; installation material from
    the plan (cables, breakers, board) comes on top.
    """
    return _affordable(site, _within(site, _valid(site, catalog)))[0]


def _within(site: Site, ranked: list[Suggestion]) -> list[Suggestion]:
    """The suggestions that have what the site must have (a backup solution)."""
    return [s for s in ranked if s.backup != "none"] if site.must_have_backup else ranked


def _affordable(site: Site, ranked: list[Suggestion]) -> tuple[list[Suggestion], list[Suggestion]]:
    """(within the budget, over it), each in its order."""
    budget = site.budget_excl_vat_eur
    if budget is None:
        return ranked, []
    return (
        [s for s in ranked if s.price_excl_vat_eur <= budget],
        [s for s in ranked if s.price_excl_vat_eur > budget],
    )


def _valid(site: Site, catalog: Catalog) -> list[Suggestion]:
    """Every valid combination, ranked; what the preferences narrow and the verdicts judge."""
    limits = grid_limits()
    grid = GridSite(site.connection, site.existing_pv, site.household_load_a)
    module_findings = {
        code: module_site_findings(
            module, site.location, site.min_ambient_c, catalog, site.max_ambient_c
        )
        for code, module in catalog.modules.items()
    }
    # Many inverters take the same module counts: write each capacity's findings once.
    capacity_warnings: dict[float, list[str]] = {}
    results: list[tuple[tuple[object, ...], Suggestion]] = []
    for inverter in catalog.inverters.values():
        inverter_findings = inverter_site_findings(inverter, grid, limits, catalog)
        if _any_error(inverter_findings):
            continue
        backups = [
            option
            for option in _backup_options(catalog, inverter)
            if port_breaker_finding(inverter, option[0], grid) is None
        ]
        if not backups:
            continue
        inverter_price = cents(inverter.price_eur)
        for code, module in catalog.modules.items():
            compat = catalog.compatibility_for(inverter.system_code, code)
            if compat is None or _any_error(module_findings[code]):
                continue
            base_warnings = _warnings(inverter_findings) + _warnings(module_findings[code])
            module_price = cents(module.price_eur)
            for count in sorted(compat.allowed_counts):
                split = clusters(count, compat)
                if not split:
                    continue
                nominal, usable = battery_energy(module, count)
                if usable not in capacity_warnings:
                    capacity_warnings[usable] = _warnings(capacity_findings(usable, limits))
                capped = battery_power_finding(inverter, module, split)
                count_warnings = capacity_warnings[usable] + ([capped.code] if capped else [])
                for order, (backup, backup_price, backup_warnings) in enumerate(backups):
                    total = inverter_price + module_price * count + backup_price
                    suggestion = Suggestion(
                        inverter=inverter.system_code,
                        module=code,
                        count=count,
                        backup=backup,
                        phases=inverter.phases,
                        power_kw=inverter.nominal_power_kw,
                        usable_kwh=usable,
                        nominal_kwh=nominal,
                        clusters=split,
                        price_excl_vat_eur=total,
                        warnings=base_warnings + count_warnings + backup_warnings,
                    )
                    results.append((_rank(site, suggestion, order), suggestion))
    results.sort(key=lambda item: item[0])
    ranked = [s for _, s in results]
    if site.target_usable_kwh is not None or site.target_power_kw is not None:
        for s in ranked:
            s.score = _score(site, s)
    return ranked


def suggest_with_reasons(site: Site, catalog: Catalog) -> SuggestResult:
    """:func:`suggest`, and a verdict on every inverter and every (inverter, module) pair.

    A verdict's reasons are the errors ``design`` reports for that choice at ``site``: for
    an inverter its own errors on this connection or, when none of its modules may stand
    here, the first module's; for a module with an inverter the module's errors at this
    place and at the inverter's smallest allowed count (the inverter's own errors are on
    the inverter's verdict).
    """
    valid = _valid(site, catalog)
    suggestions, over = _affordable(site, _within(site, valid))
    limits = grid_limits()
    grid = GridSite(site.connection, site.existing_pv, site.household_load_a)
    # Preferences narrow the suggestions, not what may be built: verdicts judge every valid one.
    offered = {(s.inverter, s.module) for s in valid}
    site_findings = {
        code: module_site_findings(
            module, site.location, site.min_ambient_c, catalog, site.max_ambient_c
        )
        for code, module in catalog.modules.items()
    }
    inverters: list[Verdict] = []
    modules: list[Verdict] = []
    for inverter in catalog.inverters.values():
        own: list[Verdict] = []
        for code, module in catalog.modules.items():
            compat = catalog.compatibility_for(inverter.system_code, code)
            is_offered = (inverter.system_code, code) in offered
            reasons: list[Finding] = []
            if not is_offered:
                count = min(compat.allowed_counts) if compat is not None else 1
                reasons = _errors(site_findings[code]) + _errors(
                    count_findings(inverter, module, compat, count, catalog)
                )
            warnings = _warning_findings(site_findings[code])
            if compat is not None:
                # design's warning at the smallest count, the one the verdict speaks of
                split = clusters(min(compat.allowed_counts), compat)
                capped = battery_power_finding(inverter, module, split)
                warnings += [capped] if capped is not None else []
            own.append(
                Verdict(
                    inverter=inverter.system_code,
                    module=code,
                    offered=is_offered,
                    reasons=reasons,
                    warnings=warnings,
                )
            )
        modules.extend(own)
        findings = inverter_site_findings(inverter, grid, limits, catalog)
        is_offered = any(v.offered for v in own)
        reasons = [] if is_offered else _errors(findings)
        if not is_offered and not reasons:
            # The inverter fits this connection, but none of its modules may stand here, or
            # (design only plans circuits for a system that can be built) its grid-port
            # breaker is larger than the main fuse.
            compatible = set(catalog.compatible_modules(inverter.system_code))
            reasons = next((v.reasons[:1] for v in own if v.module in compatible), [])
        if not is_offered and not reasons:
            too_large = port_breaker_finding(inverter, "none", grid)
            reasons = [too_large] if too_large is not None else []
        inverters.append(
            Verdict(
                inverter=inverter.system_code,
                offered=is_offered,
                reasons=reasons,
                warnings=_warning_findings(findings),
            )
        )
    return SuggestResult(
        suggestions=suggestions,
        inverters=inverters,
        modules=modules,
        over_budget=len(over),
        cheapest_over_budget_eur=min((s.price_excl_vat_eur for s in over), default=None),
    )


def _warning_findings(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity is Severity.WARNING]


def _score(site: Site, s: Suggestion) -> float:
    if site.target_usable_kwh is not None:
        return round(abs(s.usable_kwh - site.target_usable_kwh), 6)
    assert site.target_power_kw is not None
    return round(abs(s.power_kw - site.target_power_kw), 6)


def _rank(site: Site, s: Suggestion, backup_order: int) -> tuple[object, ...]:
    tail = (s.inverter, s.module, s.count, backup_order)
    if site.target_usable_kwh is None and site.target_power_kw is None:
        if site.budget_excl_vat_eur is not None:
            # The most storage the budget buys, then the cheapest way to get it.
            return (-s.usable_kwh, bool(s.warnings), s.price_excl_vat_eur, *tail)
        return (s.power_kw, s.inverter, s.usable_kwh, s.price_excl_vat_eur, *tail)
    kwh_gap = abs(s.usable_kwh - site.target_usable_kwh) if site.target_usable_kwh else 0.0
    power_gap = abs(s.power_kw - site.target_power_kw) if site.target_power_kw else 0.0
    # Equally close, a system that needs no attention (no warning) is recommended over a
    # cheaper one that does (an inverter whose charging the main fuse cannot carry).
    needs_attention = bool(s.warnings)
    return (round(kwh_gap, 6), round(power_gap, 6), needs_attention, s.price_excl_vat_eur, *tail)
