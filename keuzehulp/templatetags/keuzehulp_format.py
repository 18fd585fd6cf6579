"""Numbers, money and engine texts in the active language: 4,56 kWh and € 1.480,00 in Dutch,
4.56 kWh and € 1,480.00 in English.

Django's own localisation leaves thousands separators off and pads decimals;
installers read "18,6 kWh" and prices with a thousands separator, so these
filters format explicitly. A non-breaking space keeps number and unit together.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from django import template
from django.utils.translation import get_language

from keuzehulp.documents.labels import StepText, steps_in
from sizing.wording import counts as _counts

register = template.Library()

NBSP = "\u00a0"


def language(lang: str | None = None) -> str:
    code = (lang or get_language() or "nl").lower()
    return "en" if code.startswith("en") else "nl"


def _decimal(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def format_number(
    value: Any, decimals: int = 2, *, strip: bool = True, lang: str | None = None
) -> str:
    """1480 -> '1.480' (nl) / '1,480' (en); 4.5600 -> '4,56'; with strip, no trailing zeros."""
    number = _decimal(value)
    if number is None:
        return ""
    text = f"{round(number, decimals):,.{decimals}f}"
    if strip and "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in {"-0", ""}:
        text = "0"
    if language(lang) == "nl":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def format_money(value: Any, lang: str | None = None) -> str:
    number = _decimal(value)
    if number is None:
        return ""
    return f"€{NBSP}{format_number(number, 2, strip=False, lang=lang)}"


@register.filter
def num(value: Any, decimals: int = 2) -> str:
    return format_number(value, int(decimals))


@register.filter
def fixed(value: Any, decimals: int = 2) -> str:
    """Always ``decimals`` decimals: 0,40 %."""
    return format_number(value, int(decimals), strip=False)


def _unit(value: Any, unit: str, decimals: int = 2) -> str:
    text = format_number(value, decimals)
    return f"{text}{NBSP}{unit}" if text else ""


@register.filter
def kwh(value: Any) -> str:
    return _unit(value, "kWh")


@register.filter
def kw(value: Any) -> str:
    return _unit(value, "kW")


@register.filter
def amps(value: Any) -> str:
    return _unit(value, "A", 1)


@register.filter
def mm2(value: Any) -> str:
    return _unit(value, "mm²", 1)


@register.filter
def metres(value: Any) -> str:
    return _unit(value, "m", 1)


@register.filter
def celsius(value: Any) -> str:
    return _unit(value, "°C", 1)


@register.filter
def pct(value: Any) -> str:
    return _unit(value, "%", 2)


@register.filter
def money(value: Any) -> str:
    return format_money(value)


@register.filter
def fuse(connection: Any) -> str:
    """A Connection as installers say it: 3×25 A."""
    return f"{connection.phases}×{format_number(connection.main_fuse_a, 0)}{NBSP}A"


def finding_text(finding: Any, lang: str | None = None) -> str:
    return str(finding.text(language(lang)))


@register.filter(name="finding")
def finding_filter(finding: Any) -> str:
    return finding_text(finding)


@register.filter
def lname(obj: Any) -> str:
    """A catalogue object's name in the active language."""
    return str(obj.name(language()))


@register.filter
def purpose(circuit: Any) -> str:
    return str(circuit.purpose_en if language() == "en" else circuit.purpose_nl)


@register.filter
def bom_description(line: Any) -> str:
    return str(
        line.description_en if language() == "en" and line.description_en else line.description
    )


@register.filter
def description(obj: Any) -> str:
    """A catalogue accessory's description in the active language."""
    english = str(getattr(obj, "description_en", None) or "")
    if language() == "en" and english:
        return english
    return str(getattr(obj, "description_nl", None) or "")


def counts_text(values: Sequence[int], lang: str | None = None) -> str:
    """Allowed counts as the brochure prints them: '1–6, 8, 10 of 12'."""
    return _counts(list(values), language(lang))


@register.filter
def counts(values: Sequence[int]) -> str:
    return counts_text(values)


@register.filter
def short_code(code: str) -> str:
    """SMILE-G3-BAT-9.3S -> BAT-9.3S: the part installers say out loud."""
    return str(code).removeprefix("SMILE-G3-")


def first_sentence(text: str) -> str:
    """The first sentence of an engine message, for a one-line reason."""
    head, sep, _rest = str(text).partition(". ")
    return head + "." if sep else str(text)


@register.filter
def reason(finding: Any) -> str:
    """A finding in one line: its first sentence in the active language."""
    return first_sentence(finding_text(finding))


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def severity(design: Any, level: str) -> list[Any]:
    """The findings of one severity: {{ design|severity:"error" }}."""
    return [f for f in design.findings if str(f.severity) == level]


@register.filter
def circuit_trace(circuit: Any) -> list[StepText]:
    """The calculation steps of one circuit in the active language."""
    return steps_in(circuit.trace, language())


@register.filter
def general_trace(design: Any) -> list[StepText]:
    """The system's calculation steps (the circuits keep their own) in the active language."""
    return steps_in(design.trace, language())
