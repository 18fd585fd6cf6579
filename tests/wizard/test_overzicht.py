"""Step 7, overzicht: findings grouped with references, circuits, bill of materials."""

from __future__ import annotations

import pytest
from django.test import Client

from .conftest import htmx, text, url, walk

pytestmark = pytest.mark.django_db


def test_the_overview_cannot_be_reached_with_an_unfinished_wizard(client: Client) -> None:
    walk(client, until="groepenkast")
    response = client.get("/wizard/overzicht/")
    assert response.status_code == 302 and response["Location"] == url("groepenkast")


def test_the_overview_without_any_draft_starts_the_wizard(client: Client) -> None:
    response = client.get("/wizard/overzicht/", follow=True)
    assert response.redirect_chain[-1][0] == url("aansluiting")
    assert "u begint bij stap 1" in text(response)


def test_the_overview_shows_findings_battery_circuits_and_prices_in_dutch(client: Client) -> None:
    walk(client)
    response = client.get("/wizard/overzicht/")
    assert response.status_code == 200
    page = text(response)
    assert "Stap 7 van 7" in page
    assert "waarschuwing" in page and "Advies" in page
    assert "Bron:" not in page  # the references are in the calculation notes below
    assert "Grondslag van de meldingen" in page and "(Netcode elektriciteit" in page
    assert "18,6 kWh bruikbaar, 18,6 kWh nominaal" in page
    assert "2 × SMILE-G3-BAT-9.3S" in page
    assert "€ 2.950,00" in page  # a BAT-9.3S, unit price in Dutch notation
    assert "Totaal incl. btw" in page
    assert "Netpoort omvormer naar groepenkast" in page  # the AC circuit from the engine
    assert "Berekening" in page  # the expandable trace
    for label in ("Opslaan", "Opslaan en delen", "Bewerken"):
        assert label in page


def test_the_overview_in_english_shows_the_engine_messages_in_english(client: Client) -> None:
    walk(client)
    client.post("/i18n/setlang/", {"language": "en", "next": "/wizard/overzicht/"})
    response = client.get("/wizard/overzicht/")
    page = text(response)
    assert '<html lang="en">' in response.content.decode()
    assert "register it with the grid operator at energieleveren.nl" in page
    assert "18.6 kWh" in page and "€ 2,950.00" in page


def test_the_overview_shows_the_calculation_in_dutch(client: Client) -> None:
    walk(client)
    page = text(client.get("/wizard/overzicht/"))
    assert "Doorsnede op stroom" in page and "Correctiefactor k" in page
    assert "tabel B.52.2, kolom B1" in page and "bijlage G" in page
    assert "Cross-section by current" not in page
    # The S5 charges at 5 kW = 21.7 A, which the 1×35 A fuse carries: no EMS limit.
    assert "Laadvermogen uit het net begrenzen (EMS)" not in page
    assert "Laadstroom uit het net per fase" in page and "= 21,74 A" in page


def test_the_overview_in_english_shows_the_calculation_in_english(client: Client) -> None:
    walk(client)
    client.post("/i18n/setlang/", {"language": "en", "next": "/wizard/overzicht/"})
    page = text(client.get("/wizard/overzicht/"))
    assert "Cross-section by current" in page and "Correction factor k" in page
    assert "Table B.52.2, column B1" in page and "Annex G" in page
    assert "Grid-port design current Ib" in page and "Battery capacity" in page
    assert "Doorsnede op stroom" not in page and "Correctiefactor k" not in page
    assert "bijlage G" not in page and "tabel B.52" not in page
    assert "Limit the charging power from the grid (EMS)" not in page
    assert "Grid charging current per phase" in page and "= 21.7 A" in page


def test_an_htmx_request_for_the_overview_gets_the_partial(client: Client) -> None:
    walk(client)
    response = htmx(client, "/wizard/overzicht/")
    assert response.status_code == 200
    assert "<html" not in response.content.decode() and 'id="wizard"' in response.content.decode()
