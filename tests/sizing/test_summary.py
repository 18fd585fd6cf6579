"""The Design copies the inverter's figures, so its documents need no catalogue beside it."""

from __future__ import annotations

from sizing.schema import Design
from tests.sizing.engine_helpers import BAT93, S36, T10, run, with_inverter


def test_the_design_carries_the_inverter_figures_the_catalogue_gave(catalog):
    summary = run(catalog, T10, BAT93, 4).inverter
    inverter = catalog.inverters[T10]
    assert summary is not None
    assert summary.system_code == T10
    assert summary.article == inverter.article
    assert summary.phases == 3
    assert summary.power_kw == inverter.nominal_power_kw
    assert summary.has_pv_input == inverter.has_pv_input
    assert summary.mppt_count == inverter.mppt_count


def test_the_design_copies_the_figures_of_the_catalogue_it_was_made_with(catalog):
    changed = with_inverter(
        catalog, S36, nominal_power_kw=3.68, backup_port_current_a=16.0, pv_max_power_kw=7.36
    )
    summary = run(changed, S36, "SMILE-G3-BAT-4.5S", 2, phases=1).inverter
    assert summary is not None
    assert summary.power_kw == 3.68
    assert summary.backup_port_current_a == 16.0
    assert summary.pv_max_power_kw == 7.36


def test_a_figure_the_catalogue_does_not_know_stays_unknown(catalog):
    changed = with_inverter(catalog, T10, backup_port_current_a=None, max_ac_current_a=None)
    summary = run(changed, T10, BAT93, 4).inverter
    assert summary is not None
    assert summary.backup_port_current_a is None
    assert summary.max_ac_current_a is None


def test_a_design_with_an_error_still_names_its_inverter(catalog):
    result = run(catalog, T10, BAT93, 7)
    assert not result.valid
    assert result.inverter is not None and result.inverter.system_code == T10


def test_an_unknown_inverter_has_no_figures(catalog):
    assert run(catalog, "SMILE-G3-T99", BAT93, 4).inverter is None


def test_the_figures_survive_a_trip_through_json(catalog):
    result = run(catalog, T10, BAT93, 4)
    assert Design.model_validate_json(result.model_dump_json()).inverter == result.inverter
