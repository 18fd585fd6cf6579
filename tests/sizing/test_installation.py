"""plan(): the battery's circuits, the groepenkast and their materials, on the live catalogue.

Expected figures are worked by hand from the brochure (smile-g3-catalog.md), the
IEC 60898-1 ratings and the IEC 60364-5-52 tables, cited where they are used.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from sizing import tables
from sizing.domain import Catalog, MaterialKind
from sizing.engine import design
from sizing.installation.plan import plan
from sizing.schema import DesignOptions, DesignRequest, Severity

S5 = "SMILE-G3-S5"
T10 = "SMILE-G3-T10"
T20 = "SMILE-G3-T20"
BAT93 = "SMILE-G3-BAT-9.3S"


def _request(inverter: str = S5, phases: int = 3, main_fuse_a: float = 25, **fields: Any):
    data: dict[str, Any] = {
        "connection": {"phases": phases, "main_fuse_a": main_fuse_a},
        "inverter": inverter,
        "batteries": [{"module": BAT93, "count": 2}],
    }
    data.update(fields)
    return DesignRequest.model_validate(data)


def _plan(catalog: Catalog, inverter: str = S5, **kwargs: Any):
    request = _request(inverter, **kwargs)
    return plan(request, catalog, catalog.inverters[inverter])


def _circuit(result, name):
    return next(c for c in result.circuits if c.name == name)


def _codes(result, severity=None):
    return {f.code for f in result.findings if severity is None or f.severity is severity}


def _with_inverter(catalog: Catalog, code: str, **changes: Any) -> Catalog:
    inverters = dict(catalog.inverters)
    inverters[code] = dataclasses.replace(inverters[code], **changes)
    return dataclasses.replace(catalog, inverters=inverters)


def _quantity(result, article):
    return sum(line.quantity for line in result.lines if line.article == article)


def _rcd(catalog: Catalog, article: str):
    return next(r for r in catalog.rcds if r.article == article)


RUN_10M = {"length_m": 10, "method": "B1", "insulation": "PVC", "ambient_c": 30}


# --------------------------------------------------------------------------- S5


def test_an_s5_without_backup_gets_a_25_a_type_b_rcbo_and_6_mm2(catalog):
    # Brochure: S5 grid-port current 21.7 A → 25 A (IEC 60898-1). Type B: the catalogue holds
    # no maker's declaration that type A suffices. B.52.2 col B1: 4 mm² = 32 A ≥ 25 A, but
    # Δu = 2 × 0.0225 × 10 / 4 × 21.7 = 2.44 V = 1.06 % > 1 %, so 6 mm² (0.71 %).
    result = _plan(catalog, ac_cable=RUN_10M)
    grid = _circuit(result, "ac_grid")
    assert grid.design_current_a == 21.7
    assert (grid.breaker.rating_a, grid.breaker.poles) == (25, 2)
    assert (grid.rcd.type, grid.rcd.sensitivity_ma, grid.rcd.is_rcbo) == ("B", 30, True)
    device = _rcd(catalog, grid.rcd.article)
    assert device.is_rcbo and device.poles == "1P+N"
    assert device.rating_a == 25 and device.rcd_type.value == "B"
    assert grid.cable.csa_mm2 == 6
    assert grid.voltage_drop_pct == pytest.approx(0.708, abs=0.001)
    assert [c.name for c in result.circuits] == ["ac_grid"]


def test_an_s5_with_a_backup_box_passes_nothing_through_its_grid_port(catalog):
    # The BackupBox switches the backed-up loads itself; the grid port carries 21.7 A.
    result = _plan(catalog, backup="backup_box", ac_cable=RUN_10M, backup_cable=RUN_10M)
    assert _circuit(result, "ac_grid").design_current_a == pytest.approx(21.7)


def test_an_s5_with_the_distribution_unit_sizes_the_grid_port_for_the_grid_input_power(catalog):
    # The distribution unit's loads pass through the inverter: 10 kW / 230 V = 43.48 A → 50 A.
    # The catalogue has no 50 A RCBO, so an RCD ≥ 50 A type B with a B50 breaker.
    result = _plan(catalog, backup="distribution_unit", ac_cable=RUN_10M, backup_cable=RUN_10M)
    grid = _circuit(result, "ac_grid")
    assert grid.design_current_a == pytest.approx(43.48, abs=0.005)
    assert grid.breaker.rating_a == 50
    assert grid.rcd.is_rcbo is False
    assert _rcd(catalog, grid.rcd.article).rating_a >= 50
    breaker = next(b for b in catalog.breakers if b.article == grid.breaker.article)
    assert breaker.rating_a == 50 and breaker.poles == "1P+N"
    step = next(s for s in grid.trace if s.key == "circuit.design_current")
    assert "10.000 W / (1 × 230 V)" in step.value
    assert "10,000 W / (1 × 230 V)" in step.value_en


def test_the_backup_port_is_protected_by_the_vekto_c25_100_ma_device(catalog):
    result = _plan(catalog, backup="backup_box", ac_cable=RUN_10M, backup_cable=RUN_10M)
    backup = _circuit(result, "backup")
    assert backup.design_current_a == 21.7
    assert (backup.breaker.rating_a, backup.breaker.curve) == (25, "C")
    assert (backup.rcd.type, backup.rcd.sensitivity_ma) == ("A", 100)  # High Immunity = type A
    accessory = next(a for a in catalog.accessories if a.article == backup.breaker.article)
    assert accessory.kind.value == "backup_protection" and accessory.phases == (1,)


def test_with_a_backup_box_the_protection_is_ordered_once(catalog):
    request = _request(backup="backup_box", ac_cable=RUN_10M, backup_cable=RUN_10M)
    result = design(request, catalog)
    protections = {a.article for a in catalog.accessories if a.kind.value == "backup_protection"}
    assert sum(line.quantity for line in result.bom if line.article in protections) == 1


def test_a_distribution_unit_gets_the_protection_once_and_its_own_2_m_cable(catalog):
    result = design(_request(backup="distribution_unit", ac_cable=RUN_10M), catalog)
    backup = _circuit(result, "backup")
    assert backup.cable is None
    assert "backup.integral_cable" in _codes(result, Severity.INFO)
    assert sum(line.quantity for line in result.bom if line.article == backup.breaker.article) == 1


# --------------------------------------------------------------------------- three-phase


def test_a_t10_on_3x25_gets_16_a_without_a_selectivity_warning(catalog):
    # T10: no current in the brochure, 10 kW / (3 × 230 V) = 14.49 A → 16 A, 3P+N. The
    # published Dutch table allows 16 A groups behind 3 × 25 A (25 / 1.6 = 15.6 read strictly
    # would not; electrical-sizing.md §5.5).
    result = _plan(catalog, T10, ac_cable=RUN_10M)
    grid = _circuit(result, "ac_grid")
    assert grid.design_current_a == pytest.approx(14.49, abs=0.005)
    assert (grid.breaker.rating_a, grid.breaker.poles, grid.phase) == (16, 4, "L1-L2-L3")
    assert "board.selectivity" not in _codes(result, Severity.WARNING)
    current_step = next(s for s in grid.trace if s.key == "circuit.design_current")
    assert current_step.is_default  # derived from power, not manufacturer data
    assert "circuit.current_from_power" in _codes(result, Severity.INFO)


def test_a_t20_on_3x40_on_the_default_run_needs_10_mm2(catalog):
    # 20 kW / 690 V = 28.99 A → 32 A, which the published table allows behind 3 × 40 A (and
    # 40 / 1.6 = 25 A would not). Default run A1, PVC, 3 loaded
    # (B.52.4 col A1): 6 mm² = 31 A < 32 A, 10 mm² = 42 A; Δu = 0.0225 × 15 / 10 × 28.99 =
    # 0.98 V = 0.43 %.
    result = _plan(catalog, T20, main_fuse_a=40)
    grid = _circuit(result, "ac_grid")
    assert grid.breaker.rating_a == 32
    assert grid.cable.csa_mm2 == 10
    assert "board.selectivity" not in _codes(result, Severity.WARNING)
    assert "circuit.default_run" in _codes(result, Severity.WARNING)
    assert any(s.key == "circuit.cable_run" and s.is_default for s in grid.trace)


def test_a_40_m_run_grows_the_t10_cable_to_6_mm2_for_the_voltage_drop(catalog):
    # 14.49 A, b = 1: 2.5 mm² 2.27 %, 4 mm² 1.42 %, 6 mm² 0.945 % ≤ 1 %. VD is single-core:
    # 5 conductors × 40 m = 200 m.
    run = {**RUN_10M, "length_m": 40}
    result = _plan(catalog, T10, ac_cable=run)
    grid = _circuit(result, "ac_grid")
    assert grid.cable.csa_mm2 == 6
    assert grid.voltage_drop_pct == pytest.approx(0.945, abs=0.001)
    assert grid.cable.cable_type == "VD"
    assert _quantity(result, grid.cable.article) == 200


def test_a_hot_loft_derates_the_cable_with_the_45_c_factor(catalog):
    # S5 25 A at 45 °C (B.52.14 PVC 0.79): 2.5 mm² 24 × 0.79 = 18.96 A < 25 A, 4 mm²
    # 32 × 0.79 = 25.28 A; 5 m keeps Δu at 0.53 %.
    run = {**RUN_10M, "length_m": 5, "ambient_c": 45}
    grid = _circuit(_plan(catalog, ac_cable=run), "ac_grid")
    assert grid.cable.csa_mm2 == 4
    assert grid.cable.iz_a == pytest.approx(25.28)
    assert any("0,79" in s.value and "B.52.14" in s.basis for s in grid.trace)


def test_a_multi_core_run_orders_one_length_of_5_core_cable(catalog):
    run = {**RUN_10M, "method": "C", "length_m": 12.3}
    grid = _circuit(_plan(catalog, T10, ac_cable=run), "ac_grid")
    cable = next(c for c in catalog.cables if c.article == grid.cable.article)
    assert (cable.cable_type, cable.cores) == ("YMvK", 5)
    assert _quantity(_plan(catalog, T10, ac_cable=run), cable.article) == 13  # whole metres


# --------------------------------------------------------------------------- RCD choices


def test_a_makers_type_a_declaration_in_the_catalogue_gives_a_type_a_rcbo(catalog):
    declared = _with_inverter(catalog, S5, rcd_type_a_permitted=True)
    grid = _circuit(_plan(declared, ac_cable=RUN_10M), "ac_grid")
    assert grid.rcd.type == "A"
    assert _rcd(catalog, grid.rcd.article).rcd_type.value == "A"


def test_the_rcd_sensitivity_is_configurable(catalog):
    grid = _circuit(
        _plan(catalog, ac_cable=RUN_10M, options={"rcd_sensitivity_ma": "0.3 A"}), "ac_grid"
    )
    assert grid.rcd.sensitivity_ma == 300
    assert _rcd(catalog, grid.rcd.article).sensitivity_ma == 300


def test_a_lower_maximum_grid_port_current_in_the_catalogue_wins_with_backup(catalog):
    limited = _with_inverter(catalog, S5, max_ac_current_a=30.0)
    grid = _circuit(
        _plan(limited, backup="backup_box", ac_cable=RUN_10M, backup_cable=RUN_10M), "ac_grid"
    )
    assert grid.design_current_a == 30
    assert grid.breaker.rating_a == 32


def test_the_makers_recommended_breaker_in_the_catalogue_is_used_and_shown_in_the_trace(catalog):
    recommended = _with_inverter(catalog, S5, recommended_ac_breaker_a=32.0)
    grid = _circuit(_plan(recommended, ac_cable=RUN_10M), "ac_grid")
    assert grid.breaker.rating_a == 32  # not the 25 A that Ib = 21.7 A alone would give
    step = next(s for s in grid.trace if s.key == "circuit.manufacturer_breaker")
    assert step.value == "32 A" and "aanbevolen AC-automaat" in step.basis


def test_without_a_matching_article_it_says_so_instead_of_inventing_one(catalog):
    bare = dataclasses.replace(catalog, rcds=(), breakers=())
    result = _plan(bare, ac_cable=RUN_10M)
    assert "bom.no_article" in _codes(result, Severity.WARNING)
    # Cable and the site materials (meter, conduit …) have articles; no breaker is invented.
    assert {line.category for line in result.lines} == {"cable", "materials"}


def test_a_single_phase_battery_avoids_the_phase_with_existing_pv(catalog):
    result = _plan(catalog, ac_cable=RUN_10M, existing_pv={"power_kw": 3, "phase": "L1"})
    assert _circuit(result, "ac_grid").phase == "L2"


def test_the_selectivity_factor_is_configurable(catalog):
    result = _plan(catalog, T10, ac_cable=RUN_10M, options={"selectivity_factor": 1.0})
    assert "board.selectivity" not in _codes(result)


# --------------------------------------------------------------------------- groepenkast


def test_an_existing_board_without_free_places_gets_the_options(catalog):
    board = {"mode": "existing", "rcds": [{"groups": 3}, {"groups": 4}], "free_modules": 0}
    result = _plan(catalog, T10, ac_cable=RUN_10M, board=board)
    finding = next(f for f in result.findings if f.code == "board.no_space")
    assert finding.severity is Severity.WARNING
    assert "uitbreidingskast" in finding.message and "nieuwe groepenkast" in finding.message
    assert "extension enclosure" in finding.message_en
    assert result.board.modules_needed > result.board.modules_free == 0


def test_the_battery_never_joins_an_existing_rcd(catalog):
    board = {"mode": "existing", "rcds": [{"groups": 3}, {"groups": 2}], "free_modules": 12}
    result = _plan(catalog, T10, ac_cable=RUN_10M, board=board)
    existing = [r for r in result.board.rcds if not r.is_new]
    assert len(existing) == 2
    assert all("ac_grid" not in r.groups for r in existing)
    own = next(r for r in result.board.rcds if "ac_grid" in r.groups)
    assert own.is_new and own.groups == ["ac_grid"]
    assert "board.no_space" not in _codes(result)


def test_an_existing_rcd_with_too_many_groups_is_flagged(catalog):
    board = {"mode": "existing", "rcds": [{"groups": 6}, {"groups": 2}], "free_modules": 12}
    result = _plan(catalog, T10, ac_cable=RUN_10M, board=board)
    assert "board.rcd_too_many_groups" in _codes(result, Severity.WARNING)


def test_a_new_board_for_8_groups_on_3x25(catalog):
    result = _plan(catalog, T10, ac_cable=RUN_10M, board={"mode": "new", "household_circuits": 8})
    board = result.board
    household = [r for r in board.rcds if any(g.startswith("household_") for g in r.groups)]
    # NEN 1010:2015 531.2: at least two RCDs, at most four groups behind each 30 mA RCD.
    assert len(household) >= 2
    assert all(len(r.groups) <= 4 and r.sensitivity_ma == 30 for r in household)
    assert sum(len(r.groups) for r in household) == 8
    # Balanced over all three phases of the connection.
    assert set(board.groups_per_phase) == {"L1", "L2", "L3"}
    assert max(board.groups_per_phase.values()) - min(board.groups_per_phase.values()) <= 1
    assert {r.phase for r in household} == {"L1", "L2", "L3"}
    # Main switch: four poles, at least the 25 A main fuse.
    assert board.main_switch_poles == 4 and board.main_switch_a >= 25
    # The battery on its own RCBO; the enclosure holds every module.
    own = next(r for r in board.rcds if "ac_grid" in r.groups)
    assert own.groups == ["ac_grid"] and own.is_rcbo
    enclosure = next(e for e in catalog.enclosures if e.article == board.enclosure_article)
    assert enclosure.modules >= board.modules_needed
    assert len([c for c in result.circuits if c.name.startswith("household_")]) == 8
    assert all(c.breaker.rating_a == 16 for c in result.circuits if c.name.startswith("house"))


def test_a_new_board_module_count_adds_up_from_the_articles(catalog):
    result = _plan(catalog, T10, ac_cable=RUN_10M, board={"mode": "new", "household_circuits": 8})
    widths = {
        **{r.article: r.module_width for r in catalog.rcds},
        **{b.article: b.module_width for b in catalog.breakers},
        **{s.article: s.module_width for s in catalog.main_switches},
        # The surge protection at the origin: one place per pole where the catalogue is silent.
        **{
            m.article: m.module_width or result.board.surge_protection_poles
            for m in catalog.materials
            if m.kind is MaterialKind.SURGE_PROTECTION
        },
    }
    in_board = sum(
        widths[line.article] * line.quantity for line in result.lines if line.article in widths
    )
    assert result.board.modules_needed == in_board


def test_a_new_board_on_a_single_phase_connection(catalog):
    result = _plan(
        catalog,
        S5,
        phases=1,
        main_fuse_a=35,
        ac_cable=RUN_10M,
        board={"mode": "new", "household_circuits": 3},
    )
    board = result.board
    assert board.main_switch_poles == 2 and board.main_switch_a >= 35
    household = [r for r in board.rcds if any(g.startswith("household_") for g in r.groups)]
    assert len(household) == 2  # three groups, but never all behind one RCD
    assert board.groups_per_phase == {"L1": 3}


def test_a_single_phase_battery_counts_on_its_phase_when_spreading_groups(catalog):
    result = _plan(catalog, S5, ac_cable=RUN_10M, board={"mode": "new", "household_circuits": 8})
    # The S5 sits on L1, so L1 takes one household group fewer: 2, 3, 3.
    assert result.board.groups_per_phase == {"L1": 2, "L2": 3, "L3": 3}


def test_the_backup_protection_is_drawn_but_takes_no_place_in_the_board(catalog):
    result = _plan(
        catalog,
        T10,
        backup="backup_box",
        ac_cable=RUN_10M,
        backup_cable=RUN_10M,
        board={"mode": "new", "household_circuits": 4},
    )
    backup = next(r for r in result.board.rcds if "backup" in r.groups)
    assert backup.in_enclosure is False


def test_no_board_given_is_reported_as_advice(catalog):
    result = _plan(catalog, ac_cable=RUN_10M)
    assert result.board is None
    assert "board.not_specified" in _codes(result, Severity.INFO)


# --------------------------------------------------------------------------- trace, options


def test_every_circuit_trace_step_has_its_basis(catalog):
    result = _plan(
        catalog, T10, backup="backup_box", board={"mode": "new", "household_circuits": 6}
    )
    for circuit in result.circuits:
        assert circuit.trace, circuit.name
        assert all(step.basis and step.circuit == circuit.name for step in circuit.trace)
    grid_text = " ".join(s.basis for s in _circuit(result, "ac_grid").trace)
    assert "B.52.4" in grid_text and "bijlage G" in grid_text and "60898-1" in grid_text
    grid_text_en = " ".join(s.basis_en for s in _circuit(result, "ac_grid").trace)
    assert "B.52.4" in grid_text_en and "Annex G" in grid_text_en and "60898-1" in grid_text_en


@pytest.mark.parametrize(
    "board",
    [{"mode": "new", "household_circuits": 6}, {"mode": "existing", "rcds": [{"groups": 3}]}],
)
def test_a_circuit_step_is_written_once_in_its_circuit_not_again_in_the_design(catalog, board):
    request = _request(T10, main_fuse_a=35, backup="backup_box", board=board)
    result = design(request, catalog)
    names = {c.name for c in result.circuits}
    assert {"ac_grid", "backup"} <= names
    assert not [s.step for s in result.trace if s.circuit in names]
    assert any(s.step == "Ontwerpstroom netpoort Ib" for s in _circuit(result, "ac_grid").trace)
    assert any(s.step == "Omvormer" and s.circuit is None for s in result.trace)


def test_the_option_defaults_are_the_documented_rules():
    options = DesignOptions()
    assert options.selectivity_factor == tables.rule("selectivity_factor").value
    assert options.max_groups_per_rcd == tables.rule("max_groups_per_rcd").value
    assert options.min_rcds == tables.rule("min_rcds").value
    assert options.household_breaker_a == tables.rule("household_breaker_a").value


def test_a_t20_backup_port_above_the_c25_protection_is_flagged(catalog):
    # T20 backup port: no current in the brochure, 20 kW / (3 × 230 V) = 28.99 A > 25 A.
    result = _plan(catalog, T20, main_fuse_a=40, backup="backup_box", backup_cable=RUN_10M)
    backup = _circuit(result, "backup")
    assert backup.design_current_a == pytest.approx(28.99, abs=0.005)
    assert backup.breaker.rating_a == 25
    assert "backup.port_above_protection" in _codes(result, Severity.WARNING)
    # The cable is protected by the 25 A device, so it must carry 25 A, not more.
    assert backup.cable.iz_a >= 25


def test_the_design_prices_the_installation_materials(catalog):
    request = _request(T10, ac_cable=RUN_10M, board={"mode": "new", "household_circuits": 8})
    result = design(request, catalog)
    categories = {line.category for line in result.bom}
    assert {"cable", "protection", "board"} <= categories
    assert result.board.enclosure_article in {line.article for line in result.bom}
