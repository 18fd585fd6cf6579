"""Properties of size_cable that hold for every valid input, checked with Hypothesis."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from sizing import tables
from sizing.cable.size import size_cable
from sizing.schema import CableRequest

METHODS = ["A1", "A2", "B1", "B2", "C", "D1", "D2", "E", "F"]
# Over the target a warning, over the hard limit an error (IEC 60364-5-52 Table G.52.1: 5 %).
DROP_CODES = {"cable.voltage_drop", "cable.voltage_drop_limit"}
HARD_LIMIT_PCT = float(tables.rule("voltage_drop_hard_limit_pct").value)

requests = st.builds(
    CableRequest,
    current_a=st.floats(min_value=0.5, max_value=125),
    phases=st.sampled_from([1, 3]),
    length_m=st.floats(min_value=0.5, max_value=400),
    method=st.sampled_from(METHODS),
    insulation=st.sampled_from(["PVC", "XLPE"]),
    ambient_c=st.floats(min_value=-10, max_value=85),
    grouped_circuits=st.integers(min_value=1, max_value=20),
    soil_resistivity_km_w=st.one_of(st.none(), st.floats(min_value=0.3, max_value=3.5)),
    cos_phi=st.floats(min_value=0.7, max_value=1.0),
    max_voltage_drop_pct=st.floats(min_value=0.5, max_value=5),
    grouping_arrangement=st.one_of(
        st.none(),
        st.sampled_from(
            ["bunched", "single_layer_wall", "single_layer_ceiling", "perforated_tray", "ladder"]
        ),
    ),
)


def _annex_g_pct(request: CableRequest, csa: float) -> float:
    """Annex G written out again here, so the engine is checked against a second reading."""
    b = 2 if request.phases == 1 else 1
    sin_phi = math.sqrt(1 - request.cos_phi**2)
    volts = (
        b
        * (0.0225 * request.length_m / csa * request.cos_phi + 0.00008 * request.length_m * sin_phi)
        * request.current_a
    )
    return 100 * volts / 230


def _size(result) -> tuple[float, float]:
    """Breaker and cross-section, with 'no result' as the largest possible answer."""
    return (result.breaker_a or math.inf, result.csa_mm2 or math.inf)


@settings(max_examples=400, deadline=None)
@given(requests)
def test_ib_never_exceeds_in_and_in_never_exceeds_iz(request):
    result = size_cable(request)
    if result.csa_mm2 is None:
        assert not result.valid  # no cable only ever comes with an error that says why
        return
    assert request.current_a <= result.breaker_a <= result.iz_a
    assert 1.45 * result.breaker_a <= 1.45 * result.iz_a  # I2 = 1.45 In for IEC 60898-1


@settings(max_examples=400, deadline=None)
@given(requests)
def test_the_drop_is_within_target_or_a_finding_says_why_not(request):
    result = size_cable(request)
    if result.voltage_drop_pct is None:
        return
    exact = _annex_g_pct(request, result.csa_mm2)
    assert result.voltage_drop_pct == round(exact, 3)
    # The engine judges the exact drop; the reported figure is rounded to 0.001 %, so a drop a
    # hair under the target may print a hair over it (0.7539 % target, 0.754 % shown).
    drop_codes = {f.code for f in result.findings} & DROP_CODES
    if exact > HARD_LIMIT_PCT + 1e-9:
        assert drop_codes == {"cable.voltage_drop_limit"}
    elif exact > request.max_voltage_drop_pct + 1e-9:
        assert drop_codes == {"cable.voltage_drop"}
    else:
        assert drop_codes == set()


def test_a_drop_just_under_the_target_is_accepted_even_when_its_rounded_figure_is_over_it():
    # Found by Hypothesis: 37.75 A over 112.6 m needs 120 mm² for a 0.7539 % target.
    request = CableRequest(
        current_a=37.75,
        phases=1,
        length_m=112.625,
        method="A1",
        insulation="PVC",
        ambient_c=0,
        cos_phi=0.921875,
        max_voltage_drop_pct=0.75390625,
    )
    result = size_cable(request)
    assert result.csa_mm2 == 120
    assert _annex_g_pct(request, 120) <= request.max_voltage_drop_pct
    assert _annex_g_pct(request, 95) > request.max_voltage_drop_pct
    assert not {f.code for f in result.findings} & DROP_CODES


@settings(max_examples=400, deadline=None)
@given(requests)
def test_the_chosen_cross_section_is_the_smallest_that_meets_both(request):
    result = size_cable(request)
    if result.csa_mm2 is None:
        return
    loaded = 2 if request.phases == 1 else 3
    column = tables.ampacity_column(request.insulation, loaded, request.method)
    k = result.k_temp * result.k_group * (result.k_soil or 1.0)
    meets_target = _annex_g_pct(request, result.csa_mm2) <= request.max_voltage_drop_pct + 1e-9
    for csa, iz0 in column.values:
        if csa >= result.csa_mm2:
            break
        carries = iz0 * k + 1e-9 >= result.breaker_a
        drop_ok = _annex_g_pct(request, csa) <= request.max_voltage_drop_pct + 1e-9
        # A smaller one may only be skipped when it fails one of the two checks, or when
        # nothing reaches the target and the largest one is taken.
        assert not (carries and drop_ok)
        if not meets_target:
            assert result.csa_mm2 == column.values[-1][0]


@settings(max_examples=300, deadline=None)
@given(
    requests,
    st.floats(min_value=0, max_value=200),
    st.floats(min_value=0, max_value=60),
    st.floats(min_value=0, max_value=40),
    st.integers(min_value=0, max_value=19),
)
def test_results_never_shrink_when_length_current_ambient_or_grouping_grow(
    request, more_length, more_current, more_heat, more_circuits
):
    base = _size(size_cable(request))
    grown = {
        "length_m": min(request.length_m + more_length, 1000),
        "current_a": min(request.current_a + more_current, 1000),
        "ambient_c": min(request.ambient_c + more_heat, 100),
        "grouped_circuits": min(request.grouped_circuits + more_circuits, 20),
    }
    for name, value in grown.items():
        bigger = _size(size_cable(request.model_copy(update={name: value})))
        assert bigger[0] >= base[0], name
        assert bigger[1] >= base[1], name
