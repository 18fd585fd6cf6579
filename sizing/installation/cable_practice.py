"""What a sized cable must still pass on site: its type named with the basis of its rating,
the inverter's AC terminal it ends in, and the conduit its single-core wires are drawn into.
"""

from __future__ import annotations

from sizing import tables
from sizing.cable.types import construction_phrase
from sizing.domain import CableType, Inverter
from sizing.notes import Notes, both
from sizing.schema import CableResult, CableRun, Circuit

# The inverter's own AC ports: the circuits whose conductors end in its terminals.
PORTS = ("ac_grid", "backup")


def type_step(kind: CableType, run: CableRun, result: CableResult, name: str, notes: Notes) -> None:
    """The type, what it is built of, and so which table and column rate it."""
    construction = construction_phrase(kind.construction)
    table_nl, table_en = tables.cite(result.ampacity_table or "")
    rule = tables.rule("cable_methods_by_construction")
    methods = ", ".join(kind.methods)
    notes.step(
        "circuit.cable_type",
        ("Kabeltype", "Cable type"),
        (
            f"{kind.code}: {kind.insulation.value}, {construction.nl}; methode {run.method} "
            f"(toegestaan: {methods})",
            f"{kind.code}: {kind.insulation.value}, {construction.en}; method {run.method} "
            f"(allowed: {methods})",
        ),
        (
            f"{table_nl}; catalogus: kabeltype {kind.code} ({kind.reference or kind.source}); "
            f"{rule.basis_nl}",
            f"{table_en}; catalogue: cable type {kind.code} ({kind.source}); {rule.basis}",
        ),
        circuit=name,
    )


def terminal_check(inverter: Inverter, result: CableResult, name: str, notes: Notes) -> None:
    """The conductor must fit the inverter's AC terminal (a catalogue figure, often unknown)."""
    csa = result.csa_mm2
    if csa is None:
        return
    largest = inverter.ac_terminal_max_mm2
    if largest is None:
        return  # said once for all the inverter's circuits: terminal_unknown()
    fits = csa <= largest
    notes.step(
        "circuit.terminal",
        ("AC-klem omvormer", "Inverter AC terminal"),
        both(lambda n: f"{n(csa, 1)} mm² {'≤' if fits else '>'} {n(largest, 1)} mm²"),
        (
            f"catalogus: max. aderdoorsnede AC-klem van de {inverter.system_code} "
            f"({inverter.source})",
            f"catalogue: largest conductor of the {inverter.system_code}'s AC terminal "
            f"({inverter.source})",
        ),
        circuit=name,
    )
    if not fits:
        notes.finding(
            "cable.terminal_too_small",
            circuit=name,
            inverter=inverter.system_code,
            csa=csa,
            max_csa=largest,
            advice_pct=float(tables.rule("voltage_drop_advice_pct").value),
        )


def terminal_unknown(inverter: Inverter, circuits: list[Circuit], notes: Notes) -> None:
    """One warning per inverter whose terminal size the catalogue lacks, for the thickest
    conductor its ports take: the manual has one terminal table, and the same gap said per
    circuit is noise."""
    if inverter.ac_terminal_max_mm2 is not None:
        return
    sizes = [c.cable.csa_mm2 for c in circuits if c.cable is not None and c.name in PORTS]
    if sizes:
        notes.finding("cable.terminal_unknown", inverter=inverter.system_code, csa=max(sizes))


def conduit_fill(count: int, csa: float, name: str, notes: Notes) -> None:
    """Single-core wires in one conduit: NPR 5310 table 1's known fills, else the 33 % rule."""
    rule = tables.rule("conduit_fill")
    fits = {float(size): most for size, most in rule.value["fits"].items()}
    conduit_mm = rule.value["conduit_mm"]
    fill_pct = rule.value["max_fill_pct"]
    most = fits.get(csa)
    if most is not None and count <= most:
        notes.step(
            "circuit.conduit",
            ("Buisvulling", "Conduit fill"),
            both(
                lambda n: f"{count} × {n(csa, 1)} mm² ≤ {most} × {n(csa, 1)} mm²: {conduit_mm} mm"
            ),
            rule.bases,
            circuit=name,
        )
        return
    notes.step(
        "circuit.conduit",
        ("Buisvulling", "Conduit fill"),
        both(
            lambda n: (
                f"{count} × {n(csa, 1)} mm²: "
                f"{n.t('buismaat op max.', 'conduit size for at most')} {fill_pct} % "
                f"{n.t('vulling', 'fill')}"
            )
        ),
        rule.bases,
        circuit=name,
    )
    notes.finding(
        "cable.conduit_fill",
        circuit=name,
        count=count,
        csa=csa,
        fill_pct=fill_pct,
        conduit_mm=conduit_mm,
    )
