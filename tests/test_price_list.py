"""Sales staff read the catalogue with prices in the application, not in the admin."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_are_asked_to_log_in(client: Client) -> None:
    response = client.get(reverse("price_list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_sales_staff_log_in_and_see_prices_in_dutch_notation(client: Client) -> None:
    user = User.objects.create_user("verkoper", password="Verkoop-2026!")
    user.groups.add(Group.objects.get(name="Verkoop"))
    response = client.post(
        reverse("login"), {"username": "verkoper", "password": "Verkoop-2026!"}, follow=True
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Prijslijst" in html
    assert "242247" in html  # BAT-3.8S
    assert "€\u00a01.480,00" in html
    assert "105131" in html


def test_a_wrong_password_re_renders_the_form_with_a_message(client: Client) -> None:
    User.objects.create_user("verkoper", password="Verkoop-2026!")
    response = client.post(reverse("login"), {"username": "verkoper", "password": "fout"})
    assert response.status_code == 200
    assert 'value="verkoper"' in response.content.decode()
    assert "gebruikersnaam" in response.content.decode().lower()


def test_a_user_without_catalogue_rights_is_refused(client: Client) -> None:
    client.force_login(User.objects.create_user("iemand", password="Iemand-2026!"))
    response = client.get(reverse("price_list"))
    assert response.status_code == 302
