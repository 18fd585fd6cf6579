"""The backup port (noodstroompoort) to the BackupBox or the distribution unit.

Protected by the Vekto backup-box protection (C25, 100 mA, High Immunity) of the
inverter's phases, which sits next to the inverter, not in the groepenkast.
"""

from __future__ import annotations

from sizing import tables
from sizing.bom import BACKUP_KINDS
from sizing.constants import EPSILON
from sizing.domain import Accessory, AccessoryKind, Catalog, Inverter
from sizing.installation.backup_rcd import check_backup_rcd_type, protect_backup_sockets
from sizing.installation.circuit import (
    CircuitPlan,
    cable_run,
    no_article,
    order_cable,
    phase_label,
    size_circuit_cable,
    voltage_of,
)
from sizing.installation.materials import POLE_COUNT, Materials
from sizing.notes import Notes, both, en, nl
from sizing.schema import BreakerSpec, Circuit, DesignRequest, RcdSpec
from sizing.system.currents import DERIVED_CURRENT


def backup_circuit(
    request: DesignRequest,
    catalog: Catalog,
    inverter: Inverter,
    materials: Materials,
    notes: Notes,
    phase: str,
) -> CircuitPlan | None:
    if request.backup == "none":
        return None
    name = "backup"
    phases = inverter.phases
    volts = voltage_of(inverter)
    step = ("Ontwerpstroom noodstroompoort Ib", "Backup-port design current Ib")
    if inverter.backup_port_current_a is not None:
        ib = inverter.backup_port_current_a
        notes.step(
            "backup.design_current",
            step,
            both(lambda n: f"{n(ib)} A"),
            (
                f"nominale uitgangsstroom noodstroompoort, catalogus ({inverter.source})",
                f"nominal output current of the backup port, catalogue ({inverter.source})",
            ),
            circuit=name,
        )
    else:
        watts = inverter.nominal_power_kw * 1000
        ib = watts / (phases * volts)
        notes.step(
            "backup.design_current",
            step,
            both(lambda n: f"{n(watts, 0)} W / ({phases} × {n(volts)} V) = {n(ib)} A"),
            DERIVED_CURRENT,
            circuit=name,
            is_default=True,
        )
    protection = catalog.accessory(inverter.system_code, AccessoryKind.BACKUP_PROTECTION)
    circuit = Circuit(
        name=name,
        purpose_nl=(
            "Noodstroompoort naar BackupBox"
            if request.backup == "backup_box"
            else "Noodstroompoort naar noodstroom verdeelunit"
        ),
        purpose_en=(
            "Backup port to BackupBox"
            if request.backup == "backup_box"
            else "Backup port to backup distribution unit"
        ),
        phases=phases,
        phase=phase_label(phases, phase),
        design_current_a=round(ib, 2),
    )
    plan = CircuitPlan(circuit=circuit, width=None, in_board=False)
    if protection is None:
        no_article(
            notes,
            f"backup box beveiliging {phases}-fase",
            f"{phases}-phase backup box protection",
            name,
        )
        rating = None
        curve: str = request.options.breaker_curve
    else:
        rating, curve = _backup_protection(plan, request, protection, phases, ib, notes)
    _backup_rcd(plan, request, inverter, protection, curve, ib, materials, notes)
    current = min(ib, rating) if rating is not None else ib

    if request.backup == "distribution_unit" and request.backup_cable is None:
        length = tables.rule("distribution_unit_cable_m")
        notes.step(
            "backup.cable",
            ("Kabel noodstroompoort", "Backup-port cable"),
            (
                f"meegeleverde kabel van de verdeelunit ({nl(length.value)} m)",
                f"the distribution unit's supplied cable ({en(length.value)} m)",
            ),
            length.bases,
            circuit=name,
        )
        notes.finding("backup.integral_cable", circuit=name, length_m=length.value)
    else:
        run, run_default = cable_run(request.backup_cable, name, notes)
        result = size_circuit_cable(request, inverter, run, current, rating, curve, name, notes)
        circuit.voltage_drop_pct = result.voltage_drop_pct
        order_cable(plan, run, result, phases, materials, notes, run_default)
    return plan


def _backup_protection(
    plan: CircuitPlan,
    request: DesignRequest,
    protection: Accessory,
    phases: int,
    ib: float,
    notes: Notes,
) -> tuple[float | None, str]:
    name = plan.circuit.name
    rating = protection.rating_a
    # The cable check knows the IEC 60898-1 curves only; anything else an admin typed falls back.
    curve = (
        protection.curve if protection.curve in ("B", "C", "D") else request.options.breaker_curve
    )
    sensitivity = protection.rcd_sensitivity_ma
    immunity = tables.rule("high_immunity_rcd_type")
    poles = POLE_COUNT[phases]
    if rating is not None:
        plan.circuit.breaker = BreakerSpec(
            rating_a=rating, curve=curve, poles=poles, article=protection.article
        )
    if sensitivity is not None:
        plan.circuit.rcd = RcdSpec(
            type=str(immunity.value),
            sensitivity_ma=sensitivity,
            poles=poles,
            is_rcbo=True,
            rating_a=rating,
            article=protection.article,
        )
    plan.articles.append(protection.article)
    notes.step(
        "backup.protection",
        ("Beveiliging noodstroompoort", "Backup-port protection"),
        (
            f"{protection.article} {protection.name('nl')}: {curve}{nl(rating or 0)}, "
            f"{nl(sensitivity or 0)} mA, type {immunity.value} (High Immunity), naast de omvormer",
            f"{protection.article} {protection.name('en')}: {curve}{en(rating or 0)}, "
            f"{en(sensitivity or 0)} mA, type {immunity.value} (High Immunity), next to the "
            "inverter",
        ),
        (
            "Vekto-brochure: backup box beveiliging, direct naast de omvormer; "
            f"{immunity.basis_nl}",
            f"Vekto brochure: backup box protection, directly next to the inverter; "
            f"{immunity.basis}",
        ),
        circuit=name,
    )
    # design() already orders the protection with a BackupBox; only add it where it does not.
    if AccessoryKind.BACKUP_PROTECTION not in BACKUP_KINDS[request.backup]:
        notes.line(protection.article, 1, "protection")
    if rating is not None and ib > rating + EPSILON:
        notes.finding(
            "backup.port_above_protection", circuit=name, ib=ib, curve=curve, rating=rating
        )
    return rating, curve


def _backup_rcd(
    plan: CircuitPlan,
    request: DesignRequest,
    inverter: Inverter,
    protection: Accessory | None,
    curve: str,
    ib: float,
    materials: Materials,
    notes: Notes,
) -> None:
    name = plan.circuit.name
    if protection is not None and protection.rcd_sensitivity_ma is not None:
        check_backup_rcd_type(
            inverter,
            str(tables.rule("high_immunity_rcd_type").value),
            protection.rating_a,
            curve,
            protection.rcd_sensitivity_ma,
            materials,
            notes,
            name,
        )
    if request.backup == "distribution_unit":
        protect_backup_sockets(inverter, ib, materials, notes, name)
