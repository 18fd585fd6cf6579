"""suggest(): every valid configuration for a site, and nothing the engine would reject."""

from __future__ import annotations

from typing import Any

import pytest

from sizing.bom import BACKUP_KINDS
from sizing.engine import design, suggest, suggest_with_reasons
from sizing.findings import battery, grid, inverter
from sizing.schema import DesignRequest, Severity, Site
from tests.sizing.engine_helpers import BAT38, BAT45, BAT93, S5, T10, T15, T20, replaced

# What suggest checks: the system's own rules, before circuits and the board are planned.
SYSTEM_CODES = {e.code for e in (*inverter.ENTRIES, *battery.ENTRIES, *grid.ENTRIES)} | {
    "backup.accessory_missing",
    "backup.box_indoor_only",
    "bom.article_unknown",
}


def site(phases: int = 3, main_fuse_a: float = 35, **fields: Any) -> Site:
    return Site.model_validate(
        {"connection": {"phases": phases, "main_fuse_a": main_fuse_a}, **fields}
    )


def as_request(where: Site, s) -> DesignRequest:
    return DesignRequest(
        connection=where.connection,
        inverter=s.inverter,
        batteries=[{"module": s.module, "count": s.count}],
        backup=s.backup,
        location=where.location,
        min_ambient_c=where.min_ambient_c,
        max_ambient_c=where.max_ambient_c,
        existing_pv=where.existing_pv,
        options={"household_load_a": where.household_load_a},
    )


SITES = [
    site(),
    site(phases=1, main_fuse_a=35),
    site(phases=1, main_fuse_a=25, existing_pv={"power_kw": 3, "phase": "L1"}),
    site(main_fuse_a=25, location="outdoor", min_ambient_c=-15),
    site(main_fuse_a=25, existing_pv={"power_kw": 4, "phase": "3P"}, household_load_a=10),
    site(location="outdoor", min_ambient_c=-20, target_usable_kwh=30),
    site(min_ambient_c=5, max_ambient_c=45, target_power_kw=20),
]


@pytest.mark.parametrize("where", SITES)
def test_every_suggestion_is_a_design_without_errors_and_the_same_warnings(catalog, where):
    suggestions = suggest(where, catalog)
    assert suggestions
    for s in suggestions:
        result = design(as_request(where, s), catalog)
        assert result.valid, (s, result.findings)
        engine_warnings = {
            f.code
            for f in result.findings
            if f.severity is Severity.WARNING and f.code in SYSTEM_CODES
        }
        assert engine_warnings == set(s.warnings)
        assert result.battery.usable_kwh == s.usable_kwh
        assert result.battery.clusters == s.clusters
        # The suggestion's price: inverter, modules and the accessories of the backup choice,
        # each of which the design orders too; installation material comes on top.
        accessories = [catalog.accessory(s.inverter, kind) for kind in BACKUP_KINDS[s.backup]]
        assert s.price_excl_vat_eur == (
            catalog.inverters[s.inverter].price_eur
            + s.count * catalog.modules[s.module].price_eur
            + sum(a.price_eur for a in accessories)
        )
        assert {a.article for a in accessories} <= {b.article for b in result.bom}


def test_it_offers_every_combination_of_the_brochure_on_an_unconstrained_site(catalog):
    # Brochure counts: S family 3 inverters × 3 modules × 4 counts; T4–T10 5 × (6 + 9 + 9);
    # T15/T20 2 × (5 + 8 + 8); each with three backup choices.
    combinations = 3 * 3 * 4 + 5 * (6 + 9 + 9) + 2 * (5 + 8 + 8)
    assert len(suggest(site(main_fuse_a=80), catalog)) == combinations * 3


def test_a_single_phase_connection_gets_only_single_phase_inverters(catalog):
    suggestions = suggest(site(phases=1), catalog)
    assert {s.phases for s in suggestions} == {1}


def test_outdoors_the_ip21_module_is_not_offered(catalog):
    assert BAT38 not in {s.module for s in suggest(site(location="outdoor"), catalog)}


def test_in_the_cold_the_sensitive_module_is_not_offered(catalog):
    # Below its operating range a module is an error (issue: a design an inspector signs).
    suggestions = suggest(site(min_ambient_c=-15), catalog)
    assert not [s for s in suggestions if s.module == BAT38]
    assert [s for s in suggestions if s.module == BAT93]


def test_it_never_offers_counts_outside_the_brochure(catalog):
    suggestions = suggest(site(main_fuse_a=80), catalog)
    assert not {s.count for s in suggestions} & {7, 9, 11}
    assert all(s.count >= 2 for s in suggestions if s.inverter in (T15, T20))
    assert max(s.count for s in suggestions if s.module == BAT45) == 6


def test_with_a_capacity_target_the_closest_comes_first_then_the_cheapest(catalog):
    suggestions = suggest(site(target_usable_kwh=20), catalog)
    gaps = [s.score for s in suggestions]
    assert gaps == sorted(gaps)
    best = suggestions[0]
    assert best.score == pytest.approx(min(abs(s.usable_kwh - 20) for s in suggestions))
    ties = [s for s in suggestions if s.score == best.score and not s.warnings]
    assert not best.warnings
    assert best.price_excl_vat_eur == min(s.price_excl_vat_eur for s in ties)


def test_equally_close_a_system_without_warnings_beats_a_cheaper_one_with_them(catalog):
    # 15 kWh on 3×25 A with 10 A of household load: the single-phase S3.6 with 4 × BAT-3.8S
    # is cheapest, but its 16 A of charging on one phase is more than the 15 A the main fuse
    # leaves; a three-phase inverter spreads its charging and needs no such care.
    suggestions = suggest(site(main_fuse_a=25, household_load_a=10, target_usable_kwh=15), catalog)
    first = suggestions[0]
    cheaper = [
        s
        for s in suggestions
        if s.score == first.score and s.price_excl_vat_eur < first.price_excl_vat_eur
    ]
    assert not first.warnings and first.phases == 3
    assert cheaper and all(s.warnings for s in cheaper)


def test_with_a_power_target_the_matching_inverter_comes_first(catalog):
    first = suggest(site(target_power_kw=10), catalog)[0]
    assert first.inverter == T10
    assert first.score == 0


def test_with_both_targets_capacity_decides_first_and_power_breaks_ties(catalog):
    suggestions = suggest(site(target_usable_kwh=18.6, target_power_kw=10), catalog)
    first = suggestions[0]
    assert (first.inverter, first.module, first.count, first.backup) == (T10, BAT93, 2, "none")


def test_without_a_target_the_order_is_by_power_and_stable(catalog):
    one = suggest(site(), catalog)
    two = suggest(site(), catalog)
    assert one == two
    powers = [s.power_kw for s in one]
    assert powers == sorted(powers)
    assert all(s.score is None for s in one)


def test_a_site_where_nothing_fits_gets_an_empty_list(catalog):
    three_phase_only = replaced(
        catalog, inverters={k: v for k, v in catalog.inverters.items() if v.phases == 3}
    )
    assert suggest(site(phases=1), three_phase_only) == []


# --------------------------------------------------------------------------- reasons

# A spread of sites over everything the verdicts depend on: phases, main fuse, household
# load, where the batteries stand and how cold it gets there, and existing PV.
REASON_SITES = [
    site(phases, fuse, location=location, min_ambient_c=cold, existing_pv=pv, household_load_a=load)
    for phases in (1, 3)
    for fuse, load in ((25, 0), (35, 20))
    for location, cold in (("indoor", None), ("outdoor", -15), ("indoor", -25))
    for pv in (None, {"power_kw": 3, "phase": "L1"}, {"power_kw": 4, "phase": "3P"})
]


def trial_design(where: Site, inverter_code: str, module: str, count: int, catalog):
    """What the wizard used to run for every choice: a design of it at the site."""
    return design(
        DesignRequest(
            connection=where.connection,
            inverter=inverter_code,
            batteries=[{"module": module, "count": count}],
            location=where.location,
            min_ambient_c=where.min_ambient_c,
            max_ambient_c=where.max_ambient_c,
            existing_pv=where.existing_pv,
            options={"household_load_a": where.household_load_a},
        ),
        catalog,
    )


def of(findings, severity, battery: bool):
    """The findings of one severity about the battery, or about everything else."""
    return [
        f for f in findings if f.severity is severity and f.code.startswith("battery.") == battery
    ]


@pytest.mark.parametrize("where", REASON_SITES)
def test_the_reasons_are_the_errors_design_raises_for_that_choice(catalog, where):
    result = suggest_with_reasons(where, catalog)
    for verdict in result.modules:
        compat = catalog.compatibility_for(verdict.inverter, verdict.module)
        count = min(compat.allowed_counts) if compat else 1
        found = trial_design(where, verdict.inverter, verdict.module, count, catalog).findings
        if not verdict.offered:
            assert verdict.reasons == of(found, Severity.ERROR, battery=True), verdict
        assert verdict.warnings == of(found, Severity.WARNING, battery=True), verdict
    for verdict in result.inverters:
        module = catalog.compatible_modules(verdict.inverter)[0]
        count = min(catalog.compatibility_for(verdict.inverter, module).allowed_counts)
        found = trial_design(where, verdict.inverter, module, count, catalog).findings
        if not verdict.offered:
            expected = (
                of(found, Severity.ERROR, battery=False)
                or of(found, Severity.ERROR, battery=True)[:1]
            )
            assert verdict.reasons and verdict.reasons == expected, verdict
        # The trial's other warnings are about its default cabling, not about the inverter.
        own = [f for f in of(found, Severity.WARNING, battery=False) if f.code.startswith("grid.")]
        assert verdict.warnings == own, verdict


def test_with_reasons_the_suggestions_are_those_of_suggest(catalog):
    where = site(main_fuse_a=25, location="outdoor", target_usable_kwh=20)
    assert suggest_with_reasons(where, catalog).suggestions == suggest(where, catalog)


def test_every_inverter_and_every_pair_gets_a_verdict(catalog):
    result = suggest_with_reasons(site(), catalog)
    assert {v.inverter for v in result.inverters} == set(catalog.inverters)
    pairs = {(v.inverter, v.module) for v in result.modules}
    assert pairs == {(i, m) for i in catalog.inverters for m in catalog.modules}


def test_a_three_phase_inverter_on_one_phase_is_refused_for_its_phases(catalog):
    result = suggest_with_reasons(site(phases=1), catalog)
    verdict = result.inverter(T10)
    assert verdict is not None and not verdict.offered
    assert [f.code for f in verdict.reasons] == ["inverter.phase_mismatch"]
    assert "kan niet op een 1-fase aansluiting" in verdict.reasons[0].message
    assert result.inverter(S5).offered


def test_outdoors_the_indoor_module_is_refused_with_its_ip_rating_as_the_reason(catalog):
    verdict = suggest_with_reasons(site(location="outdoor"), catalog).module(T10, BAT38)
    assert verdict is not None and not verdict.offered
    assert [f.code for f in verdict.reasons] == ["battery.indoor_only"]


def test_a_module_in_the_cold_is_refused_with_its_temperature_as_the_reason(catalog):
    verdict = suggest_with_reasons(site(min_ambient_c=-15), catalog).module(T10, BAT38)
    assert verdict is not None and not verdict.offered
    assert [f.code for f in verdict.reasons] == ["battery.temperature"]


def test_an_inverter_whose_modules_all_fail_outdoors_says_why(catalog):
    indoor_only = replaced(catalog, modules={BAT38: catalog.modules[BAT38]})
    verdict = suggest_with_reasons(site(location="outdoor"), indoor_only).inverter(T10)
    assert verdict is not None and not verdict.offered
    assert [f.code for f in verdict.reasons] == ["battery.indoor_only"]


def test_the_rejections_are_exactly_the_choices_not_offered(catalog):
    result = suggest_with_reasons(site(phases=1), catalog)
    rejected = {(v.inverter, v.module) for v in result.rejections}
    assert (T10, None) in rejected and (T10, BAT93) in rejected
    assert not {(s.inverter, s.module) for s in result.suggestions} & rejected


def test_a_module_the_inverter_does_not_take_is_refused_as_design_refuses_it(catalog):
    without = replaced(
        catalog,
        compatibility=tuple(
            c for c in catalog.compatibility if (c.inverter, c.module_code) != (T10, BAT45)
        ),
    )
    verdict = suggest_with_reasons(site(), without).module(T10, BAT45)
    assert verdict is not None and not verdict.offered
    found = trial_design(site(), T10, BAT45, 1, without).findings
    assert verdict.reasons == of(found, Severity.ERROR, battery=True)
    assert [f.code for f in verdict.reasons] == ["battery.module_not_compatible"]
