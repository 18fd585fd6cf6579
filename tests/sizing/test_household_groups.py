"""Household groups the installer describes: kinds decide poles, RCDs and diversity; groups are
numbered in board order; backed-up groups sit in a section of their own behind the backup."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.sizing.engine_helpers import BAT93, S5, T10, codes, errors, finding, run

KINDS = ["lighting_sockets", "cooking", "ev_charger", "heat_pump", "laundry", "other"]


def _new(groups):
    return {"mode": "new", "household_groups": groups}


def _households(result):
    return [c for c in result.circuits if c.name.startswith("household_")]


def test_groups_are_numbered_in_board_order_rcd_by_rcd(catalog):
    result = run(catalog, T10, BAT93, 2, board={"mode": "new", "household_circuits": 10})
    rcds = [r for r in result.board.rcds if r.label.startswith("Aardlekschakelaar")]
    in_board_order = [name for r in rcds for name in r.groups]
    assert in_board_order == [f"household_{n}" for n in range(1, 11)]
    assert [c.number for c in _households(result)] == list(range(1, 11))


def test_a_named_group_keeps_its_name_in_the_circuit_and_its_purpose(catalog):
    result = run(catalog, board=_new([{"name": "Keuken"}, {"name": "Zolder", "kind": "other"}]))
    by_label = {c.label: c for c in _households(result)}
    assert set(by_label) == {"Keuken", "Zolder"}
    assert by_label["Keuken"].purpose_nl.endswith(": Keuken")
    assert by_label["Zolder"].kind == "other"


def test_a_two_phase_cooking_group_sits_behind_a_four_pole_rcd_with_two_breakers(catalog):
    result = run(catalog, board=_new([{"kind": "cooking"}, {}, {}]))
    cooking = next(c for c in _households(result) if c.kind == "cooking")
    assert cooking.phases == 2 and cooking.phase.count("-") == 1
    rcd = next(r for r in result.board.rcds if cooking.name in r.groups)
    assert rcd.poles == 4 and rcd.article.endswith("4P-40")
    board_lines = {line.article: line.quantity for line in result.bom}
    assert board_lines[cooking.breaker.article] >= 2  # two coupled 1P+N breakers


def test_an_ev_charge_point_gets_its_own_rcbo_and_counts_at_full_load(catalog):
    result = run(catalog, board=_new([{"kind": "ev_charger", "name": "Oprit"}, {}, {}, {}]))
    ev = next(c for c in _households(result) if c.kind == "ev_charger")
    rcd = next(r for r in result.board.rcds if ev.name in r.groups)
    assert rcd.groups == [ev.name]  # alone
    assert rcd.is_rcbo and ev.phases == 3 and rcd.article.endswith("3PN")


def test_a_type_a_rcbo_on_a_charge_point_asks_for_its_6_ma_dc_detection(catalog):
    # IEC 60364-7-722:2018 722.531.2 (design_rules.json group_kinds): each connecting point
    # behind at least a type A 30 mA RCD, with smooth DC fault currents above 6 mA detected in
    # the charge point itself, or a type B RCD. The catalogue's RCBO for the EV group is type A:
    # the design must say what makes it enough, or an inspector finds a blinded RCD.
    result = run(catalog, board=_new([{"kind": "ev_charger", "name": "Oprit"}, {}, {}, {}]))
    ev = next(c for c in _households(result) if c.kind == "ev_charger")
    assert ev.rcd is not None and ev.rcd.type == "A"
    warned = finding(result, "board.ev_dc_fault_detection")
    assert warned.severity == "warning"
    assert f"Groep {ev.number} „Oprit”" in warned.message
    assert "6 mA" in warned.message and "type B" in warned.message
    assert "722.531.2" in warned.reference


def test_ordinary_groups_get_no_dc_detection_warning(catalog):
    result = run(catalog, board=_new([{"kind": "heat_pump"}, {}, {}, {}]))
    assert "board.ev_dc_fault_detection" not in codes(result)


def test_a_heat_pump_counts_at_full_rating_in_its_rcd_rating(catalog):
    result = run(
        catalog,
        "SMILE-G3-S3.6",
        BAT93,
        1,
        phases=1,
        board=_new([{"kind": "heat_pump", "rating_a": 20}, {}]),
        options={"min_rcds": 1, "max_groups_per_rcd": 4},
    )
    step = next(s for s in result.trace if s.key == "board.rcd_rating")
    # One ordinary 16 A group (factor 1 for a single circuit) plus the heat pump's 20 A.
    assert step.value.endswith("1 × 16 A × 1 + 20 A) = 36 A"), step.value


def test_a_multi_phase_group_on_a_single_phase_connection_is_an_error(catalog):
    result = run(
        catalog, "SMILE-G3-S3.6", BAT93, 1, phases=1, board=_new([{"kind": "cooking", "phases": 3}])
    )
    assert "board.group_phases" in errors(result)
    assert not result.valid


def test_a_finding_names_a_group_by_the_number_the_board_gives_it(catalog):
    # Listed first, the charge point is placed last (it has an RCBO of its own): group 3.
    groups = [
        {"kind": "ev_charger", "name": "Oprit", "phases": 3},
        {"kind": "cooking"},
        {"kind": "heat_pump", "phases": 2},
    ]
    result = run(catalog, T10, BAT93, 2, board=_new(groups))
    heat_pump = next(c for c in _households(result) if c.kind == "heat_pump")
    assert heat_pump.number == 2
    assert finding(result, "board.group_kind_phases").message.startswith("Groep 2 (warmtepomp)")
    groups = [{"backed_up": True, "name": "Koelkast"}, {"kind": "ev_charger"}, {}]
    result = run(catalog, board=_new(groups))
    fridge = next(c for c in _households(result) if c.label == "Koelkast")
    message = finding(result, "board.backed_up_without_backup").message
    assert message.startswith(f"Groep(en) {fridge.number} „Koelkast” staan op noodstroom")


def test_a_two_phase_charge_point_is_an_error_and_gets_a_three_phase_rcbo(catalog):
    result = run(catalog, T10, BAT93, 2, board=_new([{"kind": "ev_charger", "phases": 2}, {}]))
    assert "board.own_rcd_phases" in errors(result)
    ev = next(c for c in _households(result) if c.kind == "ev_charger")
    # No 2-phase RCBO exists: the design never pairs 2 phases with a 1P+N device.
    assert ev.phases == 3 and ev.breaker.poles == 4 and ev.rcd.poles == 4


def test_backed_up_groups_sit_behind_their_own_rcd_on_the_backup_phase(catalog):
    groups = [{}, {"name": "Koelkast", "backed_up": True}, {}, {"name": "Cv", "backed_up": True}]
    result = run(catalog, S5, BAT93, 2, backup="backup_box", board=_new(groups))
    backup = next(c for c in result.circuits if c.name == "backup")
    backed = [c for c in _households(result) if c.backed_up]
    assert {c.label for c in backed} == {"Koelkast", "Cv"}
    assert {c.phase for c in backed} == {backup.phase}
    rcd = next(r for r in result.board.rcds if "noodstroom" in r.label)
    assert sorted(rcd.groups) == sorted(c.name for c in backed)
    others = [r for r in result.board.rcds if r is not rcd]
    assert not any(c.name in r.groups for r in others for c in backed)


def test_backed_up_groups_without_a_backup_solution_are_placed_as_ordinary_with_a_warning(catalog):
    result = run(catalog, board=_new([{"backed_up": True}, {}]))
    assert "board.backed_up_without_backup" in codes(result)
    assert not any(c.backed_up for c in _households(result))


def test_a_backed_up_ev_charger_beyond_the_backup_port_is_a_warning(catalog):
    result = run(
        catalog,
        backup="backup_box",
        board=_new([{"kind": "ev_charger", "rating_a": 32, "backed_up": True}]),
    )
    found = finding(result, "board.backup_groups_exceed_port")
    assert "32 A" in found.message


def test_listed_groups_and_a_different_count_are_an_error_of_the_design(catalog):
    new = run(catalog, board={"mode": "new", "household_circuits": 3, "household_groups": [{}, {}]})
    assert "board.group_count" in errors(new)
    assert len(_households(new)) == 3  # designed with the count, the listing completed
    existing = {"mode": "existing", "free_modules": 8, "rcds": [{"groups": 2}]}
    result = run(catalog, board={**existing, "household_groups": [{"name": "Keuken"}]})
    assert "board.group_count" in errors(result)
    assert (
        "de bestaande aardlekschakelaars hebben er samen 2"
        in finding(result, "board.group_count").message
    )


def test_an_existing_boards_groups_carry_their_names(catalog):
    board = {
        "mode": "existing",
        "free_modules": 8,
        "rcds": [{"groups": 2}],
        "household_groups": [{"name": "Woonkamer"}, {"name": "Keuken", "backed_up": True}],
    }
    result = run(catalog, backup="backup_box", board=board)
    existing = result.board.rcds[0]
    assert existing.groups == [
        "bestaande groep 1: Woonkamer",
        "bestaande groep 2: Keuken (naar noodstroom)",
    ]


group = st.fixed_dictionaries(
    {},
    optional={
        "kind": st.sampled_from(KINDS),
        "backed_up": st.booleans(),
        "rating_a": st.sampled_from([10, 16, 20]),
        "phases": st.sampled_from([1, 2, 3]),
    },
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(groups=st.lists(group, min_size=1, max_size=14), backup=st.booleans())
def test_every_described_group_is_placed_once_behind_one_rcd(catalog, groups, backup):
    result = run(catalog, backup="backup_box" if backup else "none", board=_new(groups))
    households = _households(result)
    assert sorted(c.number for c in households) == list(range(1, len(groups) + 1))
    placed = [name for r in result.board.rcds for name in r.groups if name.startswith("household")]
    assert sorted(placed) == sorted(c.name for c in households)  # once each
    for rcd in result.board.rcds:
        members = [c for c in households if c.name in rcd.groups]
        # A backup section never mixes with the grid busbar's groups.
        assert len({c.backed_up for c in members}) <= 1
        shared = [c for c in members if c.kind != "ev_charger"]
        if len(shared) > 1:
            assert len(shared) <= 4


def test_existing_pv_gets_its_own_group_and_rcbo_in_a_new_board(catalog):
    result = run(
        catalog,
        existing_pv={"power_kw": 4, "phase": "L2"},
        board={"mode": "new", "household_circuits": 6},
    )
    pv = next(c for c in result.circuits if c.name == "pv")
    # 4000 W / 230 V = 17.39 A: the smallest standard breaker above it is 20 A.
    assert pv.phase == "L2" and pv.breaker.rating_a == 20
    rcd = next(r for r in result.board.rcds if r.groups == ["pv"])
    assert rcd.is_rcbo and rcd.in_enclosure and rcd.type == "B"
    assert rcd.article in {line.article for line in result.bom}
    # The PV counts as generation on its phase, once: not again as a battery source.
    step = next(s for s in result.trace if s.key == "board.rcd_rating" and "(L2)" in s.step)
    assert "0 A batterij + 17,39 A PV" in step.value or "batterij + 17,39 A PV" in step.value


@pytest.mark.parametrize("pv_kw", [12, 30])
def test_a_pv_that_delivers_more_than_the_main_fuse_is_an_error_and_gets_nothing_ordered(
    catalog, pv_kw
):
    # 12 kW / 230 V = 52,2 A on L1 behind 3 × 40 A; 30 kW = 130,4 A has no standard breaker.
    result = run(
        catalog,
        main_fuse_a=40,
        existing_pv={"power_kw": pv_kw, "phase": "L1"},
        board={"mode": "new", "household_circuits": 6},
    )
    assert "grid.pv_above_main_fuse" in errors(result)
    assert "40 A" in finding(result, "grid.pv_above_main_fuse").message
    pv = next(c for c in result.circuits if c.name == "pv")
    assert pv.breaker is None
    assert not any("pv" in r.groups for r in result.board.rcds)
    # Not also blamed on the group breaker: one fault, one message.
    assert "board.breaker_above_main_fuse" not in errors(result)


def test_existing_pv_keeps_its_existing_group_in_an_existing_board(catalog):
    board = {"mode": "existing", "free_modules": 8, "rcds": [{"groups": 3}]}
    result = run(catalog, existing_pv={"power_kw": 3, "phase": "L1"}, board=board)
    pv = next(c for c in result.circuits if c.name == "pv")
    assert pv.breaker is None and "bestaande groep" in pv.purpose_nl
    assert not any("pv" in r.groups for r in result.board.rcds)
