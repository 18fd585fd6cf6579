"""The figures of a quote as its reader sees them: every printed sum adds up, in the reader's
language, the same on the sales page, the acceptance page and the PDF."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.test import Client
from pypdf import PdfReader

from sales.models import Quote, QuoteLine, VatCategory
from tests.sales.conftest import logged_in, make_quote, send

pytestmark = pytest.mark.django_db


def text_of(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return " ".join(page.extract_text() for page in pages).replace("\xa0", " ")


def only_line(quote: Quote, **fields: object) -> None:
    """The quote's lines replaced by one line of ``fields``."""
    version = quote.latest
    version.lines.all().delete()
    QuoteLine.objects.create(
        version=version,
        group=QuoteLine.Group.OTHER,
        kind=QuoteLine.Kind.FREE,
        description="Proefregel",
        vat_category=VatCategory.default(),
        **fields,
    )


def pages(quote: Quote) -> dict[str, str]:
    """The quote as the salesperson, the customer and the PDF show it, once sent."""
    version = send(quote)
    sales = logged_in("sales").get(f"/verkoop/offertes/{quote.pk}/").content.decode()
    public = Client().get(f"/offerte/{version.token}/").content.decode()
    return {
        "sales page": sales.replace("\xa0", " "),
        "acceptance page": public.replace("\xa0", " "),
        "pdf": text_of(bytes(version.pdf)),
    }


def test_a_consumer_sees_the_line_discount_incl_vat_like_the_price_it_is_taken_from() -> None:
    # 1 × € 100,00 excl. at 21 % with 10 % off: € 121,00 incl. − € 12,10 = € 108,90 incl.
    quote = make_quote("consumer")
    only_line(
        quote,
        quantity=Decimal(1),
        unit_price=Decimal("100.00"),
        discount_kind="pct",
        discount_value=Decimal(10),
    )
    for where, text in pages(quote).items():
        assert "€ 121,00" in text, where
        assert "− € 12,10" in text, where
        assert "€ 108,90" in text, where
        assert "− € 10,00" not in text, where


def test_a_unit_price_with_four_decimals_is_printed_with_them() -> None:
    # 100 m × € 0,4132 = € 41,32; printed as € 0,41 it would read as € 41,00.
    quote = make_quote()
    only_line(quote, quantity=Decimal(100), unit="m", unit_price=Decimal("0.4132"))
    for where, text in pages(quote).items():
        assert "€ 0,4132" in text, where
        assert "€ 41,32" in text, where


def test_a_whole_cent_unit_price_keeps_two_decimals() -> None:
    quote = make_quote()
    only_line(quote, quantity=Decimal(2), unit_price=Decimal("12.5000"))
    for where, text in pages(quote).items():
        assert "€ 12,50" in text, where
        assert "€ 12,5000" not in text, where


def test_an_english_customer_reads_the_lines_in_english() -> None:
    text = " ".join(text_of(bytes(send(make_quote(language="en")).pdf)).split())
    assert "battery module" in text
    assert "batterijmodule" not in text
    assert "Installation and commissioning" in text
    assert " pcs" in text
    assert " st " not in text


def test_a_price_change_between_making_and_sending_is_reported_after_sending() -> None:
    # The lines were priced when the quote was made (€ 2.950,00) and the PDF prints that;
    # the catalogue said € 3.100,00 by the time it was sent.
    from catalog.models import BatteryModule
    from sales.services import price_changes

    quote = make_quote()
    module = BatteryModule.objects.get(code="SMILE-G3-BAT-9.3S")
    module.price_eur = Decimal("3100.00")
    module.save()
    version = send(quote)
    assert "€ 2.950,00" in text_of(bytes(version.pdf))
    changes = " ".join(price_changes(version)).replace("\xa0", " ")
    assert "was € 2.950,00, nu € 3.100,00" in changes


def test_each_article_is_quoted_at_the_vat_rate_the_catalogue_gives_it() -> None:
    """An admin put the battery module at 0 % (a category exists for it): the quote line used
    to take the default 21 % while the dossier's bill of materials printed 0 %."""
    from catalog.models import BatteryModule

    module = BatteryModule.objects.get(code="SMILE-G3-BAT-9.3S")
    module.vat_rate = Decimal("0.000")
    module.save()  # as the admin saves it: a new catalogue version
    quote = make_quote()
    lines = list(quote.latest.lines.filter(kind=QuoteLine.Kind.PRODUCT))
    battery = next(line for line in lines if "batterijmodule" in line.description)
    assert battery.vat_rate == 0 and battery.vat_category.code == "pv-nul"
    others = [line for line in lines if line is not battery]
    assert others and all(line.vat_category == VatCategory.default() for line in others)
    assert quote.latest.lines.get(kind=QuoteLine.Kind.LABOUR).vat_rate == Decimal("0.21")


def test_a_draft_says_where_todays_catalogue_prices_an_article_otherwise() -> None:
    """Sending freezes the dossier at today's prices while the lines keep theirs: the draft
    warns before two prices for one article go out."""
    from catalog.models import BatteryModule

    quote = make_quote()
    sales = logged_in("sales")
    url = f"/verkoop/offertes/{quote.pk}/"
    assert "prijst artikelen van deze offerte anders" not in sales.get(url).content.decode()
    module = BatteryModule.objects.get(code="SMILE-G3-BAT-9.3S")
    module.price_eur = Decimal("3100.00")
    module.save()
    page = sales.get(url).content.decode().replace("\xa0", " ")
    assert "prijst artikelen van deze offerte anders" in page
    assert "in de offerte € 2.950,00, in de catalogus € 3.100,00." in page


def test_a_draft_says_where_its_vat_rate_is_not_the_catalogues() -> None:
    """9 % in the catalogue and no VAT category with that rate: the line keeps the default
    21 %, and the draft says so instead of sending two rates for one article."""
    from catalog.models import BatteryModule

    module = BatteryModule.objects.get(code="SMILE-G3-BAT-9.3S")
    module.vat_rate = Decimal("0.090")
    module.save()
    quote = make_quote()
    page = logged_in("sales").get(f"/verkoop/offertes/{quote.pk}/").content.decode()
    assert "btw in de offerte 21 %, in de catalogus 9 %." in page.replace("\xa0", " ")
