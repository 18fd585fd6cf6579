"""Circuits, protective devices and the groepenkast for a design.

``design()`` calls :func:`plan` once the system itself (inverter, batteries,
backup) has been validated; the plan adds circuits, the board, their findings,
their trace and their bill-of-materials lines. The work is split by
responsibility (see the package's docstring); each cable and breaker is sized
by :func:`sizing.cable.size.size_cable`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sizing.cable.types import resolve_request
from sizing.domain import Catalog, Inverter
from sizing.installation.backup_box import protect_backup_box
from sizing.installation.backup_port import backup_circuit
from sizing.installation.board.heat import board_heat
from sizing.installation.board.plan import plan_board
from sizing.installation.cable_practice import terminal_unknown
from sizing.installation.fault import check_circuits
from sizing.installation.grid_port import grid_circuit
from sizing.installation.island import island_steps
from sizing.installation.materials import Materials
from sizing.installation.pv_group import pv_circuit
from sizing.installation.rcd_selectivity import check_rcds
from sizing.installation.site_materials import order_site_materials
from sizing.notes import Notes, PlannedLine
from sizing.schema import BoardDesign, Circuit, DesignRequest, Finding, TraceStep
from sizing.system.rules import GridSite, inverter_phase

__all__ = ["InstallationPlan", "PlannedLine", "plan"]


@dataclass
class InstallationPlan:
    circuits: list[Circuit] = field(default_factory=list)
    board: BoardDesign | None = None
    findings: list[Finding] = field(default_factory=list)
    trace: list[TraceStep] = field(default_factory=list)
    lines: list[PlannedLine] = field(default_factory=list)


def plan(request: DesignRequest, catalog: Catalog, inverter: Inverter) -> InstallationPlan:
    """The battery's circuits and the groepenkast for a validated system."""
    # Every run names its type and carries the type's insulation, so the ampacity table, the
    # article and the documents all follow the type (design() refused contradictions).
    request = resolve_request(request, catalog)
    notes = Notes()
    materials = Materials(catalog)
    # The same phase the grid rules chose, so findings and circuits agree.
    site = GridSite(request.connection, request.existing_pv, request.options.household_load_a)
    phase = inverter_phase(site) if inverter.phases == 1 else "L1-L2-L3"

    plans = [grid_circuit(request, inverter, materials, notes, phase)]
    backup = backup_circuit(request, catalog, inverter, materials, notes, phase)
    if backup is not None:
        plans.append(backup)
    pv = pv_circuit(request, materials, notes)
    if pv is not None:
        plans.append(pv)
    protect_backup_box(request, catalog, inverter, materials, notes)
    board, households = plan_board(request, materials, notes, plans, phase)
    circuits = [p.circuit for p in plans] + households
    terminal_unknown(inverter, circuits, notes)
    outside = {p.circuit.name for p in plans if not p.in_board}
    board_heat(request, catalog, board, circuits, outside, notes)
    # Issue 11 points 7-9: fault protection, RCDs in series, island operation (own modules).
    check_circuits(request, catalog, circuits, notes)
    check_rcds(request, board, circuits, notes)
    island_steps(request, inverter, circuits, notes)
    order_site_materials(request, materials, circuits, board, notes)
    # Each step is written once: in its circuit's trace, or (a step about no planned circuit,
    # such as the board's) in the plan's own, which the Design's trace takes up.
    steps: dict[str | None, list[TraceStep]] = {}
    for step in notes.trace:
        steps.setdefault(step.circuit, []).append(step)
    for circuit in circuits:
        circuit.trace = steps.pop(circuit.name, [])
    return InstallationPlan(
        circuits=circuits,
        board=board,
        findings=notes.findings,
        trace=[s for s in notes.trace if s.circuit in steps],
        lines=notes.lines,
    )
