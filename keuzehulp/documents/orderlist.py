"""The bill of materials as a CSV order list that Dutch Excel opens as columns.

Dutch Excel expects a semicolon between fields and a decimal comma, and only
reads UTF-8 (mm², €, ë) correctly with a byte-order mark. Numbers carry no
thousands separator, so every spreadsheet reads 2950,00 as a number. A field
that starts with = + - @ would be read as a formula: it gets a leading quote. A generic article
(no Vekto number known) says so in the last column, so nobody orders the code itself.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from decimal import Decimal

from keuzehulp.documents.labels import plain_decimal
from keuzehulp.wording import unit_text
from sizing.formatting import pick
from sizing.schema import BomLine

BOM = "\ufeff"
DELIMITER = ";"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _same(text: str) -> str:
    return text


def _safe(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def order_list_csv(
    bom: list[BomLine], *, lang: str = "nl", gettext: Callable[[str], str] | None = None
) -> str:
    """The order list as text (starting with the BOM); encode it as UTF-8."""
    _ = gettext or _same
    out = io.StringIO()
    writer = csv.writer(out, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow(
        [
            _("Artikelnummer"),
            _("Omschrijving"),
            _("Aantal"),
            _("Eenheid"),
            _("Stukprijs excl. btw"),
            _("Opmerking"),
        ]
    )
    generic = _(
        "Generiek artikel: geen Vekto-artikelnummer bekend; bestel een gelijkwaardig product."
    )
    for line in bom:
        description = pick(lang, line.description, line.description_en or line.description)
        writer.writerow(
            [
                _safe(line.article),
                _safe(description),
                plain_decimal(line.quantity, "nl"),
                _safe(unit_text(line.unit, lang)),
                plain_decimal(line.unit_price_eur, "nl", places=2),
                generic if line.is_generic else "",
            ]
        )
    return BOM + out.getvalue()


def parse_order_list(text: str) -> list[dict[str, object]]:
    """Read an order list back (for tests and re-imports): article, description, quantity, price,
    and whether the line is a generic article. A list from before the remark column reads too."""
    rows = list(csv.reader(io.StringIO(text.removeprefix(BOM)), delimiter=DELIMITER))
    lines = []
    for row in rows[1:]:
        article, description, quantity, unit, price = row[:5]
        remark = row[5] if len(row) > 5 else ""
        lines.append(
            {
                "article": article.removeprefix("'"),
                "description": description.removeprefix("'"),
                "quantity": Decimal(quantity.replace(",", ".")),
                "unit": unit,
                "unit_price_eur": Decimal(price.replace(",", ".")),
                "is_generic": bool(remark),
            }
        )
    return lines
