"""The single-line diagram: valid SVG, one element per circuit, the cables labelled, both boards."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from keuzehulp.documents.labels import cable_label
from keuzehulp.documents.svg import single_line_diagram
from keuzehulp.documents.symbols import wrap

from .conftest import CONFIGURATIONS, INVALID, SINGLE_PHASE_EXISTING, THREE_PHASE_NEW

NS = {"svg": "http://www.w3.org/2000/svg"}
ROOT = Path(__file__).resolve().parents[2]


def texts(root: ET.Element) -> list[str]:
    return [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")]


def circuit_groups(root: ET.Element) -> list[ET.Element]:
    return [g for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "circuit"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(CONFIGURATIONS))
def test_the_diagram_is_svg_with_one_element_per_circuit(name, make_design):
    result = make_design(CONFIGURATIONS[name])
    svg = single_line_diagram(result)
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert "ns0:" not in svg
    assert sorted(g.get("data-circuit") for g in circuit_groups(root)) == sorted(
        c.name for c in result.circuits
    )


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(CONFIGURATIONS))
def test_every_cable_of_the_design_is_labelled(name, make_design):
    result = make_design(CONFIGURATIONS[name])
    words = texts(ET.fromstring(single_line_diagram(result)))
    cables = [c.cable for c in result.circuits if c.cable is not None]
    assert cables
    for cable in cables:
        assert cable_label(cable, "nl") in words
        length = f"{cable.length_m:g}".replace(".", ",") + " m"
        assert any(w.startswith(length) for w in words)


@pytest.mark.django_db
def test_the_diagram_names_the_breakers_and_rcds(make_design):
    result = make_design(THREE_PHASE_NEW)
    words = texts(ET.fromstring(single_line_diagram(result)))
    assert "B32 3P+N" in words  # the battery's RCBO
    assert "30 mA type B" in words
    assert "C25 3P+N" in words  # the backup protection
    assert words.count("B16") == 12  # one per household group
    for label in ("Hoofdzekering", "kWh-meter", "Hoofdschakelaar", "Nieuwe groepenkast"):
        assert label in words
    assert any("BackupBox" in w for w in words)
    assert "Afschakelset" in words


@pytest.mark.django_db
def test_the_diagram_scales_and_prints_at_a_fixed_scale(make_design):
    root = ET.fromstring(single_line_diagram(make_design(THREE_PHASE_NEW)))
    _, _, width, height = (float(v) for v in root.get("viewBox").split())
    assert root.get("width") == f"{width * 0.25:.1f}mm"
    assert root.get("height") == f"{height * 0.25:.1f}mm"
    # Landscape A4 (277 × 190 mm usable) holds the largest board at ≥ 0.2 mm per unit.
    assert width * 0.2 <= 277 and height * 0.2 <= 190


@pytest.mark.django_db
def test_an_existing_board_is_drawn_grey_with_only_the_new_parts_in_detail(make_design):
    result = make_design(SINGLE_PHASE_EXISTING)
    root = ET.fromstring(single_line_diagram(result))
    words = texts(root)
    assert "Bestaande groepenkast" in words
    assert "3 groepen" in words and "4 groepen" in words
    assert "Thuisbatterij (nieuw)" in words
    # The existing RCDs have no circuits of their own: only the battery's are elements.
    assert {g.get("data-circuit") for g in circuit_groups(root)} == {"ac_grid", "backup"}
    grey = [g for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("stroke") == "#8c8c8c"]
    assert len(grey) >= 3  # main switch and two existing RCDs
    assert "Aardelektrode (TT)" in words


@pytest.mark.django_db
def test_single_and_three_phase_cables_show_their_conductors(make_design):
    single = make_design(SINGLE_PHASE_EXISTING)
    three = make_design(THREE_PHASE_NEW)
    assert cable_label(single.circuits[0].cable, "nl") == "VD 3 × 6 mm²"
    assert cable_label(three.circuits[0].cable, "nl") == "VD 5 × 6 mm²"
    assert "L1" in texts(ET.fromstring(single_line_diagram(single)))
    assert "L1-L2-L3" in texts(ET.fromstring(single_line_diagram(three)))


@pytest.mark.django_db
def test_the_labels_follow_the_given_translation(make_design):
    result = make_design(THREE_PHASE_NEW)
    english = {"Hoofdzekering": "Main fuse", "Groep %(n)s": "Circuit %(n)s"}
    svg = single_line_diagram(result, lang="en", gettext=lambda s: english.get(s, s))
    words = texts(ET.fromstring(svg))
    assert "Main fuse" in words and "Circuit 12" in words
    assert "3 × 35 A" in words[1] or any("3 × 35 A" in w for w in words)


@pytest.mark.django_db
def test_a_design_with_errors_still_draws_the_system(make_design):
    result = make_design(INVALID)
    root = ET.fromstring(single_line_diagram(result))
    assert circuit_groups(root) == []
    assert "SMILE-G3-T10" in texts(root)


@pytest.mark.django_db
def test_user_text_is_escaped(make_design):
    result = make_design({**THREE_PHASE_NEW, "project_reference": 'Fam. <b>"&'})
    svg = single_line_diagram(result)
    ET.fromstring(svg)
    assert "<b>" not in svg


def test_a_product_name_breaks_at_spaces_and_keeps_a_hyphenated_name_whole():
    lines = wrap("BackupBox-63A  BB Plus met afschakelset", 14)
    assert lines == ["BackupBox-63A", "BB Plus met", "afschakelset"]
    assert wrap("Afschakelset-SMILE-G3-T10-T20", 10) == ["Afschakelset-SMILE-G3-T10-T20"]


def test_the_diagram_builder_needs_no_django() -> None:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    code = (
        "import sys, keuzehulp.documents.svg, keuzehulp.documents.symbols, "
        "keuzehulp.documents.labels; "
        "assert not any(m == 'django' or m.startswith('django.') for m in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True)
    assert result.returncode == 0, result.stderr.decode()


@pytest.mark.django_db
def test_control_characters_in_a_stored_reference_leave_the_svg_well_formed(make_design):
    result = make_design(THREE_PHASE_NEW)
    # As a configuration saved before control characters were refused would hold it.
    hostile = result.request.model_copy(update={"project_reference": "Fam.\x01de\x0cVries\x1f"})
    svg = single_line_diagram(result.model_copy(update={"request": hostile}))
    root = ET.fromstring(svg)
    assert root.find("svg:title", NS).text == "Eendraadschema Fam. de Vries"


def _y_of(root: ET.Element, circuit: str) -> float:
    """The top of a circuit's drawing: the first line inside its group."""
    group = next(g for g in circuit_groups(root) if g.get("data-circuit") == circuit)
    line = next(group.iter("{http://www.w3.org/2000/svg}line"))
    return float(line.get("y1"))


@pytest.mark.django_db
def test_backed_up_groups_hang_on_the_backupbox_load_side_and_its_grid_side_is_drawn(
    make_design,
):
    groups = [
        {"name": "Woonkamer"},
        {"name": "Koelkast", "backed_up": True},
        {"kind": "ev_charger", "name": "Oprit"},
        {"name": "Cv-ketel", "backed_up": True},
    ]
    result = make_design({**THREE_PHASE_NEW, "board": {"mode": "new", "household_groups": groups}})
    root = ET.fromstring(single_line_diagram(result))
    words = texts(root)
    assert "Netzijde BackupBox" in words and "Lastzijde: groepen op noodstroom" in words
    assert "Noodstroomverbruikers" not in words  # named groups replace the generic arrow
    assert "Koelkast" in words and "Cv-ketel" in words
    backed = [c.name for c in result.circuits if c.backed_up]
    ordinary = next(c.name for c in result.circuits if c.label == "Woonkamer")
    board_bottom = max(_y_of(root, ordinary), _y_of(root, "pv"))
    # Drawn below the board, with the BackupBox, not on the grid busbar.
    assert all(_y_of(root, name) > board_bottom + 100 for name in backed)


@pytest.mark.django_db
def test_a_group_behind_its_own_rcbo_is_not_drawn_with_a_second_breaker(make_design):
    groups = [{"kind": "ev_charger", "name": "Oprit"}, {}, {}]
    result = make_design({**THREE_PHASE_NEW, "board": {"mode": "new", "household_groups": groups}})
    root = ET.fromstring(single_line_diagram(result))
    ev = next(c for c in result.circuits if c.kind == "ev_charger")
    assert ev.rcd.is_rcbo
    group = next(g for g in circuit_groups(root) if g.get("data-circuit") == ev.name)
    # A breaker symbol is a nested group; the RCBO above carries the protection.
    assert not list(group.iter("{http://www.w3.org/2000/svg}g"))[1:]
    assert "Aardlekautomaat" in texts(root)


@pytest.mark.django_db
def test_the_existing_pv_group_is_named_without_a_bracket_cut_in_half(make_design):
    with_pv = {**SINGLE_PHASE_EXISTING, "existing_pv": {"power_kw": 3.0, "phase": "L1"}}
    words = " ".join(texts(ET.fromstring(single_line_diagram(make_design(with_pv)))))
    assert "PV-installatie" in words
    assert "(bestaande" not in words or "(bestaande groep)" in words
