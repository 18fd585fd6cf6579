"""The materials beyond the devices reach the order list and the dossier, marked as generic
where no Vekto article number is known."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from keuzehulp.documents.orderlist import order_list_csv, parse_order_list
from keuzehulp.documents.pdf import render_html

from .conftest import THREE_PHASE_NEW
from .test_plain_text import visible

pytestmark = pytest.mark.django_db

GENERIC_NL = "Generiek artikel: geen Vekto-artikelnummer bekend; bestel een gelijkwaardig product."


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))


def test_the_order_list_marks_the_meter_and_the_surge_protection_as_generic(make_design: Any):
    bom = make_design(THREE_PHASE_NEW).bom
    by_article = {row[0]: row for row in rows(order_list_csv(bom))[1:]}
    assert by_article["GEN-METER-3F"][2:4] == ["1", "st"]
    assert by_article["GEN-METER-3F"][5] == GENERIC_NL
    assert by_article["GEN-OVERSPANNING-3F"][5] == GENERIC_NL
    assert by_article["242263"][5] == ""  # the BackupBox has a real Vekto number


def test_the_order_list_reads_back_which_lines_are_generic(make_design: Any):
    bom = make_design(THREE_PHASE_NEW).bom
    assert [x["is_generic"] for x in parse_order_list(order_list_csv(bom))] == [
        b.is_generic for b in bom
    ]


def test_the_english_order_list_says_generic_in_english(make_design: Any):
    from django.utils import translation

    bom = make_design(THREE_PHASE_NEW).bom
    with translation.override("en"):
        text = order_list_csv(bom, lang="en", gettext=translation.gettext)
    meter = next(row for row in rows(text) if row[0] == "GEN-METER-3F")
    assert meter[3] == "pcs"
    assert meter[5].startswith("Generic item: no Vekto article number")


def test_the_dossier_lists_the_materials_with_the_generic_mark(make_design: Any):
    design = make_design(THREE_PHASE_NEW)
    text = visible(render_html(design, lang="nl")[0])
    assert "GEN-METER-3F *" in text
    assert "Energiemeter 3-fase" in text
    assert "Overspanningsbeveiliging type 2" in text
    assert "* " + GENERIC_NL in text


def test_the_dossier_explains_each_material_in_the_calculation_chapter(make_design: Any):
    html = render_html(make_design(THREE_PHASE_NEW), lang="nl")[0]
    calculations = visible(html.split('id="berekeningen"')[1])
    assert "Energiemeter + CT" in calculations
    assert "Stickers: meer bronnen" in calculations
    assert "Overspanning" in calculations
    assert "Buis en buisklemmen" in calculations
