"""What the installer reads in the wizard: Dutch numbers, estimates called estimates, no gaps."""

from __future__ import annotations

import re

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


def test_three_phase_cards_give_the_backup_port_a_value(client: Client) -> None:
    walk(client, until="omvormer", aansluiting={**SITE, "main_fuse": "3x25"})
    page = text(client.get(url("omvormer")))
    assert "noodstroom 10 kW" in page  # the T10: the brochure's backup-port power
    assert "noodstroom 16 A" in page  # the S3.6: its backup-port current
    assert "niet opgegeven" not in page
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


def test_a_pv_power_that_is_not_a_number_gets_one_message_not_two(client: Client) -> None:
    response = client.post(url("aansluiting"), {**SITE, "pv": "yes", "pv_kw": "veel"})
    page = text(response)
    assert "Voer een getal in." in page
    assert "Vul het vermogen van de bestaande PV in." not in page
    assert 'value="veel"' in response.content.decode()  # what was typed stays


def test_the_limits_of_the_temperature_and_the_budget_say_their_unit(client: Client) -> None:
    page = text(client.post(url("aansluiting"), {**SITE, "max_ambient_c": "999"}))
    assert "Vul hoogstens 70 °C in." in page
    walk(client, until="omvormer")
    page = text(client.post(url("omvormer"), {"budget_excl_vat_eur": "1e12"}))
    assert "Vul hoogstens € 1.000.000,00 in." in page


def test_on_a_single_phase_connection_the_pv_phase_can_be_hidden(client: Client) -> None:
    html = client.get(url("aansluiting")).content.decode()
    assert re.search(r'class="field[^"]*pv-phase"', html)


def test_the_overview_counts_clusters_in_words_not_as_clusters_2(client: Client) -> None:
    walk(client)  # 2 × BAT-9.3S on an S5: one cluster of two modules
    page = text(client.get("/wizard/overzicht/"))
    assert "· 1 cluster ·" in page
    assert "clusters 2" not in page


def test_a_whole_number_out_of_range_is_refused_in_the_wizards_words(client: Client) -> None:
    walk(client, until="bekabeling")
    page = text(client.post(url("bekabeling"), {**CABLING, "ac_grouped_circuits": "-3"}))
    assert "Vul minstens 1 in." in page
    assert "Zorg ervoor" not in page
    walk(client, until="batterij")
    page = text(client.post(url("batterij"), {"module": "SMILE-G3-BAT-9.3S", "count": "999"}))
    assert "Vul hoogstens 64 in." in page
