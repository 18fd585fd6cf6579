"""Orders from accepted quotes, and the order list as CSV (Dutch Excel) and XLSX."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client

from catalog.models import BatteryModule
from sales import services
from sales.models import Order, QuoteLine, QuoteVersion, VatCategory
from sales.orders import BOM, order_csv_text, order_xlsx_bytes, parse_csv, parse_xlsx
from tests.sales.conftest import make_quote, send

pytestmark = pytest.mark.django_db


def accepted() -> QuoteVersion:
    version = send(make_quote())
    return services.decide(
        version, accept=True, name="Piet", email="piet@jansen.nl", ip="127.0.0.1", user_agent=""
    )


def test_an_accepted_quote_becomes_an_order_with_the_frozen_bill_of_materials(
    sales_client: Client,
) -> None:
    version = accepted()
    BatteryModule.objects.filter(code="SMILE-G3-BAT-9.3S").update(price_eur=Decimal("1"))
    response = sales_client.post(f"/verkoop/offertes/{version.quote.pk}/order/")
    order = Order.objects.get()
    assert response.status_code == 302
    assert order.number.startswith("ORD-")
    frozen = [(line["article"], Decimal(str(line["quantity"]))) for line in version.design["bom"]]
    assert [(line.article, line.quantity) for line in order.lines.all()] == frozen
    assert order.status == Order.Status.NEW


def test_a_quote_that_was_not_accepted_makes_no_order(sales_client: Client) -> None:
    version = send(make_quote())
    response = sales_client.post(f"/verkoop/offertes/{version.quote.pk}/order/", follow=True)
    assert "Alleen een geaccepteerde offerte" in response.content.decode()
    assert not Order.objects.exists()


def test_ordering_twice_gives_the_same_order() -> None:
    version = accepted()
    assert services.create_order(version) == services.create_order(version)
    assert Order.objects.count() == 1


def test_the_csv_opens_in_dutch_excel_and_parses_back_to_the_order(sales_client: Client) -> None:
    order = services.create_order(accepted())
    response = sales_client.get(f"/verkoop/orders/{order.pk}/bestellijst.csv")
    text = response.content.decode("utf-8")
    assert text.startswith(BOM)
    assert text.splitlines()[0].count(";") == 6
    assert "attachment" in response["Content-Disposition"]
    rows = parse_csv(text)
    assert [(r["article"], r["quantity"], r["unit"]) for r in rows] == [
        (line.article, line.quantity, line.unit) for line in order.lines.all()
    ]
    assert {r["reference"] for r in rows} == {order.version.label}
    assert "36;m" in text  # a decimal comma, no thousands separator: Excel reads a number


def test_the_xlsx_parses_back_to_the_order(sales_client: Client) -> None:
    order = services.create_order(accepted())
    response = sales_client.get(f"/verkoop/orders/{order.pk}/bestellijst.xlsx")
    rows = parse_xlsx(response.content)
    assert [(r["article"], r["quantity"]) for r in rows] == [
        (line.article, line.quantity) for line in order.lines.all()
    ]


def test_generic_articles_are_marked_as_not_orderable_as_is(sales_client: Client) -> None:
    order = services.create_order(accepted())
    generic = order.lines.filter(is_generic=True)
    assert generic.exists()
    page = sales_client.get(f"/verkoop/orders/{order.pk}/").content.decode()
    assert "generiek artikel zonder bestelnummer" in page
    assert "nee, generiek artikel" in order_csv_text(order)


def test_a_description_that_looks_like_a_formula_stays_text() -> None:
    order = services.create_order(accepted())
    order.lines.filter(position=10).update(description='=HYPERLINK("http://x.invalid")')
    assert "\"'=HYPERLINK" in order_csv_text(order)  # quoted by csv, led by a quote mark
    from io import BytesIO

    from openpyxl import load_workbook

    sheet = load_workbook(BytesIO(order_xlsx_bytes(order))).active
    assert sheet is not None
    assert sheet["D2"].data_type == "s"


def test_sales_set_the_order_status_and_a_bad_status_is_refused(sales_client: Client) -> None:
    order = services.create_order(accepted())
    sales_client.post(f"/verkoop/orders/{order.pk}/", {"status": "confirmed"})
    order.refresh_from_db()
    assert order.status == Order.Status.CONFIRMED
    response = sales_client.post(f"/verkoop/orders/{order.pk}/", {"status": "gestolen"})
    assert response.status_code == 200
    order.refresh_from_db()
    assert order.status == Order.Status.CONFIRMED


def test_the_order_is_what_the_customer_accepted_not_the_design_as_drawn(
    sales_client: Client,
) -> None:
    """Sales left the cable out (the customer has it), cut the battery modules to one, added a
    surge protector on a free line and a line of travel costs: the wholesaler gets the
    accepted articles, and the order page says where they differ from the design."""
    quote = make_quote()
    draft = quote.latest
    product = list(draft.lines.filter(kind=QuoteLine.Kind.PRODUCT))
    cable = next(line for line in product if line.unit == "m")
    battery = next(line for line in product if "batterijmodule" in line.description)
    assert battery.quantity > 1
    cable.delete()
    battery.quantity = Decimal(1)
    battery.save()
    QuoteLine.objects.create(
        version=draft, position=500, group=QuoteLine.Group.OTHER, kind=QuoteLine.Kind.FREE,
        article="999001", description="Overspanningsbeveiliging", quantity=Decimal(1),
        unit="st", unit_price=Decimal("85.00"), vat_category=VatCategory.default(),
    )  # fmt: skip
    QuoteLine.objects.create(
        version=draft, position=510, group=QuoteLine.Group.OTHER, kind=QuoteLine.Kind.FREE,
        description="Voorrijkosten", quantity=Decimal(1), unit="st",
        unit_price=Decimal("45.00"), vat_category=VatCategory.default(),
    )  # fmt: skip
    version = send(quote)
    services.decide(version, accept=True, name="P", email="p@x.nl", ip="127.0.0.1", user_agent="")
    order = services.create_order(version)

    ordered = {line.article: line.quantity for line in order.lines.all()}
    assert cable.article not in ordered
    assert ordered[battery.article] == 1
    assert ordered["999001"] == 1
    assert "" not in ordered  # travel costs are no article
    labour = version.lines.get(kind=QuoteLine.Kind.LABOUR)
    assert all(line.description != labour.description for line in order.lines.all())
    assert [(r["article"], r["quantity"]) for r in parse_csv(order_csv_text(order))] == [
        (line.article, line.quantity) for line in order.lines.all()
    ]

    page = sales_client.get(f"/verkoop/orders/{order.pk}/").content.decode().replace("\xa0", " ")
    assert "wijkt af van het ontwerp" in page
    designed = next(b for b in version.design["bom"] if b["article"] == battery.article)
    assert f"ontwerp {Decimal(designed['quantity']):g}, offerte 1." in page
    assert f"({cable.article}): ontwerp" in page and ", offerte 0." in page
    assert "(999001): niet in het ontwerp, offerte 1." in page


def test_an_order_that_follows_the_design_carries_no_difference_warning(
    sales_client: Client,
) -> None:
    order = services.create_order(accepted())
    assert services.design_differences(order.version) == []
    assert (
        "wijkt af van het ontwerp"
        not in sales_client.get(f"/verkoop/orders/{order.pk}/").content.decode()
    )


def test_an_english_customers_order_reaches_the_wholesaler_in_dutch() -> None:
    version = send(make_quote(language="en"))
    version = services.decide(
        version, accept=True, name="P", email="p@x.nl", ip="127.0.0.1", user_agent=""
    )
    assert any("battery module" in line.description for line in version.lines.all())
    order = services.create_order(version)
    dutch = {line["article"]: line["description"] for line in version.design["bom"]}
    assert {line.article: line.description for line in order.lines.all()} == dutch


def test_the_draft_quote_shows_a_changed_quantity_before_it_is_sent(sales_client: Client) -> None:
    quote = make_quote()
    battery = quote.latest.lines.filter(description__contains="batterijmodule").first()
    assert battery is not None
    page = sales_client.get(f"/verkoop/offertes/{quote.pk}/").content.decode()
    assert "wijken af van het ontwerp" not in page
    battery.quantity += 1
    battery.save()
    page = sales_client.get(f"/verkoop/offertes/{quote.pk}/").content.decode()
    assert "De artikelen van deze offerte wijken af van het ontwerp" in page
