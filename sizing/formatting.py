"""The one way Keuzehulp writes numbers, money, units and lists, in Dutch and in English.

The engine's wording, the wizard's pages, the PDF dossier, the diagram and the
order list all write their figures here, so a price reads "€ 1.480,50" on the
overview and in the dossier alike. Pure Python: the engine imports it, and the
web layer only adds which language is active.

The rules, one per language:

- Dutch: "." groups thousands, "," is the decimal mark: 1.480,5 and 18,6.
  English: "," groups thousands, "." is the decimal mark: 1,480.5 and 18.6.
- Thousands are grouped from four digits on (1.480, not 1480): money is read that
  way on every Dutch invoice, and one threshold for all figures keeps a price and
  a power written alike. Only the order list leaves grouping off (``grouped=False``),
  because a spreadsheet in another locale would read "1.480" as 1,48.
- Halves round away from zero (49.886,785 -> 49.886,79), as on an invoice, in every
  output; figures are rounded from their shortest decimal text, so a float such as
  2.675 rounds as it reads, not as its binary value.
- Money: the euro sign, a no-break space, always two decimals: "€ 1.480,50"
  (the same in English: "€ 1,480.50"). A unit follows its figure after a no-break
  space ("4,56 kWh"), so a line never breaks between them.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation
from functools import lru_cache
from typing import Literal

Language = Literal["nl", "en"]
Amount = Decimal | float | int | str

NBSP = "\u00a0"
EURO = "€"
_MARKS = {"nl": (".", ","), "en": (",", ".")}  # (thousands, decimal)
# Python writes "1,480.5"; Dutch swaps the two marks.
_TABLES = {"nl": str.maketrans({",": ".", ".": ","}), "en": None}
_EXACT_INT = 2**53  # below this an int converts to float without loss
_INFINITE = (float("inf"), float("-inf"))


def language(code: str | None) -> Language:
    """'en', 'en-gb', 'EN' -> 'en'; anything else (Dutch is the default) -> 'nl'."""
    return "en" if (code or "nl").lower().startswith("en") else "nl"


def pick(lang: str | None, nl: str, en: str) -> str:
    """The Dutch or the English text, for the reader's language."""
    return en if language(lang) == "en" else nl


def to_decimal(value: Amount) -> Decimal:
    """A figure as a Decimal from its shortest text (so 0.1 stays 0.1); ValueError if none."""
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError) as error:
        raise ValueError(f"not a number: {value!r}") from error
    if not number.is_finite():
        raise ValueError(f"not a finite number: {value!r}")
    return number


def number(
    value: Amount,
    lang: str | None,
    decimals: int = 2,
    *,
    strip: bool = True,
    grouped: bool = True,
) -> str:
    """1480.5 -> '1.480,5' (nl) / '1,480.5' (en); at most ``decimals`` decimals.

    With ``strip`` trailing zeros go (111,6, not 111,60); without, the figure keeps
    exactly ``decimals`` decimals (0,40). ``grouped=False`` leaves out the thousands
    separator, for spreadsheets.
    """
    return _number(value, lang, decimals, strip, grouped)


# The engine writes each figure of a design in both languages, and the wizard designs
# again on every step with mostly the same figures: remembering them keeps a design fast.
@lru_cache(maxsize=8192, typed=True)
def _number(value: Amount, lang: str | None, decimals: int, strip: bool, grouped: bool) -> str:
    spec = f"{',' if grouped else ''}.{decimals}f"
    text = _float_text(value, decimals, spec)
    if text is None:
        exact = to_decimal(value)
        # Enough precision for every digit, so a large figure is written, not refused.
        context = Context(prec=max(28, exact.adjusted() + decimals + 2))
        step = Decimal(1).scaleb(-decimals)
        text = format(exact.quantize(step, rounding=ROUND_HALF_UP, context=context), spec)
    if strip and "." in text:
        text = text.rstrip("0").rstrip(".")
    if text[0] == "-" and not text.strip("-0.,"):
        text = text[1:]  # no "-0" for a value that rounds to zero
    table = _TABLES["en" if lang == "en" else language(lang)]
    return text.translate(table) if table else text


def _float_text(value: Amount, decimals: int, spec: str) -> str | None:
    """The engine's floats and ints the fast way, where that rounds as the Decimal way would.

    The engine writes thousands of figures per design; Decimal arithmetic made that three
    times slower. A float rounds differently from its shortest text only when that text
    ends exactly on a half (2.675 to two decimals), so those go the Decimal way.
    """
    if isinstance(value, int):
        return format(value, spec) if abs(value) < _EXACT_INT else None
    if not isinstance(value, float) or value != value or value in _INFINITE:
        return None
    shortest = repr(value)
    if "e" in shortest:
        return None
    fraction = shortest.partition(".")[2]
    if len(fraction) == decimals + 1 and fraction.endswith("5"):
        return None
    return format(value, spec)


def money(value: Amount, lang: str | None) -> str:
    """'€ 1.480,50' (nl) / '€ 1,480.50' (en), with a no-break space after the euro sign."""
    return f"{EURO}{NBSP}{number(value, lang, 2, strip=False)}"


def quantity(value: Amount, unit: str, lang: str | None, decimals: int = 2) -> str:
    """'4,56 kWh' (nl) / '4.56 kWh' (en), with a no-break space before the unit."""
    return f"{number(value, lang, decimals)}{NBSP}{unit}"


def parse(text: str, lang: str | None) -> Decimal:
    """A figure this module wrote, read back: '€ 1.480,50' -> Decimal('1480.50').

    For tests and re-imports; ValueError for text that is not such a figure.
    """
    thousands, decimal_mark = _MARKS[language(lang)]
    bare = text.replace(EURO, "").replace(NBSP, "").strip()
    bare = bare.replace(thousands, "").replace(decimal_mark, ".")
    return to_decimal(bare)


# --------------------------------------------------------------------------- lists


def words(items: Sequence[object], lang: str, *, both: bool = False) -> str:
    """'a, b of c' in Dutch, 'a, b or c' in English; with ``both``: 'a en b', 'a and b'."""
    texts = [str(i) for i in items]
    if len(texts) <= 1:
        return "".join(texts)
    joiner = {("nl", True): " en ", ("en", True): " and ", ("nl", False): " of "}.get(
        (lang, both), " or "
    )
    return ", ".join(texts[:-1]) + joiner + texts[-1]


def counts(values: Sequence[int], lang: str) -> str:
    """Allowed module counts the way the brochure prints them: '1–6, 8, 10 of 12'."""
    parts: list[str] = []
    ordered = sorted(set(values))
    start = 0
    while start < len(ordered):
        end = start
        while end + 1 < len(ordered) and ordered[end + 1] == ordered[end] + 1:
            end += 1
        if end - start >= 2:
            parts.append(f"{ordered[start]}–{ordered[end]}")
        else:
            parts.extend(str(v) for v in ordered[start : end + 1])
        start = end + 1
    return words(parts, lang)
