"""Errors while a step is being filled in: only for fields left or submitted, gone once valid."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from .conftest import htmx, url, walk

pytestmark = pytest.mark.django_db


def error_of(response: Any, name: str) -> str:
    """The text of the field's error slot in the page or the live response ('' when empty)."""
    found = re.findall(
        rf'<p class="error" id="id_{name}_error"[^>]*>(.*?)</p>', response.content.decode(), re.S
    )
    assert found, f"no error slot for {name}"
    return found[-1].strip()


def test_typing_a_target_does_not_ask_for_an_inverter_yet(client: Client) -> None:
    walk(client, until="omvormer")
    response = htmx(client, url("omvormer") + "?live=1", {"target_usable_kwh": "15", "touched": ""})
    assert error_of(response, "inverter") == ""
    assert "Kies een omvormer" not in response.content.decode()


def test_a_field_left_with_a_wrong_value_says_so(client: Client) -> None:
    walk(client, until="omvormer")
    data = {"target_usable_kwh": "veel", "touched": "target_usable_kwh"}
    response = htmx(client, url("omvormer") + "?live=1", data)
    assert error_of(response, "target_usable_kwh") != ""
    assert error_of(response, "inverter") == ""  # not left yet: nothing said about it


def test_after_a_failed_submit_the_count_error_goes_as_soon_as_a_count_is_chosen(
    client: Client,
) -> None:
    walk(client, until="batterij")
    submitted = client.post(url("batterij"), {"module": "SMILE-G3-BAT-9.3S"})
    assert "Kies het aantal modules." in error_of(submitted, "count")
    assert 'name="touched" value="*"' in submitted.content.decode()
    data = {"module": "SMILE-G3-BAT-9.3S", "count_for": "SMILE-G3-BAT-9.3S", "count": "2"}
    live = htmx(client, url("batterij") + "?live=1", {**data, "touched": "*"})
    assert error_of(live, "count") == ""
    assert "Toegestaan" in live.content.decode()
    assert "Controleer de gemarkeerde velden" not in live.content.decode()


def test_after_a_failed_submit_a_field_still_wrong_keeps_its_error(client: Client) -> None:
    walk(client, until="groepenkast")
    client.post(url("groepenkast"), {"mode": "existing", "rcd_1_groups": "3"})
    data = {"mode": "existing", "rcd_1_groups": "3", "free_modules": "veel", "touched": "*"}
    live = htmx(client, url("groepenkast") + "?live=1", data)
    assert error_of(live, "free_modules") != ""
    assert error_of(live, "rcd_1_groups") == ""
    assert "Controleer de gemarkeerde velden" in live.content.decode()


def test_a_submit_without_javascript_still_shows_every_error(client: Client) -> None:
    walk(client, until="omvormer")
    response = client.post(url("omvormer"), {"target_usable_kwh": "15"})
    assert response.status_code == 200
    assert error_of(response, "inverter") == "Kies een omvormer."


STEPS_WITH_LIVE_ERRORS = ["aansluiting", "omvormer", "batterij", "noodstroom", "bekabeling"]


@pytest.mark.parametrize("slug", STEPS_WITH_LIVE_ERRORS)
def test_every_error_a_live_preview_sends_has_a_place_on_the_page(
    client: Client, slug: str
) -> None:
    # htmx drops an out-of-band swap without a target (and logs an error): that field's
    # message would never show.
    walk(client, until=slug)
    page = client.get(url(slug)).content.decode()
    live = htmx(client, url(slug) + "?live=1", {"touched": ""}).content.decode()
    sent = re.findall(r'id="([^"]+)"[^>]*hx-swap-oob', live)
    assert sent
    assert [name for name in sent if f'id="{name}"' not in page] == []
