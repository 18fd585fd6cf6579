"""Circuits, protective devices and the groepenkast for a design (engine II).

``design()`` calls :func:`plan` once the system itself (inverter, batteries,
backup) has been validated; the plan adds circuits, the board, their findings,
their trace and their bill-of-materials lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sizing.domain import Catalog, Inverter
from sizing.schema import BoardDesign, Circuit, DesignRequest, Finding, TraceStep


@dataclass
class PlannedLine:
    """A BoM line before pricing: the article and how many of it."""

    article: str
    quantity: float
    category: str


@dataclass
class InstallationPlan:
    circuits: list[Circuit] = field(default_factory=list)
    board: BoardDesign | None = None
    findings: list[Finding] = field(default_factory=list)
    trace: list[TraceStep] = field(default_factory=list)
    lines: list[PlannedLine] = field(default_factory=list)


def plan(request: DesignRequest, catalog: Catalog, inverter: Inverter) -> InstallationPlan:
    """Placeholder until engine II lands: no circuits yet."""
    return InstallationPlan()
