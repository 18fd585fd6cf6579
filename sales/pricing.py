"""Quote arithmetic: Decimal only, every amount rounded to cents where it is formed.

The Dutch installation sector's standards body advises rounding to two decimals at every
intermediate step (Ketenstandaard FAQ). No Belastingdienst rule on VAT per line versus per
rate was found, so this module picks one and says so: a line's net amount is rounded; the
discount on the total is spread over the VAT rates in proportion to their net amounts (the
last rate takes the rounding remainder, so the parts add up to the discount exactly); VAT is
computed once per rate on the rate's net amount. The incl.-VAT price of a single line, shown
to consumers, is that line's net amount plus its own rounded VAT; the totals remain the
per-rate figures.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
HUNDRED = Decimal(100)


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def discount_amount(gross: Decimal, kind: str, value: Decimal) -> Decimal:
    """The discount on ``gross``: ``kind`` "pct" (percent of it) or "amount" (in euro).

    Never more than ``gross`` and never negative, so a discount cannot turn a line into a
    credit.
    """
    if kind == "pct":
        amount = cents(gross * value / HUNDRED)
    elif kind == "amount":
        amount = cents(value)
    else:
        return ZERO
    return max(ZERO, min(amount, gross)) if gross >= 0 else ZERO


@dataclass(frozen=True)
class LineInput:
    quantity: Decimal
    unit_price: Decimal  # excl. VAT
    vat_rate: Decimal  # a fraction: 0.21
    discount_kind: str = ""
    discount_value: Decimal = ZERO


@dataclass(frozen=True)
class LineAmounts:
    gross: Decimal
    discount: Decimal
    net: Decimal
    vat: Decimal
    incl: Decimal


def line_amounts(line: LineInput) -> LineAmounts:
    gross = cents(line.quantity * line.unit_price)
    discount = discount_amount(gross, line.discount_kind, line.discount_value)
    net = gross - discount
    vat = cents(net * line.vat_rate)
    return LineAmounts(gross=gross, discount=discount, net=net, vat=vat, incl=net + vat)


@dataclass(frozen=True)
class RateTotal:
    rate: Decimal
    net_before_discount: Decimal
    discount: Decimal
    net: Decimal
    vat: Decimal


@dataclass(frozen=True)
class Totals:
    lines_net: Decimal
    total_discount: Decimal
    excl: Decimal
    vat: Decimal
    incl: Decimal
    by_rate: list[RateTotal] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "lines_net": str(self.lines_net),
            "total_discount": str(self.total_discount),
            "excl": str(self.excl),
            "vat": str(self.vat),
            "incl": str(self.incl),
            "by_rate": [
                {
                    "rate": str(r.rate),
                    "net_before_discount": str(r.net_before_discount),
                    "discount": str(r.discount),
                    "net": str(r.net),
                    "vat": str(r.vat),
                }
                for r in self.by_rate
            ],
        }


def totals(
    lines: Iterable[LineInput], discount_kind: str = "", discount_value: Decimal = ZERO
) -> Totals:
    nets: dict[Decimal, Decimal] = {}
    for line in lines:
        amounts = line_amounts(line)
        nets[line.vat_rate] = nets.get(line.vat_rate, ZERO) + amounts.net
    lines_net = sum(nets.values(), ZERO)
    total_discount = discount_amount(lines_net, discount_kind, discount_value)
    by_rate: list[RateTotal] = []
    remaining = total_discount
    rates = sorted(nets)
    for index, rate in enumerate(rates):
        base = nets[rate]
        if index == len(rates) - 1:
            share = remaining
        else:
            share = cents(total_discount * base / lines_net) if lines_net else ZERO
        remaining -= share
        net = base - share
        by_rate.append(
            RateTotal(
                rate=rate,
                net_before_discount=base,
                discount=share,
                net=net,
                vat=cents(net * rate),
            )
        )
    excl = sum((r.net for r in by_rate), ZERO)
    vat = sum((r.vat for r in by_rate), ZERO)
    return Totals(
        lines_net=lines_net,
        total_discount=total_discount,
        excl=excl,
        vat=vat,
        incl=excl + vat,
        by_rate=by_rate,
    )
