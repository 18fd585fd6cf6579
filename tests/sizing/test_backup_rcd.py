"""The backup port follows the grid port's RCD-type rule; backed-up sockets get 30 mA."""

from __future__ import annotations

import dataclasses

from tests.sizing.engine_helpers import BAT93, T10, codes, errors, finding, run, with_inverter


def _step(result, key):
    return next(s for c in result.circuits for s in c.trace if s.key == key)


def test_without_the_makers_declaration_the_backup_port_needs_type_b_as_the_grid_port(catalog):
    result = run(catalog, T10, BAT93, 4, backup="backup_box")
    grid = _step(result, "circuit.rcd_type")
    backup = _step(result, "backup.rcd_type")
    assert grid.value == backup.value == "B"
    warning = finding(result, "backup.rcd_type")
    assert "type A" in warning.message and "type B" in warning.message


def test_with_the_makers_declaration_type_a_high_immunity_suffices(catalog):
    declared = with_inverter(catalog, T10, rcd_type_a_permitted=True)
    result = run(declared, T10, BAT93, 4, backup="backup_box")
    assert _step(result, "backup.rcd_type").value == "A"
    assert "backup.rcd_type" not in codes(result)


def test_the_distribution_units_sockets_get_a_30_ma_rcd_on_the_bom(catalog):
    result = run(catalog, T10, BAT93, 4, backup="distribution_unit")
    step = _step(result, "backup.socket_rcd")
    assert "30 mA" in step.value and "411.3.3" in step.basis
    article = step.value.split(":")[0]
    assert any(line.article == article for line in result.bom)


def test_a_backup_box_feeds_household_groups_that_have_their_own_30_ma(catalog):
    result = run(catalog, T10, BAT93, 4, backup="backup_box")
    assert not any(s.key == "backup.socket_rcd" for c in result.circuits for s in c.trace)


def test_without_a_30_ma_rcd_in_the_catalogue_the_sockets_are_an_error(catalog):
    bare = dataclasses.replace(
        catalog, rcds=tuple(r for r in catalog.rcds if r.is_rcbo or r.sensitivity_ma != 30)
    )
    result = run(bare, T10, BAT93, 4, backup="distribution_unit")
    assert "backup.sockets_unprotected" in errors(result)
