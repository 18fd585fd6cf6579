"""Step 3, batterij: module type, only allowed counts, live capacity and headroom."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from keuzehulp.wizard import options

from .conftest import SITE, htmx, text, url, walk

pytestmark = pytest.mark.django_db

OUTDOOR = {**SITE, "location": "outdoor", "min_ambient_c": "-10"}


def counts_offered(html: str) -> list[int]:
    return [int(n) for n in re.findall(r'name="count" value="(\d+)"', html)]


def test_a_t10_offers_only_the_allowed_counts_of_the_9_3(client: Client) -> None:
    walk(
        client,
        until="batterij",
        aansluiting={**SITE, "main_fuse": "3x25"},
        omvormer={"inverter": "SMILE-G3-T10"},
    )
    html = client.get(url("batterij") + "?").content.decode()
    response = client.post(url("batterij"), {"module": "SMILE-G3-BAT-9.3S", "refresh": "1"})
    assert counts_offered(response.content.decode()) == [1, 2, 3, 4, 5, 6, 8, 10, 12]
    assert "Kies eerst een module" in html


def test_seven_modules_on_a_t10_are_refused_with_the_allowed_counts(client: Client) -> None:
    walk(
        client,
        until="batterij",
        aansluiting={**SITE, "main_fuse": "3x25"},
        omvormer={"inverter": "SMILE-G3-T10"},
    )
    response = client.post(url("batterij"), {"module": "SMILE-G3-BAT-9.3S", "count": "7"})
    assert response.status_code == 200
    assert "7 × SMILE-G3-BAT-9.3S kan niet; kies 1–6, 8, 10 of 12 modules." in text(response)


def test_the_indoor_module_is_disabled_outdoors_with_its_reason(client: Client) -> None:
    walk(client, until="batterij", aansluiting=OUTDOOR)
    response = client.get(url("batterij"))
    html = response.content.decode()
    assert re.search(r'value="SMILE-G3-BAT-3.8S"[^>]*disabled', html)
    assert "De SMILE-G3-BAT-3.8S is IP21 en mag alleen binnen staan" in html
    refused = client.post(url("batterij"), {"module": "SMILE-G3-BAT-3.8S", "count": "2"})
    assert refused.status_code == 200
    assert "IP21" in text(refused)


def test_two_9_3_modules_on_an_s5_advance_and_show_the_capacity(client: Client) -> None:
    walk(client, until="batterij")
    live = htmx(
        client,
        url("batterij") + "?live=1",
        {"module": "SMILE-G3-BAT-9.3S", "count": "2", "count_for": "SMILE-G3-BAT-9.3S"},
    )
    page = text(live)
    assert "<html" not in live.content.decode()
    assert "Bruikbaar 18,6 kWh" in page and "Nominaal 18,6 kWh" in page
    assert "Later uit te breiden tot 4 × 9,3 kWh = 37,2 kWh" in page
    assert 'id="count-field" hx-swap-oob' not in live.content.decode()
    response = client.post(url("batterij"), {"module": "SMILE-G3-BAT-9.3S", "count": "2"})
    assert response.status_code == 302 and response["Location"] == url("noodstroom")


def test_changing_the_module_replaces_the_count_control(client: Client) -> None:
    walk(
        client,
        until="batterij",
        aansluiting={**SITE, "main_fuse": "3x25"},
        omvormer={"inverter": "SMILE-G3-T10"},
    )
    live = htmx(
        client,
        url("batterij") + "?live=1",
        {"module": "SMILE-G3-BAT-4.5S", "count": "8", "count_for": "SMILE-G3-BAT-9.3S"},
    )
    html = live.content.decode()
    assert 'id="count-field" hx-swap-oob="true"' in html
    assert counts_offered(html) == [1, 2, 3, 4, 5, 6]
    assert not re.search(r'value="8"[^>]*checked', html)


def test_the_battery_step_cannot_be_skipped_to(client: Client) -> None:
    walk(client, until="omvormer")
    response = client.get(url("batterij"))
    assert response.status_code == 302 and response["Location"] == url("omvormer")


def test_a_cold_page_shows_its_module_choices_without_designing_any_of_them(
    client: Client, design_calls: list
) -> None:
    walk(client, until="batterij")
    options.clear_cache()  # walk() filled it; the page below starts cold
    design_calls.clear()
    assert client.get(url("batterij")).status_code == 200
    assert design_calls == []  # why a choice is refused comes with suggest, not from trials
