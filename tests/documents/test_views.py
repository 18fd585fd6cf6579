"""Downloads from a saved configuration and from the wizard draft."""

from __future__ import annotations

import csv
import io
import uuid
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from pypdf import PdfReader

from keuzehulp.documents.orderlist import parse_order_list
from keuzehulp.models import Configuration
from keuzehulp.wizard import draft as drafts
from sizing.schema import DesignRequest

from .conftest import SINGLE_PHASE_EXISTING, THREE_PHASE_NEW

pytestmark = pytest.mark.django_db


def saved(data=THREE_PHASE_NEW) -> Configuration:
    return Configuration.objects.create(
        project_reference=data.get("project_reference", ""),
        request=DesignRequest.model_validate(data).model_dump(mode="json"),
        engine_version="0",
        catalog_version="0",
    )


def test_a_saved_configuration_downloads_pdf_svg_and_csv(client):
    config = saved()
    pdf = client.get(reverse("documents:configuration_pdf", args=[config.pk]))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert (
        'filename="installatiedossier-benchmark-t20-12-modules.pdf"' in pdf["Content-Disposition"]
    )

    svg = client.get(reverse("documents:configuration_svg", args=[config.pk]))
    assert svg["Content-Type"].startswith("image/svg+xml")
    ET.fromstring(svg.content)
    assert "default-src 'none'" in svg["Content-Security-Policy"]

    order = client.get(reverse("documents:configuration_csv", args=[config.pk]))
    assert order["Content-Type"] == "text/csv; charset=utf-8"
    assert order["Content-Disposition"].startswith("attachment;")
    assert order.content.startswith(b"\xef\xbb\xbf")
    lines = parse_order_list(order.content.decode("utf-8"))
    assert {line["article"] for line in lines} >= {"242248", "242263", "105126"}


def test_the_paths_are_the_shared_page_plus_a_file_name(client):
    config = saved(SINGLE_PHASE_EXISTING)
    assert reverse("documents:configuration_pdf", args=[config.pk]) == (
        f"/configuratie/{config.pk}/dossier.pdf"
    )
    for name in ("schema.svg", "bestellijst.csv"):
        assert client.get(f"/c/{config.pk}/{name}").status_code == 200


def test_a_repeated_download_is_served_from_the_cache(client):
    config = saved()
    url = reverse("documents:configuration_pdf", args=[config.pk])
    first = client.get(url)
    second = client.get(url)
    assert first["X-Document-Cache"] == "miss"
    assert second["X-Document-Cache"] == "hit"
    assert second.content == first.content


def test_a_browser_that_has_the_file_gets_304(client):
    config = saved()
    url = reverse("documents:configuration_svg", args=[config.pk])
    etag = client.get(url)["ETag"]
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_the_language_the_reader_chose_decides(client, settings):
    config = saved()
    url = reverse("documents:configuration_csv", args=[config.pk])
    dutch = client.get(url).content.decode("utf-8")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(url).content.decode("utf-8")
    assert "batterijmodule" in dutch
    assert "battery module" in english
    assert "2950,00" in english  # Dutch Excel format either way
    assert client.get(url)["X-Document-Cache"] == "hit"


def test_unknown_or_unreadable_configurations_answer_404(client):
    for name in ("dossier.pdf", "schema.svg", "bestellijst.csv"):
        assert client.get(f"/configuratie/{uuid.uuid4()}/{name}").status_code == 404
    broken = Configuration.objects.create(
        request={"inverter": 12}, engine_version="0", catalog_version="0"
    )
    assert client.get(f"/configuratie/{broken.pk}/dossier.pdf").status_code == 404
    assert client.get("/configuratie/not-a-uuid/dossier.pdf").status_code == 404


def test_only_get_and_head(client):
    config = saved()
    assert client.post(f"/configuratie/{config.pk}/bestellijst.csv").status_code == 405
    assert client.head(f"/configuratie/{config.pk}/bestellijst.csv").status_code == 200


def test_the_wizard_draft_downloads_too(client):
    for name in ("dossier.pdf", "schema.svg", "bestellijst.csv"):
        assert client.get(f"/wizard/{name}").status_code == 404
    session = client.session
    drafts.store(session, drafts.Draft.from_request(DesignRequest.model_validate(THREE_PHASE_NEW)))
    session.save()
    svg = client.get(reverse("documents:draft_svg"))
    assert svg.status_code == 200
    assert b'data-circuit="household_12"' in svg.content
    order = client.get(reverse("documents:draft_csv"))
    rows = list(csv.reader(io.StringIO(order.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Artikelnummer"
    assert client.get(reverse("documents:draft_pdf")).content.startswith(b"%PDF")


def test_the_installer_named_in_the_link_is_on_the_cover(client):
    config = saved()
    url = reverse("documents:configuration_pdf", args=[config.pk])
    plain = client.get(url)
    named = client.get(url, {"installateur": "Elektro Jansen"})
    assert named["X-Document-Cache"] == "miss"
    assert named.content != plain.content


def stored_with_control_characters() -> Configuration:
    """A configuration saved before control characters in the reference were refused."""
    request = DesignRequest.model_validate(SINGLE_PHASE_EXISTING).model_dump(mode="json")
    request["project_reference"] = "Fam.\x01de\x0cVries\x1f"
    return Configuration.objects.create(
        project_reference=request["project_reference"],
        request=request,
        engine_version="0",
        catalog_version="0",
    )


def test_a_stored_reference_with_control_characters_still_gets_its_diagram_and_dossier(client):
    config = stored_with_control_characters()
    svg = client.get(reverse("documents:configuration_svg", args=[config.pk]))
    assert svg.status_code == 200
    title = ET.fromstring(svg.content).find("{http://www.w3.org/2000/svg}title")
    assert title is not None and title.text == "Eendraadschema Fam. de Vries"
    pdf = client.get(reverse("documents:configuration_pdf", args=[config.pk]))
    assert pdf.status_code == 200
    pages = PdfReader(io.BytesIO(pdf.content)).pages
    assert "Fam. de Vries" in pages[0].extract_text()
    (landscape,) = [p for p in pages if p.mediabox.width > p.mediabox.height]
    assert "kWh-meter" in landscape.extract_text()  # the diagram, which an ill-formed SVG lost
    shared = client.get(reverse("wizard:configuration", args=[config.pk]))
    assert "Fam. de Vries" in shared.content.decode()


def test_control_characters_in_the_installer_link_are_dropped(client):
    config = saved(SINGLE_PHASE_EXISTING)
    url = reverse("documents:configuration_pdf", args=[config.pk])
    pdf = client.get(url, {"installateur": "Elektro\x01Jansen\x0c\x1fB.V."})
    assert pdf.status_code == 200
    cover = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert "Elektro Jansen B.V." in cover
    again = client.get(url, {"installateur": "Elektro Jansen B.V."})
    assert again["X-Document-Cache"] == "hit"  # the same name, so the same document


def test_the_overview_and_the_shared_page_link_to_the_documents(client):
    config = saved()
    page = client.get(reverse("wizard:configuration", args=[config.pk])).content.decode()
    for name in ("dossier.pdf", "schema.svg", "bestellijst.csv"):
        assert f"/configuratie/{config.pk}/{name}" in page
    session = client.session
    drafts.store(session, drafts.Draft.from_request(DesignRequest.model_validate(THREE_PHASE_NEW)))
    session.save()
    overview = client.get(reverse("wizard:overview"))
    assert overview.status_code == 200
    for name in ("dossier.pdf", "schema.svg", "bestellijst.csv"):
        assert f"/wizard/{name}" in overview.content.decode()


def test_a_catalogue_name_written_as_a_formula_downloads_as_text_in_the_order_list(client):
    """The attack: a product named like a formula runs as one when the CSV opens in Excel."""
    from catalog.models import Inverter

    inverter = Inverter.objects.get(system_code=THREE_PHASE_NEW["inverter"])
    inverter.name_nl = '=HYPERLINK("http://x.invalid";"klik")'
    inverter.save()  # a new catalogue version: no order list made before is served
    config = saved()
    order = client.get(reverse("documents:configuration_csv", args=[config.pk]))
    rows = list(csv.reader(io.StringIO(order.content.decode("utf-8-sig")), delimiter=";"))
    cells = [cell for row in rows[1:] for cell in row]
    assert '\'=HYPERLINK("http://x.invalid";"klik")' in cells
    assert not [cell for cell in cells if cell.startswith(("=", "+", "@", "\t", "\r"))]
