"""A Design carries what its documents print: stored as JSON and read back, it renders the same
inverter figures after the catalogue has changed, without the catalogue being read at all."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from pypdf import PdfReader

from catalog import services
from catalog.models import Inverter
from keuzehulp.documents.render import render_dossier
from sizing.schema import Design

from .conftest import THREE_PHASE_NEW

pytestmark = pytest.mark.django_db

T20 = THREE_PHASE_NEW["inverter"]


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def svg_texts(svg: str) -> list[str]:
    return [t.text or "" for t in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")]


@pytest.fixture
def stored(make_design: Any, monkeypatch: pytest.MonkeyPatch) -> Design:
    """The T20 design saved as JSON; then the admin changes the T20 and nobody may read it."""
    saved = make_design(THREE_PHASE_NEW).model_dump_json()
    inverter = Inverter.objects.get(system_code=T20)
    inverter.nominal_power_kw = Decimal("33")
    inverter.mppt_count = 1
    inverter.save()
    assert services.load_catalog().inverters[T20].nominal_power_kw == 33

    def refuse() -> None:
        raise AssertionError("a document read the catalogue")

    monkeypatch.setattr(services, "load_catalog", refuse)
    return Design.model_validate_json(saved)


def test_the_dossier_prints_the_inverter_as_it_was_when_designed(stored):
    text = pdf_text(render_dossier(stored, "pdf", today=date(2025, 11, 23)))
    assert f"{T20} — 20 kW, 3-fase" in text
    assert "33 kW" not in text


def test_the_diagram_draws_the_inverter_as_it_was_when_designed(stored):
    words = svg_texts(render_dossier(stored, "svg").decode("utf-8"))
    assert "20 kW · 3-fase" in words
    assert "hybride omvormer" in words
    assert {"PV 1", "PV 2", "PV 3"} <= set(words)  # three MPPT inputs, not today's one
    assert not any("33 kW" in w for w in words)
