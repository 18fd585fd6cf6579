"""The dossier's "Warmteberekening" page: an indicative calculation by the IEC TR 60890 method,
never a certificate, with the figures the engine computed."""

from __future__ import annotations

import re

import pytest
from django.utils import translation

from keuzehulp.documents.dossier import build_context
from keuzehulp.documents.labels import num
from keuzehulp.documents.pdf import render_html

from .conftest import SINGLE_PHASE_EXISTING, THREE_PHASE_NEW

pytestmark = pytest.mark.django_db


def page(html: str) -> str:
    """The heat chapter's text, tags stripped and whitespace folded."""
    match = re.search(r'<section class="chapter" id="warmteberekening">(.*?)</section>', html, re.S)
    assert match, "no Warmteberekening page"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", match.group(1)))


def test_the_large_case_dossier_has_the_heat_page_worded_as_indicative(make_design):
    # T20, 12 modules, BackupBox, a new board with 12 groups: the "done when" case.
    result = make_design(THREE_PHASE_NEW)
    heat = result.board.heat
    text = page(render_html(result, lang="nl")[0])
    assert text.startswith(" Warmteberekening ")
    intro = "Indicatieve warmteberekening van de groepenkast volgens de methode van IEC TR 60890"
    assert intro in text
    assert (
        "De installateur blijft als samensteller verantwoordelijk voor de ontwerpverificatie "
        "volgens NEN-EN-IEC 61439-3; deze berekening is geen certificaat" in text
    )
    assert "certificaat" not in text.replace("geen certificaat", "")
    assert f"{num(heat.top_c, 'nl', 1)} °C" in text
    assert f"{num(heat.total_loss_w, 'nl')} W" in text
    assert "0,5 bij 12 groepen (IEC 61439-3)" in text
    assert text.count("Eindgroep") == 12
    assert "aanname" in text  # the catalogue knows no maker's loss: the defaults are marked


def test_the_heat_steps_leave_the_system_table_for_their_own_page(make_design):
    with translation.override("nl"):
        context = build_context(make_design(THREE_PHASE_NEW), lang="nl", svg="<svg/>")
    system = [s.step for s in context["system_steps"]]
    assert "Luchttemperatuur bovenin de kast" not in system
    steps = [s.step for s in context["heat"]["steps"]]
    assert steps[0] == "Belastingsfactor groepenkast"
    assert steps[-1] == "Luchttemperatuur bovenin de kast"
    overview = dict(context["summary"])
    assert overview["Warmteberekening"].endswith("(indicatief, IEC TR 60890)")


def test_the_english_heat_page_says_the_same(make_design):
    html = render_html(make_design(THREE_PHASE_NEW), lang="en")[0]
    text = page(html)
    intro = "Indicative heat calculation of the distribution board by the method of IEC TR 60890"
    assert intro in text
    assert "not a certificate" in text
    assert "NEN-EN-IEC 61439-3" in text


def test_an_existing_board_without_its_enclosure_says_why_there_is_no_calculation(make_design):
    text = page(render_html(make_design(SINGLE_PHASE_EXISTING), lang="nl")[0])
    assert "niet gemaakt" in text and "kast van de bestaande groepenkast" in text
    assert "Verlies per apparaat" not in text


def test_the_page_names_every_default_it_computed_with_and_calls_the_result_an_upper_bound(
    make_design,
):
    design = make_design(THREE_PHASE_NEW)  # no maker's losses, no enclosure size in the fixture
    heat = design.board.heat
    assert heat.top_c > heat.limit_c
    text = page(render_html(design, lang="nl")[0])
    named = text.split("Standaardwaarden en aannames in deze berekening:")[1].split(".")[0]
    total = len(heat.devices)
    assert f"verlies van {total} van de {total} apparaten" in named
    assert "buitenmaten van de kast" in named and "3,5 W/m²K voor kunststof" in named
    assert "omgevingstemperatuur 35 °C (geen waarde voor meterkasten gevonden)" in named
    assert "grens 60 °C" in named
    assert "Dat is een bovengrens, geen uitkomst" in text
    assert "Overspanningsbeveiliging" in text  # the new board's SPD is in the losses


def test_an_ambient_the_installer_gave_is_not_called_a_default(make_design):
    board = {**THREE_PHASE_NEW["board"], "ambient_c": 22}
    text = page(render_html(make_design({**THREE_PHASE_NEW, "board": board}), lang="nl")[0])
    named = text.split("Standaardwaarden en aannames in deze berekening:")[1].split(".")[0]
    assert "omgevingstemperatuur" not in named and "verlies van" in named
    assert "22 °C" in text
