"""A figure reads the same on the page, in the dossier PDF, in the order list and in the
engine's words: a price of 1480.5 is "€ 1.480,50" on the overview and in the dossier."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.template.loader import render_to_string
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from keuzehulp.documents import labels
from keuzehulp.documents.orderlist import order_list_csv, parse_order_list
from keuzehulp.documents.pdf import render_pdf
from keuzehulp.templatetags import keuzehulp_format as filters
from sizing import formatting
from sizing.formatting import NBSP

from .conftest import THREE_PHASE_NEW
from .test_pdf import build, flat, text_of

PRICE = Decimal("1480.50")
CENTS = st.decimals(min_value=0, max_value=10**8, places=2, allow_nan=False)


@given(CENTS, st.sampled_from(["nl", "en"]))
def test_pages_documents_and_order_list_write_an_amount_alike(amount, lang):
    with translation.override(lang):
        page = filters.money(amount)
        page_number = filters.num(amount)
    assert page == labels.money(amount, lang) == formatting.money(amount, lang)
    assert page_number == labels.num(amount, lang)
    spreadsheet = labels.plain_decimal(amount, lang, places=2)
    grouping = "." if lang == "nl" else ","
    assert spreadsheet == formatting.number(amount, lang, 2, strip=False).replace(grouping, "")


def _priced(design: Any) -> Any:
    """The design with its first bill-of-materials line at one piece of € 1.480,50."""
    line = design.bom[0].model_copy(
        update={"quantity": Decimal(1), "unit_price_eur": PRICE, "line_total_eur": PRICE}
    )
    return design.model_copy(update={"bom": [line, *design.bom[1:]]})


@pytest.fixture(scope="module")
def priced(django_db_setup: Any, django_db_blocker: Any, catalog: Any) -> Any:
    with django_db_blocker.unblock():
        design, _ = build(catalog, THREE_PHASE_NEW)
    return _priced(design)


@pytest.mark.parametrize(("lang", "written"), [("nl", "1.480,50"), ("en", "1,480.50")])
def test_a_price_reads_the_same_on_the_overview_and_in_the_dossier(priced, lang, written):
    with translation.override(lang):
        page = render_to_string("wizard/_result.html", {"design": priced})
    assert f"€{NBSP}{written}" in page
    pdf = render_pdf(priced, lang=lang)
    # The dossier keeps the euro sign and the figure together, as the page does.
    text = text_of(pdf)
    assert f"€{NBSP}{written}" in text
    assert f"€{NBSP}1480" not in text and "€ 1480" not in flat(text)


def test_the_order_list_has_the_same_price_without_grouping_for_spreadsheets(priced):
    csv = order_list_csv(priced.bom)
    assert ";1480,50;" in csv  # the remark column follows the price
    assert parse_order_list(csv)[0]["unit_price_eur"] == PRICE
