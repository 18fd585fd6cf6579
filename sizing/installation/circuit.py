"""What every battery circuit shares: its plan record, its cable run (or the documented
default), its cable sized by :func:`sizing.cable.size.size_cable`, the cable article and the
finding for an article the catalogue lacks.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from sizing import tables
from sizing.cable.size import size_cable
from sizing.cable.types import default_type_code
from sizing.constants import EPSILON
from sizing.domain import Inverter
from sizing.findings import Phrase
from sizing.installation.cable_practice import conduit_fill, terminal_check, type_step
from sizing.installation.materials import Materials
from sizing.notes import Notes, both, en, nl
from sizing.schema import (
    CableRequest,
    CableResult,
    CableRun,
    CableSpec,
    Circuit,
    DesignRequest,
)


# The basis of a current the catalogue does not give (grid port and backup port alike).
def cable_run(run: CableRun | None, name: str, notes: Notes) -> tuple[CableRun, bool]:
    if run is not None:
        return run, False
    rule = tables.rule("default_cable_run")
    default = CableRun.model_validate(rule.value)
    notes.step(
        "circuit.cable_run",
        ("Kabeltraject", "Cable run"),
        both(
            lambda n: (
                f"{n(default.length_m)} m, {n.t('methode', 'method')} {default.method}, "
                f"{default.insulation}, {n(default.ambient_c)} °C, "
                f"{default.grouped_circuits} circuit"
            )
        ),
        rule.bases,
        circuit=name,
        is_default=True,
    )
    notes.finding(
        "circuit.default_run",
        circuit=name,
        name=name,
        length_m=default.length_m,
        method=default.method,
        insulation=default.insulation,
        ambient_c=default.ambient_c,
    )
    return default, True


def size_circuit_cable(
    request: DesignRequest,
    inverter: Inverter,
    run: CableRun,
    current: float,
    breaker: float | None,
    curve: str,
    name: str,
    notes: Notes,
) -> CableResult:
    step = ("Doel spanningsval", "Voltage drop target")
    if request.max_voltage_drop_pct is not None:
        target = request.max_voltage_drop_pct
        notes.step(
            "circuit.voltage_drop_target",
            step,
            both(lambda n: f"{n(target)} %"),
            ("opgave installateur", "given by the installer"),
            circuit=name,
        )
    else:
        rule = tables.rule("voltage_drop_target_pct")
        target = float(rule.value)
        notes.step(
            "circuit.voltage_drop_target",
            step,
            both(lambda n: f"{n(target)} %"),
            rule.bases,
            circuit=name,
            is_default=True,
        )
    cable_request = CableRequest(
        current_a=current,
        phases=inverter.phases,
        length_m=run.length_m,
        method=run.method,
        insulation=run.insulation,
        ambient_c=run.ambient_c,
        grouped_circuits=run.grouped_circuits,
        soil_resistivity_km_w=run.soil_resistivity_km_w,
        max_voltage_drop_pct=target,
        curve=curve,
        csa_mm2=run.csa_mm2,
        breaker_a=breaker,
        grouping_arrangement=run.grouping_arrangement,
        voltage_v=voltage_of(inverter),
    )
    result = size_cable(cable_request, circuit=name)
    # Inside a design the inputs come from the catalogue and the circuit, not from a user:
    # say so, so the inspector knows where to look them up.
    bases = {
        "cable.design_current": {
            "basis": "ontwerpstroom van de kring, zie de eerste stap van deze kring",
            "basis_en": "the circuit's design current, see the first step of this circuit",
        },
        "cable.voltage": {
            "basis": f"catalogus: nominale spanning fase-nul van de {inverter.system_code} "
            f"({inverter.source})",
            "basis_en": f"catalogue: nominal phase-to-neutral voltage of the "
            f"{inverter.system_code} ({inverter.source})",
        },
    }
    result.trace = [
        s.model_copy(update=bases[s.key]) if s.key in bases else s for s in result.trace
    ]
    notes.findings.extend(result.findings)
    notes.trace.extend(result.trace)
    terminal_check(inverter, result, name, notes)
    return result


def order_cable(
    plan: CircuitPlan,
    run: CableRun,
    result: CableResult,
    phases: int,
    materials: Materials,
    notes: Notes,
    run_default: bool,
) -> None:
    if result.csa_mm2 is None or result.iz_a is None:
        return
    name = plan.circuit.name
    conductors = int(tables.rule("cores").value[str(phases)])
    cable_type = run.cable_type or default_type_code(run)
    kind = materials.catalog.cable_types.get(cable_type)
    # design() refuses a run whose type the catalogue lacks; the fallback keeps old behaviour.
    single_core = kind.single_core if kind is not None else cable_type == "VD"
    if kind is not None:
        type_step(kind, run, result, name, notes)
    cores = 1 if single_core else conductors
    metres = math.ceil(run.length_m - EPSILON)
    quantity = metres * conductors if single_core else metres
    article = materials.cable(cable_type, cores, result.csa_mm2, run.insulation)
    plan.circuit.cable = CableSpec(
        csa_mm2=result.csa_mm2,
        iz_a=result.iz_a,
        length_m=run.length_m,
        cores=conductors,
        cable_type=cable_type,
        insulation=run.insulation,
        method=run.method,
        article=article.article if article else None,
        construction=kind.construction.value if kind is not None else "",
        ampacity_table=result.ampacity_table,
        governed_by=result.governed_by,
        csa_by_current_mm2=result.csa_by_current_mm2,
        csa_at_advice_mm2=result.csa_at_advice_mm2,
        voltage_drop_advice_pct=float(tables.rule("voltage_drop_advice_pct").value)
        if result.csa_at_advice_mm2 is not None
        else None,
    )
    if single_core:
        conduit_fill(conductors, result.csa_mm2, name, notes)
    csa = result.csa_mm2
    if single_core:
        description = (
            f"{cable_type} {nl(csa, 1)} mm²: {conductors} aders × {metres} m = {quantity} m",
            f"{cable_type} {en(csa, 1)} mm²: {conductors} conductors × {metres} m = {quantity} m",
        )
    else:
        description = both(lambda n: f"{cable_type} {cores}G{n(csa, 1)} mm²: {metres} m")
    by_method, by_phases = tables.rule("cable_type_by_method"), tables.rule("cores")
    notes.step(
        "circuit.cable",
        ("Kabel", "Cable"),
        description,
        (f"{by_method.basis_nl}; {by_phases.basis_nl}", f"{by_method.basis}; {by_phases.basis}"),
        circuit=name,
        is_default=run_default,
    )
    if article is None:
        no_article(
            notes,
            f"kabel {cable_type} {cores}-aderig {nl(result.csa_mm2, 1)} mm² {run.insulation}",
            f"cable {cable_type} {cores}-core {en(result.csa_mm2, 1)} mm² {run.insulation}",
            name,
        )
        return
    plan.articles.append(article.article)
    notes.line(article.article, quantity, "cable")


def no_article(notes: Notes, what_nl: str, what_en: str, circuit: str | None) -> None:
    notes.finding("bom.no_article", circuit=circuit, what=Phrase(what_nl, what_en))


@dataclass
class CircuitPlan:
    """A circuit and what it takes in the groepenkast."""

    circuit: Circuit
    width: int | None  # DIN modules of its protection in the board; None = not known
    in_board: bool = True
    articles: list[str] = field(default_factory=list)


def voltage_of(inverter: Inverter) -> float:
    return inverter.nominal_voltage_v


def phase_label(phases: int, phase: str) -> str:
    return "L1-L2-L3" if phases == 3 else phase
