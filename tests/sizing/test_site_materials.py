"""The materials list beyond the devices: meter and CTs, warning labels, glands, conduit, fixings
and surge protection, each counted from the design and explained in the trace."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from sizing import design
from sizing.schema import Design, DesignRequest

SINGLE_PHASE_VD: dict[str, Any] = {
    "connection": {"phases": 1, "main_fuse_a": 35, "earthing": "TN-C-S"},
    "inverter": "SMILE-G3-S5",
    "batteries": [{"module": "SMILE-G3-BAT-9.3S", "count": 2}],
    "ac_cable": {"cable_type": "VD", "length_m": 12, "method": "B1"},
    "board": {"mode": "existing", "rcds": [{"groups": 3}, {"groups": 3}], "free_modules": 6},
}

THREE_PHASE_YMVK: dict[str, Any] = {
    "connection": {"phases": 3, "main_fuse_a": 25, "earthing": "TT"},
    "inverter": "SMILE-G3-T10",
    "batteries": [{"module": "SMILE-G3-BAT-9.3S", "count": 2}],
    "backup": "backup_box",
    "ac_cable": {"cable_type": "YMvK", "length_m": 8.5, "method": "C"},
    "backup_cable": {"cable_type": "YMvK", "length_m": 4, "method": "E"},
    "board": {"mode": "new", "household_circuits": 8},
}


def run(catalog: Any, request: dict[str, Any]) -> Design:
    result = design(DesignRequest.model_validate(request), catalog)
    assert result.valid, [f.code for f in result.findings if f.severity == "error"]
    return result


def quantity(result: Design, article: str) -> Decimal:
    return sum((b.quantity for b in result.bom if b.article == article), Decimal(0))


def steps(result: Design, key: str) -> list[Any]:
    every = [*result.trace, *(s for c in result.circuits for s in c.trace)]
    return [s for s in every if s.key == key]


def test_a_single_phase_connection_gets_a_single_phase_meter_and_one_ct(catalog):
    result = run(catalog, SINGLE_PHASE_VD)
    assert quantity(result, "GEN-METER-1F") == 1
    assert quantity(result, "GEN-METER-3F") == 0
    assert quantity(result, "GEN-CT") == 1


def test_a_three_phase_connection_gets_a_three_phase_meter_and_three_cts(catalog):
    result = run(catalog, THREE_PHASE_YMVK)
    assert quantity(result, "GEN-METER-3F") == 1
    assert quantity(result, "GEN-CT") == 3


def test_a_single_phase_inverter_on_three_phases_is_metered_on_all_three(catalog):
    """Three-phase compensation balances the phases through the meter: it sees all three."""
    request = {**SINGLE_PHASE_VD, "connection": {"phases": 3, "main_fuse_a": 25}}
    result = run(catalog, request)
    assert quantity(result, "GEN-METER-3F") == 1
    assert quantity(result, "GEN-CT") == 3


def test_labels_go_on_the_board_and_the_inverter_and_on_a_backup_box(catalog):
    assert quantity(run(catalog, SINGLE_PHASE_VD), "GEN-STICKER-BRONNEN") == 2
    assert quantity(run(catalog, THREE_PHASE_YMVK), "GEN-STICKER-BRONNEN") == 3


def test_existing_pv_is_named_as_a_third_source(catalog):
    request = {**SINGLE_PHASE_VD, "existing_pv": {"power_kw": 3.0, "phase": "L1"}}
    (step,) = steps(run(catalog, request), "materials.warning_labels")
    assert "3 bronnen (net, batterij, bestaande PV)" in step.value


def test_a_vd_run_gets_conduit_as_long_as_the_run_and_a_clip_every_40_cm(catalog):
    result = run(catalog, {**SINGLE_PHASE_VD, "ac_cable": {**SINGLE_PHASE_VD["ac_cable"]}})
    conduit = [
        b for b in result.bom if b.article.startswith("GEN-BUIS-") or b.article == "GEN-BUIS"
    ]
    assert [(b.quantity, b.unit) for b in conduit] == [(Decimal(12), "m")]
    clips = [b for b in result.bom if b.article.startswith("GEN-BUISKLEM")]
    assert [b.quantity for b in clips] == [Decimal(31)]  # 12 m / 0.40 m + 1
    assert quantity(result, "GEN-WARTEL") == 0  # the wires enter the board in their conduit


def test_the_conduit_size_follows_the_fill_rule(catalog):
    """Five 2.5 mm² wires do not fit a 16 mm conduit (four do): 19 mm, with 19 mm clips."""
    request = {
        **THREE_PHASE_YMVK,
        "backup": "none",
        "backup_cable": None,
        "ac_cable": {"cable_type": "VD", "length_m": 7.1, "method": "B1", "csa_mm2": 2.5},
    }
    result = run(catalog, request)
    assert quantity(result, "GEN-BUIS-19") == 8
    assert quantity(result, "GEN-BUISKLEM-19") == 19  # ceil(7.1 / 0.40) + 1
    assert quantity(result, "GEN-BUIS-16") == 0


def test_a_sheathed_cable_gets_a_gland_and_clips_only_where_it_is_clipped_to_the_wall(catalog):
    result = run(catalog, THREE_PHASE_YMVK)
    assert quantity(result, "GEN-WARTEL") == 2  # the grid run and the backup run
    assert quantity(result, "GEN-KABELCLIP") == 23  # 8.5 m / 0.40 m + 1; the tray run has none
    assert not [b for b in result.bom if b.article.startswith("GEN-BUIS")]


def test_a_new_board_gets_surge_protection_with_the_connection_poles(catalog):
    three = run(catalog, THREE_PHASE_YMVK)
    assert quantity(three, "GEN-OVERSPANNING-3F") == 1
    single_new = {**SINGLE_PHASE_VD, "board": {"mode": "new", "household_circuits": 5}}
    assert quantity(run(catalog, single_new), "GEN-OVERSPANNING-1F") == 1


def test_an_existing_board_gets_no_surge_protection_and_the_trace_says_why(catalog):
    result = run(catalog, SINGLE_PHASE_VD)
    assert not [b for b in result.bom if b.article.startswith("GEN-OVERSPANNING")]
    (step,) = steps(result, "materials.surge_protection")
    assert "bestaande kast" in step.value
    assert "443" in step.basis


def test_every_added_line_is_generic_and_in_the_materials_category(catalog):
    result = run(catalog, THREE_PHASE_YMVK)
    added = [b for b in result.bom if b.category == "materials"]
    assert len(added) == 6
    assert all(b.is_generic for b in added)


def test_every_kind_of_added_line_has_a_trace_step_with_its_source(catalog):
    result = run(catalog, THREE_PHASE_YMVK)
    for key, source in [
        ("materials.energy_meter", "3-fase compensatie"),
        ("materials.warning_labels", "551.7"),
        ("materials.gland_and_fixing", "522.8"),
        ("materials.surge_protection", "534"),
    ]:
        found = steps(result, key)
        assert found, key
        assert source in found[0].basis
        assert found[0].basis_en


def test_a_material_missing_from_the_catalogue_is_reported_not_invented(catalog):
    without_meters = replace(
        catalog, materials=tuple(m for m in catalog.materials if m.kind != "energy_meter")
    )
    result = design(DesignRequest.model_validate(SINGLE_PHASE_VD), without_meters)
    assert not [b for b in result.bom if b.article.startswith("GEN-METER")]
    assert any(f.code == "bom.no_article" for f in result.findings)
