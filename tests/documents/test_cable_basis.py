"""The dossier and the overview say which cable type was chosen and what its Iz rests on, and
when the voltage-drop target, not the current, set the cross-section (issue 11, points 1, 11)."""

from __future__ import annotations

import html

import pytest
from django.test import Client

from keuzehulp.documents.pdf import render_html
from sizing.engine import design
from sizing.schema import DesignRequest

pytestmark = pytest.mark.django_db

S5_AT_15_M = {
    "connection": {"phases": 1, "main_fuse_a": 40},
    "inverter": "SMILE-G3-S5",
    "batteries": [{"module": "SMILE-G3-BAT-9.3S", "count": 1}],
    "ac_cable": {"length_m": 15, "cable_type": "VD", "method": "B1"},
}


def dossier(lang: str, catalog) -> str:
    result = design(DesignRequest.model_validate(S5_AT_15_M), catalog)
    return html.unescape(render_html(result, lang=lang)[0])


def test_the_dossier_names_the_type_and_its_table_column_in_dutch(catalog):
    page = dossier("nl", catalog)
    assert "VD: enkeladerige draad in buis, PVC; methode B1" in page
    assert "IEC 60364-5-52:2009 tabel B.52.2, kolom B1" in page
    assert (
        "Doorsnede bepaald door het spanningsvaldoel; op stroom 4 mm²; met Iz en 3 %: 4 mm²" in page
    )


def test_the_dossier_says_the_same_in_english(catalog):
    page = dossier("en", catalog)
    assert "VD: single-core wires in conduit, PVC; method B1" in page
    assert "IEC 60364-5-52:2009 Table B.52.2, column B1" in page
    assert "Cross-section set by the voltage-drop target; by current 4 mm²" in page


def test_the_overview_shows_the_type_and_the_basis(client: Client):
    from tests.wizard.conftest import walk

    walk(client)
    page = html.unescape(client.get("/wizard/overzicht/").content.decode())
    assert "VD: enkeladerige draad in buis, PVC; methode B1" in page
    assert "tabel B.52.2, kolom B1" in page
