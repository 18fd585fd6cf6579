"""An expired session starts a clean wizard with a message, never an error page."""

from __future__ import annotations

import pytest
from django.test import Client

from .conftest import BATTERY, SITE, htmx, text, url, walk

pytestmark = pytest.mark.django_db


def expire(client: Client) -> None:
    session = client.session
    session.flush()


def test_posting_a_later_step_after_the_session_expired_restarts_with_a_message(
    client: Client,
) -> None:
    walk(client, until="batterij")
    client.cookies.pop("sessionid")
    response = client.post(url("batterij"), {**BATTERY, "draft": "abc123"}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == url("aansluiting")
    assert "Uw sessie was verlopen" in text(response)


def test_an_htmx_request_after_expiry_redirects_the_whole_page(client: Client) -> None:
    walk(client, until="batterij")
    client.cookies.pop("sessionid")
    response = htmx(client, url("batterij") + "?live=1", {**BATTERY, "draft": "abc123"})
    assert response.status_code == 200
    assert response["HX-Redirect"] == url("aansluiting")


def test_step_one_after_expiry_keeps_what_was_just_posted(client: Client) -> None:
    response = client.post(url("aansluiting"), {**SITE, "draft": "abc123"}, follow=True)
    assert response.redirect_chain[-1][0] == url("omvormer")
    assert "Uw sessie was verlopen" in text(response)


def test_a_draft_from_an_older_wizard_is_dropped_not_an_error(client: Client) -> None:
    session = client.session
    session["wizard_draft"] = {"version": 0, "site": "nonsense"}
    session.save()
    client.cookies["sessionid"] = session.session_key
    response = client.get(url("omvormer"), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == url("aansluiting")


def test_starting_over_clears_every_answer(client: Client) -> None:
    walk(client)
    response = client.post("/wizard/opnieuw/", follow=True)
    assert response.redirect_chain[-1][0] == url("aansluiting")
    assert client.get(url("omvormer")).status_code == 302


def test_the_wizard_entry_continues_at_the_first_open_step(client: Client) -> None:
    assert client.get("/wizard/")["Location"] == url("aansluiting")
    walk(client, until="noodstroom")
    assert client.get("/wizard/")["Location"] == url("noodstroom")
    walk(client)
    assert client.get("/wizard/")["Location"] == "/wizard/overzicht/"


def test_an_unknown_step_is_a_404(client: Client) -> None:
    assert client.get("/wizard/betaling/").status_code == 404
