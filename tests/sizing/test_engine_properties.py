"""Properties of design() over any input: it answers with a Design or a validation error,
never anything else, and a valid Design never carries an error."""

from __future__ import annotations

import os
from typing import Any, get_args

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from sizing.constants import EPSILON
from sizing.engine import design
from sizing.schema import Design, DesignRequest, GroupKind, Severity

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

INVERTERS = [
    "SMILE-G3-S3.6", "SMILE-G3-S5", "SMILE-G3-B5", "SMILE-G3-T4", "SMILE-G3-T5",
    "SMILE-G3-T6", "SMILE-G3-T8", "SMILE-G3-T10", "SMILE-G3-T15", "SMILE-G3-T20",
]  # fmt: skip
MODULES = ["SMILE-G3-BAT-3.8S", "SMILE-G3-BAT-4.5S", "SMILE-G3-BAT-9.3S"]
KEYS = [
    "connection", "inverter", "batteries", "backup", "location", "min_ambient_c",
    "existing_pv", "shutdown_kit", "board", "ac_cable", "backup_cable", "options",
    "phases", "main_fuse_a", "module", "count", "power_kw", "phase", "length_m",
]  # fmt: skip

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**6), max_value=10**6)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12)
    | st.sampled_from(INVERTERS + MODULES + ["1", "3", "25 A", "-5 °C", "outdoor", "L1"])
)
json_values = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=6), children, max_size=5)
    ),
    max_leaves=20,
)


def check(data: Any, catalog: Any) -> Design | None:
    """The property itself: validation error or a Design; a valid Design has no error."""
    try:
        request = DesignRequest.model_validate(data)
    except ValidationError:
        return None
    result = design(request, catalog)
    assert isinstance(result, Design)
    assert result.valid == (not result.by_severity(Severity.ERROR))
    return result


@SETTINGS
@given(data=st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), json_values, max_size=8))
def test_any_json_object_gives_a_design_or_a_validation_error(catalog, data):
    check(data, catalog)


_RUN = {
    "ambient_c": st.integers(min_value=-20, max_value=60),
    "grouped_circuits": st.integers(min_value=1, max_value=9),
}
# Well-formed runs only: XLPE is a multi-core cable (XMvK), never drawn into conduit as VD is.
cable_runs = st.fixed_dictionaries(
    {"length_m": st.floats(min_value=0.1, max_value=200)},
    optional={
        "method": st.sampled_from(["A1", "B1", "B2", "C", "E"]),
        "insulation": st.just("PVC"),
        **_RUN,
    },
) | st.fixed_dictionaries(
    {"length_m": st.floats(min_value=0.1, max_value=200), "insulation": st.just("XLPE")},
    optional={"method": st.sampled_from(["B2", "C", "E"]), **_RUN},
)
# A described group: every kind, with or without phases and rating, backed up or not.
household_groups = st.fixed_dictionaries(
    {"kind": st.sampled_from(list(get_args(GroupKind)))},
    optional={
        "name": st.sampled_from(["", "Keuken", "Laadpaal oprit", "Zolder"]),
        "phases": st.sampled_from([1, 2, 3]),
        "rating_a": st.sampled_from([10, 16, 20, 25, 32, 40]),
        "backed_up": st.booleans(),
    },
)
main_rcds = st.fixed_dictionaries(
    {},
    optional={
        "type": st.sampled_from(["A", "F", "B"]),
        "sensitivity_ma": st.sampled_from([30, 100, 300, 500]),
        "selective": st.booleans(),
    },
)
boards = st.one_of(
    st.fixed_dictionaries(
        {"mode": st.just("new"), "household_circuits": st.integers(min_value=0, max_value=30)}
    ),
    st.fixed_dictionaries(
        {"mode": st.just("new"), "household_groups": st.lists(household_groups, max_size=14)},
        optional={"main_rcd": main_rcds},
    ),
    st.fixed_dictionaries(
        {
            "mode": st.just("existing"),
            "rcds": st.lists(
                st.fixed_dictionaries({"groups": st.integers(min_value=0, max_value=8)}),
                max_size=4,
            ),
            "free_modules": st.integers(min_value=0, max_value=30),
        },
        optional={"main_rcd": main_rcds},
    ),
)
# Unknown codes are well-formed (the engine answers with a finding); control characters are not.
codes = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=20
)
requests = st.fixed_dictionaries(
    {
        "connection": st.fixed_dictionaries(
            {
                "phases": st.sampled_from([1, 3]),
                "main_fuse_a": st.sampled_from([16, 25, 35, 40, 50, 63, 80]),
            }
        ),
        "inverter": st.sampled_from(INVERTERS) | codes,
        "batteries": st.lists(
            st.fixed_dictionaries(
                {
                    "module": st.sampled_from(MODULES) | codes,
                    "count": st.integers(min_value=1, max_value=64),
                }
            ),
            min_size=1,
            max_size=4,
        ),
    },
    optional={
        "backup": st.sampled_from(["none", "distribution_unit", "backup_box"]),
        "location": st.sampled_from(["indoor", "outdoor"]),
        "min_ambient_c": st.floats(min_value=-60, max_value=80),
        "existing_pv": st.fixed_dictionaries(
            {
                "power_kw": st.floats(min_value=0, max_value=30),
                "phase": st.sampled_from(["L1", "L2", "L3", "3P"]),
            }
        ),
        "shutdown_kit": st.booleans(),
        "ac_cable": cable_runs,
        "backup_cable": cable_runs,
        "board": boards,
        "options": st.fixed_dictionaries(
            {}, optional={"household_load_a": st.floats(min_value=0, max_value=100)}
        ),
    },
)


@SETTINGS
@given(data=requests)
def test_any_well_formed_request_gives_a_design_and_valid_ones_carry_no_error(catalog, data):
    result = check(data, catalog)
    assert result is not None
    if result.valid:
        assert result.battery is not None
        compat = catalog.compatibility_for(result.request.inverter, result.battery.module)
        assert sum(result.battery.clusters) == result.battery.count
        assert max(result.battery.clusters) <= compat.max_per_cluster
        assert len(result.battery.clusters) <= compat.max_clusters


@SETTINGS
@given(
    inverter=st.sampled_from(INVERTERS),
    module=st.sampled_from(MODULES),
    count=st.integers(min_value=1, max_value=13),
)
def test_the_usable_capacity_is_the_count_times_the_module(catalog, inverter, module, count):
    data = {
        "connection": {"phases": 3, "main_fuse_a": 80},
        "inverter": inverter,
        "batteries": [{"module": module, "count": count}],
    }
    result = check(data, catalog)
    per_module = catalog.modules[module].usable_kwh
    assert result.battery.usable_kwh == pytest.approx(count * per_module)


# The circuit rules hold for every design the brochure range can be asked for: 10 000 requests
# in the suite (KEUZEHULP_DESIGN_EXAMPLES raises it for a long run).
DESIGN_EXAMPLES = int(os.environ.get("KEUZEHULP_DESIGN_EXAMPLES", "10000"))
brochure_requests = st.fixed_dictionaries(
    {
        "connection": st.fixed_dictionaries(
            {
                "phases": st.sampled_from([1, 3]),
                "main_fuse_a": st.sampled_from([25, 35, 40, 50, 63, 80]),
                "earthing": st.sampled_from(["TN-C-S", "TT", "unknown"]),
            }
        ),
        "inverter": st.sampled_from(INVERTERS),
        "batteries": st.lists(
            st.fixed_dictionaries(
                {"module": st.sampled_from(MODULES), "count": st.integers(1, 12)}
            ),
            min_size=1,
            max_size=1,
        ),
    },
    optional={
        "backup": st.sampled_from(["none", "distribution_unit", "backup_box"]),
        "existing_pv": st.fixed_dictionaries(
            {
                "power_kw": st.floats(min_value=0, max_value=10),
                "phase": st.sampled_from(["L1", "L2", "L3", "3P"]),
            }
        ),
        "ac_cable": cable_runs,
        "backup_cable": cable_runs,
        "board": boards,
    },
)


@settings(
    max_examples=DESIGN_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
)
@given(data=brochure_requests)
def test_every_circuit_of_a_valid_design_keeps_ib_in_iz_and_the_main_fuse(catalog, data):
    result = check(data, catalog)
    assert result is not None
    if not result.valid:
        return
    main = result.request.connection.main_fuse_a
    codes = {(f.code, f.circuit) for f in result.findings}
    for circuit in result.circuits:
        breaker = circuit.breaker
        if breaker is not None:
            # Ib ≤ In (433.1). The one exception is the backup port's fixed protection (the
            # brochure's C25) behind a port that can deliver more: it still protects the cable
            # (In ≤ Iz below) and the design must say that backup loads above In trip it.
            if ("backup.port_above_protection", circuit.name) not in codes:
                assert circuit.design_current_a <= breaker.rating_a + EPSILON, circuit.name
            assert breaker.rating_a <= main + EPSILON, circuit.name  # an error otherwise
            if circuit.cable is not None:
                assert breaker.rating_a <= circuit.cable.iz_a + EPSILON, circuit.name  # In ≤ Iz
        fault = circuit.fault
        if fault is None:
            continue
        if fault.breaking_capacity_ka is not None:
            assert fault.breaking_capacity_ka + EPSILON >= fault.ik_max_ka, circuit.name
        if fault.zs_ohm is not None:
            assert fault.zs_ohm <= fault.zs_max_ohm + EPSILON, circuit.name
        if (
            fault.let_through_a2s is not None
            and ("fault.adiabatic_assumed", circuit.name) not in codes
        ):
            assert fault.k2s2_a2s + 1 >= fault.let_through_a2s, circuit.name
        if fault.touch_voltage_v is not None:
            assert fault.touch_voltage_v <= 50 + EPSILON, circuit.name
