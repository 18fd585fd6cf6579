"""Battery rules of design(): counts, clusters, mixing, compatibility, capacity, headroom."""

from __future__ import annotations

import dataclasses

import pytest

from tests.sizing.engine_helpers import (
    BAT38,
    BAT45,
    BAT93,
    S5,
    T10,
    T15,
    T20,
    codes,
    errors,
    finding,
    replaced,
    run,
    without_compatibility,
)

# ---------------------------------------------------------------- allowed counts, boundaries


def test_it_accepts_six_modules_on_a_t10_in_one_cluster(catalog):
    result = run(catalog, T10, BAT93, 6)
    assert result.valid
    assert result.battery.clusters == [6]


def test_it_rejects_seven_modules_on_a_t10(catalog):
    result = run(catalog, T10, BAT93, 7)
    assert not result.valid
    message = finding(result, "battery.count_not_allowed").message
    assert "1–6, 8, 10 of 12" in message
    assert "6 of 8" in message  # the nearest counts the installer can pick instead


def test_it_accepts_eight_modules_on_a_t10_as_two_clusters_of_four(catalog):
    result = run(catalog, T10, BAT93, 8)
    assert result.valid
    assert result.battery.clusters == [4, 4]


@pytest.mark.parametrize(("count", "clusters"), [(10, [5, 5]), (12, [6, 6])])
def test_it_splits_larger_systems_into_two_equal_clusters(catalog, count, clusters):
    assert run(catalog, T10, BAT93, count).battery.clusters == clusters


def test_it_rejects_one_module_on_a_t15(catalog):
    result = run(catalog, T15, BAT93, 1)
    assert errors(result) == {"battery.count_not_allowed"}
    assert "minimaal 2 modules" in finding(result, "battery.count_not_allowed").message
    assert "at least 2 modules" in finding(result, "battery.count_not_allowed").message_en


def test_it_accepts_two_modules_on_a_t15(catalog):
    assert run(catalog, T15, BAT93, 2).valid


def test_it_accepts_four_modules_on_an_s5(catalog):
    assert run(catalog, S5, BAT93, 4).valid


def test_it_rejects_five_modules_on_an_s5(catalog):
    result = run(catalog, S5, BAT93, 5)
    assert errors(result) == {"battery.count_not_allowed"}
    assert "toegestaan zijn 1–4 modules" in finding(result, "battery.count_not_allowed").message


def test_it_accepts_six_bat_4_5s_on_a_t10(catalog):
    assert run(catalog, T10, BAT45, 6).valid


def test_it_rejects_eight_bat_4_5s_because_that_module_never_runs_in_two_clusters(catalog):
    result = run(catalog, T10, BAT45, 8)
    assert errors(result) == {"battery.count_not_allowed"}
    assert "1–6" in finding(result, "battery.count_not_allowed").message


@pytest.mark.parametrize("count", [7, 9, 11])
def test_it_rejects_odd_counts_above_one_cluster_on_a_t20(catalog, count):
    message = finding(run(catalog, T20, BAT38, count), "battery.count_not_allowed").message
    assert "gelijke clusters" in message


def test_the_count_error_lists_the_allowed_counts_in_english_too(catalog):
    english = finding(run(catalog, T10, BAT93, 9), "battery.count_not_allowed").message_en
    assert "1–6, 8, 10 or 12" in english
    assert "8 or 10" in english


# ---------------------------------------------------------------- mixing, compatibility, unknown


def test_it_rejects_two_module_types_in_one_system(catalog):
    data = {"batteries": [{"module": BAT93, "count": 2}, {"module": BAT45, "count": 2}]}
    result = run(catalog, **data)
    assert errors(result) == {"battery.mixed_modules"}
    assert f"{BAT93} en {BAT45}" in finding(result, "battery.mixed_modules").message


def test_two_lines_of_the_same_module_count_as_one_string(catalog):
    data = {"batteries": [{"module": BAT93, "count": 4}, {"module": BAT93, "count": 4}]}
    result = run(catalog, **data)
    assert result.valid
    assert result.battery.count == 8
    assert result.battery.clusters == [4, 4]


def test_it_rejects_a_module_without_a_compatibility_row_and_names_the_ones_that_fit(catalog):
    trimmed = without_compatibility(catalog, T10, BAT38)
    result = run(trimmed, T10, BAT38, 2)
    assert errors(result) == {"battery.module_not_compatible"}
    message = finding(result, "battery.module_not_compatible").message
    assert BAT45 in message
    assert BAT93 in message
    assert result.battery is None


def test_it_rejects_an_unknown_module_and_suggests_the_closest_code(catalog):
    result = run(catalog, T10, "BAT-9.3", 2)
    assert errors(result) == {"battery.module_unknown"}
    assert f"Bedoelt u {BAT93}?" in finding(result, "battery.module_unknown").message


def test_it_rejects_an_unknown_module_and_lists_the_catalogue_when_nothing_is_close(catalog):
    message = finding(run(catalog, T10, "XYZZY", 2), "battery.module_unknown").message
    assert all(code in message for code in (BAT38, BAT45, BAT93))


# ---------------------------------------------------------------- capacity arithmetic


@pytest.mark.parametrize(
    ("module", "count", "nominal", "usable"),
    [
        (BAT93, 12, 111.6, 111.6),
        (BAT93, 1, 9.3, 9.3),
        (BAT38, 4, 15.2, 14.6),
        (BAT38, 12, 45.6, 43.8),
        (BAT38, 1, 3.8, 3.65),
        (BAT45, 6, 27.36, 27.36),
        (BAT45, 1, 4.56, 4.56),
    ],
)
def test_it_adds_up_the_capacity_of_every_module(catalog, module, count, nominal, usable):
    battery = run(catalog, T10, module, count).battery
    assert battery.nominal_kwh == pytest.approx(nominal)
    assert battery.usable_kwh == pytest.approx(usable)


@pytest.mark.parametrize(
    ("inverter", "module", "low", "high"),
    [
        (S5, BAT38, 3.65, 14.6),
        (S5, BAT45, 4.56, 18.24),
        (S5, BAT93, 9.3, 37.2),
        (T10, BAT38, 3.65, 43.8),
        (T10, BAT45, 4.56, 27.36),
        (T10, BAT93, 9.3, 111.6),
        (T15, BAT38, 7.3, 43.8),
        (T15, BAT45, 9.12, 27.36),
        (T15, BAT93, 18.6, 111.6),
    ],
)
def test_capacity_ranges_match_the_brochure(catalog, inverter, module, low, high):
    smallest = run(catalog, inverter, module, 2 if inverter == T15 else 1).battery
    assert smallest.usable_kwh == pytest.approx(low)
    assert smallest.max_usable_kwh == pytest.approx(high)


def test_the_trace_shows_the_capacity_sum_in_dutch_numbers(catalog):
    steps = {s.key: s.value for s in run(catalog, T10, BAT45, 5).trace}
    assert steps["battery.capacity"] == "5 × 4,56 kWh = 22,8 kWh bruikbaar (22,8 kWh nominaal)"


# ---------------------------------------------------------------- expansion headroom


def test_it_tells_how_far_the_system_can_grow(catalog):
    result = run(catalog, T10, BAT93, 8)
    message = finding(result, "expansion.headroom").message
    assert "10 of 12 modules" in message
    assert "111,6 kWh" in message
    assert result.battery.next_counts == [10, 12]


def test_it_mentions_two_clusters_when_growing_past_one_cluster(catalog):
    message = finding(run(catalog, T10, BAT93, 4), "expansion.headroom").message
    assert "Vanaf 8 modules in twee gelijke clusters" in message


def test_it_says_when_the_maximum_is_reached(catalog):
    result = run(catalog, T10, BAT45, 6)
    assert "Dit is het maximum" in finding(result, "expansion.headroom").message
    assert result.battery.next_counts == []


def test_it_gives_no_headroom_advice_for_a_count_that_is_not_allowed(catalog):
    assert "expansion.headroom" not in codes(run(catalog, T10, BAT93, 7))


def test_beyond_the_largest_count_it_says_the_maximum_not_the_cluster_rule(catalog):
    message = finding(run(catalog, T10, BAT93, 14), "battery.count_not_allowed").message
    assert "maximaal 12 van deze modules" in message
    assert "Kies bijvoorbeeld 12 modules" in message


def test_a_compatibility_row_without_counts_means_not_compatible(catalog):
    rows = tuple(
        dataclasses.replace(c, allowed_counts=())
        if (c.inverter, c.module_code) == (T10, BAT38)
        else c
        for c in catalog.compatibility
    )
    result = run(replaced(catalog, compatibility=rows), T10, BAT38, 2)
    assert errors(result) == {"battery.module_not_compatible"}
