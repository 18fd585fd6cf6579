"""The order list: a CSV that Dutch Excel opens as columns and that reads back to the BoM."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest

from keuzehulp.documents.orderlist import order_list_csv, parse_order_list
from sizing.schema import BomLine

from .conftest import THREE_PHASE_NEW


def line(article: str, description: str, quantity: str, price: str, unit: str = "st") -> BomLine:
    return BomLine(
        article=article,
        description=description,
        description_en=description + " (en)",
        quantity=Decimal(quantity),
        unit=unit,
        unit_price_eur=Decimal(price),
        line_total_eur=Decimal(quantity) * Decimal(price),
        vat_rate=Decimal("0.21"),
    )


@pytest.mark.django_db
def test_the_order_list_reads_back_to_the_bill_of_materials(make_design):
    bom = make_design(THREE_PHASE_NEW).bom
    lines = parse_order_list(order_list_csv(bom))
    assert [(x["article"], x["quantity"], x["unit_price_eur"]) for x in lines] == [
        (b.article, b.quantity, b.unit_price_eur) for b in bom
    ]
    assert [x["description"] for x in lines] == [b.description for b in bom]


def test_it_opens_in_dutch_excel_semicolons_decimal_comma_and_a_byte_order_mark():
    text = order_list_csv(
        [
            line("242248", "Batterijmodule 9,3 kWh", "12", "2950"),
            line("GEN-VD-10", "VD 10 mm² (per meter)", "7.5", "1.95", "m"),
        ]
    )
    data = text.encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == [
        "Artikelnummer",
        "Omschrijving",
        "Aantal",
        "Eenheid",
        "Stukprijs excl. btw",
        "Opmerking",
    ]
    assert rows[1] == ["242248", "Batterijmodule 9,3 kWh", "12", "st", "2950,00", ""]
    assert rows[2] == ["GEN-VD-10", "VD 10 mm² (per meter)", "7,5", "m", "1,95", ""]
    assert text.count("\r\n") == 3


def test_english_users_get_english_headers_and_descriptions_in_the_same_format():
    headers = {"Artikelnummer": "Article number", "Aantal": "Quantity"}
    text = order_list_csv(
        [line("1", "Omvormer", "1", "1480")], lang="en", gettext=lambda s: headers.get(s, s)
    )
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:3] == ["Article number", "Omschrijving", "Quantity"]
    assert rows[1] == ["1", "Omvormer (en)", "1", "pcs", "1480,00", ""]  # not the Dutch "st"


def test_a_description_that_looks_like_a_formula_is_not_run_by_excel():
    text = order_list_csv([line("X1", '=HYPERLINK("http://x")', "1", "1")])
    assert parse_order_list(text)[0]["description"] == '=HYPERLINK("http://x")'
    raw = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert raw[1][1].startswith("'=")
