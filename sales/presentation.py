"""What a quote version shows, the same on the sales page, the acceptance page and the PDF.

A sent version is shown from its frozen copies only (design, customer, seller, totals); a
draft from the live records, so sales see what they are about to send.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from sales import pricing
from sales.models import QuoteLine, QuoteVersion, SellerSettings
from sizing.schema import Design


def frozen_design(version: QuoteVersion) -> Design | None:
    if not version.design:
        return None
    try:
        return Design.model_validate(version.design)
    except ValidationError:
        return None


def version_design(version: QuoteVersion) -> Design | None:
    if version.is_frozen:
        return frozen_design(version)
    from sales.services import design_of

    return design_of(version.quote.configuration.request)


def technical_summary(design: Design | None) -> dict[str, Any] | None:
    if design is None:
        return None
    board = design.board
    return {
        "inverter": design.inverter.system_code if design.inverter else design.request.inverter,
        "phases": design.request.connection.phases,
        "battery": design.battery,
        "backup": design.request.backup,
        "board_mode": board.mode if board else None,
        "new_rcds": sum(1 for rcd in board.rcds if rcd.is_new) if board else 0,
        "enclosure": board.enclosure if board else None,
        "valid": design.valid,
    }


def _with_pct(rates: list[dict[str, Decimal]]) -> list[dict[str, Decimal]]:
    return [rate | {"pct": (rate["rate"] * 100).normalize()} for rate in rates]


def _totals(version: QuoteVersion) -> dict[str, Any]:
    if version.is_frozen and version.totals:
        data = version.totals
        return {
            "lines_net": Decimal(data["lines_net"]),
            "total_discount": Decimal(data["total_discount"]),
            "excl": Decimal(data["excl"]),
            "vat": Decimal(data["vat"]),
            "incl": Decimal(data["incl"]),
            "by_rate": _with_pct(
                [{key: Decimal(value) for key, value in rate.items()} for rate in data["by_rate"]]
            ),
        }
    totals = version.compute_totals()
    return {
        "lines_net": totals.lines_net,
        "total_discount": totals.total_discount,
        "excl": totals.excl,
        "vat": totals.vat,
        "incl": totals.incl,
        "by_rate": _with_pct([dict(vars(rate)) for rate in totals.by_rate]),
    }


def line_rows(version: QuoteVersion) -> list[dict[str, Any]]:
    """Every line with its amounts, in the customer's view: incl. VAT for a consumer."""
    consumer = version.is_consumer
    rows = []
    for line in version.lines.select_related("vat_category"):
        amounts = line.amounts()
        unit_price = line.unit_price
        discount = amounts.discount
        if consumer:
            unit_price = pricing.cents(line.unit_price * (1 + line.vat_rate))
            # Between two incl. VAT figures the discount is incl. VAT too, so the row reads
            # as a sum: € 121,00 − € 12,10 = € 108,90 (not − € 10,00, the discount excl.).
            if discount:
                gross_incl = amounts.gross + pricing.cents(amounts.gross * line.vat_rate)
                discount = gross_incl - amounts.incl
        rows.append(
            {
                "line": line,
                "amounts": amounts,
                "unit_price": unit_price,
                "discount": discount,
                "amount": amounts.incl if consumer else amounts.net,
                "vat_pct": (line.vat_rate * 100).normalize(),
            }
        )
    return rows


def grouped(rows: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    groups = []
    for value, label in QuoteLine.Group.choices:
        members = [row for row in rows if row["line"].group == value]
        if members:
            groups.append((str(label), members))
    return groups


def version_context(version: QuoteVersion) -> dict[str, Any]:
    quote = version.quote
    customer = version.customer_snapshot if version.is_frozen else None
    if customer is None:
        c = quote.customer
        customer = {"name": c.name, "contact_name": c.contact_name, "email": c.email}
        customer |= {"phone": c.phone, "address": c.address, "kind": c.kind}
    seller = version.seller_snapshot if version.is_frozen else None
    if seller is None:
        seller = SellerSettings.load().as_json()
    rows = line_rows(version)
    design = version_design(version)
    return {
        "version": version,
        "quote": quote,
        "customer": customer,
        "seller": seller,
        "rows": rows,
        "groups": grouped(rows),
        "totals": _totals(version),
        "summary": technical_summary(design),
        "consumer": version.is_consumer,
    }
