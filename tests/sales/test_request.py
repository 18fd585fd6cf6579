"""The installer's "Offerte aanvragen / bestellen": from the overview and from a saved design."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.test import Client, override_settings

from keuzehulp.models import Configuration
from sales.models import QuoteRequest
from tests.wizard.conftest import walk

pytestmark = pytest.mark.django_db

FORM = {
    "company": "Jansen Elektro",
    "contact_name": "Piet Jansen",
    "email": "piet@jansen.nl",
    "phone": "06 12345678",
    "project_address": "Dorpsstraat 1, Utrecht",
    "wished_date": "",
    "remarks": "Graag levering op de bouw.",
    "privacy": "on",
}


@pytest.fixture
def seller(db: Any) -> User:
    user = User.objects.create_user("verkoper", "verkoop@vekto.example", "Verkoop-2026!")
    user.groups.add(Group.objects.get(name="Verkoop"))
    return user


def test_a_request_from_the_overview_saves_the_design_and_shows_a_reference(
    client: Client, seller: User, django_capture_on_commit_callbacks: Any
) -> None:
    walk(client)
    overview = client.get("/wizard/overzicht/")
    assert "/wizard/offerte-aanvragen/" in overview.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/wizard/offerte-aanvragen/", FORM, follow=True)
    request = QuoteRequest.objects.get()
    assert request.configuration == Configuration.objects.get()
    assert request.reference.startswith("AANV-")
    assert request.reference in response.content.decode()
    assert request.privacy_accepted_at is not None


def test_the_installer_gets_the_design_link_and_sales_get_a_notice(
    client: Client,
    configuration: Configuration,
    seller: User,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/configuratie/{configuration.pk}/offerte-aanvragen/", FORM)
    reference = QuoteRequest.objects.get().reference
    to_installer, to_sales = mail.outbox
    assert to_installer.to == ["piet@jansen.nl"]
    assert reference in to_installer.subject
    assert f"/configuratie/{configuration.pk}/" in to_installer.body
    assert to_sales.to == ["verkoop@vekto.example"]
    assert "Jansen Elektro" in to_sales.subject


@pytest.mark.parametrize("start", ["design", "overview"])
def test_a_double_submit_sends_one_request_and_one_pair_of_mails(
    client: Client,
    configuration: Configuration,
    seller: User,
    django_capture_on_commit_callbacks: Any,
    start: str,
) -> None:
    # Each submit sent a request of its own: two references, four e-mails, two saved designs.
    if start == "overview":
        walk(client)
        url = "/wizard/offerte-aanvragen/"
    else:
        url = f"/configuratie/{configuration.pk}/offerte-aanvragen/"
    once = re.search(r'name="once" value="([0-9a-f]{32})"', client.get(url).content.decode())
    assert once is not None
    designs = Configuration.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url, {**FORM, "once": once.group(1)})
        second = client.post(url, {**FORM, "once": once.group(1)}, follow=True)
    assert first["Location"] == "/offerte-aanvragen/ontvangen/"
    request = QuoteRequest.objects.get()
    assert request.reference in second.content.decode()
    assert len(mail.outbox) == 2
    assert Configuration.objects.count() == designs + (start == "overview")


def test_without_the_privacy_checkbox_the_form_comes_back_with_a_message(
    client: Client, configuration: Configuration
) -> None:
    response = client.post(
        f"/configuratie/{configuration.pk}/offerte-aanvragen/", {**FORM, "privacy": ""}
    )
    assert response.status_code == 200
    assert "Vink de privacyverklaring aan" in response.content.decode()
    assert not QuoteRequest.objects.exists()
    assert not mail.outbox


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("email", "geen-adres"),
        ("company", "Jansen\r\nBcc: iedereen@example.com"),
        ("company", "x" * 500),
        ("wished_date", "1999-01-01"),
        ("wished_date", "morgen"),
        ("remarks", "x" * 5000),
    ],
)
def test_hostile_input_is_refused_in_the_form_not_with_a_500(
    client: Client, configuration: Configuration, field: str, value: str
) -> None:
    response = client.post(
        f"/configuratie/{configuration.pk}/offerte-aanvragen/", {**FORM, field: value}
    )
    assert response.status_code == 200
    assert 'class="error"' in response.content.decode()
    assert not QuoteRequest.objects.exists()


def test_asking_without_a_finished_design_sends_the_installer_to_the_wizard(
    client: Client,
) -> None:
    response = client.post("/wizard/offerte-aanvragen/", FORM)
    assert response.status_code == 302
    assert not QuoteRequest.objects.exists()


def test_an_unknown_design_answers_404(client: Client) -> None:
    response = client.get("/configuratie/00000000-0000-0000-0000-000000000000/offerte-aanvragen/")
    assert response.status_code == 404


def test_the_confirmation_page_shows_nothing_to_a_visitor_who_made_no_request(
    client: Client,
) -> None:
    assert client.get("/offerte-aanvragen/ontvangen/").status_code == 302


@pytest.mark.usefixtures("one_rate_window")
@override_settings(RATE_QUOTE_REQUEST="2/m")
def test_a_visitor_cannot_make_the_site_mail_an_address_over_and_over(
    client: Client, configuration: Configuration, django_capture_on_commit_callbacks: Any
) -> None:
    url = f"/configuratie/{configuration.pk}/offerte-aanvragen/"
    victim = {**FORM, "email": "slachtoffer@example.com"}
    with django_capture_on_commit_callbacks(execute=True):
        statuses = [client.post(url, victim).status_code for _ in range(4)]
    assert statuses == [302, 302, 429, 429]
    assert QuoteRequest.objects.count() == 2
    assert len([m for m in mail.outbox if "slachtoffer@example.com" in m.to]) == 2


def test_a_second_submit_that_raced_the_first_sends_nothing_more(
    client: Client,
    configuration: Configuration,
    seller: User,
    django_capture_on_commit_callbacks: Any,
) -> None:
    """A double click's second request reads the session before the first has written it;
    here the second submit comes from a session that never saw the first one."""
    url = f"/configuratie/{configuration.pk}/offerte-aanvragen/"
    key = re.search(r'name="once" value="([0-9a-f]{32})"', client.get(url).content.decode())
    assert key is not None
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {**FORM, "once": key.group(1)})
        other = Client()
        second = other.post(url, {**FORM, "once": key.group(1)}, follow=True)
    request = QuoteRequest.objects.get()
    assert request.reference in second.content.decode()
    assert len(mail.outbox) == 2


def test_without_a_key_each_submit_is_a_request_of_its_own(
    client: Client, configuration: Configuration, seller: User
) -> None:
    url = f"/configuratie/{configuration.pk}/offerte-aanvragen/"
    client.post(url, FORM)
    client.post(url, {**FORM, "once": "not-a-key"})
    assert QuoteRequest.objects.count() == 2
