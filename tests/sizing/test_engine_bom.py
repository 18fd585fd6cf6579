"""The bill of materials of design(): catalogue articles, backup choices per phase, money."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sizing import engine
from sizing.installation import plan as installation
from sizing.installation.plan import InstallationPlan, PlannedLine
from tests.sizing.engine_helpers import (
    BAT93,
    S5,
    T10,
    codes,
    finding,
    replaced,
    run,
    with_inverter,
)


def articles(result) -> list[str]:
    return [line.article for line in result.bom]


def line_of(result, article):
    return next(line for line in result.bom if line.article == article)


def test_the_bom_starts_with_the_inverter_and_the_modules(catalog):
    result = run(catalog, T10, BAT93, 8)
    inverter, modules = result.bom[0], result.bom[1]
    assert (inverter.article, inverter.quantity, inverter.category) == (
        catalog.inverters[T10].article,
        1,
        "inverter",
    )
    assert (modules.article, modules.quantity, modules.unit) == ("242248", 8, "st")
    assert modules.unit_price_eur == catalog.modules[BAT93].price_eur
    assert modules.line_total_eur == catalog.modules[BAT93].price_eur * 8


def test_generic_articles_are_marked_as_such(catalog):
    result = run(catalog, T10, BAT93, 2)
    assert line_of(result, catalog.inverters[T10].article).is_generic is True
    assert line_of(result, "242248").is_generic is False


def test_prices_come_from_the_catalogue(catalog):
    cheaper = with_inverter(catalog, T10, price_eur=Decimal("1999.99"))
    assert run(cheaper, T10).bom[0].unit_price_eur == Decimal("1999.99")


def test_without_backup_there_are_no_accessories(catalog):
    accessories = {a.article for a in catalog.accessories}
    assert not accessories & set(articles(run(catalog, T10)))


@pytest.mark.parametrize(("inverter", "article"), [(T10, "105130"), (S5, "105131")])
def test_the_distribution_unit_matches_the_inverter_phases(catalog, inverter, article):
    result = run(catalog, inverter, backup="distribution_unit")
    assert article in articles(result)
    assert line_of(result, article).category == "backup"


@pytest.mark.parametrize(("inverter", "protection"), [(T10, "105126"), (S5, "105127")])
def test_the_backup_box_comes_with_its_protection_for_the_phases(catalog, inverter, protection):
    result = run(catalog, inverter, backup="backup_box")
    assert "242263" in articles(result)
    assert protection in articles(result)
    assert not {"105130", "105131"} & set(articles(result))


@pytest.mark.parametrize(("inverter", "kit"), [(T10, "105128"), (S5, "105129")])
def test_the_shutdown_kit_matches_the_inverter_phases(catalog, inverter, kit):
    result = run(catalog, inverter, shutdown_kit=True)
    assert line_of(result, kit).category == "shutdown_kit"


def test_a_single_phase_inverter_on_three_phases_gets_single_phase_accessories(catalog):
    result = run(catalog, S5, phases=3, backup="backup_box", shutdown_kit=True)
    assert {"105127", "105129"} <= set(articles(result))
    assert not {"105126", "105128"} & set(articles(result))


def test_a_missing_accessory_is_a_warning_not_a_silent_gap(catalog):
    no_units = replaced(
        catalog,
        accessories=tuple(a for a in catalog.accessories if a.kind != "distribution_unit"),
    )
    result = run(no_units, T10, backup="distribution_unit")
    assert result.valid
    assert "noodstroom verdeelunit" in finding(result, "backup.accessory_missing").message


def test_totals_add_up_with_vat_in_cents(catalog):
    result = run(catalog, T10, BAT93, 8, backup="backup_box", shutdown_kit=True)
    excl = sum((line.line_total_eur for line in result.bom), Decimal(0))
    assert result.totals.excl_vat_eur == excl
    assert result.totals.vat_eur == (excl * Decimal("0.21")).quantize(Decimal("0.01"))
    assert result.totals.incl_vat_eur == result.totals.excl_vat_eur + result.totals.vat_eur
    for amount in (result.totals.excl_vat_eur, result.totals.vat_eur, result.totals.incl_vat_eur):
        assert isinstance(amount, Decimal)
        assert amount.as_tuple().exponent == -2


def test_the_example_brochure_system_costs_what_the_catalogue_says(catalog):
    # T10 + 8 × BAT-9.3S + BackupBox + 3-phase protection + 3-phase kit, at catalogue prices.
    result = run(catalog, T10, BAT93, 8, backup="backup_box", shutdown_kit=True)
    accessories = {a.article: a.price_eur for a in catalog.accessories}
    expected = (
        catalog.inverters[T10].price_eur
        + 8 * catalog.modules[BAT93].price_eur
        + accessories["242263"]
        + accessories["105126"]
        + accessories["105128"]
    )
    own = {catalog.inverters[T10].article, "242248", "242263", "105126", "105128"}
    assert sum(line.line_total_eur for line in result.bom if line.article in own) == expected


def _plan_with(lines):
    def fake_plan(request, catalog, inverter):
        return InstallationPlan(lines=lines)

    return fake_plan


def test_installation_plan_lines_are_priced_from_the_catalogue(catalog, monkeypatch):
    cable = catalog.cables[0]
    monkeypatch.setattr(installation, "plan", _plan_with([PlannedLine(cable.article, 12.5, "ac")]))
    result = run(catalog, T10)
    line = line_of(result, cable.article)
    assert line.quantity == Decimal("12.5")
    assert line.unit == cable.unit
    assert line.line_total_eur == (cable.price_eur * Decimal("12.5")).quantize(Decimal("0.01"))
    assert line.category == "ac"


def test_an_unknown_article_in_the_plan_is_a_warning(catalog, monkeypatch):
    monkeypatch.setattr(installation, "plan", _plan_with([PlannedLine("NOPE-1", 1, "board")]))
    result = run(catalog, T10)
    assert "NOPE-1" not in articles(result)
    assert "NOPE-1" in finding(result, "bom.article_unknown").message


def test_the_installation_is_only_planned_for_a_system_that_can_be_built(catalog, monkeypatch):
    calls = []

    def recording_plan(request, catalog, inverter):
        calls.append(inverter.system_code)
        return InstallationPlan()

    monkeypatch.setattr(installation, "plan", recording_plan)
    run(catalog, T10, BAT93, 7)
    assert calls == []
    run(catalog, T10, BAT93, 8)
    assert calls == [T10]
    assert engine.installation is installation  # the engine calls the extension point


def test_a_design_with_errors_still_shows_what_it_can_price(catalog):
    result = run(catalog, T10, BAT93, 7)
    assert "battery.count_not_allowed" in codes(result)
    assert articles(result)[:2] == [catalog.inverters[T10].article, "242248"]
