"""The admin's history and export pages speak Dutch in the Dutch UI, like the rest of it."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from catalog.models import BatteryModule
from tests.catalog.admin_helpers import user_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client() -> Client:
    client = Client()
    client.force_login(user_in("Catalogusbeheer", "beheer"))
    return client


def visible(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_history_page_has_dutch_column_headings(editor_client: Client) -> None:
    module = BatteryModule.objects.get(code="SMILE-G3-BAT-4.5S")
    page = editor_client.get(reverse("admin:catalog_batterymodule_history", args=[module.pk]))
    text = visible(page.content.decode())
    assert "Datum/tijd" in text and "Gewijzigd door" in text
    assert "Date/time" not in text and "Changed by" not in text and "Change history" not in text


def test_the_export_page_explains_its_fields_in_dutch(editor_client: Client) -> None:
    page = editor_client.get(reverse("admin:catalog_batterymodule_export"))
    text = visible(page.content.decode())
    assert "Deze export bevat de volgende velden" in text
    assert "This exporter will export" not in text and "Select all" not in text
