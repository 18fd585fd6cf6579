"""The installer's names for the household groups, by group number, in the dossier and overview.

The engine fills ``Circuit.label`` and ``Circuit.number``; these tests give a design those
values themselves, so they hold whichever way the engine places the groups.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from keuzehulp.documents.dossier import build_context
from sizing.schema import Design

from .conftest import SINGLE_PHASE_NEW

pytestmark = pytest.mark.django_db

NAMES = {1: "Keuken", 2: "Woonkamer", 3: "Wasmachine", 4: "", 5: "Zolder"}


def named(design: Design) -> Design:
    """The design with its household groups named and numbered backwards (5, 4, … 1)."""
    circuits = []
    households = [c for c in design.circuits if c.name.startswith("household_")]
    numbers = iter(range(len(households), 0, -1))
    for circuit in design.circuits:
        if circuit.name.startswith("household_"):
            number = next(numbers)
            circuit = circuit.model_copy(update={"number": number, "label": NAMES[number]})
        circuits.append(circuit)
    return design.model_copy(update={"circuits": circuits})


def test_the_groepenverklaring_names_each_group_in_the_order_of_its_number(
    make_design: Any,
) -> None:
    design = named(make_design(SINGLE_PHASE_NEW))
    with translation.override("nl"):
        rows = build_context(design, lang="nl", svg="<svg/>")["circuit_rows"]
    groups = [(r.group, r.purpose) for r in rows if r.group.startswith("Groep")]
    assert groups == [
        ("Groep 1", "Keuken"),
        ("Groep 2", "Woonkamer"),
        ("Groep 3", "Wasmachine"),
        ("Groep 4", "Eindgroep 2"),  # no name given: the engine's own text
        ("Groep 5", "Zolder"),
    ]
    assert rows[0].group == "Thuisbatterij"  # the battery's circuits keep their place


def test_the_overview_shows_the_name_after_the_group_number(make_design: Any) -> None:
    design = named(make_design(SINGLE_PHASE_NEW))
    with translation.override("nl"):
        html = render_to_string("wizard/_result.html", {"design": design})
    keuken, zolder = html.index("Groep 1: Keuken"), html.index("Groep 5: Zolder")
    assert keuken < html.index("Groep 3: Wasmachine") < zolder
    assert "Groep 4: " not in html  # an unnamed group reads as before


def test_without_names_the_documents_read_as_before(make_design: Any) -> None:
    design = make_design(SINGLE_PHASE_NEW)
    with translation.override("nl"):
        rows = build_context(design, lang="nl", svg="<svg/>")["circuit_rows"]
    assert [r.purpose for r in rows if r.group.startswith("Groep")][:2] == [
        "Eindgroep 1",
        "Eindgroep 2",
    ]
