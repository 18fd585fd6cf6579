"""Property: for every circuit of a valid design the breaking capacity holds Ik,max and Zs stays
within its limit (issue 11 point 7), whatever supply figures the request gives."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sizing.constants import EPSILON
from sizing.engine import design
from sizing.schema import DesignRequest

from .test_engine_properties import INVERTERS, MODULES, boards, cable_runs

supplies = st.fixed_dictionaries(
    {
        "phases": st.sampled_from([1, 3]),
        "main_fuse_a": st.sampled_from([25, 35, 40, 63, 80]),
        "earthing": st.sampled_from(["TN-C-S", "TT", "unknown"]),
    },
    optional={
        "ze_ohm": st.floats(min_value=0.01, max_value=5),
        "ik_max_ka": st.floats(min_value=0.1, max_value=20),
        "ra_ohm": st.floats(min_value=0.1, max_value=3000),
    },
)
requests = st.fixed_dictionaries(
    {
        "connection": supplies,
        "inverter": st.sampled_from(INVERTERS),
        "batteries": st.lists(
            st.fixed_dictionaries(
                {"module": st.sampled_from(MODULES), "count": st.integers(min_value=1, max_value=8)}
            ),
            min_size=1,
            max_size=1,
        ),
    },
    optional={
        "backup": st.sampled_from(["none", "distribution_unit", "backup_box"]),
        "ac_cable": cable_runs,
        "backup_cable": cable_runs,
        "board": boards,
        "options": st.fixed_dictionaries(
            {}, optional={"breaker_curve": st.sampled_from(["B", "C", "D"])}
        ),
    },
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=requests)
def test_every_circuit_of_a_valid_design_is_protected_against_faults(catalog, data):
    result = design(DesignRequest.model_validate(data), catalog)
    if not result.valid:
        return
    for circuit in result.circuits:
        fault = circuit.fault
        assert fault is not None
        if fault.breaking_capacity_ka is not None:
            assert fault.breaking_capacity_ka + EPSILON >= fault.ik_max_ka
        if fault.zs_ohm is not None:
            assert fault.zs_ohm <= fault.zs_max_ohm + EPSILON
        assumed = {f.circuit for f in result.findings if f.code == "fault.adiabatic_assumed"}
        if fault.let_through_a2s is not None and circuit.name not in assumed:
            assert fault.k2s2_a2s + 1 >= fault.let_through_a2s
        if fault.touch_voltage_v is not None:
            assert fault.touch_voltage_v <= 50 + EPSILON
