"""The catalogue version: one cheap query a request, and a new version after every change."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog import versioning
from catalog.models import Accessory, BatteryModule, Inverter
from catalog.services import catalog_version, load_catalog
from tests.catalog.admin_helpers import (
    confirm_data,
    exported_and_edited,
    upload_for_preview,
    user_in,
)
from tests.catalog.test_admin import change_form_data
from tests.wizard.conftest import htmx, walk

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client() -> Client:
    client = Client()
    client.force_login(user_in("Catalogusbeheer", "beheer"))
    return client


def catalogue_queries(queries: list[dict[str, Any]]) -> list[str]:
    return [q["sql"] for q in queries if '"catalog_' in q["sql"]]


def test_the_version_costs_one_query(django_assert_num_queries: Any) -> None:
    with django_assert_num_queries(1):
        catalog_version()


def test_within_a_request_the_version_and_the_catalogue_cost_one_query(
    django_assert_num_queries: Any,
) -> None:
    load_catalog()  # built once per process and version
    versioning._request_started()
    try:
        with django_assert_num_queries(1):
            for _ in range(3):
                catalog_version()
                load_catalog()
    finally:
        versioning._request_finished()


def test_a_live_update_of_the_wizard_reads_the_catalogue_with_one_query() -> None:
    client = Client()
    walk(client)
    htmx(client, reverse("wizard:overview"))  # the catalogue is built once per process
    with CaptureQueriesContext(connection) as captured:
        response = htmx(client, reverse("wizard:overview"))
    assert response.status_code == 200
    assert catalogue_queries(captured.captured_queries) == [
        q["sql"] for q in captured.captured_queries if "catalog_catalogversion" in q["sql"]
    ]
    assert len(catalogue_queries(captured.captured_queries)) == 1


def test_an_admin_edit_gives_a_new_version_and_the_new_price(editor_client: Client) -> None:
    before = catalog_version()
    module = BatteryModule.objects.get(code="SMILE-G3-BAT-4.5S")
    data = change_form_data(editor_client, module) | {"price_eur": "1749.00"}
    response = editor_client.post(
        reverse("admin:catalog_batterymodule_change", args=[module.pk]), data
    )
    assert response.status_code == 302
    assert catalog_version() != before
    assert str(load_catalog().modules["SMILE-G3-BAT-4.5S"].price_eur) == "1749.00"


def test_a_spreadsheet_import_gives_a_new_version(editor_client: Client) -> None:
    content = exported_and_edited(Inverter, "system_code", "SMILE-G3-T10", "price_eur", "2222.00")
    preview = upload_for_preview(editor_client, "inverter", content)
    assert catalog_version() == (before := catalog_version())  # the dry run changes nothing
    response = editor_client.post(
        reverse("admin:catalog_inverter_process_import"), confirm_data(preview)
    )
    assert response.status_code == 302
    assert catalog_version() != before
    assert str(load_catalog().inverters["SMILE-G3-T10"].price_eur) == "2222.00"


def test_reloading_the_fixtures_gives_a_new_version() -> None:
    before = catalog_version()
    call_command("seed_catalog", "--force", verbosity=0)
    assert catalog_version() != before


def test_deleting_a_product_or_linking_an_accessory_gives_a_new_version() -> None:
    before = catalog_version()
    accessory = Accessory.objects.first()
    assert accessory is not None
    accessory.compatible_inverters.add(Inverter.objects.get(system_code="SMILE-G3-T10"))
    unlinked = catalog_version()
    assert unlinked != before
    BatteryModule.objects.get(code="SMILE-G3-BAT-4.5S").delete()
    assert catalog_version() != unlinked
    assert "SMILE-G3-BAT-4.5S" not in load_catalog().modules


def test_a_database_without_the_version_row_makes_one_at_the_first_change() -> None:
    versioning.CatalogVersion.objects.all().delete()
    assert catalog_version() == versioning.EMPTY
    module = BatteryModule.objects.get(code="SMILE-G3-BAT-4.5S")
    module.save()
    assert catalog_version() != versioning.EMPTY
