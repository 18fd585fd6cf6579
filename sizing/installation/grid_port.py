"""The battery's grid-port circuit (``ac_grid``): from the inverter to the groepenkast.

The design current (which catalogue figure, or which documented rule), the
breaker and cable through :func:`sizing.cable.size.size_cable`, the RCD requirement
and the articles that provide them. Every choice goes into the trace with its
basis; figures that rest on a default rather than manufacturer data are flagged
``is_default``.
"""

from __future__ import annotations

from sizing import tables
from sizing.constants import EPSILON
from sizing.domain import Inverter
from sizing.installation.backup_rcd import inverter_rcd_type
from sizing.installation.circuit import (
    CircuitPlan,
    cable_run,
    no_article,
    order_cable,
    phase_label,
    size_circuit_cable,
)
from sizing.installation.materials import MCB_POLES, POLE_COUNT, RCD_POLES, Materials
from sizing.notes import Notes, Text, both, en, nl
from sizing.schema import BreakerSpec, Circuit, DesignRequest, RcdSpec
from sizing.system.currents import PortCurrent, grid_port_current


def grid_circuit(
    request: DesignRequest,
    inverter: Inverter,
    materials: Materials,
    notes: Notes,
    phase: str,
) -> CircuitPlan:
    name = "ac_grid"
    current = _grid_current(request, inverter, notes)
    notes.step(
        "circuit.design_current",
        ("Ontwerpstroom netpoort Ib", "Grid-port design current Ib"),
        current.text,
        current.basis,
        circuit=name,
        is_default=current.is_default,
    )
    if current.is_default:
        notes.finding(
            "circuit.current_from_power",
            circuit=name,
            inverter=inverter.system_code,
            current_a=current.value,
        )
    run, run_default = cable_run(request.ac_cable, name, notes)
    forced_breaker = run.breaker_a
    if forced_breaker is None and inverter.recommended_ac_breaker_a is not None:
        recommended = inverter.recommended_ac_breaker_a
        if recommended + EPSILON >= current.value:
            forced_breaker = recommended
            notes.step(
                "circuit.manufacturer_breaker",
                ("Beveiliging volgens fabrikant", "Breaker per manufacturer"),
                both(lambda n: f"{n(recommended)} A"),
                (
                    f"catalogus: aanbevolen AC-automaat van de fabrikant ({inverter.source})",
                    f"catalogue: the manufacturer's recommended AC breaker ({inverter.source})",
                ),
                circuit=name,
            )
    curve = request.options.breaker_curve
    result = size_circuit_cable(
        request, inverter, run, current.value, forced_breaker, curve, name, notes
    )
    rcd = _grid_rcd(request, inverter, notes, name)
    circuit = Circuit(
        name=name,
        purpose_nl="Netpoort omvormer naar groepenkast",
        purpose_en="Inverter grid port to distribution board",
        phases=inverter.phases,
        phase=phase_label(inverter.phases, phase),
        design_current_a=round(current.value, 2),
        voltage_drop_pct=result.voltage_drop_pct,
    )
    plan = CircuitPlan(circuit=circuit, width=None)
    if result.breaker_a is not None:
        protect_own_group(plan, result.breaker_a, curve, rcd, inverter.phases, materials, notes)
    order_cable(plan, run, result, inverter.phases, materials, notes, run_default)
    return plan


def _grid_current(request: DesignRequest, inverter: Inverter, notes: Notes) -> PortCurrent:
    return grid_port_current(inverter, request.backup)


def _grid_rcd(request: DesignRequest, inverter: Inverter, notes: Notes, name: str) -> RcdSpec:
    rcd_type, type_basis, type_default = inverter_rcd_type(inverter)
    notes.step(
        "circuit.rcd_type",
        ("Type aardlekbeveiliging", "RCD type"),
        (rcd_type, rcd_type),
        type_basis,
        circuit=name,
        is_default=type_default,
    )
    basis: Text
    if request.options.rcd_sensitivity_ma is not None:
        sensitivity = request.options.rcd_sensitivity_ma
        basis = ("opgave installateur (ontwerpopties)", "given by the installer (design options)")
        is_default = False
    elif inverter.recommended_rcd_sensitivity_ma is not None:
        sensitivity = inverter.recommended_rcd_sensitivity_ma
        basis = (
            f"catalogus: aanbeveling fabrikant ({inverter.source})",
            f"catalogue: the manufacturer's recommendation ({inverter.source})",
        )
        is_default = False
    else:
        rule = tables.rule("rcd_sensitivity_ma")
        sensitivity = float(rule.value)
        basis, is_default = rule.bases, True
    notes.step(
        "circuit.rcd_sensitivity",
        ("Aanspreekstroom IΔn", "Rated residual current IΔn"),
        both(lambda n: f"{n(sensitivity)} mA"),
        basis,
        circuit=name,
        is_default=is_default,
    )
    return RcdSpec(
        type=rcd_type,
        sensitivity_ma=sensitivity,
        poles=POLE_COUNT[inverter.phases],
        is_rcbo=True,
    )


def protect_own_group(
    plan: CircuitPlan,
    rating: float,
    curve: str,
    rcd: RcdSpec,
    phases: int,
    materials: Materials,
    notes: Notes,
    step: Text = ("Beveiliging thuisbatterij", "Home-battery protection"),
    basis: Text | None = None,
) -> None:
    """A group on its own RCD: an RCBO when the catalogue has one, else an RCD and a breaker."""
    name = plan.circuit.name
    poles = POLE_COUNT[phases]
    rcbo = materials.rcbo(rcd.type, rcd.sensitivity_ma, rating, curve, phases)
    breaker = BreakerSpec(rating_a=rating, curve=curve, poles=poles)
    basis = basis or tables.rule("battery_own_rcd").bases
    if rcbo is not None:
        breaker.article = rcbo.article
        rcd.article, rcd.rating_a, rcd.type = rcbo.article, rating, rcbo.rcd_type.value
        plan.width = rcbo.module_width
        plan.articles.append(rcbo.article)
        notes.line(rcbo.article, 1, "protection")
        notes.step(
            "circuit.protection",
            step,
            both(
                lambda n: (
                    f"{n.t('aardlekautomaat', 'RCBO')} {rcbo.article}: {curve}{n(rating)} "
                    f"{MCB_POLES[phases]}, type {rcbo.rcd_type.value}, {n(rcd.sensitivity_ma)} mA, "
                    f"{rcbo.module_width} modules"
                )
            ),
            basis,
            circuit=name,
        )
    else:
        device = materials.rcd(rcd.type, rcd.sensitivity_ma, rating, phases)
        mcb = materials.breaker(rating, curve, phases)
        if device is None or mcb is None:
            missing_nl, missing_en = [], []
            if device is None:
                missing_nl.append(
                    f"aardlekautomaat of aardlekschakelaar type {rcd.type} {nl(rcd.sensitivity_ma)}"
                    f" mA {RCD_POLES[phases]} ≥ {nl(rating)} A"
                )
                missing_en.append(
                    f"RCBO or RCD type {rcd.type} {en(rcd.sensitivity_ma)} mA "
                    f"{RCD_POLES[phases]} ≥ {en(rating)} A"
                )
            if mcb is None:
                missing_nl.append(f"installatieautomaat {curve}{nl(rating)} {MCB_POLES[phases]}")
                missing_en.append(f"circuit-breaker {curve}{en(rating)} {MCB_POLES[phases]}")
            no_article(notes, " en ".join(missing_nl), " and ".join(missing_en), name)
        else:
            breaker.article = mcb.article
            rcd.is_rcbo = False
            rcd.article = device.article
            rcd.rating_a = device.rating_a
            rcd.type = device.rcd_type.value
            plan.width = device.module_width + mcb.module_width
            plan.articles += [device.article, mcb.article]
            notes.line(device.article, 1, "protection")
            notes.line(mcb.article, 1, "protection")
            notes.step(
                "circuit.protection",
                step,
                (
                    f"geen passende aardlekautomaat in de catalogus: aardlekschakelaar "
                    f"{device.article} (type {device.rcd_type.value}, {nl(rcd.sensitivity_ma)} "
                    f"mA, {device.poles}) met installatieautomaat {mcb.article} "
                    f"({curve}{nl(rating)}), {plan.width} modules",
                    f"no suitable RCBO in the catalogue: RCD {device.article} (type "
                    f"{device.rcd_type.value}, {en(rcd.sensitivity_ma)} mA, {device.poles}) with "
                    f"circuit-breaker {mcb.article} ({curve}{en(rating)}), {plan.width} modules",
                ),
                basis,
                circuit=name,
            )
    plan.circuit.breaker = breaker
    plan.circuit.rcd = rcd
