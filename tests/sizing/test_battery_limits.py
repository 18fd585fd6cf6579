"""The modules' own limits: their operating temperatures and the current they carry."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sizing.system.rules import battery_power_kw, clusters
from tests.sizing.engine_helpers import BAT38, BAT93, T10, T20, codes, errors, finding, run


def test_a_battery_colder_than_its_minimum_is_an_error(catalog):
    # BAT-3.8S works from −10 °C (brochure, footnote **): −15 °C is outside its range.
    result = run(catalog, T10, BAT38, 4, min_ambient_c=-15)
    assert not result.valid
    assert finding(result, "battery.temperature").severity == "error"


def test_a_battery_warmer_than_50_c_is_an_error(catalog):
    result = run(catalog, T10, BAT93, 2, max_ambient_c=55)
    assert "battery.too_hot" in errors(result)
    assert "55 °C" in finding(result, "battery.too_hot").message
    assert "50 °C" in finding(result, "battery.too_hot").message


@pytest.mark.parametrize("hottest", [30, 50])
def test_up_to_50_c_the_battery_may_stand(catalog, hottest):
    assert "battery.too_hot" not in codes(run(catalog, T10, BAT93, 2, max_ambient_c=hottest))


def test_a_t20_with_two_small_modules_is_capped_by_the_modules(catalog):
    # 2 × 96 V in series × 40 A (BAT-3.8S max. current) = 7.68 kW, against 20 kW of the T20.
    compat = catalog.compatibility_for(T20, BAT38)
    count = min(compat.allowed_counts)
    result = run(catalog, T20, BAT38, count, main_fuse_a=40)
    warning = finding(result, "battery.power_capped")
    assert warning.severity == "warning"
    split = clusters(count, compat)
    expected = battery_power_kw(catalog.inverters[T20], catalog.modules[BAT38], split)
    assert expected < 20
    step = next(s for s in result.trace if s.key == "battery.power")
    assert "20 kW" in step.value


def test_enough_modules_reach_the_inverters_power_without_a_warning(catalog):
    result = run(catalog, T10, BAT93, 8)
    assert "battery.power_capped" not in codes(result)


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_the_warning_fires_exactly_when_the_modules_carry_less_than_the_inverter(catalog, data):
    inverter = data.draw(st.sampled_from(sorted(catalog.inverters)))
    modules = catalog.compatible_modules(inverter)
    if not modules:
        return
    module = data.draw(st.sampled_from(modules))
    compat = catalog.compatibility_for(inverter, module)
    count = data.draw(st.sampled_from(sorted(compat.allowed_counts)))
    split = clusters(count, compat)
    result = run(catalog, inverter, module, count, phases=catalog.inverters[inverter].phases,
                 main_fuse_a=80)  # fmt: skip
    power = battery_power_kw(catalog.inverters[inverter], catalog.modules[module], split)
    capped = power < catalog.inverters[inverter].max_charge_power_kw
    assert ("battery.power_capped" in codes(result)) is capped


def test_the_capped_power_warning_counts_clusters_without_a_bracketed_plural(catalog):
    compat = catalog.compatibility_for(T20, BAT38)
    result = run(catalog, T20, BAT38, min(compat.allowed_counts), main_fuse_a=40)
    warning = finding(result, "battery.power_capped")
    assert "in 1 cluster leveren" in warning.message
    assert "cluster(s)" not in warning.message and "cluster(s)" not in warning.message_en
