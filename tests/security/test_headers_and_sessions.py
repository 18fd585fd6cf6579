"""Response headers and session lifetimes: a strict policy on every page, short account sessions."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from tests.wizard.conftest import walk

PAGES = ["home", "login", "wizard:start"]


def csp_directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


@pytest.mark.django_db
@pytest.mark.parametrize("name", PAGES)
def test_every_page_carries_a_strict_content_security_policy(client: Client, name: str) -> None:
    response = client.get(reverse(name), follow=True)
    assert response.status_code == 200
    policy = csp_directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert not any("unsafe" in word for words in policy.values() for word in words)


@pytest.mark.django_db
@pytest.mark.parametrize("name", PAGES)
def test_every_page_switches_off_device_features_it_does_not_use(client: Client, name: str) -> None:
    header = client.get(reverse(name), follow=True)["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in header


@pytest.mark.django_db
def test_the_pages_a_visitor_walks_through_need_no_inline_script_or_style(client: Client) -> None:
    """The policy refuses inline code, so a page with any would silently lose it."""
    walk(client)
    pages = [reverse(name) for name in PAGES] + ["/wizard/aansluiting/", "/wizard/overzicht/"]
    for page in pages:
        html = client.get(page, follow=True).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), page
        assert "<style" not in html, page
        assert not re.search(r"\sstyle=", html), page
        assert not re.search(r"\son[a-z]+=", html), page
    # htmx is told not to inject its own inline indicator style.
    assert '"includeIndicatorStyles": false' in client.get("/wizard/aansluiting/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("login", ["login", "admin:login"])
def test_a_signed_in_account_keeps_its_session_for_a_working_day_not_a_week(
    client: Client, login: str
) -> None:
    User.objects.create_user("verkoper", password="Verkoop-2026!", is_staff=True)
    response = client.post(reverse(login), {"username": "verkoper", "password": "Verkoop-2026!"})
    assert response.status_code == 302
    assert client.session.get_expiry_age() == settings.ACCOUNT_SESSION_AGE == 8 * 3600


@pytest.mark.django_db
def test_a_wizard_visitor_keeps_the_draft_for_a_week(client: Client) -> None:
    walk(client, until="omvormer")
    assert client.session.get_expiry_age() == 7 * 24 * 3600
