"""The quote as PDF: a Django template and a static print stylesheet, rendered by WeasyPrint.

It loads through the dossier's fetcher (keuzehulp.documents.pdf.StaticOnlyFetcher): data:
URIs and the allow-listed stylesheets, nothing else. The QR code to the acceptance page is an
SVG data: URI made by segno; no user text reaches the CSS.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import segno
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from keuzehulp.documents.pdf import QUOTE_STYLESHEET, STATIC_DIR, StaticOnlyFetcher
from sales.models import QuoteVersion
from sales.presentation import version_context

TEMPLATE = "sales/quote_pdf.html"


def qr_data_uri(url: str) -> str:
    return str(segno.make(url, error="m").svg_data_uri(scale=4, border=2))


def render_quote_html(version: QuoteVersion, *, accept_url: str, today: date) -> str:
    lang = (version.quote.customer.language or "nl")[:2]
    with translation.override("en" if lang == "en" else "nl"):
        context: dict[str, Any] = version_context(version)
        context.update({"accept_url": accept_url, "qr": qr_data_uri(accept_url), "today": today})
        return render_to_string(TEMPLATE, context)


def render_quote_pdf(version: QuoteVersion, *, accept_url: str, today: date) -> bytes:
    html = render_quote_html(version, accept_url=accept_url, today=today)
    fonts = FontConfiguration()
    sheet = CSS(filename=str(QUOTE_STYLESHEET), font_config=fonts, url_fetcher=StaticOnlyFetcher())
    source = HTML(string=html, base_url=str(STATIC_DIR) + "/", url_fetcher=StaticOnlyFetcher())
    pdf = source.render(stylesheets=[sheet], font_config=fonts).write_pdf()
    assert pdf is not None
    return bytes(pdf)
