"""The existing PV installation's own group (``pv``).

In a new board the PV moves to a final circuit of its own with its own RCD (NEN 1010:2015/C1:2016;
design_rules.json ``pv_group``). In an existing board it keeps the group it has: it is drawn
and listed as an existing group, with nothing ordered for it.
"""

from __future__ import annotations

from sizing import tables
from sizing.constants import EPSILON
from sizing.installation.circuit import CircuitPlan
from sizing.installation.grid_port import protect_own_group
from sizing.installation.materials import POLE_COUNT, Materials
from sizing.notes import Notes, both
from sizing.schema import Circuit, DesignRequest, RcdSpec


def pv_circuit(request: DesignRequest, materials: Materials, notes: Notes) -> CircuitPlan | None:
    pv = request.existing_pv
    board = request.board
    if pv is None or pv.power_kw <= EPSILON or board is None:
        return None
    phases = 3 if pv.phase == "3P" else 1
    phase = "L1-L2-L3" if phases == 3 else pv.phase
    if request.connection.phases == 1:
        phases, phase = 1, "L1"
    volts = float(tables.rule("nominal_voltage_v").value)
    watts = pv.power_kw * 1000
    current = watts / (phases * volts)
    rule = tables.rule("pv_group")
    existing = board.mode == "existing"
    circuit = Circuit(
        name="pv",
        purpose_nl="Bestaande PV-installatie" + (" (bestaande groep)" if existing else ""),
        purpose_en="Existing PV installation" + (" (existing circuit)" if existing else ""),
        phases=phases,
        phase=phase,
        design_current_a=round(current, 2),
    )
    plan = CircuitPlan(circuit=circuit, width=None, in_board=not existing)
    notes.step(
        "pv.design_current",
        ("Ontwerpstroom PV-groep", "PV circuit design current"),
        both(lambda n: f"{n(watts, 0)} W / ({phases} × {n(volts)} V) = {n(current)} A"),
        rule.bases,
        circuit="pv",
        is_default=True,
    )
    if existing:
        notes.step(
            "pv.existing_group",
            ("PV-groep", "PV circuit"),
            (
                "de PV blijft op haar eigen bestaande groep; niets besteld",
                "the PV stays on its own existing circuit; nothing ordered",
            ),
            rule.bases,
            circuit="pv",
        )
        return plan
    main_fuse = request.connection.main_fuse_a
    rating = next((r for r in tables.breaker_ratings() if r + EPSILON >= current), None)
    if rating is None or current > main_fuse + EPSILON:
        # No group can carry it behind this main fuse: an error, and nothing is ordered.
        notes.finding(
            "grid.pv_above_main_fuse",
            circuit="pv",
            pv_kw=pv.power_kw,
            current_a=current,
            phase=phase,
            main_fuse_a=main_fuse,
        )
        return plan
    value = rule.value
    rcd = RcdSpec(
        type=str(value["rcd_type"]),
        sensitivity_ma=float(value["sensitivity_ma"]),
        poles=POLE_COUNT[phases],
        is_rcbo=True,
    )
    protect_own_group(
        plan,
        rating,
        request.options.breaker_curve,
        rcd,
        phases,
        materials,
        notes,
        step=("Beveiliging PV-groep", "PV circuit protection"),
        basis=rule.bases,
    )
    return plan
