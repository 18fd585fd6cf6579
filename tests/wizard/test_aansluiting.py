"""Step 1, aansluiting: main fuse, earthing, existing PV and where the battery stands."""

from __future__ import annotations

import pytest
from django.test import Client

from keuzehulp.wizard import draft as drafts

from .conftest import SITE, htmx, text, url

pytestmark = pytest.mark.django_db


def test_the_first_step_offers_the_nine_main_fuses_with_a_hint(client: Client) -> None:
    response = client.get(url("aansluiting"))
    assert response.status_code == 200
    page = text(response)
    for fuse in (
        "1×25 A",
        "1×35 A",
        "1×40 A",
        "3×25 A",
        "3×35 A",
        "3×40 A",
        "3×50 A",
        "3×63 A",
        "3×80 A",
    ):
        assert fuse in page
    assert "energienota" in page  # where to read the fuse
    assert "Stap 1 van 7" in page


def test_valid_answers_advance_to_the_inverter_step_and_are_kept(client: Client) -> None:
    response = client.post(
        url("aansluiting"),
        {**SITE, "pv": "yes", "pv_kw": "4,5", "main_fuse": "3x25", "pv_phase": "L2"},
    )
    assert response.status_code == 302
    assert response["Location"] == url("omvormer")
    draft = drafts.load(client.session)
    assert draft is not None and draft.site is not None
    assert draft.site.connection.phases == 3
    assert draft.site.connection.main_fuse_a == 25
    assert draft.site.existing_pv is not None
    assert draft.site.existing_pv.power_kw == 4.5  # the Dutch comma is read as a decimal point
    assert draft.site.existing_pv.phase == "L2"
    back = client.get(url("aansluiting"))
    assert 'value="3x25" selected' in back.content.decode()
    assert 'value="4,5"' in back.content.decode()


def test_pv_without_its_power_re_renders_with_the_values_and_a_message(client: Client) -> None:
    response = client.post(
        url("aansluiting"), {**SITE, "pv": "yes", "pv_kw": "", "project_reference": "Kerkstraat 12"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vul het vermogen van de bestaande PV in." in html
    assert 'value="Kerkstraat 12"' in html
    assert 'aria-invalid="true"' in html
    assert drafts.load(client.session) is None


@pytest.mark.parametrize(
    ("reference", "named"),
    [("Fam.\x01de Vries", "U+0001"), ("Kerk\x0cstraat 3", "U+000C"), ("P-2025\x1f-001", "U+001F")],
)
def test_a_reference_with_control_characters_re_renders_with_a_dutch_message(
    client: Client, reference: str, named: str
) -> None:
    response = client.post(url("aansluiting"), {**SITE, "project_reference": reference})
    assert response.status_code == 200
    assert "De projectreferentie bevat onzichtbare stuurtekens" in text(response)
    assert named in text(response)
    assert 'aria-invalid="true"' in response.content.decode()
    assert drafts.load(client.session) is None


def test_a_draft_typed_before_control_characters_were_refused_keeps_its_reference_cleaned(
    client: Client,
) -> None:
    client.post(url("aansluiting"), SITE)
    session = client.session
    session["wizard_draft"]["site"]["project_reference"] = "Fam.\x01de\x0cVries"
    session.save()
    draft = drafts.load(client.session)
    assert draft is not None and draft.site is not None
    assert draft.site.project_reference == "Fam. de Vries"


def test_a_temperature_that_is_not_a_number_is_refused_politely(client: Client) -> None:
    response = client.post(url("aansluiting"), {**SITE, "min_ambient_c": "koud"})
    assert response.status_code == 200
    assert 'value="koud"' in response.content.decode()
    assert "Controleer de gemarkeerde velden." in text(response)


def test_an_unknown_fuse_is_refused_not_an_error_page(client: Client) -> None:
    response = client.post(url("aansluiting"), {**SITE, "main_fuse": "9x999"})
    assert response.status_code == 200


def test_pv_on_a_single_phase_connection_is_always_on_l1(client: Client) -> None:
    client.post(url("aansluiting"), {**SITE, "pv": "yes", "pv_kw": "3", "pv_phase": "L3"})
    draft = drafts.load(client.session)
    assert draft is not None and draft.site is not None and draft.site.existing_pv is not None
    assert draft.site.existing_pv.phase == "L1"


def test_an_htmx_change_gets_only_the_summary_partial(client: Client) -> None:
    response = htmx(client, url("aansluiting") + "?live=1", {**SITE, "main_fuse": "3x25"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html and "<form" not in html
    assert "3×25 A" in text(response)
    assert drafts.load(client.session) is None  # a preview stores nothing


def test_an_htmx_get_gets_the_wizard_without_the_page_around_it(client: Client) -> None:
    response = htmx(client, url("aansluiting"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and 'id="wizard"' in html and "<form" in html


def test_without_javascript_the_update_button_previews_without_saving(client: Client) -> None:
    response = client.post(url("aansluiting"), {**SITE, "refresh": "1"})
    assert response.status_code == 200
    assert "1×35 A" in text(response)
    assert drafts.load(client.session) is None
