"""The installation dossier PDF: complete, exact, in the reader's language."""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

import pytest
from pypdf import PdfReader

from keuzehulp.documents.labels import breaker_label, cable_label
from keuzehulp.documents.pdf import render_pdf

from .conftest import INVALID, SINGLE_PHASE_EXISTING, THREE_PHASE_EXISTING, THREE_PHASE_NEW

SECTIONS_NL = [
    "Installatiedossier",
    "Systeemoverzicht",
    "Groepenverklaring",
    "Eendraadschema",
    "Materiaallijst",
    "Berekeningen",
    "Bevindingen",
    "Inbedrijfstelling en metingen",
]


def build(catalog: Any, data: dict[str, Any], lang: str = "nl", **kwargs: Any) -> tuple[Any, bytes]:
    from sizing.engine import design
    from sizing.schema import DesignRequest

    result = design(DesignRequest.model_validate(data), catalog)
    pdf = render_pdf(
        result,
        lang=lang,
        today=date(2025, 11, 23),
        **kwargs,
    )
    return result, pdf


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    """Extracted text with every run of whitespace as one space (table cells wrap lines)."""
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def largest(django_db_setup: Any, django_db_blocker: Any, catalog: Any) -> tuple[Any, bytes, str]:
    with django_db_blocker.unblock():
        result, pdf = build(catalog, THREE_PHASE_NEW, installer="Elektro Jansen B.V.")
    return result, pdf, flat(text_of(pdf))


def test_it_is_a_pdf_with_every_section(largest):
    _, pdf, text = largest
    assert pdf.startswith(b"%PDF")
    for section in SECTIONS_NL:
        assert section in text


def test_the_text_holds_every_article_number_of_the_bill_of_materials(largest):
    result, _, text = largest
    for line in result.bom:
        assert line.article in text


def test_the_text_holds_the_cable_cross_sections_and_breaker_ratings(largest):
    result, _, text = largest
    for circuit in result.circuits:
        assert breaker_label(circuit.breaker, "nl") in text
        if circuit.cable is not None:
            assert cable_label(circuit.cable, "nl") in text
    assert "6 mm²" in text and "4 mm²" in text
    # The T20's grid port: 20 kW / 690 V = 28.99 A → B32 (a BackupBox passes nothing through).
    assert "B32 3P+N" in text and "C25 3P+N" in text and "B16 1P+N" in text


def test_the_cover_names_project_installer_date_and_versions(largest):
    result, pdf, _text = largest
    first = flat(PdfReader(io.BytesIO(pdf)).pages[0].extract_text())
    assert "Benchmark T20 12 modules" in first
    assert "Elektro Jansen B.V." in first
    assert "23 november 2025" in first
    assert result.catalog_version in first and result.engine_version in first


def test_prices_and_capacities_are_written_the_dutch_way(largest):
    result, _, text = largest
    assert "111,6 kWh bruikbaar" in text
    total = f"{result.totals.incl_vat_eur:,.2f}".replace(",", "_").replace(".", ",")
    assert "€ " + total.replace("_", ".") in text


def test_the_calculation_notes_carry_the_trace_with_its_tables(largest):
    _, _, text = largest
    assert "IEC 60364-5-52:2009 tabel B.52.4" in text
    assert "bijlage G" in text
    assert "k_temp" in text and "k_group" in text
    assert "Δu = 100 × " in text


def test_findings_include_registration_and_pgs37(largest):
    _, _, text = largest
    assert "energieleveren.nl" in text
    assert "PGS 37-1" in text


def test_the_commissioning_page_has_limits_with_sources(largest):
    _, _, text = largest
    assert "≤ 300 ms" in text and "≤ 40 ms" in text
    assert "IEC 61008-1" in text and "IEC 61009-1" in text
    assert "volgens NEN 1010 / fabrikant" in text
    # Charging at 20 kW is 29 A per phase, which 3 × 35 A carries: no EMS limit to set.
    assert "Laadvermogen uit het net begrenzen" not in text
    assert "Reserve-SOC" in text


def test_pages_are_a4_with_the_diagram_in_landscape(largest):
    _, pdf, _ = largest
    reader = PdfReader(io.BytesIO(pdf))
    sizes = [
        (round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages
    ]
    assert sizes[0] == (595, 842)
    assert (842, 595) in sizes
    landscape = sizes.index((842, 595))
    assert "Eendraadschema" in reader.pages[landscape].extract_text()
    footer = reader.pages[1].extract_text()
    assert f"Pagina 2 van {len(reader.pages)}" in footer


@pytest.mark.django_db
def test_english_readers_get_the_english_findings_and_descriptions(catalog):
    result, pdf = build(catalog, THREE_PHASE_NEW, lang="en")
    text = flat(text_of(pdf))
    assert "battery module" in text
    assert "register it with the grid operator at energieleveren.nl" in text
    assert "111.6" in text
    assert "€ 49,886.79" in text or "€ " + f"{result.totals.incl_vat_eur:,.2f}" in text


def test_dutch_calculation_notes_are_dutch(largest):
    _, _, text = largest
    assert "Doorsnede op stroom" in text and "Correctiefactor k" in text
    assert "Cross-section by current" not in text and "Correction factor k" not in text


@pytest.mark.django_db
def test_english_readers_get_english_calculation_notes_and_the_ems_limit(catalog):
    loaded = {**THREE_PHASE_EXISTING, "options": {"household_load_a": 15}}
    result, pdf = build(catalog, loaded, lang="en")
    text = flat(text_of(pdf))
    assert "Cross-section by current" in text and "Correction factor k" in text
    assert "Doorsnede op stroom" not in text and "Correctiefactor k" not in text
    assert "IEC 60364-5-52:2009 Table B.52.5, column C" in text and "Annex G" in text
    assert "tabel B.52" not in text and "bijlage G" not in text
    assert "the language the engine records them in" not in text  # the old disclaimer
    assert result.ems_grid_charge_limit_kw == 6.9  # (25 − 15) A × 3 × 230 V
    assert "max. 6.9 kW" in text


@pytest.mark.django_db
def test_an_existing_single_phase_board_on_tt(catalog):
    _result, pdf = build(catalog, SINGLE_PHASE_EXISTING)
    text = flat(text_of(pdf))
    assert "bestaande groepenkast" in text
    assert "Spreidingsweerstand aardelektrode" in text
    assert "RA × IΔn ≤ 50 V" in text
    assert "VD 3 × 6 mm²" in text and "B32 1P+N" in text


@pytest.mark.django_db
def test_a_design_with_errors_gets_a_dossier_that_says_so(catalog):
    result, pdf = build(catalog, INVALID)
    text = flat(text_of(pdf))
    assert not result.valid
    assert "Ontwerp bevat fouten" in text
    assert result.findings[0].message[:40] in text
