"""The customer's acceptance page: no account, an unguessable link, exactly the sent version."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.test import Client

from keuzehulp.wording import money
from sales import services
from sales.models import QuoteVersion
from tests.sales.conftest import make_quote, send

pytestmark = pytest.mark.django_db

ACCEPT = {"name": "Piet Jansen", "email": "piet@jansen.nl", "terms": "on", "decision": "accept"}


def url(version: QuoteVersion) -> str:
    return f"/offerte/{version.token}/"


def test_the_link_shows_exactly_the_sent_version_to_a_visitor_without_account() -> None:
    version = send(make_quote())
    response = Client().get(url(version))
    text = response.content.decode().replace("\xa0", " ")
    assert response.status_code == 200
    assert version.label in text
    assert f"€ {money(version.totals['incl']).split()[-1]}" in text
    assert version.pdf_sha256[:12] in text
    assert response["Cache-Control"] == "private, no-store"
    # The token never leaves in a Referer to another site; "no-referrer" would make browsers
    # send "Origin: null", which Django's CSRF check refuses: the walk caught that.
    assert response["Referrer-Policy"] == "same-origin"


def test_accepting_records_name_email_time_address_browser_and_the_version_hash(
    django_capture_on_commit_callbacks: Any,
) -> None:
    seller = User.objects.create_user("verkoper", "verkoop@vekto.example", "Verkoop-2026!")
    seller.groups.add(Group.objects.get(name="Verkoop"))
    version = send(make_quote())
    with django_capture_on_commit_callbacks(execute=True):
        response = Client(HTTP_USER_AGENT="Firefox/140", REMOTE_ADDR="203.0.113.9").post(
            url(version), ACCEPT
        )
    assert response.status_code == 302
    version.refresh_from_db()
    assert version.status == QuoteVersion.Status.ACCEPTED
    assert (version.decided_name, version.decided_email) == ("Piet Jansen", "piet@jansen.nl")
    assert version.decided_ip == "203.0.113.9"
    assert version.decided_user_agent == "Firefox/140"
    assert version.decided_hash == version.pdf_sha256
    assert version.decided_at is not None
    (notice,) = mail.outbox
    assert notice.to == ["verkoop@vekto.example"]
    assert "geaccepteerd" in notice.subject


def test_accepting_without_ticking_the_terms_is_refused_with_a_message() -> None:
    version = send(make_quote())
    response = Client().post(url(version), {**ACCEPT, "terms": ""})
    assert response.status_code == 200
    assert "Vink de voorwaarden aan" in response.content.decode()
    version.refresh_from_db()
    assert version.status == QuoteVersion.Status.SENT


def test_declining_needs_no_terms_and_is_recorded() -> None:
    version = send(make_quote())
    Client().post(url(version), {**ACCEPT, "terms": "", "decision": "decline"})
    version.refresh_from_db()
    assert version.status == QuoteVersion.Status.DECLINED


def test_an_expired_quote_refuses_acceptance() -> None:
    version = send(make_quote())
    QuoteVersion.objects.filter(pk=version.pk).update(
        valid_until=version.valid_until - timedelta(days=version.validity_days + 1)
    )
    response = Client().post(url(version), ACCEPT)
    assert response.status_code == 409
    assert "verlopen" in response.content.decode()
    version.refresh_from_db()
    assert version.status == QuoteVersion.Status.SENT


def test_a_new_version_voids_the_link_of_the_old_one() -> None:
    old = send(make_quote())
    services.new_version(old.quote)
    response = Client().post(url(old), ACCEPT)
    assert response.status_code == 409
    assert "vervangen door een nieuwe versie" in response.content.decode()
    old.refresh_from_db()
    assert old.status == QuoteVersion.Status.SUPERSEDED


def test_a_quote_cannot_be_decided_twice() -> None:
    version = send(make_quote())
    Client().post(url(version), ACCEPT)
    response = Client().post(url(version), {**ACCEPT, "decision": "decline", "name": "Ander"})
    assert response.status_code == 409
    version.refresh_from_db()
    assert (version.status, version.decided_name) == ("accepted", "Piet Jansen")


@pytest.mark.parametrize("token", ["bestaat-niet", "x" * 300, "%00"])
def test_a_wrong_or_unsent_link_is_a_404_page(token: str) -> None:
    assert Client().get(f"/offerte/{token}/").status_code == 404


def test_the_link_of_a_draft_is_a_404_page() -> None:
    draft = make_quote().latest
    assert Client().get(url(draft)).status_code == 404
    assert Client().get(f"{url(draft)}offerte.pdf").status_code == 404


def test_the_customer_downloads_the_very_pdf_that_was_sent() -> None:
    version = send(make_quote())
    response = Client().get(f"{url(version)}offerte.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content == bytes(version.pdf)
