"""What the installer reads in the wizard: Dutch numbers, estimates called estimates, no gaps."""

from __future__ import annotations

import pytest
from django.test import Client

from .conftest import CABLING, SITE, htmx, text, url, walk

pytestmark = pytest.mark.django_db


def test_a_too_short_cable_is_refused_with_a_decimal_comma(client: Client) -> None:
    walk(client, until="bekabeling")
    response = client.post(url("bekabeling"), {**CABLING, "ac_length_m": "0,2"})
    assert "Vul minstens 0,5 m in." in text(response)
    assert "0.5" not in text(response)


def test_in_english_the_same_limit_has_a_decimal_point(client: Client) -> None:
    walk(client, until="bekabeling")
    client.post("/i18n/setlang/", {"language": "en", "next": url("bekabeling")})
    response = client.post(url("bekabeling"), {**CABLING, "ac_length_m": "0.2"})
    assert "Enter at least 0.5 m." in text(response)


def test_before_the_cable_step_the_sidebar_total_is_an_estimate(client: Client) -> None:
    walk(client, until="noodstroom")
    page = text(client.get(url("noodstroom")))
    assert "Geschat totaal excl. btw" in page
    assert "aangenomen kabel" in page


def test_after_the_cable_step_the_total_is_no_longer_called_an_estimate(client: Client) -> None:
    walk(client)
    live = htmx(client, url("bekabeling") + "?live=1", CABLING)
    assert "Totaal excl. btw" in text(live)
    assert "Geschat" not in text(live)


def test_three_phase_cards_say_what_they_know_about_backup(client: Client) -> None:
    walk(client, until="omvormer", aansluiting={**SITE, "main_fuse": "3x25"})
    page = text(client.get(url("omvormer")))
    assert "noodstroom: stroom niet opgegeven" in page
    assert "noodstroom €" not in page  # a label followed straight by the price


def test_every_page_has_a_favicon(client: Client) -> None:
    html = client.get("/").content.decode()
    assert 'rel="icon"' in html and "favicon.svg" in html
    assert 'href="data:,"' not in html


def test_the_bill_of_materials_writes_pieces_as_pcs_in_english(client: Client) -> None:
    walk(client)
    client.post("/i18n/setlang/", {"language": "en", "next": "/wizard/overzicht/"})
    page = text(client.get("/wizard/overzicht/"))
    assert " pcs " in page and " st " not in page
