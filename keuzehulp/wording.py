"""The engine's figures and texts in the reader's language: the active one unless told.

The rules for writing a number live in :mod:`sizing.formatting`; this module only
adds Django's active language, and writes nothing for an empty value, so a page
shows a blank cell rather than an error. Views, the wizard's steps, snapshots and
the template filters all write through here.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import get_language

from sizing import formatting
from sizing.formatting import Language, counts


def language(lang: str | None = None) -> Language:
    """'nl' or 'en': ``lang`` if given, else the request's active language."""
    return formatting.language(lang or get_language())


def number(value: Any, decimals: int = 2, *, strip: bool = True, lang: str | None = None) -> str:
    """1480 -> '1.480' (nl) / '1,480' (en); '' for no value or one that is not a number."""
    if value is None or value == "":
        return ""
    try:
        return formatting.number(value, language(lang), decimals, strip=strip)
    except ValueError:
        return ""


def money(value: Any, lang: str | None = None, decimals: int = 2) -> str:
    """'€ 1.480,50' in the active language; '' for no value."""
    text = number(value, decimals, strip=False, lang=lang)
    return f"{formatting.EURO}{formatting.NBSP}{text}" if text else ""


# Price files carry up to four decimals (Ketenstandaard FAQ); a quote line is computed with
# them, so its unit price is printed with them: 100 × € 0,4132 = € 41,32, not 100 × € 0,41.
UNIT_PRICE_DECIMALS = 4


def unit_price(value: Any, lang: str | None = None) -> str:
    """'€ 12,50' or '€ 0,4132': two decimals, more only where the price has them."""
    try:
        exponent = Decimal(str(value)).normalize().as_tuple().exponent
    except (InvalidOperation, ValueError):
        return money(value, lang)
    places = -exponent if isinstance(exponent, int) else 2
    return money(value, lang, min(UNIT_PRICE_DECIMALS, max(2, places)))


def quantity(value: Any, unit: str, decimals: int = 2, lang: str | None = None) -> str:
    """'4,56 kWh' in the active language; '' for no value."""
    text = number(value, decimals, lang=lang)
    return f"{text}{formatting.NBSP}{unit}" if text else ""


# Units of a bill-of-materials line as each language abbreviates them; others are the same.
UNITS = {"st": {"nl": "st", "en": "pcs"}}


def unit_text(unit: str, lang: str | None = None) -> str:
    """'st' in Dutch is 'pcs' in English; 'm' is 'm' in both."""
    return UNITS.get(unit, {}).get(language(lang), unit)


def finding_text(finding: Any, lang: str | None = None) -> str:
    return str(finding.text(language(lang)))


def counts_text(values: Sequence[int], lang: str | None = None) -> str:
    """Allowed counts as the brochure prints them: '1–6, 8, 10 of 12'."""
    return counts(list(values), language(lang))


def first_sentence(text: str) -> str:
    """The first sentence of an engine message, for a one-line reason."""
    head, sep, _rest = str(text).partition(". ")
    return head + "." if sep else str(text)
