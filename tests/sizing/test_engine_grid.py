"""Grid, site and paperwork rules of design(): each fires on one side of its line only."""

from __future__ import annotations

import pytest

from tests.sizing.engine_helpers import (
    B5,
    BAT38,
    BAT45,
    BAT93,
    S5,
    S36,
    T10,
    T20,
    codes,
    errors,
    finding,
    run,
    with_inverter,
    with_module,
)

# ---------------------------------------------------------------- phases


def test_it_rejects_a_three_phase_inverter_on_a_single_phase_connection(catalog):
    result = run(catalog, "SMILE-G3-T4", phases=1)
    assert errors(result) == {"inverter.phase_mismatch"}
    message = finding(result, "inverter.phase_mismatch").message
    assert all(code in message for code in (S36, S5, B5))
    assert "verzwaren naar 3 fasen" in message


def test_it_accepts_a_three_phase_inverter_on_a_three_phase_connection(catalog):
    assert "inverter.phase_mismatch" not in codes(run(catalog, "SMILE-G3-T4", phases=3))


def test_it_accepts_a_single_phase_inverter_on_a_single_phase_connection_silently(catalog):
    result = run(catalog, S36, phases=1, main_fuse_a=40)
    assert result.valid
    assert "inverter.single_phase_on_three_phase" not in codes(result)


def test_a_single_phase_inverter_on_three_phases_goes_on_l1_and_says_why_spreading_matters(
    catalog,
):
    result = run(catalog, S5)
    assert result.valid
    info = finding(result, "inverter.single_phase_on_three_phase")
    assert info.severity == "info"
    assert "komt op L1" in info.message
    assert "3-fase compensatie" in info.message
    assert "scheefbelasting" in info.message
    assert "unbalances" in info.message_en


def test_it_moves_the_single_phase_inverter_off_the_phase_with_existing_pv(catalog):
    result = run(catalog, S5, existing_pv={"power_kw": 4, "phase": "L1"})
    message = finding(result, "inverter.single_phase_on_three_phase").message
    assert "komt op L2" in message
    assert "bestaande PV" in message


def test_a_three_phase_inverter_gets_no_phase_advice(catalog):
    assert "inverter.single_phase_on_three_phase" not in codes(run(catalog, T10))


# ---------------------------------------------------------------- 5 kW per phase


def test_five_kw_on_a_single_phase_connection_is_within_the_limit(catalog):
    result = run(catalog, S5, phases=1, main_fuse_a=40)
    assert "grid.single_phase_generation_limit" not in codes(result)


def test_existing_pv_on_a_single_phase_connection_pushes_an_s5_over_five_kw(catalog):
    result = run(catalog, S5, phases=1, existing_pv={"power_kw": 0.1, "phase": "L3"})
    warning = finding(result, "grid.single_phase_generation_limit")
    assert warning.severity == "warning"
    # On a single-phase connection everything is on L1, whatever the request says.
    assert "Op L1 komt 5,1 kW opwek" in warning.message
    assert "Netcode" in warning.reference


def test_the_advice_names_the_smaller_inverter_that_stays_under_the_limit(catalog):
    result = run(catalog, S5, phases=1, existing_pv={"power_kw": 0.1, "phase": "L1"})
    message = finding(result, "grid.single_phase_generation_limit").message
    # 3,6 kW + 0,1 kW stays under 5 kW.
    assert message.endswith("of kies de kleinere SMILE-G3-S3.6.")


def test_the_smallest_inverter_is_never_told_to_be_smaller(catalog):
    result = run(catalog, S36, phases=1, main_fuse_a=40, existing_pv={"power_kw": 2})
    message = finding(result, "grid.single_phase_generation_limit").message
    assert "kleinere" not in message.replace("Geen kleinere eenfase-omvormer", "")
    assert "Geen kleinere eenfase-omvormer blijft eronder" in message


@pytest.mark.parametrize(("pv_kw", "fires"), [(1.32, False), (1.33, True)])
def test_an_s3_6_with_existing_pv_fires_just_above_five_kw(catalog, pv_kw, fires):
    result = run(catalog, S36, phases=1, main_fuse_a=40, existing_pv={"power_kw": pv_kw})
    assert ("grid.single_phase_generation_limit" in codes(result)) is fires


def test_pv_on_another_phase_of_a_three_phase_connection_does_not_count(catalog):
    result = run(catalog, S5, existing_pv={"power_kw": 4, "phase": "L2"})
    assert "grid.single_phase_generation_limit" not in codes(result)


def test_pv_spread_over_three_phases_adds_a_third_to_the_inverter_phase(catalog):
    at_limit = run(catalog, S5, existing_pv={"power_kw": 0, "phase": "3P"})
    above = run(catalog, S5, existing_pv={"power_kw": 0.3, "phase": "3P"})
    assert "grid.single_phase_generation_limit" not in codes(at_limit)
    assert "5,1 kW" in finding(above, "grid.single_phase_generation_limit").message


def test_a_three_phase_inverter_is_not_held_to_the_single_phase_limit(catalog):
    result = run(catalog, T10, existing_pv={"power_kw": 4.9, "phase": "L1"})
    assert "grid.single_phase_generation_limit" not in codes(result)


# ---------------------------------------------------------------- main fuse


@pytest.mark.parametrize(("fuse", "fires"), [(14.4, True), (14.5, False)])
def test_a_t10_charging_at_its_10_kw_maximum_needs_14_5_a_per_phase(catalog, fuse, fires):
    # 10 000 W / (3 × 230 V) = 14.49 A: the maximum charge power, not the 20 kW grid input
    # (that only flows when backup loads pass through, and those are household load).
    result = run(catalog, T10, main_fuse_a=fuse)
    assert ("grid.main_fuse_capacity" in codes(result)) is fires


def test_the_main_fuse_warning_says_the_numbers_and_the_ems_limit(catalog):
    result = run(catalog, T10, main_fuse_a=25, options={"household_load_a": 15})
    warning = finding(result, "grid.main_fuse_capacity")
    assert warning.severity == "warning"
    assert "tot 10 kW op: 14,49 A per fase" in warning.message
    assert "3×25 A" in warning.message
    assert "EMS" in warning.message
    assert "6,9 kW" in warning.message  # (25 − 15) A × 3 × 230 V
    assert "6.9 kW" in warning.message_en


@pytest.mark.parametrize(("load", "fires"), [(10, False), (11, True)])
def test_household_load_reduces_what_the_main_fuse_leaves(catalog, load, fires):
    options = {"household_load_a": load}
    result = run(catalog, T10, main_fuse_a=25, options=options)
    assert ("grid.main_fuse_capacity" in codes(result)) is fires


def test_a_single_phase_inverter_on_three_phases_draws_everything_from_one_phase(catalog):
    # S3.6: 3.68 kW on one phase is 16 A; 3×25 A with 10 A of household load leaves 15 A.
    result = run(catalog, S36, main_fuse_a=25, options={"household_load_a": 10})
    assert "16 A per fase (alles op L1)" in finding(result, "grid.main_fuse_capacity").message


@pytest.mark.parametrize(("fuse", "fires"), [(16, False), (15.9, True)])
def test_an_s3_6_needs_16_a_on_a_single_phase_connection(catalog, fuse, fires):
    result = run(catalog, S36, phases=1, main_fuse_a=fuse)
    assert ("grid.main_fuse_capacity" in codes(result)) is fires


def test_the_ems_limit_is_a_field_with_the_number_the_warning_advises(catalog):
    result = run(catalog, T10, BAT93, 8, main_fuse_a=25, options={"household_load_a": 15})
    assert result.ems_grid_charge_limit_kw == 6.9  # (25 − 15) A × 3 × 230 V
    warning = finding(result, "grid.main_fuse_capacity")
    assert "op 6,9 kW" in warning.message and "to 6.9 kW" in warning.message_en


def test_an_s5_on_1x35_a_needs_no_ems_limit_because_it_charges_at_21_7_a(catalog):
    # The reported contradiction: the overview advised an 8.05 kW limit for a 10 kW, 43.5 A
    # draw, while the circuit was B25 for 21.7 A. Charging at 5 kW is 21.7 A: it fits.
    result = run(catalog, S5, BAT93, 2, phases=1, main_fuse_a=35)
    assert result.ems_grid_charge_limit_kw is None
    assert "grid.main_fuse_capacity" not in codes(result)
    charging = next(s for s in result.trace if s.key == "system.grid_charging_current")
    grid = next(c for c in result.circuits if c.name == "ac_grid")
    # 5 kW / 230 V = 21.74 A, printed to the cent as every calculated current; the circuit's
    # Ib is the brochure's own 21.7 A, a figure of its own.
    assert "= 21,74 A" in charging.value
    assert grid.design_current_a == 21.7


def test_one_current_per_port_the_trace_and_the_circuit_print_the_same_figure(catalog):
    result = run(catalog, T20, BAT93, 4, main_fuse_a=40)
    charging = next(s for s in result.trace if s.key == "system.grid_charging_current")
    grid = next(c for c in result.circuits if c.name == "ac_grid")
    assert "= 28,99 A" in charging.value  # 20 kW / (3 × 230 V), as the circuit prints it
    assert round(grid.design_current_a, 2) == 28.99


def test_no_ems_limit_where_the_main_fuse_carries_the_charging_current(catalog):
    result = run(catalog, T20, BAT93, 4, main_fuse_a=40)
    assert "grid.main_fuse_capacity" not in codes(result)
    assert result.ems_grid_charge_limit_kw is None


def test_an_ems_limit_of_zero_means_no_charging_from_the_grid(catalog):
    result = run(catalog, T10, main_fuse_a=25, options={"household_load_a": 25})
    assert result.ems_grid_charge_limit_kw == 0
    assert (
        "Zet laden uit het net in het EMS uit" in finding(result, "grid.main_fuse_capacity").message
    )


def test_the_main_fuse_check_reads_the_max_charge_power_from_the_catalogue(catalog):
    doubled = with_inverter(catalog, T10, max_charge_power_kw=20.0)
    assert "grid.main_fuse_capacity" in codes(run(doubled, T10, main_fuse_a=25))


# ---------------------------------------------------------------- registration and PGS 37


def test_every_brochure_inverter_must_be_registered_at_energieleveren(catalog):
    info = finding(run(catalog, S36, phases=1, main_fuse_a=40), "registration.energieleveren")
    assert info.severity == "info"
    assert "energieleveren.nl" in info.message


@pytest.mark.parametrize(("kw", "fires"), [(0.8, True), (0.79, False)])
def test_registration_starts_at_0_8_kw_of_storage(catalog, kw, fires):
    small = with_inverter(catalog, S36, max_charge_power_kw=kw)
    result = run(small, S36, phases=1, main_fuse_a=40)
    assert ("registration.energieleveren" in codes(result)) is fires


def test_pgs37_is_silent_for_18_6_kwh(catalog):
    assert "safety.pgs37" not in codes(run(catalog, T10, BAT93, 2))


def test_pgs37_is_advised_for_27_9_kwh(catalog):
    info = finding(run(catalog, T10, BAT93, 3), "safety.pgs37")
    assert info.severity == "info"
    assert "27,9 kWh" in info.message
    assert "verzekeraar" in info.message


@pytest.mark.parametrize(("usable", "fires"), [(10, False), (10.01, True)])
def test_pgs37_starts_above_twenty_kwh_usable(catalog, usable, fires):
    module = with_module(catalog, BAT45, usable_kwh=usable)
    assert ("safety.pgs37" in codes(run(module, T10, BAT45, 2))) is fires


def test_pgs37_counts_usable_not_nominal_capacity(catalog):
    # 6 × BAT-3.8S: 22.8 kWh nominal but 21.9 usable; both above 20, so check a smaller one.
    module = with_module(catalog, BAT38, usable_kwh=3.3)
    assert "safety.pgs37" not in codes(run(module, T10, BAT38, 6))  # 19.8 usable, 22.8 nominal


# ---------------------------------------------------------------- location and temperature


def test_it_rejects_the_ip21_module_outdoors(catalog):
    result = run(catalog, T10, BAT38, 4, location="outdoor")
    assert errors(result) == {"battery.indoor_only"}
    message = finding(result, "battery.indoor_only").message
    assert "IP21" in message
    assert BAT93 in message


def test_it_accepts_the_ip21_module_indoors(catalog):
    assert run(catalog, T10, BAT38, 4, location="indoor").valid


def test_it_accepts_ip65_modules_outdoors(catalog):
    assert run(catalog, T10, BAT93, 4, location="outdoor").valid


@pytest.mark.parametrize(
    ("module", "ambient", "fires"),
    [(BAT38, -10, False), (BAT38, -10.5, True), (BAT93, -20, False), (BAT93, -21, True)],
)
def test_below_the_module_operating_temperature_is_an_error(catalog, module, ambient, fires):
    result = run(catalog, T10, module, 2, min_ambient_c=ambient)
    assert ("battery.temperature" in codes(result)) is fires
    assert result.valid is not fires


def test_the_temperature_warning_names_the_modules_that_stand_the_cold(catalog):
    warning = finding(run(catalog, T10, BAT38, 2, min_ambient_c=-15), "battery.temperature")
    assert "-15 °C" in warning.message
    assert "-10 °C" in warning.message
    assert BAT45 in warning.message
    assert BAT93 in warning.message


def test_without_a_minimum_temperature_there_is_no_temperature_warning(catalog):
    assert "battery.temperature" not in codes(run(catalog, T10, BAT38, 2))


def test_it_reminds_that_the_backup_box_hangs_indoors_when_the_batteries_stand_outside(catalog):
    outside = run(catalog, T10, BAT93, 2, location="outdoor", backup="backup_box")
    inside = run(catalog, T10, BAT93, 2, location="indoor", backup="backup_box")
    assert "IP21" in finding(outside, "backup.box_indoor_only").message
    assert "backup.box_indoor_only" not in codes(inside)


@pytest.mark.parametrize(
    ("pv", "says"),
    [
        (None, "er is geen bestaande PV"),
        ({"power_kw": 3, "phase": "L3"}, "de bestaande PV zit op L3"),
        ({"power_kw": 3, "phase": "3P"}, "over de drie fasen verdeeld"),
    ],
)
def test_the_phase_advice_explains_the_choice_of_l1(catalog, pv, says):
    message = finding(run(catalog, S5, existing_pv=pv), "inverter.single_phase_on_three_phase")
    assert "komt op L1" in message.message
    assert says in message.message
