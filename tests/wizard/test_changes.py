"""Going back keeps every answer; changing an early one re-validates the later steps."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from keuzehulp.wizard import draft as drafts

from .conftest import SITE, text, url, walk

pytestmark = pytest.mark.django_db

THREE_PHASE = {
    "aansluiting": {**SITE, "main_fuse": "3x25"},
    "omvormer": {"inverter": "SMILE-G3-T10"},
    "batterij": {"module": "SMILE-G3-BAT-9.3S", "count": "8"},
}


def test_going_back_shows_every_earlier_answer(client: Client) -> None:
    walk(client, **THREE_PHASE)
    assert 'value="3x25" selected' in client.get(url("aansluiting")).content.decode()
    assert re.search(
        r'value="SMILE-G3-T10"[^>]*checked', client.get(url("omvormer")).content.decode()
    )
    battery = client.get(url("batterij")).content.decode()
    assert re.search(r'value="SMILE-G3-BAT-9.3S"[^>]*checked', battery)
    assert re.search(r'name="count" value="8"[^>]*checked', battery)


def test_a_smaller_connection_invalidates_the_inverter_and_says_so(client: Client) -> None:
    walk(client, **THREE_PHASE)
    response = client.post(url("aansluiting"), {**SITE, "main_fuse": "1x35"}, follow=True)
    page = text(response)
    assert "Stap Omvormer moet opnieuw" in page
    assert "driefase-omvormer" in page
    # the overview now sends the installer to the step that needs attention
    overview = client.get("/wizard/overzicht/")
    assert overview.status_code == 302 and overview["Location"] == url("omvormer")
    step = client.get(url("omvormer"))
    assert "Deze keuze past niet meer bij een eerder antwoord" in text(step)
    # later answers are kept, not thrown away
    draft = drafts.load(client.session)
    assert draft is not None and draft.battery is not None and draft.battery.count == 8


def test_a_smaller_inverter_asks_for_fewer_modules(client: Client) -> None:
    walk(client, **THREE_PHASE)
    response = client.post(url("omvormer"), {"inverter": "SMILE-G3-S5"}, follow=True)
    page = text(response)
    assert "Stap Batterij moet opnieuw" in page
    assert "8 × SMILE-G3-BAT-9.3S kan niet" in page


def test_a_harmless_change_reports_the_new_total(client: Client) -> None:
    walk(client)
    response = client.post(
        url("batterij"), {"module": "SMILE-G3-BAT-9.3S", "count": "3"}, follow=True
    )
    assert "Totaal excl. btw was" in text(response)
    assert client.get("/wizard/overzicht/").status_code == 200
