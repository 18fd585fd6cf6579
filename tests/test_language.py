"""Dutch first: only the language switch changes the interface language."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_an_english_browser_still_gets_dutch_until_the_user_switches(client: Client) -> None:
    html = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").content.decode()
    assert '<html lang="nl">' in html
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert '<html lang="en">' in html


def test_an_unknown_language_cookie_falls_back_to_dutch(client: Client) -> None:
    client.cookies["django_language"] = "xx"
    assert '<html lang="nl">' in client.get(reverse("home")).content.decode()


def test_a_post_without_the_security_cookie_gets_a_page_with_the_way_back() -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("wizard:restart"))
    html = response.content.decode()
    assert response.status_code == 403
    assert "Dit formulier is verlopen" in html
    assert reverse("wizard:start") in html
