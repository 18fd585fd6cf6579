"""Fault protection per circuit (issue 11 point 7): breaking capacity, Zs, k²S², TT."""

from __future__ import annotations

import dataclasses

import pytest

from sizing.installation.fault import let_through, zs_limit
from sizing.schema import DesignRequest

from .engine_helpers import BAT93, S36, T10, codes, errors, finding, run


def steps(result, circuit: str) -> dict[str, object]:
    chosen = next(c for c in result.circuits if c.name == circuit)
    return {s.key: s for s in chosen.trace}


@pytest.mark.parametrize(
    ("curve", "rating", "published"),
    [
        ("B", 6, 7.28),
        ("B", 10, 4.37),
        ("B", 16, 2.73),
        ("B", 32, 1.37),
        ("B", 40, 1.09),
        ("C", 10, 2.19),
        ("C", 16, 1.37),
        ("C", 40, 0.55),
        ("D", 16, 0.68),
    ],
)
def test_it_reproduces_the_published_zs_limits_of_bs7671_table_41_3(curve, rating, published):
    # BS 7671:2018+A2:2022 Table 41.3 (0.4 s), as sparkyhub.co.uk/calculators/max-zs prints it:
    # Zs = 0.95 × 230 V / Ia with Ia the top of the IEC 60898-1 instantaneous band.
    assert zs_limit(curve, rating, 230) == pytest.approx(published, abs=0.006)


def test_it_works_out_zs_at_the_far_end_of_the_battery_circuit_by_hand(catalog):
    # S3.6 (15,65 A → B16) on 20 m of 2,5 mm² (forced), TN-C-S with the default Ze 0,35 Ω:
    # Zs = 0,35 + 2 × 0,0225 × 20 / 2,5 = 0,71 Ω ≤ 0,95 × 230 / 80 = 2,73 Ω; Ik,min = 307,7 A.
    result = run(
        catalog,
        S36,
        BAT93,
        2,
        phases=1,
        main_fuse_a=40,
        connection={"phases": 1, "main_fuse_a": 40, "earthing": "TN-C-S"},
        ac_cable={"length_m": 20, "method": "C", "csa_mm2": 2.5},
        max_voltage_drop_pct=5,
    )
    grid = next(c for c in result.circuits if c.name == "ac_grid")
    assert grid.fault.zs_ohm == pytest.approx(0.71)
    assert grid.fault.zs_max_ohm == pytest.approx(2.731, abs=0.001)
    assert grid.fault.zs_measured_max_ohm == pytest.approx(0.8 * 2.731, abs=0.001)
    assert grid.fault.ik_min_a == pytest.approx(0.95 * 230 / 0.71, abs=0.1)
    assert "fault.zs_too_high" not in codes(result)


def test_it_refuses_a_measured_ze_that_leaves_the_breaker_too_slow(catalog):
    result = run(
        catalog,
        T10,
        BAT93,
        2,
        connection={"phases": 3, "main_fuse_a": 35, "earthing": "TN-C-S", "ze_ohm": 2.9},
        ac_cable={"length_m": 10, "method": "C"},
    )
    assert "fault.zs_too_high" in errors(result)
    assert not result.valid
    assert "Ω" in finding(result, "fault.zs_too_high").message


def test_it_rests_on_documented_defaults_when_the_installer_gives_no_ze(catalog):
    result = run(catalog, connection={"phases": 3, "main_fuse_a": 35, "earthing": "TN-C-S"})
    design_steps = {s.key: s for s in result.trace}
    assert design_steps["fault.ze"].is_default
    assert design_steps["fault.ik_max"].is_default
    assert "NIET GEVONDEN" in design_steps["fault.ze"].basis
    assert "NOT FOUND" in design_steps["fault.ze"].basis_en


def test_a_given_ze_replaces_the_default_and_sets_ik_max(catalog):
    result = run(
        catalog,
        S36,
        BAT93,
        2,
        phases=1,
        main_fuse_a=40,
        connection={"phases": 1, "main_fuse_a": 40, "earthing": "TN-C-S", "ze_ohm": 0.2},
    )
    design_steps = {s.key: s for s in result.trace}
    assert not design_steps["fault.ze"].is_default
    # Ik,max = c_max · U0 / Ze = 1,1 × 230 / 0,2 = 1265 A
    grid = next(c for c in result.circuits if c.name == "ac_grid")
    assert grid.fault.ik_max_ka == pytest.approx(1.265)


def test_it_refuses_breakers_below_the_short_circuit_current_the_installer_gives(catalog):
    result = run(
        catalog,
        connection={"phases": 3, "main_fuse_a": 35, "earthing": "TN-C-S", "ik_max_ka": 10},
        board={"mode": "new", "household_circuits": 4},
    )
    assert "fault.breaking_capacity" in errors(result)
    assert "10 kA" in finding(result, "fault.breaking_capacity").message


def test_it_warns_when_the_catalogue_does_not_know_a_breaking_capacity(catalog):
    unknown = dataclasses.replace(
        catalog, rcds=tuple(dataclasses.replace(r, breaking_capacity_ka=None) for r in catalog.rcds)
    )
    result = run(unknown)
    warning = finding(result, "fault.breaking_capacity_unknown")
    assert warning.severity == "warning"
    grid = next(c for c in result.circuits if c.name == "ac_grid")
    assert grid.breaker.article in warning.message


THIN_CABLE = {"length_m": 3, "method": "C", "csa_mm2": 1.5}


def test_it_refuses_a_cable_too_thin_for_the_breakers_let_through(catalog):
    # 1,5 mm² PVC behind B16 at a given 6 kA: k²S² = 115² × 1,5² = 29 756 A²s < 35 000 A²s.
    result = run(
        catalog,
        S36,
        BAT93,
        2,
        connection={"phases": 1, "main_fuse_a": 40, "ik_max_ka": 6},
        ac_cable=THIN_CABLE,
        max_voltage_drop_pct=5,
    )
    assert "fault.adiabatic" in errors(result)
    assert steps(result, "ac_grid")["fault.adiabatic"].value.startswith("115² × 1,5²")


def test_on_the_assumed_short_circuit_current_a_thin_cable_is_a_warning(catalog):
    result = run(
        catalog,
        S36,
        BAT93,
        2,
        phases=1,
        main_fuse_a=40,
        ac_cable=THIN_CABLE,
        max_voltage_drop_pct=5,
    )
    assert "fault.adiabatic" not in codes(result)
    assert finding(result, "fault.adiabatic_assumed").severity == "warning"


def test_the_class_3_let_through_grows_with_rating_and_curve():
    assert let_through("B", 16, 6) == 35000
    assert let_through("C", 25, 6) == 55000
    assert let_through("B", 16, 2) == 15000  # the smallest tabulated capacity that holds 2 kA
    assert let_through("D", 16, 6) is None
    assert let_through("B", 50, 6) is None


def test_a_tt_installation_with_a_poor_electrode_is_refused(catalog):
    result = run(
        catalog, connection={"phases": 3, "main_fuse_a": 35, "earthing": "TT", "ra_ohm": 2000}
    )
    assert "fault.tt_touch_voltage" in errors(result)
    assert "60 V" in finding(result, "fault.tt_touch_voltage").message


def test_a_tt_installation_with_a_good_electrode_passes(catalog):
    result = run(
        catalog, connection={"phases": 3, "main_fuse_a": 35, "earthing": "TT", "ra_ohm": 80}
    )
    assert "fault.tt_touch_voltage" not in codes(result)
    assert not steps(result, "ac_grid")["fault.tt"].is_default


@pytest.mark.parametrize("field", ["ze_ohm", "ik_max_ka", "ra_ohm"])
@pytest.mark.parametrize("value", [0, -1, 1e9])
def test_it_refuses_supply_figures_out_of_bounds(field, value):
    data = {
        "connection": {"phases": 3, "main_fuse_a": 35, field: value},
        "inverter": T10,
        "batteries": [{"module": BAT93, "count": 2}],
    }
    with pytest.raises(ValueError):
        DesignRequest.model_validate(data)


def test_it_reads_a_ze_with_its_unit(catalog):
    request = DesignRequest.model_validate(
        {
            "connection": {"phases": 3, "main_fuse_a": 35, "ze_ohm": "350 mΩ"},
            "inverter": T10,
            "batteries": [{"module": BAT93, "count": 2}],
        }
    )
    assert request.connection.ze_ohm == pytest.approx(0.35)


def test_the_new_boards_final_circuits_share_one_fault_step_and_keep_their_own_line(catalog):
    result = run(catalog, board={"mode": "new", "household_circuits": 3})
    finals = [c for c in result.circuits if c.name.startswith("household_")]
    assert all(len(c.trace) == 1 for c in finals)
    assert all(c.fault.breaking_capacity_ka == 6 for c in finals)
    assert any(s.key == "fault.final_circuits" for s in result.trace)
