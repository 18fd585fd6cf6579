"""A reload or a language switch mid-step keeps the choices not yet confirmed with "Volgende"."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from .conftest import SITE, htmx, text, url, walk

pytestmark = pytest.mark.django_db


def test_a_reload_shows_the_module_and_count_chosen_before_it(client: Client) -> None:
    walk(client, until="batterij")
    data = {"module": "SMILE-G3-BAT-9.3S", "count_for": "SMILE-G3-BAT-9.3S", "count": "2"}
    htmx(client, url("batterij") + "?live=1", data)
    html = client.get(url("batterij")).content.decode()
    assert 'value="SMILE-G3-BAT-9.3S" id="mod-smile-g3-bat-93s"\n        checked' in html
    assert 'value="2" id="count-2" checked' in html


def test_switching_to_english_keeps_the_typed_target_and_says_nothing_wrong(
    client: Client,
) -> None:
    walk(client, until="omvormer")
    htmx(client, url("omvormer") + "?live=1", {"target_usable_kwh": "15", "touched": ""})
    client.post("/i18n/setlang/", {"language": "en", "next": url("omvormer")})
    response = client.get(url("omvormer"))
    assert 'value="15"' in response.content.decode()
    assert "Choose an inverter" not in text(response)
    assert "Closest to your target with this inverter" in text(response)


def test_the_first_step_keeps_its_inputs_for_a_new_visitor_too(client: Client) -> None:
    htmx(client, url("aansluiting") + "?live=1", {**SITE, "project_reference": "Dijkstraat 4"})
    assert 'value="Dijkstraat 4"' in client.get(url("aansluiting")).content.decode()


def test_volgende_forgets_the_unsaved_inputs_so_the_stored_answer_shows_again(
    client: Client,
) -> None:
    walk(client, until="omvormer")
    htmx(client, url("omvormer") + "?live=1", {"inverter": "SMILE-G3-S3.6"})
    client.post(url("omvormer"), {"inverter": "SMILE-G3-S5"})
    html = client.get(url("omvormer")).content.decode()
    assert 'value="SMILE-G3-S5" id="inv-smile-g3-s5"\n        checked' in html


def test_unsaved_inputs_of_another_draft_are_not_shown(client: Client) -> None:
    walk(client, until="omvormer")
    htmx(client, url("omvormer") + "?live=1", {"inverter": "SMILE-G3-S3.6"})
    client.post("/wizard/opnieuw/")
    walk(client, until="omvormer")
    assert "checked" not in client.get(url("omvormer")).content.decode().split('id="cards"')[1]


def test_a_huge_posted_value_is_not_kept_whole(client: Client) -> None:
    walk(client, until="omvormer")
    htmx(client, url("omvormer") + "?live=1", {"inverter": "X" * 100_000, "extra": "Y" * 1000})
    cookie = client.cookies["kh_unsaved"].value
    assert len(cookie) < 4096 and "X" * 201 not in cookie and "YYY" not in cookie


def test_a_tampered_cookie_is_ignored(client: Client) -> None:
    walk(client, until="omvormer")
    htmx(client, url("omvormer") + "?live=1", {"inverter": "SMILE-G3-S3.6"})
    forged = client.cookies["kh_unsaved"].value.replace("S3.6", "S5")
    client.cookies["kh_unsaved"] = forged
    response = client.get(url("omvormer"))
    assert response.status_code == 200
    assert "checked" not in response.content.decode().split('id="cards"')[1]


def test_a_live_preview_that_lands_after_volgende_does_not_undo_it(client: Client) -> None:
    """The browser posts a preview and then "Volgende"; the preview's answer comes last."""
    walk(client, until="omvormer")
    client.post(url("omvormer"), {"inverter": "SMILE-G3-S5"})
    late = htmx(client, url("omvormer") + "?live=1", {"inverter": "SMILE-G3-S5"})
    # A preview that saved the session would write back the copy it loaded before "Volgende".
    assert settings.SESSION_COOKIE_NAME not in late.cookies
    assert client.get(url("batterij")).status_code == 200  # the stored answer still holds
