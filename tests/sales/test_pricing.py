"""Quote sums on worked examples: per-line rounding, discounts, mixed VAT rates."""

from __future__ import annotations

from decimal import Decimal as D

from sales.pricing import LineInput, discount_amount, line_amounts, totals

HIGH = D("0.21")
ZERO_RATE = D("0")


def test_each_line_is_rounded_to_cents_before_it_is_added_up() -> None:
    # 3 × 0.335 = 1.005 -> 1.01 per line; rounding only the sum would give 3.02 (3.015).
    lines = [LineInput(D(3), D("0.335"), HIGH)] * 2 + [LineInput(D(1), D("1.005"), HIGH)]
    result = totals(lines)
    assert result.lines_net == D("3.03")
    assert result.vat == D("0.64")  # 21 % of 3.03 = 0.6363
    assert result.incl == D("3.67")


def test_a_percentage_discount_on_a_line_is_rounded_to_cents() -> None:
    amounts = line_amounts(LineInput(D(2), D("2950.00"), HIGH, "pct", D("7.5")))
    assert amounts.gross == D("5900.00")
    assert amounts.discount == D("442.50")
    assert amounts.net == D("5457.50")
    assert amounts.vat == D("1146.08")  # 1146.075 rounds half up


def test_a_discount_never_exceeds_the_amount_it_is_taken_from() -> None:
    assert discount_amount(D("100.00"), "amount", D("250")) == D("100.00")
    assert discount_amount(D("100.00"), "pct", D("150")) == D("100.00")
    assert discount_amount(D("100.00"), "unknown", D("10")) == D("0.00")


def test_mixed_rates_get_a_vat_line_each_and_the_total_discount_is_spread_exactly() -> None:
    lines = [
        LineInput(D(1), D("1000.00"), HIGH),
        LineInput(D(1), D("333.33"), ZERO_RATE),
    ]
    result = totals(lines, "amount", D("100.00"))
    by_rate = {r.rate: r for r in result.by_rate}
    # 100 × 333.33 / 1333.33 = 25.0000 for the 0 % part; the 21 % part takes the remainder.
    assert by_rate[ZERO_RATE].discount == D("25.00")
    assert by_rate[HIGH].discount == D("75.00")
    assert sum(r.discount for r in result.by_rate) == result.total_discount == D("100.00")
    assert by_rate[HIGH].vat == D("194.25")  # 21 % of 925.00
    assert by_rate[ZERO_RATE].vat == D("0.00")
    assert result.excl == D("1233.33")
    assert result.incl == D("1427.58")


def test_a_percentage_discount_on_the_total_comes_after_the_line_discounts() -> None:
    lines = [LineInput(D(4), D("10.00"), HIGH, "amount", D("5.00"))]
    result = totals(lines, "pct", D("10"))
    assert result.lines_net == D("35.00")
    assert result.total_discount == D("3.50")
    assert result.excl == D("31.50")
    assert result.vat == D("6.62")  # 6.615 rounds half up
