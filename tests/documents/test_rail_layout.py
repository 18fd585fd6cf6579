"""The kastindeling drawn (SVG), in the dossier and as downloads, and the label strips (PDF).

The attack on the drawing: a group name the installer typed that tries to close the text and
open a script, or to reach CSS; it must arrive as text, escaped, and the SVG stay well-formed.
Who may download: documents hang below the configuration's unguessable link, like the
dossier; every role gets the same answer, and no login is needed (the role matrix below).
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from keuzehulp.documents import urls as document_urls
from keuzehulp.documents.dossier import build_context
from keuzehulp.documents.pdf import render_html
from keuzehulp.documents.rail import rail_layout_svg, runs
from keuzehulp.documents.strips import PIECE_MODULES, label_strips_pdf, strips
from keuzehulp.models import Configuration
from sizing.schema import Design, DesignRequest
from tests.sales.conftest import logged_in

from .conftest import SINGLE_PHASE_EXISTING, THREE_PHASE_NEW

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '</text><script>alert(1)</script><style>*{x:url(//evil)}</style>"&'


def _hostile(design: Design) -> Design:
    """The large case with the installer's name of group 1 replaced by markup."""
    assert design.board is not None and design.board.layout is not None
    for row in design.board.layout.rows:
        for slot in row.slots:
            if slot.group == 1:
                slot.label = slot.label_en = HOSTILE
    return design


def _texts(svg: str) -> list[str]:
    return ["".join(t.itertext()) for t in ET.fromstring(svg).iter(f"{SVG}text")]


def test_the_drawing_shows_every_group_the_main_switch_and_the_spare_places(make_design):
    design = make_design(THREE_PHASE_NEW)
    svg = rail_layout_svg(design)
    texts = _texts(svg)
    for number in range(1, 13):
        assert str(number) in texts and f"Groep {number}" in texts
    assert "Hoofdschakelaar" in texts and "Thuisbatterij" in texts
    # The surge protection at the origin, 3+1 on a three-phase board.
    assert "Overspanning" in texts and "type 2, 3+1" in texts
    layout = design.board.layout
    assert layout.spare_modules >= layout.spare_wanted > 0
    assert texts.count("reserve") == layout.spare_modules  # one per free place
    assert any(design.board.enclosure in t for t in texts)
    # The backup protection, beside the board, under a name that fits a device's height.
    assert "Noodstroom" in texts


def test_the_drawing_escapes_a_hostile_group_name_and_fetches_nothing(make_design):
    svg = rail_layout_svg(_hostile(make_design(THREE_PHASE_NEW)))
    root = ET.fromstring(svg)  # well-formed
    assert not list(root.iter(f"{SVG}script")) and not list(root.iter(f"{SVG}style"))
    assert "<script" not in svg and "url(" not in svg.replace("url(//evil)", "")
    assert any(t.startswith("</text><script") for t in _texts(svg))
    assert "href" not in svg


def test_an_rcds_groups_are_written_as_runs_to_fit_its_label():
    assert runs([9, 10, 11, 12]) == "9–12"
    assert runs([1, 4, 7, 10]) == "1, 4, 7, 10"
    assert runs([6, 1, 2, 4, 5, 9]) == "1–2, 4–6, 9"


def test_the_drawing_speaks_english_when_asked(make_design):
    from django.utils import translation
    from django.utils.translation import gettext

    with translation.override("en"):
        svg = rail_layout_svg(make_design(THREE_PHASE_NEW), lang="en", gettext=gettext)
    texts = _texts(svg)
    assert "Main switch" in texts and "Circuit 3" in texts and "Home battery" in texts


def test_a_board_that_does_not_fit_is_drawn_with_the_places_missing(make_design):
    design = make_design({**THREE_PHASE_NEW, "board": {"mode": "new", "household_circuits": 60}})
    missing = design.board.layout.missing_modules
    assert missing > 0
    assert any(f"{missing} plaatsen te weinig" in t for t in _texts(rail_layout_svg(design)))


def test_the_dossier_of_the_large_case_contains_the_layout(make_design):
    design = make_design(THREE_PHASE_NEW)
    html, context = render_html(design)
    assert 'id="kastindeling"' in html
    assert context["layout_uri"].startswith("data:image/svg+xml;base64,")
    assert context["layout_uri"] in html


def test_a_dossier_without_a_board_has_no_layout_page(make_design):
    data = {k: v for k, v in SINGLE_PHASE_EXISTING.items() if k != "board"}
    design = make_design(data)
    assert build_context(design, lang="nl")["layout_uri"] == ""
    html, _context = render_html(design)
    assert 'id="kastindeling"' not in html


def test_the_label_strips_fit_the_page_and_carry_the_group_names(make_design):
    design = _hostile(make_design(THREE_PHASE_NEW))
    pieces = strips(design, "nl")
    assert all(piece.modules <= PIECE_MODULES for piece in pieces)
    assert design.board is not None and design.board.layout is not None
    places = sum(r.modules for r in design.board.layout.rows)
    assert sum(p.modules for p in pieces if p.title.startswith("Rail")) == places
    pdf = PdfReader(io.BytesIO(label_strips_pdf(design)))
    text = "".join(page.extract_text() for page in pdf.pages)
    assert "Groep 12" in text and "Hoofdschakelaar" in text
    assert "<script>" in text  # printed as the words typed, not run
    width_mm = float(pdf.pages[0].mediabox.width) / 72 * 25.4
    assert width_mm == pytest.approx(297, abs=1)  # A4 landscape


# --------------------------------------------------------------------------- downloads


def saved(data: dict[str, Any] = THREE_PHASE_NEW) -> Configuration:
    return Configuration.objects.create(
        project_reference=data.get("project_reference", ""),
        request=DesignRequest.model_validate(data).model_dump(mode="json"),
        engine_version="0",
        catalog_version="0",
    )


def test_a_saved_configuration_downloads_its_layout_and_label_strips(client: Client):
    config = saved()
    layout = client.get(reverse("documents:configuration_layout", args=[config.pk]))
    assert layout.status_code == 200
    assert layout["Content-Type"] == "image/svg+xml; charset=utf-8"
    assert "default-src 'none'" in layout["Content-Security-Policy"]
    assert 'filename="kastindeling-benchmark-t20-12-modules.svg"' in layout["Content-Disposition"]
    ET.fromstring(layout.content)
    labels = client.get(reverse("documents:configuration_labels", args=[config.pk]))
    assert labels.status_code == 200 and labels["Content-Type"] == "application/pdf"
    assert labels.content.startswith(b"%PDF")
    assert labels["Content-Disposition"].endswith('groepenstroken-benchmark-t20-12-modules.pdf"')


def test_the_overview_links_to_the_layout_and_the_strips(client: Client):
    config = saved()
    page = client.get(reverse("wizard:configuration", args=[config.pk])).content.decode()
    assert reverse("documents:configuration_layout", args=[config.pk]) in page
    assert reverse("documents:configuration_labels", args=[config.pk]) in page


def test_unknown_configurations_have_no_layout(client: Client):
    missing = "00000000-0000-0000-0000-000000000000"
    assert client.get(f"/configuratie/{missing}/kastindeling.svg").status_code == 404
    assert client.get(f"/c/{missing}/groepenstroken.pdf").status_code == 404
    assert client.get("/wizard/kastindeling.svg").status_code == 404  # no draft


ROLES = ["anonymous", "staff_without_group", "catalogue_editor", "sales", "superuser"]


@pytest.mark.parametrize("role", ROLES)
def test_every_document_of_a_configuration_answers_each_role_alike(role: str):
    # The link is the key: no role gains or loses a document. Every URL of documents.urls
    # is in the matrix, so a new document without a row fails here.
    config = saved()
    client = logged_in(role)
    wrong = []
    for pattern in document_urls.urlpatterns:
        name = str(pattern.name)
        args = [] if name.startswith("draft_") else [config.pk]
        expected = 404 if name.startswith("draft_") else 200  # no draft in this browser
        if name in {"configuration_pdf", "short_pdf"}:
            expected = 200  # rendered at once by the immediate task backend
        response = client.get(reverse(f"documents:{name}", args=args))
        if response.status_code != expected:
            wrong.append((name, response.status_code, expected))
    assert wrong == []
