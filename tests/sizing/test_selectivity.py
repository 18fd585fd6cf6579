"""Groups against the main fuse: the published Dutch table of allowed pairs, the 1.6 rule
where the table has no row, and a group larger than the main fuse as an error."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sizing import tables
from sizing.schema import Site
from sizing.system.suggest import suggest
from tests.sizing.engine_helpers import BAT93, S5, S36, T10, T20, codes, errors, finding, run

NEW_BOARD = {"mode": "new", "household_circuits": 6}


@pytest.mark.parametrize(
    ("phases", "main_fuse_a", "group_a"),
    [(1, 25, 16), (1, 35, 25), (1, 40, 25), (3, 25, 16), (3, 40, 32), (3, 63, 40), (3, 80, 50)],
)
def test_the_pairs_of_the_published_table_raise_no_warning(catalog, phases, main_fuse_a, group_a):
    # electrical-sizing.md §5.5: 16 A behind 25 A and 40 A behind 63 A are how Dutch houses are
    # built; 25 / 1.6 = 15.6 and 63 / 1.6 = 39.4 read strictly would flag both.
    board = {**NEW_BOARD, "household_circuits": 3}
    result = run(
        catalog,
        T10 if phases == 3 else S36,  # battery groups of 16 A: the table allows them everywhere
        phases=phases,
        main_fuse_a=main_fuse_a,
        board=board,
        options={"household_breaker_a": group_a},
    )
    assert "board.selectivity" not in codes(result)
    step = next(s for s in result.trace if s.key == "board.selectivity")
    assert f"{group_a:g} A" in step.value and "tabel" in step.basis


@pytest.mark.parametrize(
    ("phases", "main_fuse_a", "group_a", "ratio_nl", "ratio_en"),
    [(1, 35, 25, "1,4", "1.4"), (3, 40, 32, "1,25", "1.25"), (3, 80, 50, "1,6", "1.6")],
)
def test_the_table_step_gives_each_rows_own_ratio_not_a_blanket_1_6(
    catalog, phases, main_fuse_a, group_a, ratio_nl, ratio_en
):
    # electrical-sizing.md §5.5: 1 × 35 → 25 A (1.4) and 3 × 40 → 32 A (1.25) are inconsistent
    # with 1.6; the step said "R5-stap ≈ 1,6" for every row, a reason those rows do not have.
    result = run(
        catalog,
        T10 if phases == 3 else S36,
        phases=phases,
        main_fuse_a=main_fuse_a,
        board={**NEW_BOARD, "household_circuits": 3},
    )
    step = next(s for s in result.trace if s.key == "board.selectivity")
    assert f"{main_fuse_a} / {group_a} = {ratio_nl}" in step.value, step.value
    assert f"{main_fuse_a} / {group_a} = {ratio_en}" in step.value_en, step.value_en
    assert "≈ 1,6" not in step.basis and "≈ 1.6" not in step.basis_en


def test_a_group_one_step_above_the_table_is_a_warning_that_names_the_table(catalog):
    result = run(catalog, T10, main_fuse_a=25, board=NEW_BOARD, options={"household_breaker_a": 20})
    warning = finding(result, "board.selectivity")
    assert warning.severity == "warning"
    assert "gepubliceerde Nederlandse tabel" in warning.message
    assert "3 × 25 A" in warning.message


def test_a_main_fuse_the_table_does_not_list_falls_back_to_main_over_1_6(catalog):
    # 3 × 50 A is not in the table: 50 / 1.6 = 31.25 A → 25 A; a 32 A group is warned.
    result = run(catalog, T10, main_fuse_a=50, board=NEW_BOARD, options={"household_breaker_a": 32})
    warning = finding(result, "board.selectivity")
    assert "50 A / 1,6" in warning.message
    assert tables.selective_group_a(3, 50) is None


def test_an_explicit_factor_overrides_the_table(catalog):
    options = {"household_breaker_a": 16, "selectivity_factor": 2.0}
    result = run(catalog, T10, main_fuse_a=25, board=NEW_BOARD, options=options)
    assert "25 A / 2" in finding(result, "board.selectivity").message


def test_a_household_group_larger_than_the_main_fuse_is_an_error(catalog):
    result = run(catalog, T10, main_fuse_a=25, board=NEW_BOARD, options={"household_breaker_a": 32})
    assert not result.valid
    error = finding(result, "board.breaker_above_main_fuse")
    assert error.severity == "error"
    assert "32 A" in error.message and "25 A" in error.message
    assert "board.selectivity" not in codes(result)  # one finding per group, the worse one


def test_a_t20_on_3x25_is_refused_its_32_a_group_is_larger_than_the_main_fuse(catalog):
    result = run(catalog, T20, BAT93, 4, main_fuse_a=25)
    assert "board.breaker_above_main_fuse" in errors(result)


def test_an_s5_with_the_distribution_unit_on_1x35_needs_50_a_and_is_refused(catalog):
    # With backup the backup loads pass through: 10 kW / 230 V = 43.5 A → B50 > 35 A.
    result = run(catalog, S5, BAT93, 2, phases=1, main_fuse_a=35, backup="distribution_unit")
    assert "board.breaker_above_main_fuse" in errors(result)
    assert run(catalog, S5, BAT93, 2, phases=1, main_fuse_a=35).valid  # without backup: B25


def test_suggest_offers_an_s5_on_1x35_without_the_distribution_unit(catalog):
    # The BackupBox switches the loads itself; the distribution unit's pass through (B50).
    offered = {
        s.backup
        for s in suggest(Site(connection={"phases": 1, "main_fuse_a": 35}), catalog)
        if s.inverter == S5
    }
    assert offered == {"none", "backup_box"}


@settings(max_examples=60, deadline=None)
@given(
    phases=st.sampled_from([1, 3]),
    main_fuse_a=st.sampled_from([25, 35, 40, 50, 63, 80]),
    breaker=st.sampled_from([6, 10, 13, 16, 20, 25, 32, 40, 50, 63]),
)
def test_no_valid_design_has_a_group_larger_than_its_main_fuse(
    catalog, phases, main_fuse_a, breaker
):
    inverter = T10 if phases == 3 else S5
    result = run(
        catalog,
        inverter,
        phases=phases,
        main_fuse_a=main_fuse_a,
        board=NEW_BOARD,
        options={"household_breaker_a": breaker},
    )
    ratings = [c.breaker.rating_a for c in result.circuits if c.breaker is not None]
    if result.valid:
        assert all(r <= main_fuse_a for r in ratings)
    if breaker > main_fuse_a:
        assert not result.valid
