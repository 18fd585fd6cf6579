"""The quote PDF: what a Dutch quote must say, the QR code to the acceptance page, hostile text."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from sales.models import SellerSettings
from sales.pdf import render_quote_html
from tests.sales.conftest import ACCEPT_URL, make_quote, send

pytestmark = pytest.mark.django_db


def text_of(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return " ".join(page.extract_text() for page in pages).replace("\xa0", " ")


def test_the_pdf_carries_letterhead_number_dates_lines_vat_totals_and_the_link() -> None:
    seller = SellerSettings.load()
    seller.kvk, seller.vat_number, seller.iban = "12345678", "NL001234567B01", "NL91ABNA0417164300"
    seller.save()
    version = send(make_quote())
    text = text_of(bytes(version.pdf))
    for expected in [
        version.label,
        "KvK 12345678",
        "NL001234567B01",
        "Geldig tot en met",
        "SMILE-G3-S5",
        "Btw 21 %",
        "Totaal incl. btw",
        ACCEPT_URL,
    ]:
        assert expected in text, expected
    assert len(PdfReader(io.BytesIO(bytes(version.pdf))).pages) <= 3


def test_the_pdf_has_a_qr_code_image_for_the_acceptance_link() -> None:
    version = make_quote().latest
    html = render_quote_html(version, accept_url=ACCEPT_URL, today=version.quote.created_at.date())
    assert 'src="data:image/svg+xml' in html


def test_a_consumer_quote_states_the_withdrawal_right_and_the_battery_vat_rule() -> None:
    text = text_of(bytes(send(make_quote("consumer")).pdf))
    assert "Herroepingsrecht" in text
    assert "14 dagen" in text
    assert "thuisbatterij" in text


def test_customer_text_cannot_become_markup_or_style_in_the_pdf() -> None:
    quote = make_quote(name='</div><style>body{display:none}</style><img src="file:///etc/passwd">')
    version = quote.latest
    version.introduction = "<script>x</script>"
    version.save()
    html = render_quote_html(version, accept_url=ACCEPT_URL, today=quote.created_at.date())
    assert "<style>body" not in html and "<script>" not in html
    assert '<img src="file:' not in html
    text = text_of(bytes(send(quote).pdf))
    assert version.label in text  # the pages were not blanked


def test_an_english_customer_gets_an_english_quote() -> None:
    text = text_of(bytes(send(make_quote(language="en")).pdf))
    assert "Valid until" in text
    assert "Total incl. VAT" in text
