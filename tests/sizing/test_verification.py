"""The limits of the test report: RCD trip current and time by type and rating, insulation
resistance by circuit voltage, Zs as the engine worked it out, RA for TT (sizing.verification)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sizing import verification
from sizing.schema import Circuit, FaultProtection


@pytest.mark.parametrize("rcd_type", ["A", "F", "B"])
@pytest.mark.parametrize("ma", [30, 100, 300])
def test_a_general_rcd_trips_between_half_and_all_of_its_rating_within_300_and_40_ms(
    rcd_type: str, ma: int
) -> None:
    limits = verification.rcd_limits(rcd_type, ma)
    assert (limits.trip_current_ma.low, limits.trip_current_ma.high) == (ma / 2, ma)
    assert (limits.time_at_idn_ms.low, limits.time_at_idn_ms.high) == (None, 300)
    assert (limits.time_at_5idn_ms.low, limits.time_at_5idn_ms.high) == (None, 40)


@pytest.mark.parametrize("rcd_type", ["A", "F", "B"])
@pytest.mark.parametrize("ma", [100, 300, 500])
def test_an_s_type_rcd_must_wait_at_least_130_ms_and_trip_within_500_ms(
    rcd_type: str, ma: int
) -> None:
    limits = verification.rcd_limits(rcd_type, ma, selective=True)
    assert (limits.trip_current_ma.low, limits.trip_current_ma.high) == (ma / 2, ma)
    assert (limits.time_at_idn_ms.low, limits.time_at_idn_ms.high) == (130, 500)
    assert (limits.time_at_5idn_ms.low, limits.time_at_5idn_ms.high) == (50, 150)
    assert not limits.time_at_idn_ms.holds(100)  # too fast: no longer selective
    assert limits.time_at_idn_ms.holds(130) and limits.time_at_idn_ms.holds(500)
    assert not limits.time_at_5idn_ms.holds(45)  # 40 ms is the general type's maximum


def test_the_five_times_test_is_optional_from_300_ma_where_testers_stop() -> None:
    assert not verification.rcd_limits("A", 30).five_times_optional
    assert not verification.rcd_limits("B", 100).five_times_optional
    assert verification.rcd_limits("A", 300).five_times_optional


@pytest.mark.parametrize("selective", [False, True])
def test_every_limit_names_its_source_in_both_languages(selective: bool) -> None:
    limits = verification.rcd_limits("A", 300, selective=selective)
    for limit in (limits.trip_current_ma, limits.time_at_idn_ms, limits.time_at_5idn_ms):
        nl, en = limit.basis
        assert "61008" in nl or "Fluke" in nl
        assert en and nl != en
    assert "60364-6" in verification.insulation_limit(400).limit.basis[1]
    nl, en = verification.reserve_soc_limit().basis
    assert "klant" in nl and "customer" in en


@pytest.mark.parametrize(
    ("volts", "test_v", "min_mohm"), [(24, 250, 0.5), (230, 500, 1.0), (400, 500, 1.0)]
)
def test_insulation_is_tested_at_the_voltage_of_table_6_1(
    volts: float, test_v: float, min_mohm: float
) -> None:
    found = verification.insulation_limit(volts)
    assert found.test_voltage_v == test_v
    assert found.limit.low == min_mohm and found.limit.high is None


def _circuit(zs_measured: float | None, phases: int = 1) -> Circuit:
    return Circuit(
        name="ac_grid",
        purpose_nl="x",
        purpose_en="x",
        phases=phases,
        phase="L1",
        design_current_a=10,
        fault=FaultProtection(earthing="TN-C-S", zs_measured_max_ohm=zs_measured),
    )


def test_the_zs_limit_is_the_engines_limit_for_a_measurement() -> None:
    limit = verification.zs_limit(_circuit(1.093))
    assert limit is not None and limit.high == 1.093 and limit.low is None
    assert "0.8" in limit.basis[1]
    assert verification.zs_limit(_circuit(None)) is None  # TT: no Zs limit from the design


def test_a_three_phase_circuit_is_a_400_volt_circuit() -> None:
    assert verification.circuit_voltage_v(_circuit(None, phases=3)) == 398
    assert verification.circuit_voltage_v(_circuit(None)) == 230


def test_in_tt_the_largest_rcd_sets_the_earth_electrode_limit() -> None:
    limit = verification.ra_limit([30, 300])
    assert limit is not None and limit.high == pytest.approx(50 / 0.3)
    assert verification.ra_limit([30]).high == pytest.approx(50 / 0.03)  # type: ignore[union-attr]
    assert verification.ra_limit([]) is None


finite = st.floats(min_value=0, max_value=1e6, allow_nan=False)


@settings(max_examples=300, deadline=None)
@given(low=finite, width=finite, value=finite)
def test_a_value_passes_exactly_when_it_lies_within_the_closed_interval(
    low: float, width: float, value: float
) -> None:
    limit = verification.Limit(low, low + width, ("", ""))
    inside = low - 1e-9 <= value <= low + width + 1e-9
    assert limit.holds(value) is inside
    assert limit.holds(low) and limit.holds(low + width)  # the boundaries themselves pass


@settings(max_examples=200, deadline=None)
@given(ma=st.sampled_from([10, 30, 100, 300, 500]), fraction=st.floats(0, 3, allow_nan=False))
def test_a_trip_current_passes_exactly_between_half_and_all_of_the_rating(
    ma: float, fraction: float
) -> None:
    window = verification.rcd_limits("A", ma).trip_current_ma
    measured = fraction * ma
    assert window.holds(measured) is (ma / 2 - 1e-9 <= measured <= ma + 1e-9)


def test_a_value_that_is_not_a_number_never_passes() -> None:
    limit = verification.Limit(None, 300, ("", ""))
    assert not limit.holds(float("nan"))
    assert not limit.holds(float("inf"))
