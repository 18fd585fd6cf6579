"""How the documents write the engine's values: Dutch numbers in Dutch, one way per device.

Figures are written by sizing.formatting, the same module the pages use.

Pure functions (no Django), shared by the diagram, the dossier and the order
list, so a cable reads the same in the SVG, the PDF tables and the tests. They
only format what the Design holds; nothing here computes an electrical value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from sizing import formatting
from sizing.formatting import number, to_decimal
from sizing.schema import (
    BoardDesign,
    BoardRcd,
    BreakerSpec,
    CableSpec,
    Circuit,
    RcdSpec,
    TraceStep,
)

POLES = {1: "1P", 2: "1P+N", 3: "3P", 4: "3P+N"}
RCD_POLES = {2: "2P", 4: "4P"}
SINGLE_CORE = {"VD"}  # wire pulled in conduit: the count is conductors, not cores of one cable


def num(value: float | Decimal | None, lang: str, decimals: int = 2) -> str:
    """4,56 in Dutch, 4.56 in English; no trailing zeros; an em dash for no value."""
    if value is None:
        return "—"
    return number(value, lang, decimals)


def money(value: Decimal | float | None, lang: str) -> str:
    """'€ 1.480,00' in Dutch, '€ 1,480.00' in English, as on the pages; an em dash for none."""
    if value is None:
        return "—"
    return formatting.money(value, lang)


def plain_decimal(value: Decimal | float, lang: str, places: int | None = None) -> str:
    """A number without thousands separators (for spreadsheets): 2950,00 / 2950.00; 12.

    Without ``places`` every decimal the value has is kept: an order quantity is exact.
    """
    exponent = to_decimal(value).as_tuple().exponent  # a finite value: an int
    decimals = places if places is not None else max(0, -int(exponent))
    return number(value, lang, decimals, strip=places is None, grouped=False)


def quantity(value: Decimal | float, lang: str) -> str:
    """An order quantity as the page writes it: 12, 2,5, 1.200."""
    return num(value, lang)


def breaker_label(breaker: BreakerSpec | None, lang: str) -> str:
    """'B40 3P+N'."""
    if breaker is None:
        return "—"
    return f"{breaker.curve}{num(breaker.rating_a, lang)} {POLES.get(breaker.poles, '')}".strip()


def main_switch_rating(board: BoardDesign | None, main_fuse_a: float, lang: str) -> str | None:
    """A new board's main switch as the drawings print it: '4P 40 A' for the catalogue's
    switch; without one in the catalogue, what the installer must fit: '4P ≥ 35 A' (at least
    the main fuse, as the engine's note says). None: the board keeps its existing switch."""
    if board is None or board.mode != "new" or not board.main_switch_poles:
        return None
    poles = RCD_POLES.get(board.main_switch_poles, "")
    if board.main_switch_a is None:
        return f"{poles} ≥ {num(main_fuse_a, lang)} A".strip()
    return f"{poles} {num(board.main_switch_a, lang)} A".strip()


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
    """'12' for household group 12, None for the battery's own circuits."""
    if circuit.number is not None:
        return str(circuit.number)
    prefix = "household_"
    if circuit.name.startswith(prefix):
        return circuit.name[len(prefix) :]
    return None


def circuit_purpose(circuit: Circuit, lang: str) -> str:
    """What a circuit feeds: the installer's name for a household group, else the engine's text."""
    if circuit.label:
        return circuit.label
    return circuit.purpose_en if lang == "en" else circuit.purpose_nl


def by_group_number(circuits: Iterable[Circuit]) -> list[Circuit]:
    """The circuits with the household groups in the order of their numbers, each in a place
    that held a household group; the battery's own circuits stay where the engine put them."""
    circuits = list(circuits)
    places = [i for i, c in enumerate(circuits) if household_number(c) is not None]
    groups = sorted((circuits[i] for i in places), key=_group_key)
    for place, circuit in zip(places, groups, strict=True):
        circuits[place] = circuit
    return circuits


def _group_key(circuit: Circuit) -> tuple[int, str]:
    number = household_number(circuit) or ""
    return (int(number), "") if number.isdigit() else (10**6, number)


@dataclass(frozen=True)
class StepText:
    """A calculation step as a reader sees it: the engine's text in the reader's language."""

    step: str
    value: str
    basis: str
    is_default: bool = False


def step_text(step: TraceStep, lang: str) -> StepText:
    title, value, basis = step.in_language(lang)
    return StepText(title, value, plain_source(basis, lang), is_default=step.is_default)


def steps_in(steps: Iterable[TraceStep], lang: str) -> list[StepText]:
    """The engine's calculation steps in ``lang`` (the wizard overview and the dossier)."""
    return [step_text(s, lang) for s in steps]


# Pointers into the project's own notes and data files ("smile-g3-catalog.md §3",
# "sizing/tables/design_rules.json default_cable_run", "Referentie §1.2", "[derived]"):
# useful to whoever keeps the rules, meaningless to a customer or an inspector.
_INTERNAL = [
    re.compile(r",?\s*\b[\w./-]+\.(?:md|json|py)\b(?:\s*§\s*[\d.]+|\s+[a-z_]+\b)?"),
    re.compile(r",?\s*\[[a-z -]+\]"),
    re.compile(r"\b[Rr]eferen(?:tie|ce)\s*§\s*[\d.]+,?\s*"),
    re.compile(r"\s*\(§\s*[\d.]+\)"),
]
_LEFTOVERS = [
    (re.compile(r"\(\s*[,;:]\s*"), "("),
    (re.compile(r"\s*,\s*\)"), ")"),
    (re.compile(r"\s*\(\s*\)"), ""),
    (re.compile(r"\s{2,}"), " "),
]


# The same few hundred bases recur in every design, and the first pattern backtracks over each
# word of a long basis: a page of traces spent a third of its time here before the cache.
@lru_cache(maxsize=4096)
def plain_source(text: str, lang: str) -> str:
    """A reference or calculation basis as a reader sees it: no internal file pointers."""
    for pattern in _INTERNAL:
        text = pattern.sub("", text)
    for leftover, replacement in _LEFTOVERS:
        text = leftover.sub(replacement, text)
    return text.strip(" ,;")
