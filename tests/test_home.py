"""The home page shows the live range, in Dutch and, after switching, in English."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def row_headers(html: str) -> list[str]:
    return re.findall(r'<th scope="row">([^<]+)</th>', html)


def test_the_home_page_lists_ten_inverters_and_three_modules_in_dutch(client: Client) -> None:
    response = client.get(reverse("home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nl">' in html
    assert "Omvormers" in html and "Batterijmodules" in html
    rows = row_headers(html)
    assert sum(code.startswith("SMILE-G3-BAT") for code in rows) == 3
    assert sum(not code.startswith("SMILE-G3-BAT") for code in rows) == 10
    assert "SMILE-G3-T20" in rows
    assert "alleen binnen" in html  # the IP21 module


def test_the_home_page_shows_key_figures_in_dutch_notation(client: Client) -> None:
    html = client.get(reverse("home")).content.decode()
    assert "3,68\u00a0kW" in html  # S3.6
    assert "4,56\u00a0kWh" in html  # BAT-4.5S


def test_switching_to_english_translates_the_home_page(client: Client) -> None:
    response = client.post(
        reverse("set_language"), {"language": "en", "next": reverse("home")}, follow=True
    )
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Inverters" in html and "Battery modules" in html
    assert "indoor only" in html
    assert "4.56\u00a0kWh" in html
    rows = row_headers(html)
    assert len(rows) == 13


def test_the_health_url_answers_ok(client: Client) -> None:
    response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database_read": True, "database_write": True}
