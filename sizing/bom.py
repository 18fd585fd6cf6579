"""Bill of materials: catalogue articles priced into lines, and the totals with VAT."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from sizing.domain import AccessoryKind, Catalog, Product
from sizing.findings import finding
from sizing.notes import PlannedLine
from sizing.schema import BomLine, Finding, Totals

CENT = Decimal("0.01")

BACKUP_OPTIONS = ("none", "distribution_unit", "backup_box")

# What each backup choice puts on the bill of materials, in this order. Both backup solutions
# hang behind the Vekto backup-box protection.
BACKUP_KINDS: dict[str, tuple[AccessoryKind, ...]] = {
    "none": (),
    "distribution_unit": (AccessoryKind.DISTRIBUTION_UNIT, AccessoryKind.BACKUP_PROTECTION),
    "backup_box": (AccessoryKind.BACKUP_BOX, AccessoryKind.BACKUP_PROTECTION),
}


def cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def line(product: Product, quantity: Decimal | int | float, category: str) -> BomLine:
    qty = quantity if isinstance(quantity, Decimal) else Decimal(str(quantity))
    unit_price = cents(product.price_eur)
    return BomLine(
        article=product.article,
        description=product.name("nl"),
        description_en=product.name("en"),
        quantity=qty,
        unit=product.unit,
        unit_price_eur=unit_price,
        line_total_eur=cents(unit_price * qty),
        vat_rate=product.vat_rate,
        is_generic=product.is_generic,
        price_is_example=product.price_is_example,
        category=category,
    )


def accessory_kinds(backup: str, shutdown_kit: bool) -> tuple[AccessoryKind, ...]:
    kinds = BACKUP_KINDS[backup]
    return (*kinds, AccessoryKind.SHUTDOWN_KIT) if shutdown_kit else kinds


def accessory_lines(
    catalog: Catalog, inverter_code: str, backup: str, shutdown_kit: bool
) -> tuple[list[BomLine], list[Finding]]:
    """The backup accessories that match the inverter's phases, or a warning per missing one."""
    inverter = catalog.inverters[inverter_code]
    lines: list[BomLine] = []
    missing: list[Finding] = []
    for kind in accessory_kinds(backup, shutdown_kit):
        accessory = catalog.accessory(inverter_code, kind)
        if accessory is None:
            missing.append(
                finding(
                    "backup.accessory_missing",
                    what=kind.value,
                    inverter=inverter_code,
                    phases=inverter.phases,
                )
            )
            continue
        category = "shutdown_kit" if kind is AccessoryKind.SHUTDOWN_KIT else "backup"
        lines.append(line(accessory, 1, category))
    return lines, missing


def plan_lines(
    catalog: Catalog, planned: Iterable[PlannedLine]
) -> tuple[list[BomLine], list[Finding]]:
    """Price the installation plan's lines (cables, breakers, board) from the catalogue."""
    lines: list[BomLine] = []
    unknown: list[Finding] = []
    for item in planned:
        product = catalog.product(item.article)
        if product is None:
            unknown.append(
                finding("bom.article_unknown", article=item.article, category=item.category)
            )
            continue
        lines.append(line(product, item.quantity, item.category))
    return lines, unknown


def totals(lines: Iterable[BomLine]) -> Totals:
    """Totals excl. VAT, VAT and incl. VAT; VAT is taken per rate over the subtotal, as on an
    invoice, so rounding per line cannot add up to a cent off."""
    by_rate: dict[Decimal, Decimal] = defaultdict(Decimal)
    for item in lines:
        by_rate[item.vat_rate] += item.line_total_eur
    excl = cents(sum(by_rate.values(), Decimal(0)))
    vat = cents(sum((cents(amount * rate) for rate, amount in by_rate.items()), Decimal(0)))
    return Totals(excl_vat_eur=excl, vat_eur=vat, incl_vat_eur=excl + vat)
