"""One way to write a figure: Dutch 1.480,5 and € 1.480,50, English 1,480.5 and € 1,480.50."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sizing.findings import finding
from sizing.formatting import NBSP, money, number, parse, pick, quantity

CENTS = st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False)
LANGUAGES = st.sampled_from(["nl", "en"])


@given(CENTS, LANGUAGES)
def test_a_written_amount_reads_back_as_the_same_decimal(amount, lang):
    assert parse(money(amount, lang), lang) == amount
    assert parse(number(amount, lang, 2), lang) == amount
    assert parse(number(amount, lang, 2, grouped=False), lang) == amount


@given(CENTS)
def test_dutch_and_english_differ_only_in_their_two_marks(amount):
    swapped = number(amount, "en").translate(str.maketrans(",.", ".,"))
    assert number(amount, "nl") == swapped


@given(CENTS, LANGUAGES)
def test_the_engines_messages_write_a_figure_as_the_pages_do(amount, lang):
    # The registry's {x:n} spec and the formatter the pages and documents use are one rule.
    text = finding("safety.pgs37", usable_kwh=float(amount), threshold_kwh=20).text(lang)
    assert text.split(" ")[3] == number(amount, lang)  # "Het systeem heeft 1.480,5 kWh"


def test_thousands_are_grouped_from_four_digits_on():
    assert number(1480.5, "nl") == "1.480,5"
    assert number(1480.5, "en") == "1,480.5"
    assert number(999.5, "nl") == "999,5"
    assert number(10000, "nl", 0) == "10.000"


def test_money_has_a_no_break_space_after_the_euro_sign_and_two_decimals():
    assert money(Decimal("1480.5"), "nl") == f"€{NBSP}1.480,50"
    assert money(Decimal("1480.5"), "en") == f"€{NBSP}1,480.50"
    assert money(Decimal("49886.785"), "nl") == f"€{NBSP}49.886,79"


def test_halves_round_up_as_they_read_not_as_the_binary_float():
    assert number(2.675, "nl") == "2,68"
    assert number(0.125, "en") == "0.13"
    assert number(Decimal("2.665"), "nl") == "2,67"


def test_a_value_that_rounds_to_zero_has_no_minus_sign():
    assert number(-0.001, "nl") == "0"
    assert number(-0.0, "en", 2, strip=False) == "0.00"


def test_a_unit_stays_on_the_line_of_its_figure():
    assert quantity(4.56, "kWh", "nl") == f"4,56{NBSP}kWh"


def test_english_variants_of_the_language_code_pick_english():
    assert pick("en-gb", "ja", "yes") == "yes"
    assert pick(None, "ja", "yes") == "ja"


@pytest.mark.parametrize("text", ["", "abc", "1,2,3x", "NaN", "Infinity"])
def test_text_that_is_not_a_figure_is_refused(text):
    with pytest.raises(ValueError):
        parse(text, "nl")


def test_a_figure_longer_than_decimal_precision_is_written_in_full():
    assert money(Decimal("1E+30"), "nl") == f"€{NBSP}1{'.000' * 10},00"
