"""Numbers and money follow the active language: 4,56 kWh and € 1.480,00 in Dutch."""

from __future__ import annotations

from decimal import Decimal

from django.utils import translation

from keuzehulp.templatetags.keuzehulp_format import kwh, money, num, pct
from keuzehulp.wording import first_sentence


def test_dutch_numbers_use_a_decimal_comma_and_a_thousands_point() -> None:
    with translation.override("nl"):
        assert kwh(4.56) == "4,56\u00a0kWh"
        assert money(Decimal("1480")) == "€\u00a01.480,00"
        assert num(111.6) == "111,6"
        assert pct(0.4) == "0,4\u00a0%"


def test_english_numbers_use_a_decimal_point_and_a_thousands_comma() -> None:
    with translation.override("en"):
        assert kwh(4.56) == "4.56\u00a0kWh"
        assert money(Decimal("1480")) == "€\u00a01,480.00"
        assert money("26785.5") == "€\u00a026,785.50"


def test_empty_values_stay_empty() -> None:
    assert kwh(None) == "" and money("") == ""


def test_a_reason_is_the_first_sentence_and_keeps_decimals_intact() -> None:
    assert first_sentence("Max 4.56 kWh here. Then more.") == "Max 4.56 kWh here."
