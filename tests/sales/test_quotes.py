"""Quotes: made from a request, edited as a draft, frozen by "Versturen", versioned after."""

from __future__ import annotations

import hashlib
import io
import re
from decimal import Decimal
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from pypdf import PdfReader

from catalog.models import BatteryModule
from sales.models import FrozenError, Quote, QuoteLine, QuoteRequest, QuoteVersion, VatCategory
from tests.sales.conftest import make_quote, make_request, send

pytestmark = pytest.mark.django_db


def page(client: Client, quote: Quote) -> str:
    response = client.get(f"/verkoop/offertes/{quote.pk}/")
    assert response.status_code == 200
    return response.content.decode().replace("\xa0", " ")


def test_a_quote_from_a_request_has_the_design_lines_at_list_price_and_labour(
    sales_client: Client, configuration: Any
) -> None:
    request = make_request(configuration)
    response = sales_client.post(
        f"/verkoop/offertes/nieuw/?aanvraag={request.pk}",
        {
            "kind": "business",
            "name": "Jansen Elektro",
            "email": "piet@jansen.nl",
            "default_discount_pct": "5",
            "language": "nl",
        },
    )
    quote = Quote.objects.get()
    assert response.status_code == 302
    assert quote.number.startswith("OFF-")
    lines = list(quote.latest.lines.all())
    battery = next(line for line in lines if line.article == "242248")
    assert battery.unit_price == Decimal("2950.00")
    assert battery.discount_kind == "pct" and battery.discount_value == Decimal("5.00")
    assert any(line.kind == QuoteLine.Kind.LABOUR for line in lines)
    assert QuoteRequest.objects.get().status == QuoteRequest.Status.QUOTED


@pytest.mark.parametrize("raw", ["²", "١", "9" * 5000, "12abc", "-1"])
def test_a_new_quote_for_a_request_number_that_is_not_one_is_not_found(
    sales_client: Client, configuration: Any, raw: str
) -> None:
    # '²' counts as a digit for str.isdigit() but int() refuses it: the page answered 500.
    make_request(configuration)
    response = sales_client.get("/verkoop/offertes/nieuw/", {"aanvraag": raw})
    assert response.status_code == 404


def test_a_key_from_another_form_makes_a_quote_and_opens_nothing_else(
    client: Client, sales_client: Client, configuration: Any
) -> None:
    """The request form's one-time key posted to 'Nieuwe offerte': it names a request, not a
    quote, so it is a new page here (it used to be read as a quote number: a 500)."""
    page = f"/configuratie/{configuration.pk}/offerte-aanvragen/"
    key = re.search(r'name="once" value="([0-9a-f]{32})"', client.get(page).content.decode())
    assert key is not None
    client.post(
        page,
        {"once": key.group(1), "company": "Jansen Elektro", "contact_name": "Piet Jansen",
         "email": "piet@jansen.nl", "project_address": "Dorpsstraat 1, Utrecht", "privacy": "on"},
    )  # fmt: skip
    request = QuoteRequest.objects.get()
    data = {
        "once": key.group(1), "kind": "business", "name": "Jansen Elektro",
        "email": "piet@jansen.nl", "default_discount_pct": "0", "language": "nl",
    }  # fmt: skip
    response = sales_client.post(f"/verkoop/offertes/nieuw/?aanvraag={request.pk}", data)
    quote = Quote.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/verkoop/offertes/{quote.pk}/"


def test_a_double_submit_of_a_new_quote_makes_one_quote(
    sales_client: Client, configuration: Any
) -> None:
    # Each submit made a quote of its own: a double click gave OFF-…-0001 and OFF-…-0002.
    request = make_request(configuration)
    url = f"/verkoop/offertes/nieuw/?aanvraag={request.pk}"
    once = re.search(r'name="once" value="([0-9a-f]{32})"', sales_client.get(url).content.decode())
    assert once is not None
    data = {
        "once": once.group(1),
        "kind": "business",
        "name": "Jansen Elektro",
        "email": "piet@jansen.nl",
        "default_discount_pct": "0",
        "language": "nl",
    }
    first = sales_client.post(url, data)
    second = sales_client.post(url, data)
    quote = Quote.objects.get()
    assert first["Location"] == second["Location"] == f"/verkoop/offertes/{quote.pk}/"


def test_business_quotes_show_prices_excl_and_consumer_quotes_incl_vat(
    sales_client: Client,
) -> None:
    business = page(sales_client, make_quote("business"))
    consumer = page(sales_client, make_quote("consumer", name="Fam. de Vries"))
    assert "€ 2.950,00" in business  # the module's list price excl. VAT
    assert "€ 3.569,50" in consumer  # 2950 × 1.21
    assert "Stukprijs incl. btw" in consumer


def test_sales_add_a_provisional_sum_and_the_totals_follow(sales_client: Client) -> None:
    quote = make_quote()
    before = quote.latest.compute_totals().excl
    response = sales_client.post(
        f"/verkoop/offertes/{quote.pk}/regels/",
        {
            "group": "other",
            "kind": "provisional",
            "description": "Aanpassing groepenkast na inspectie",
            "quantity": "1",
            "unit": "st",
            "unit_price": "250",
            "discount_kind": "",
            "discount_value": "0",
            "vat_category": VatCategory.default().pk,
        },
    )
    assert response.status_code == 302
    assert quote.latest.compute_totals().excl == before + Decimal("250.00")
    assert "stelpost" in page(sales_client, quote)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("quantity", "-1"),
        ("unit_price", "1e400"),
        ("discount_value", "-5"),
        ("description", "a\x00b"),
        ("vat_category", "999999"),
    ],
)
def test_a_bad_line_comes_back_with_a_message(sales_client: Client, field: str, value: str) -> None:
    quote = make_quote()
    data = {
        "group": "other",
        "kind": "free",
        "description": "Vrije regel",
        "quantity": "1",
        "unit": "st",
        "unit_price": "10",
        "discount_kind": "",
        "discount_value": "0",
        "vat_category": VatCategory.default().pk,
        field: value,
    }
    count = quote.latest.lines.count()
    response = sales_client.post(f"/verkoop/offertes/{quote.pk}/regels/", data)
    assert response.status_code == 200
    assert 'class="error"' in response.content.decode()
    assert quote.latest.lines.count() == count


def test_a_line_discount_larger_than_the_line_is_refused_not_capped(sales_client: Client) -> None:
    """€ 50 off a line of 2 × € 10: pricing would quietly take € 20 off, and the quote would
    not show what the seller typed."""
    quote = make_quote()
    data = {
        "group": "other", "kind": "free", "description": "Vrije regel", "quantity": "2",
        "unit": "st", "unit_price": "10", "discount_kind": "amount", "discount_value": "50",
        "vat_category": VatCategory.default().pk,
    }  # fmt: skip
    count = quote.latest.lines.count()
    response = sales_client.post(f"/verkoop/offertes/{quote.pk}/regels/", data)
    text = response.content.decode().replace("\xa0", " ")
    assert response.status_code == 200
    assert "Een korting van € 50,00 is meer dan het bedrag van € 20,00 excl. btw." in text
    assert 'value="Vrije regel"' in text  # what was typed comes back
    assert quote.latest.lines.count() == count
    data["discount_value"] = "20"  # the whole line off is a discount, not an error
    assert sales_client.post(f"/verkoop/offertes/{quote.pk}/regels/", data).status_code == 302
    assert quote.latest.lines.count() == count + 1


def test_a_discount_on_the_total_larger_than_the_lines_is_refused(sales_client: Client) -> None:
    quote = make_quote()
    lines_net = quote.latest.compute_totals().lines_net
    data = {
        "introduction": "", "payment_terms": "", "deposit_pct": "0", "validity_days": "30",
        "discount_kind": "amount", "discount_value": str(lines_net + 1),
    }  # fmt: skip
    response = sales_client.post(f"/verkoop/offertes/{quote.pk}/instellingen/", data)
    assert response.status_code == 200
    assert "is meer dan het bedrag van" in response.content.decode()
    assert quote.latest.discount_kind == ""
    data["discount_value"] = str(lines_net - 1)
    response = sales_client.post(f"/verkoop/offertes/{quote.pk}/instellingen/", data)
    assert response.status_code == 302
    assert quote.latest.compute_totals().total_discount == lines_net - 1


def test_a_bad_change_to_a_line_comes_back_as_typed_with_a_message(sales_client: Client) -> None:
    # It redirected to the editor with the message only: the typed description was lost.
    quote = make_quote()
    line = quote.latest.lines.first()
    assert line is not None
    prefix = f"line{line.pk}-"
    data = {
        prefix + "group": line.group,
        prefix + "kind": line.kind,
        prefix + "description": "Omschrijving die de verkoper net typte",
        prefix + "quantity": "1e309",
        prefix + "unit": "st",
        prefix + "unit_price": "10",
        prefix + "discount_kind": "",
        prefix + "discount_value": "0",
        prefix + "vat_category": VatCategory.default().pk,
    }
    response = sales_client.post(f"/verkoop/offertes/{quote.pk}/regels/{line.pk}/", data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Omschrijving die de verkoper net typte" in html
    assert 'value="1e309"' in html
    assert 'class="error"' in html
    assert "<details open>" in html
    line.refresh_from_db()
    assert line.description != "Omschrijving die de verkoper net typte"


def test_a_consumer_deposit_above_half_is_refused(sales_client: Client) -> None:
    quote = make_quote("consumer")
    response = sales_client.post(
        f"/verkoop/offertes/{quote.pk}/instellingen/",
        {
            "introduction": "",
            "payment_terms": "",
            "deposit_pct": "60",
            "validity_days": "30",
            "discount_kind": "",
            "discount_value": "0",
        },
    )
    assert response.status_code == 200
    assert "7:26" in response.content.decode()
    assert quote.latest.deposit_pct == Decimal("50.00")


def test_sending_freezes_design_versions_lines_totals_and_the_pdf_with_its_hash(
    sales_client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    quote = make_quote()
    with django_capture_on_commit_callbacks(execute=True):
        sales_client.post(f"/verkoop/offertes/{quote.pk}/versturen/")
    version = QuoteVersion.objects.get()
    assert version.status == QuoteVersion.Status.SENT
    assert version.design["bom"] and version.design_request["inverter"] == "SMILE-G3-S5"
    assert version.engine_version and version.catalog_version
    assert version.totals["incl"] == str(version.compute_totals().incl)
    assert bytes(version.pdf).startswith(b"%PDF")
    assert version.pdf_sha256 == hashlib.sha256(bytes(version.pdf)).hexdigest()
    assert version.valid_until is not None
    (message,) = mail.outbox
    assert message.to == ["inkoop@jansen.nl"]
    assert f"/offerte/{version.token}/" in message.body


def test_a_price_change_after_sending_leaves_the_sent_version_and_says_so(
    sales_client: Client,
) -> None:
    version = send(make_quote())
    frozen = (version.totals, version.pdf_sha256, list(version.lines.values_list("unit_price")))
    module = BatteryModule.objects.get(code="SMILE-G3-BAT-9.3S")
    module.price_eur = Decimal("3100.00")
    module.save()
    version.refresh_from_db()
    assert (version.totals, version.pdf_sha256, list(version.lines.values_list("unit_price"))) == (
        frozen
    )
    text = page(sales_client, version.quote)
    assert "De catalogus van vandaag zou deze verstuurde versie anders prijzen" in text
    assert "was € 2.950,00, nu € 3.100,00" in text


def test_a_sent_version_and_its_lines_refuse_every_change() -> None:
    version = send(make_quote())
    line = version.lines.first()
    assert line is not None
    version.introduction = "later veranderd"
    with pytest.raises(FrozenError):
        version.save()
    line.unit_price = Decimal("1")
    with pytest.raises(FrozenError):
        line.save()
    with pytest.raises(FrozenError):
        line.delete()


def test_editing_a_sent_version_through_the_page_is_refused_with_a_message(
    sales_client: Client,
) -> None:
    version = send(make_quote())
    line = version.lines.first()
    assert line is not None
    response = sales_client.post(
        f"/verkoop/offertes/{version.quote.pk}/regels/{line.pk}/verwijderen/", follow=True
    )
    assert "maak eerst een nieuwe versie" in response.content.decode()
    assert version.lines.filter(pk=line.pk).exists()


def test_a_new_version_is_numbered_v2_copies_the_lines_and_the_old_stays_readable(
    sales_client: Client,
) -> None:
    first = send(make_quote())
    quote = first.quote
    sales_client.post(f"/verkoop/offertes/{quote.pk}/nieuwe-versie/")
    second = quote.latest
    assert second.label == f"{quote.number}-v2"
    assert second.lines.count() == first.lines.count()
    first.refresh_from_db()
    assert first.status == QuoteVersion.Status.SUPERSEDED
    old = sales_client.get(f"/verkoop/offertes/{quote.pk}/v1/")
    assert old.status_code == 200 and quote.number in old.content.decode()


def test_the_quote_list_finds_by_number_customer_and_project(sales_client: Client) -> None:
    first = make_quote(name="Bakker Installaties")
    make_quote(name="Smit Techniek")
    found = sales_client.get("/verkoop/offertes/", {"q": "bakker"}).content.decode()
    assert first.number in found and "Smit Techniek" not in found
    by_number = sales_client.get("/verkoop/offertes/", {"q": first.number}).content.decode()
    assert "Bakker Installaties" in by_number
    bad = sales_client.get("/verkoop/offertes/", {"since": "gisteren", "status": "x"})
    assert bad.status_code == 200


def test_the_dossier_of_a_sent_version_is_drawn_from_the_design_as_sent(
    sales_client: Client,
) -> None:
    version = send(make_quote())
    BatteryModule.objects.filter(code="SMILE-G3-BAT-9.3S").update(price_eur=Decimal("1.00"))
    response = sales_client.get(f"/verkoop/offertes/{version.quote.pk}/v1/dossier.pdf")
    assert response["Content-Type"] == "application/pdf"
    pages = PdfReader(io.BytesIO(response.content)).pages
    text = " ".join(p.extract_text() for p in pages).replace("\xa0", " ")
    assert "2.950,00" in text  # the price as sent; today the module costs 1,00
    assert 'hx-boost="false"' in page(sales_client, version.quote)  # PDFs are not swapped in


def test_a_customer_search_with_a_nul_byte_still_finds_the_customer(sales_client: Client) -> None:
    # PostgreSQL refuses a NUL byte in a query: it answered 503 'database unavailable'.
    make_quote(name="Bakker Installaties")
    response = sales_client.get("/verkoop/klanten/", {"q": "bakker\x00"})
    assert response.status_code == 200
    assert "Bakker Installaties" in response.content.decode()


def test_sales_find_a_customer_and_change_the_default_discount(sales_client: Client) -> None:
    quote = make_quote(name="Bakker Installaties")
    found = sales_client.get("/verkoop/klanten/", {"q": "bakker"}).content.decode()
    assert "Bakker Installaties" in found
    url = f"/verkoop/klanten/{quote.customer_id}/"
    data = {
        "kind": "business",
        "name": "Bakker Installaties",
        "email": "inkoop@bakker.nl",
        "default_discount_pct": "7.5",
        "language": "nl",
    }
    assert sales_client.post(url, data).status_code == 302
    quote.customer.refresh_from_db()
    assert quote.customer.default_discount_pct == Decimal("7.50")
    refused = sales_client.post(url, {**data, "default_discount_pct": "150"})
    assert refused.status_code == 200
    assert quote.number in refused.content.decode()


def test_a_vat_rate_changed_in_the_admin_before_sending_is_the_rate_sent() -> None:
    quote = make_quote()
    VatCategory.objects.filter(code="hoog").update(rate=Decimal("0.2200"))
    version = send(quote)
    assert {line.vat_rate for line in version.lines.all()} == {Decimal("0.2200")}
    assert [rate["rate"] for rate in version.totals["by_rate"]] == ["0.2200"]
