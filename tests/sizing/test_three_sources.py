"""Grid, PV and battery meet on one busbar: a household RCD is rated for the main fuse plus
the local generation on its phase, capped by its own groups' breakers."""

from __future__ import annotations

import pytest

from sizing import tables
from tests.sizing.engine_helpers import BAT93, S5, T10, T20, codes, finding, run

NEW_BOARD = {"mode": "new", "household_circuits": 12}


def _rcd_steps(result):
    return [s for s in result.trace if s.key == "board.rcd_rating"]


def _household_rcds(result):
    return [r for r in result.board.rcds if r.label.startswith("Aardlekschakelaar")]


def test_the_sources_on_the_busbar_are_counted_and_the_groups_cap_them(catalog):
    # Per phase: 40 A main fuse + 28.99 A battery + 4 kW / 3 / 230 V = 5.8 A PV = 74.8 A;
    # behind each RCD sit 2 groups × 16 A × 0.8 (IEC 61439-3 diversity) = 25.6 A.
    result = run(
        catalog,
        T20,
        BAT93,
        4,
        main_fuse_a=40,
        board={**NEW_BOARD, "household_circuits": 6},
        existing_pv={"power_kw": 4, "phase": "3P"},
    )
    steps = _rcd_steps(result)
    assert steps
    assert all("40 A + 28,99 A batterij + 5,8 A PV" in s.value for s in steps)
    ratings = {r.rating_a for r in _household_rcds(result)}
    assert ratings == {40.0}
    assert all(s.value.endswith("2 × 16 A × 0,8) = 25,6 A") for s in steps)


def test_the_groups_behind_an_rcd_cap_what_it_must_carry(catalog):
    result = run(
        catalog, T10, BAT93, 4, main_fuse_a=25, board={**NEW_BOARD, "household_circuits": 3}
    )
    for step in _rcd_steps(result):
        assert step.value.endswith("= 16 A")  # one 16 A group behind each RCD


def test_four_groups_behind_one_rcd_with_the_battery_on_the_busbar_need_63_a(catalog):
    options = {"min_rcds": 1, "max_groups_per_rcd": 4}
    result = run(
        catalog, T10, BAT93, 4, phases=3, main_fuse_a=35, options=options,
        board={**NEW_BOARD, "household_circuits": 12},
    )  # fmt: skip
    # 35 A + 14.49 A = 49.49 A; 4 × 16 A × 0.7 = 44.8 A carries less → 63 A RCDs, not the
    # 40 A the main fuse alone gave.
    assert {r.rating_a for r in _household_rcds(result)} == {63.0}
    assert all(s.value.endswith("= 44,8 A") for s in _rcd_steps(result))


def test_battery_and_pv_exporting_together_past_the_main_fuse_is_a_warning(catalog):
    # S5 at 5 kW = 21.74 A plus 3 kW of PV = 13.04 A on L1 of a 1 × 25 A connection: 34.8 A.
    result = run(catalog, S5, BAT93, 2, phases=1, main_fuse_a=25, existing_pv={"power_kw": 3})
    warning = finding(result, "grid.export_main_fuse")
    assert "34,8 A" in warning.message and "13 A PV" in warning.message
    assert "2,75 kW" in warning.message  # 25 A × 230 V − 3 kW of PV


def test_export_within_the_main_fuse_raises_nothing(catalog):
    result = run(catalog, T10, BAT93, 4, main_fuse_a=25, existing_pv={"power_kw": 4, "phase": "3P"})
    assert "grid.export_main_fuse" not in codes(result)


def test_the_diversity_factor_replays_the_published_mennekes_example():
    # Mennekes Everbox Grip manual p. 53: 8 sockets of 16 A, RDF 0.6 → 76.8 A.
    assert 8 * 16 * tables.diversity_factor(8) == pytest.approx(76.8)
    assert [tables.diversity_factor(n) for n in (1, 2, 3, 4, 5, 6, 9, 10, 40)] == [
        1.0, 0.8, 0.8, 0.7, 0.7, 0.6, 0.6, 0.5, 0.5
    ]  # fmt: skip


def test_the_sources_sit_at_the_far_end_of_the_busbar_so_it_never_carries_their_sum(catalog):
    result = run(
        catalog,
        T20,
        BAT93,
        4,
        main_fuse_a=40,
        board={**NEW_BOARD, "household_circuits": 6},
        existing_pv={"power_kw": 6, "phase": "3P"},
    )
    step = next(s for s in result.trace if s.key == "board.source_placement")
    grid = next(c for c in result.circuits if c.name == "ac_grid").design_current_a
    pv = next(c for c in result.circuits if c.name == "pv").design_current_a
    generation = grid + pv
    assert step.value_en.startswith("main switch at one end, the battery and PV groups")
    expected = f"max(40 A, {generation:g} A) = {max(40, generation):g} A per phase"
    assert expected in step.value_en
    assert f"instead of {40 + generation:g} A" in step.value_en
