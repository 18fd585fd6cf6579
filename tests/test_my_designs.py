"""Mijn ontwerpen: the home page lists the designs saved from this browser, without an account."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from keuzehulp.designs import COOKIE
from keuzehulp.models import Configuration, MeasurementReport, SavedDesign
from tests.sales.conftest import logged_in
from tests.wizard.conftest import SITE, walk

pytestmark = pytest.mark.django_db


def save_design(client: Client, reference: str = "Fam. de Vries", **overrides: dict) -> str:
    """Walk the wizard with ``reference`` and save; the id of the saved configuration."""
    overrides.setdefault("aansluiting", {**SITE, "project_reference": reference})
    walk(client, **overrides)
    response = client.post("/wizard/opslaan/", {"action": "save"})
    match = re.search(r"/configuratie/([0-9a-f-]{36})/", response["Location"])
    assert match, response["Location"]
    client.post("/wizard/opnieuw/")
    return match.group(1)


def listed_names(client: Client, query: str = "") -> list[str]:
    html = client.get("/", {"q": query} if query else {}).content.decode()
    return re.findall(r'class="design-name" href="[^"]+">([^<]+)</a>', html)


def test_a_saved_design_appears_on_the_home_page_with_reference_system_and_date(
    client: Client,
) -> None:
    save_design(client, "Kerkstraat 3")
    html = client.get("/").content.decode()
    assert "Mijn ontwerpen" in html
    assert listed_names(client) == ["Kerkstraat 3"]
    assert "SMILE-G3-S5 · 2 × BAT-9.3S" in html
    assert re.search(r"<time datetime=\"\d{4}-\d\d-\d\dT", html)


def test_the_most_recent_design_comes_first(client: Client) -> None:
    save_design(client, "Eerste klus")
    save_design(client, "Tweede klus")
    assert listed_names(client) == ["Tweede klus", "Eerste klus"]


def test_the_list_can_be_searched_by_name_and_by_inverter(client: Client) -> None:
    save_design(client, "Dijkstraat 4")
    save_design(
        client,
        "Molenweg 12",
        aansluiting={**SITE, "project_reference": "Molenweg 12", "main_fuse": "3x25"},
        omvormer={"inverter": "SMILE-G3-T10"},
    )
    assert listed_names(client, "dijk") == ["Dijkstraat 4"]
    assert listed_names(client, "T10") == ["Molenweg 12"]
    assert "Geen ontwerp gevonden" in client.get("/", {"q": "Zandpad"}).content.decode()


def test_a_search_with_a_nul_byte_still_lists_the_design(client: Client) -> None:
    # PostgreSQL refuses a NUL byte in a query: the home page answered 503.
    save_design(client, "Dijkstraat 4")
    response = client.get("/", {"q": "dijk\x00"})
    assert response.status_code == 200
    assert listed_names(client, "dijk\x00") == ["Dijkstraat 4"]


def test_a_design_is_renamed_in_the_list_and_its_saved_reference_stays(client: Client) -> None:
    pk = save_design(client, "P-2026-001")
    response = client.post(f"/mijn-ontwerpen/{pk}/naam/", {"name": "Jansen, warmtepomp later"})
    assert response.status_code == 302
    assert listed_names(client) == ["Jansen, warmtepomp later"]
    assert "P-2026-001" in client.get("/").content.decode()  # the reference is still shown
    assert Configuration.objects.get(pk=pk).project_reference == "P-2026-001"


@pytest.mark.parametrize("typed", ["Jansen\twarmtepomp later", "Jansen " + "x" * 130])
def test_a_refused_new_name_comes_back_as_typed_with_the_reason(client: Client, typed: str) -> None:
    # It redirected to the list with the message only: the name as typed was gone.
    pk = save_design(client, "P-2026-001")
    response = client.post(f"/mijn-ontwerpen/{pk}/naam/", {"name": typed})
    html = response.content.decode()
    assert response.status_code == 200
    assert f'value="{typed}"' in html
    assert re.search(r'<p class="error" id="name-[0-9a-f-]+-error" role="alert">\S', html)
    assert '<details class="rename" open>' in html
    assert listed_names(client) == ["P-2026-001"]


def test_another_browser_does_not_see_the_list(client: Client) -> None:
    save_design(client, "Kerkstraat 3")
    assert listed_names(Client()) == []
    assert "Mijn ontwerpen" not in Client().get("/").content.decode()


def test_another_browser_with_the_share_link_cannot_rename_the_design(client: Client) -> None:
    pk = save_design(client, "Kerkstraat 3")
    stranger = Client()
    save_design(stranger, "Eigen klus")  # a browser with a list of its own
    stranger.post(f"/mijn-ontwerpen/{pk}/naam/", {"name": "Gekaapt"})
    assert SavedDesign.objects.get(configuration_id=pk).name == "Kerkstraat 3"
    assert listed_names(stranger) == ["Eigen klus"]


def test_a_hand_made_cookie_opens_no_list(client: Client) -> None:
    save_design(client, "Kerkstraat 3")
    forger = Client()
    forger.cookies[COOKIE] = client.cookies[COOKIE].value.replace(":", "x", 1)
    assert listed_names(forger) == []
    forger.cookies[COOKIE] = "a" * 43
    assert listed_names(forger) == []


def test_the_database_never_holds_the_browser_key(client: Client) -> None:
    save_design(client, "Kerkstraat 3")
    raw = client.cookies[COOKIE].value.split(":")[0]
    stored = SavedDesign.objects.get().browser
    assert raw not in stored and len(stored) == 64


def test_the_cookie_cannot_be_read_by_scripts(client: Client) -> None:
    walk(client)
    response = client.post("/wizard/opslaan/", {"action": "save"})
    cookie = response.cookies[COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


def test_a_name_with_control_characters_is_refused_with_a_message(client: Client) -> None:
    pk = save_design(client, "Kerkstraat 3")
    response = client.post(f"/mijn-ontwerpen/{pk}/naam/", {"name": "a\x07b"}, follow=True)
    assert response.status_code == 200
    assert "onzichtbare stuurtekens" in response.content.decode()
    assert listed_names(client) == ["Kerkstraat 3"]


def test_renaming_a_design_that_is_not_on_the_list_says_so(client: Client) -> None:
    response = client.post(
        "/mijn-ontwerpen/00000000-0000-0000-0000-000000000000/naam/", {"name": "x"}, follow=True
    )
    assert response.status_code == 200
    assert "staat niet in de lijst van deze browser" in response.content.decode()


def test_a_too_long_name_is_refused(client: Client) -> None:
    pk = save_design(client, "Kerkstraat 3")
    client.post(f"/mijn-ontwerpen/{pk}/naam/", {"name": "x" * 500})
    assert listed_names(client) == ["Kerkstraat 3"]


@pytest.mark.parametrize(
    "role", ["anonymous", "staff_without_group", "sales", "catalogue_editor", "superuser"]
)
def test_no_role_renames_a_design_from_another_browsers_list(client: Client, role: str) -> None:
    # The list belongs to the browser, not to an account: a login, even a superuser's, gives
    # no right to rename a design in someone else's list.
    pk = save_design(client, "Kerkstraat 3")
    other = logged_in(role)
    response = other.post(f"/mijn-ontwerpen/{pk}/naam/", {"name": "Gekaapt"})
    assert response.status_code in (302, 404)
    assert SavedDesign.objects.get(configuration_id=pk).name == "Kerkstraat 3"


@pytest.mark.parametrize(
    "role", ["anonymous", "staff_without_group", "sales", "catalogue_editor", "superuser"]
)
def test_every_role_reads_the_test_report_by_its_link_but_only_the_listing_browser_writes_it(
    client: Client, role: str
) -> None:
    pk = save_design(client, "Kerkstraat 3")
    url = f"/configuratie/{pk}/meetrapport/"
    other = logged_in(role)
    assert other.get(url).status_code == 200
    for target in (url, url + "?live=1"):
        response = other.post(target, {"rcd-0-t1_ms": "20", "action": "finalise"})
        assert response.status_code == 403
    assert not MeasurementReport.objects.exists()

    signed = {
        "measured_by": "J. Jansen",
        "measured_on": "2026-11-30",
        "instrument_model": "Fluke 1664 FC",
        "instrument_serial": "SN-1",
    }
    assert client.post(url, {**signed, "action": "finalise"}).status_code == 302
    assert other.get(f"{url}1/").status_code == 200
    pdf = other.get(f"{url}1/meetrapport.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert other.post(f"{url}1/").status_code == 405  # a finalised revision takes no writes
