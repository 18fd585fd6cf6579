"""Step 2, omvormer: cards, refused inverters with their reason, ranking by a target."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from keuzehulp.wizard import draft as drafts
from keuzehulp.wizard import options

from .conftest import SITE, htmx, text, url, walk

pytestmark = pytest.mark.django_db


def card_order(html: str) -> list[str]:
    return re.findall(r'name="inverter" value="([^"]+)"', html)


def test_three_phase_inverters_are_disabled_on_a_single_phase_connection_with_the_reason(
    client: Client,
) -> None:
    walk(client, until="omvormer")
    response = client.get(url("omvormer"))
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'value="SMILE-G3-T10"[^>]*disabled', html)
    assert not re.search(r'value="SMILE-G3-S5"[^>]*disabled', html)
    assert "De SMILE-G3-T10 is een driefase-omvormer en kan niet op een 1-fase aansluiting." in html
    # the cards show the key figures
    page = text(response)
    assert "5 kW" in page and "PV 10 kW · 2 MPPT" in page and "geen PV-ingang" in page


def test_choosing_a_refused_inverter_re_renders_with_the_reason(client: Client) -> None:
    walk(client, until="omvormer")
    response = client.post(url("omvormer"), {"inverter": "SMILE-G3-T10"})
    assert response.status_code == 200
    assert "driefase-omvormer" in text(response)
    draft = drafts.load(client.session)
    assert draft is not None and draft.inverter is None


def test_an_unknown_inverter_code_is_refused(client: Client) -> None:
    walk(client, until="omvormer")
    response = client.post(url("omvormer"), {"inverter": "SMILE-G3-X99"})
    assert response.status_code == 200
    assert "Kies een omvormer uit de lijst." in text(response)


def test_no_choice_says_so(client: Client) -> None:
    walk(client, until="omvormer")
    response = client.post(url("omvormer"), {"target_usable_kwh": "10"})
    assert response.status_code == 200
    assert "Kies een omvormer." in text(response)
    assert 'value="10"' in response.content.decode()


def test_a_valid_choice_advances_to_the_battery(client: Client) -> None:
    walk(client, until="omvormer")
    response = client.post(url("omvormer"), {"inverter": "SMILE-G3-S5"})
    assert response.status_code == 302 and response["Location"] == url("batterij")


def test_a_target_ranks_the_cards_and_names_the_closest_configuration(client: Client) -> None:
    walk(client, until="omvormer", aansluiting={**SITE, "main_fuse": "3x25"})
    plain = card_order(client.get(url("omvormer")).content.decode())
    response = htmx(
        client,
        url("omvormer") + "?live=1",
        {"target_usable_kwh": "70", "target_power_kw": "10", "cards_for": "None|None"},
    )
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert 'id="cards" hx-swap-oob="true"' in html
    ranked = card_order(html)
    assert ranked != plain
    assert ranked[0] == "SMILE-G3-T10"
    assert "Met deze omvormer het dichtst bij uw doel" in text(response)


def test_a_live_change_without_a_new_target_leaves_the_cards_alone(client: Client) -> None:
    walk(client, until="omvormer")
    response = htmx(
        client,
        url("omvormer") + "?live=1",
        {"inverter": "SMILE-G3-S5", "cards_for": "None|None|None|False"},
    )
    assert 'id="cards"' not in response.content.decode()
    assert "SMILE-G3-S5" in text(response)  # the summary shows the choice


def test_the_step_cannot_be_opened_before_the_connection_is_answered(client: Client) -> None:
    response = client.get(url("omvormer"))
    assert response.status_code == 302 and response["Location"] == url("aansluiting")


def test_a_cold_page_shows_its_inverter_cards_without_designing_any_of_them(
    client: Client, design_calls: list
) -> None:
    walk(client, until="omvormer")
    options.clear_cache()  # walk() filled it; the page below starts cold
    design_calls.clear()
    assert client.get(url("omvormer")).status_code == 200
    assert design_calls == []  # why a choice is refused comes with suggest, not from trials
