"""The cable type decides its own rating (issue 11, point 1), and the voltage-drop target, the
inverter's AC terminal and conduit fill are said where they matter (point 11).

Worked examples cite IEC 60364-5-52:2009 Annex B as shipped in sizing/tables (B.52.2 PVC two
loaded conductors, B.52.4 PVC three loaded) and Annex G for the drop (ρ1 = 0,0225 Ω·mm²/m).
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from pydantic import ValidationError

from sizing.cable.types import field_errors
from sizing.installation.cable_practice import conduit_fill
from sizing.notes import Notes
from sizing.schema import Severity

from .engine_helpers import BAT93, S5, T20, codes, finding, replaced, run, with_inverter

# The reproducer of issue 11: YMvK said to be XLPE behind a T20 on 3×40 A.
REPRODUCER: dict[str, Any] = {
    "inverter": T20,
    "module": BAT93,
    "count": 3,
    "main_fuse_a": 40,
    "ac_cable": {"length_m": 9, "insulation": "XLPE", "cable_type": "YMvK"},
}


def s5(catalog: Any, length_m: float, **cable: Any) -> Any:
    return run(
        catalog, S5, BAT93, 1, phases=1, main_fuse_a=40, ac_cable={"length_m": length_m, **cable}
    )


def t20(catalog: Any, **cable: Any) -> Any:
    return run(catalog, T20, BAT93, 3, main_fuse_a=40, ac_cable={"length_m": 9, **cable})


def refused(**fields: Any) -> list[tuple[Any, ...]]:
    from .engine_helpers import request

    with pytest.raises(ValidationError) as caught:
        request(**fields)
    return [error["loc"] for error in caught.value.errors()]


def test_it_refuses_a_ymvk_rated_from_the_xlpe_table():
    assert refused(**REPRODUCER) == [("ac_cable", "insulation")]


def test_a_catalogue_type_that_says_otherwise_refuses_the_design_too(catalog):
    # An admin made YMvK lie only in free air: the schema allows C, the catalogue does not.
    types = dict(catalog.cable_types)
    types["YMvK"] = dataclasses.replace(types["YMvK"], methods=("E",))
    result = s5(replaced(catalog, cable_types=types), 10, cable_type="YMvK", method="C")
    assert not result.valid and result.circuits == []
    assert finding(result, "cable.type_method").circuit == "ac_grid"
    fields = field_errors(result.request, replaced(catalog, cable_types=types))
    assert [f for f, _ in fields] == ["ac_cable.method"]


def test_a_ymvk_without_a_method_lies_in_b2_and_needs_6_mm2_behind_b32(catalog):
    # T20: Ib = 20 000 / (3 × 230) = 28,99 A → B32. B.52.4 column B2: 4 mm² = 27 A < 32 A,
    # 6 mm² = 34 A ≥ 32 A. Rated from XLPE (B.52.5 B1: 4 mm² = 37 A) it was 4 mm².
    result = t20(catalog, cable_type="YMvK")
    cable = result.circuits[0].cable
    assert result.valid
    assert (cable.cable_type, cable.insulation, cable.method) == ("YMvK", "PVC", "B2")
    assert (cable.csa_mm2, cable.iz_a) == (6, 34)
    assert cable.ampacity_table == "IEC 60364-5-52:2009 Table B.52.4, column B2"


def test_an_xmvk_without_insulation_is_rated_from_the_xlpe_table(catalog):
    result = t20(catalog, cable_type="XMvK", method="C")
    cable = result.circuits[0].cable
    assert result.valid and cable.insulation == "XLPE"
    assert cable.ampacity_table == "IEC 60364-5-52:2009 Table B.52.5, column C"


def test_it_refuses_vd_on_the_wall():
    assert refused(ac_cable={"length_m": 9, "cable_type": "VD", "method": "C"}) == [
        ("ac_cable", "method")
    ]


def test_it_refuses_a_multi_core_cable_in_the_single_core_conduit_column():
    assert refused(ac_cable={"length_m": 9, "cable_type": "YMvK", "method": "B1"}) == [
        ("ac_cable", "method")
    ]


def test_it_refuses_xlpe_in_conduit_when_no_type_says_what_is_drawn_in():
    # No type: XLPE gives XMvK, a multi-core cable, which may not use the VD column B1.
    assert refused(ac_cable={"length_m": 9, "insulation": "XLPE", "method": "B1"}) == [
        ("ac_cable", "method")
    ]


def test_no_type_may_lie_by_method_f():
    assert refused(ac_cable={"length_m": 9, "method": "F"}) == [("ac_cable", "method")]


def test_a_type_the_catalogue_lacks_is_refused(catalog):
    result = s5(replaced(catalog, cable_types={}), 10)
    assert "cable.type_unknown" in codes(result)


def test_the_trace_names_the_type_and_the_column_it_is_rated_from(catalog):
    steps = {s.key: s for s in s5(catalog, 10).circuits[0].trace}
    step = steps["circuit.cable_type"]
    assert step.value == "VD: PVC, enkeladerige draad in buis; methode B1 (toegestaan: A1, B1)"
    assert step.basis.startswith("IEC 60364-5-52:2009 tabel B.52.2, kolom B1")


@pytest.mark.parametrize(
    ("length_m", "target_csa"),
    [
        # S5: Ib = 5000 / 230 = 21,74 A → B25; B.52.2 B1: 2,5 mm² = 24 A < 25, 4 mm² = 32 A.
        # Δu = 2 × 0,0225 × L / S × Ib / 230: 15 m on 6 mm² 1,06 % > 1 %, on 10 mm² 0,64 %;
        # 25 m on 10 mm² 1,06 %, on 16 mm² 0,66 %. On 4 mm² 1,59 % and 2,65 %, within 3 %.
        (15, 10),
        (25, 16),
    ],
)
def test_the_one_percent_target_sets_the_cross_section_and_says_so(catalog, length_m, target_csa):
    result = s5(catalog, length_m)
    cable = result.circuits[0].cable
    assert (cable.csa_mm2, cable.governed_by) == (target_csa, "voltage_drop")
    assert (cable.csa_by_current_mm2, cable.csa_at_advice_mm2) == (4, 4)
    said = finding(result, "cable.sized_by_voltage_drop")
    assert said.severity is Severity.INFO
    assert "Aan Iz en 3 % voldoet 4 mm²" in said.message
    assert "cable.governed_by_target" in {s.key for s in result.circuits[0].trace}


def test_a_cable_the_current_sizes_says_nothing_about_the_target(catalog):
    result = s5(catalog, 3)
    assert result.circuits[0].cable.governed_by == "current"
    assert "cable.sized_by_voltage_drop" not in codes(result)


def test_an_unknown_ac_terminal_is_a_warning_naming_the_inverter(catalog):
    warned = finding(s5(catalog, 15), "cable.terminal_unknown")
    assert warned.severity is Severity.WARNING
    assert "SMILE-G3-S5" in warned.message and "10 mm²" in warned.message


def test_a_conductor_larger_than_the_terminal_takes_is_a_warning(catalog):
    result = s5(with_inverter(catalog, S5, ac_terminal_max_mm2=6), 15)
    assert "max. 6 mm²" in finding(result, "cable.terminal_too_small").message
    assert "cable.terminal_unknown" not in codes(result)


def test_a_conductor_the_terminal_takes_passes_with_a_step(catalog):
    result = s5(with_inverter(catalog, S5, ac_terminal_max_mm2=16), 15)
    assert not {"cable.terminal_unknown", "cable.terminal_too_small"} & codes(result)
    steps = {s.key: s for s in result.circuits[0].trace}
    assert steps["circuit.terminal"].value == "10 mm² ≤ 16 mm²"


def test_thick_vd_in_conduit_gets_the_fill_rule():
    notes = Notes()
    conduit_fill(3, 10, "ac_grid", notes)
    assert [f.code for f in notes.findings] == ["cable.conduit_fill"]
    assert "ten hoogste 33 %" in notes.findings[0].message


def test_four_wires_of_2_5_mm2_fit_a_16_mm_conduit():
    # NPR 5310 table 1 as quoted by schutelektra.nl: 16 mm conduit takes 4 × 2,5 mm².
    notes = Notes()
    conduit_fill(4, 2.5, "ac_grid", notes)
    assert notes.findings == []
    assert notes.trace[0].value == "4 × 2,5 mm² ≤ 4 × 2,5 mm²: 16 mm"


def test_five_wires_of_2_5_mm2_do_not():
    notes = Notes()
    conduit_fill(5, 2.5, "ac_grid", notes)
    assert [f.code for f in notes.findings] == ["cable.conduit_fill"]


def test_a_multi_core_cable_has_no_conduit_fill(catalog):
    result = s5(catalog, 10, cable_type="YMvK", method="C")
    assert "cable.conduit_fill" not in codes(result)
