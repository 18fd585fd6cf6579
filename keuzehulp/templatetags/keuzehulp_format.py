"""Template filters that write numbers, money and engine texts in the active language.

Thin wrappers: the rules (4,56 kWh and € 1.480,00 in Dutch, 4.56 kWh and
€ 1,480.00 in English) live in sizing.formatting, the active language in
keuzehulp.wording, so a page writes a figure the way the dossier does. Django's
own localisation is not used: it leaves thousands separators off and pads decimals.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import template

from keuzehulp.documents import cable_text
from keuzehulp.documents.labels import (
    StepText,
    by_group_number,
    circuit_purpose,
    plain_source,
    steps_in,
)
from keuzehulp.wording import (
    counts_text,
    finding_text,
    first_sentence,
    language,
    number,
    quantity,
    unit_text,
)
from keuzehulp.wording import money as money_text
from keuzehulp.wording import unit_price as unit_price_text
from sizing.formatting import NBSP, pick

register = template.Library()


@register.filter
def num(value: Any, decimals: int = 2) -> str:
    return number(value, int(decimals))


@register.filter
def fixed(value: Any, decimals: int = 2) -> str:
    """Always ``decimals`` decimals: 0,40 %."""
    return number(value, int(decimals), strip=False)


@register.filter
def kwh(value: Any) -> str:
    return quantity(value, "kWh")


@register.filter
def kw(value: Any) -> str:
    return quantity(value, "kW")


@register.filter
def amps(value: Any) -> str:
    return quantity(value, "A", 1)


@register.filter
def mm2(value: Any) -> str:
    return quantity(value, "mm²", 1)


@register.filter
def metres(value: Any) -> str:
    return quantity(value, "m", 1)


@register.filter
def celsius(value: Any) -> str:
    return quantity(value, "°C", 1)


@register.filter
def pct(value: Any) -> str:
    return quantity(value, "%", 2)


@register.filter
def money(value: Any) -> str:
    return money_text(value)


@register.filter
def unit_price(value: Any) -> str:
    """A quote line's unit price: € 12,50, or € 0,4132 where the price has four decimals."""
    return unit_price_text(value)


@register.filter
def fuse(connection: Any) -> str:
    """A Connection as installers say it: 3×25 A."""
    return f"{connection.phases}×{number(connection.main_fuse_a, 0)}{NBSP}A"


@register.filter(name="finding")
def finding_filter(finding: Any) -> str:
    return finding_text(finding)


@register.filter
def lname(obj: Any) -> str:
    """A catalogue object's name in the active language."""
    return str(obj.name(language()))


@register.filter
def purpose(circuit: Any) -> str:
    """The installer's name for a household group, else what the engine says the circuit feeds."""
    return circuit_purpose(circuit, language())


@register.filter
def group_order(circuits: Any) -> list[Any]:
    """The circuits with the household groups listed by their group number."""
    return by_group_number(circuits)


@register.filter
def bom_description(line: Any) -> str:
    return pick(language(), line.description, line.description_en or line.description)


@register.filter
def description(obj: Any) -> str:
    """A catalogue accessory's description in the active language."""
    english = str(getattr(obj, "description_en", None) or "")
    if language() == "en" and english:
        return english
    return str(getattr(obj, "description_nl", None) or "")


@register.filter
def module_kwh(battery: Any) -> str:
    """The usable capacity one module adds ("9,3 kWh"), for "4 × 9,3 kWh = 37,2 kWh"."""
    return quantity(battery.usable_kwh / battery.count, "kWh") if battery.count else ""


@register.filter
def source(finding: Any) -> str:
    """Where a finding's rule comes from, without the project's internal file pointers."""
    lang = language()
    return plain_source(finding.source(lang), lang)


@register.filter
def unit(value: str) -> str:
    """A bill-of-materials unit in the active language: st / pcs."""
    return unit_text(value)


@register.filter
def counts(values: Sequence[int]) -> str:
    return counts_text(values)


@register.filter
def short_code(code: str) -> str:
    """SMILE-G3-BAT-9.3S -> BAT-9.3S: the part installers say out loud."""
    return str(code).removeprefix("SMILE-G3-")


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


@register.filter
def cable_basis(cable: Any) -> str:
    """The cable's type, construction, method and the table column its Iz comes from."""
    return cable_text.cable_basis(cable, language())


@register.filter
def cable_governance(cable: Any) -> str:
    """Whether the voltage-drop target set the cross-section, and the Iz + 3 % cable."""
    return cable_text.cable_governance(cable, language())
