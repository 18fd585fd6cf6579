"""How the documents write the engine's values: Dutch numbers in Dutch, one way per device.

Pure functions (no Django), shared by the diagram, the dossier and the order
list, so a cable reads the same in the SVG, the PDF tables and the tests. They
only format what the Design holds; nothing here computes an electrical value.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sizing.schema import BoardRcd, BreakerSpec, CableSpec, Circuit, RcdSpec, TraceStep
from sizing.wording import number

POLES = {1: "1P", 2: "1P+N", 3: "3P", 4: "3P+N"}
RCD_POLES = {2: "2P", 4: "4P"}
SINGLE_CORE = {"VD"}  # wire pulled in conduit: the count is conductors, not cores of one cable


def num(value: float | Decimal | None, lang: str, decimals: int = 2) -> str:
    """4,56 in Dutch, 4.56 in English; no trailing zeros; an em dash for no value."""
    if value is None:
        return "—"
    return number(float(value), lang, decimals)


def money(value: Decimal | float | None, lang: str, symbol: bool = True) -> str:
    """€ 1.480,00 in Dutch, € 1,480.00 in English."""
    if value is None:
        return "—"
    amount = Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    text = f"{amount:,.2f}"
    if lang == "nl":
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return f"€ {text}" if symbol else text


def plain_decimal(value: Decimal | float, lang: str, places: int | None = None) -> str:
    """A number without thousands separators (for spreadsheets): 2950,00 / 2950.00; 12."""
    amount = Decimal(str(value))
    if places is not None:
        amount = amount.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        text = f"{amount:.{places}f}"
    else:
        text = format(amount.normalize(), "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "nl" else text


def quantity(value: Decimal | float, lang: str) -> str:
    return plain_decimal(value, lang)


def breaker_label(breaker: BreakerSpec | None, lang: str) -> str:
    """'B40 3P+N'."""
    if breaker is None:
        return "—"
    return f"{breaker.curve}{num(breaker.rating_a, lang)} {POLES.get(breaker.poles, '')}".strip()


def rcd_label(rcd: RcdSpec | BoardRcd | None, lang: str) -> str:
    """'30 mA type B' (the device kind is said by the caller's column or symbol)."""
    if rcd is None:
        return "—"
    return f"{num(rcd.sensitivity_ma, lang)} mA type {rcd.type}"


def conductors(cable: CableSpec, lang: str) -> str:
    """'5 × 10 mm²' for wires in conduit, '5G10 mm²' for a multi-core cable."""
    csa = number(cable.csa_mm2, lang, 1)
    if cable.cable_type in SINGLE_CORE:
        return f"{cable.cores} × {csa} mm²"
    return f"{cable.cores}G{csa} mm²"


def cable_label(cable: CableSpec | None, lang: str) -> str:
    """'VD 5 × 10 mm²' / 'YMvK 5G6 mm²': the type, the cores and the cross-section."""
    if cable is None:
        return "—"
    return f"{cable.cable_type} {conductors(cable, lang)}"


def csa_label(cable: CableSpec, lang: str) -> str:
    return f"{num(cable.csa_mm2, lang, 1)} mm²"


def length_label(cable: CableSpec, lang: str) -> str:
    return f"{num(cable.length_m, lang, 1)} m"


def household_number(circuit: Circuit) -> str | None:
    """'12' for household_12, None for the battery's own circuits."""
    prefix = "household_"
    if circuit.name.startswith(prefix):
        return circuit.name[len(prefix) :]
    return None


@dataclass(frozen=True)
class StepText:
    """A calculation step as a reader sees it: the engine's text in the reader's language."""

    step: str
    value: str
    basis: str
    is_default: bool = False


def step_text(step: TraceStep, lang: str) -> StepText:
    return StepText(*step.in_language(lang), is_default=step.is_default)


def steps_in(steps: Iterable[TraceStep], lang: str) -> list[StepText]:
    """The engine's calculation steps in ``lang`` (the wizard overview and the dossier)."""
    return [step_text(s, lang) for s in steps]
