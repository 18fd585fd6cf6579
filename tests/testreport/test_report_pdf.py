"""The finalised report as a PDF of its own and as the dossier's section of measured values."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from pypdf import PdfReader

from keuzehulp.models import MeasurementReport
from tests.testreport.conftest import LARGE, configuration, owner
from tests.testreport.test_report_page import SIGNED, good_values, url_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    cache.clear()


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in reader.pages))


def finalise(client: Client, config: object, **changes: str) -> MeasurementReport:
    data = {**good_values(client, url_of(config)), **SIGNED, **changes}
    client.post(url_of(config), {**data, "action": "finalise"})
    return MeasurementReport.objects.filter(finalised_at__isnull=False).latest("revision")


def test_the_report_pdf_prints_the_measured_values_who_measured_and_the_verdict() -> None:
    config = configuration()
    client = owner(config)
    report = finalise(client, config, **{"rcd-0-t1_ms": "27"})
    response = Client().get(
        f"/configuratie/{config.pk}/meetrapport/{report.revision}/meetrapport.pdf"
    )
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = text_of(response.content)
    assert "Meetrapport" in text and "Fam. de Vries" in text
    assert "27 ms" in text and "0,35 Ω" in text
    assert "J. Jansen" in text and "Fluke 1664 FC" in text and "SN-4471" in text
    assert "Alle metingen voldoen" in text


def test_a_failing_report_pdf_says_the_installation_fails_and_why() -> None:
    config = configuration()
    report = finalise(owner(config), config, **{"circuit-ac_grid-riso_mohm": "0,4"})
    pdf = Client().get(f"/configuratie/{config.pk}/meetrapport/{report.revision}/meetrapport.pdf")
    text = text_of(pdf.content)
    assert "De installatie voldoet niet" in text
    assert "gemeten 0,4 MΩ, eis ≥ 1 MΩ" in text


def test_the_report_pdf_is_in_english_for_an_english_reader() -> None:
    config = configuration()
    report = finalise(owner(config), config)
    reader = Client()
    reader.cookies["django_language"] = "en"
    pdf = reader.get(f"/configuratie/{config.pk}/meetrapport/{report.revision}/meetrapport.pdf")
    text = text_of(pdf.content)
    assert "Test report" in text and "0.35 Ω" in text


def test_no_pdf_for_a_draft_or_an_unknown_revision() -> None:
    config = configuration()
    client = owner(config)
    client.post(url_of(config), {"action": "save"})
    assert client.get(f"/configuratie/{config.pk}/meetrapport/1/meetrapport.pdf").status_code == 404
    assert client.get(f"/configuratie/{config.pk}/meetrapport/9/meetrapport.pdf").status_code == 404


def test_user_text_in_the_report_reaches_the_pdf_as_text_not_as_markup() -> None:
    config = configuration()
    hostile = '</style><link rel="stylesheet" href="file:///etc/passwd">'
    report = finalise(owner(config), config, measured_by="Jansen " + hostile[:60])
    pdf = Client().get(f"/configuratie/{config.pk}/meetrapport/{report.revision}/meetrapport.pdf")
    assert pdf.status_code == 200
    assert "root:" not in text_of(pdf.content)


def test_the_dossier_says_when_no_report_has_been_finalised() -> None:
    config = configuration()
    pdf = Client().get(f"/configuratie/{config.pk}/dossier.pdf")
    text = text_of(pdf.content)
    assert "Meetrapport: gemeten waarden" in text
    assert "Er is nog geen afgerond meetrapport vastgelegd" in text


def test_the_dossier_of_the_large_case_shows_the_latest_finalised_revision() -> None:
    config = configuration(LARGE)
    client = owner(config)
    finalise(client, config, **{"circuit-backup-zs_ohm": "0,41"})
    latest = finalise(client, config, **{"circuit-backup-zs_ohm": "0,52"})
    assert latest.revision == 2
    client.post(url_of(config), {"rcd-0-t1_ms": "999", "action": "save"})  # a draft: not shown
    text = text_of(Client().get(f"/configuratie/{config.pk}/dossier.pdf").content)
    assert "Revisie 2" in text
    assert "0,52 Ω" in text and "0,41 Ω" not in text and "999 ms" not in text
    assert "Alle metingen voldoen" in text
    assert date.today().strftime("%Y") in text


@pytest.mark.usefixtures("one_rate_window")
@override_settings(RATE_DOCUMENT_RENDER="1/m")
def test_report_pdfs_count_against_the_same_allowance_as_dossiers() -> None:
    config = configuration()
    client = owner(config)
    finalise(client, config)
    finalise(client, config, **{"rcd-0-t1_ms": "30"})
    reader = Client()
    first = reader.get(f"/configuratie/{config.pk}/meetrapport/1/meetrapport.pdf")
    assert first.status_code == 200
    second = reader.get(f"/configuratie/{config.pk}/meetrapport/2/meetrapport.pdf")
    assert second.status_code == 429 and "Retry-After" in second
    again = reader.get(f"/configuratie/{config.pk}/meetrapport/1/meetrapport.pdf")
    assert again.status_code == 200  # made once, served after the limit without a render


def test_a_draft_prints_as_a_concept_on_every_page_and_approves_nothing() -> None:
    config = configuration(LARGE)
    client = owner(config)
    data = {**good_values(client, url_of(config)), **SIGNED, "rcd-0-t1_ms": "27"}
    client.post(url_of(config), {**data, "action": "save"})
    assert 'href="/configuratie/' + str(config.pk) + '/meetrapport/concept.pdf"' in (
        client.get(url_of(config)).content.decode()
    )
    pdf = client.get(f"/configuratie/{config.pk}/meetrapport/concept.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    pages = [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf.content)).pages]
    assert len(pages) > 1
    assert "Concept: Meetrapport" in pages[0]  # the first page has no running header
    assert all("CONCEPT, niet afgerond" in page for page in pages[1:])
    text = text_of(pdf.content)
    assert "27 ms" in text and "J. Jansen" in text
    assert "nog niet afgerond en keurt niets goed of af" in text
    assert "goedgekeurd" not in text


def test_only_the_browser_that_writes_the_draft_gets_its_concept_pdf() -> None:
    config = configuration()
    client = owner(config)
    concept = f"/configuratie/{config.pk}/meetrapport/concept.pdf"
    assert client.get(concept).status_code == 404  # nothing saved yet
    client.post(url_of(config), {"rcd-0-t1_ms": "24", "action": "save"})
    assert Client().get(concept).status_code == 404  # the share link reads reports, not drafts
    assert client.get(concept).status_code == 200
    finalise(client, config)
    assert client.get(concept).status_code == 404  # finalised: no draft left
