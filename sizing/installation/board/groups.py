"""The household groups of a board as the installer described them: each group's kind, phases
and rating resolved, spread over the phases, and gathered into the sections that share an RCD.

A section is a set of groups behind the same kind of RCD: single-phase groups per phase behind
2-pole RCDs, groups over more than one phase behind 4-pole RCDs, and a group whose kind wants
its own RCD (an EV charge point) alone. Backed-up groups form sections of their own: they sit
on the load side of the BackupBox or on the backup port, never on the grid busbar.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sizing import tables
from sizing.constants import EPSILON, PHASES
from sizing.findings import Phrase
from sizing.installation.circuit import CircuitPlan
from sizing.notes import Notes, en, nl
from sizing.schema import Board, DesignRequest, HouseholdGroup


@dataclass(frozen=True, slots=True)
class KindRule:
    code: str
    nl: str
    en: str
    phases_by_connection: dict[int, int]
    allowed: tuple[int, ...]
    own_rcd: bool
    full_load: bool  # runs at full current for hours: diversity factor 1
    # Can leak smooth DC (an EV charge point): a type A or F RCD is enough only when the
    # appliance itself detects DC fault currents above 6 mA (IEC 60364-7-722 722.531.2).
    dc_fault_detection: bool = False


def kind_rules() -> dict[str, KindRule]:
    value: dict[str, dict[str, Any]] = tables.rule("group_kinds").value
    return {
        code: KindRule(
            code=code,
            nl=entry["nl"],
            en=entry["en"],
            phases_by_connection={int(k): int(v) for k, v in entry["phases"].items()},
            allowed=tuple(entry["allowed"]),
            own_rcd=bool(entry["own_rcd"]),
            full_load=bool(entry["full_load"]),
            dc_fault_detection=bool(entry.get("dc_fault_detection", False)),
        )
        for code, entry in value.items()
    }


@dataclass
class Group:
    index: int  # its place in the request, from 0
    spec: HouseholdGroup
    kind: KindRule
    phases: int
    rating: float
    phase: str = ""  # "L1", "L1-L2", "L1-L2-L3"
    number: int = 0  # in board order, from 1
    # Findings about this group, reported once its board number is known (``report``), so a
    # message names the group by the number the diagram and the groepenverklaring print.
    pending: list[Callable[[str], None]] = field(default_factory=list)
    backup_dropped: bool = False  # asked for backup where the design has none

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def label(self) -> str:
        """The group as every page names it: its board number, and the installer's name."""
        number = str(self.number or self.index + 1)
        return f"{number} „{self.name}”" if self.name else number

    @property
    def backed_up(self) -> bool:
        return self.spec.backed_up

    @property
    def shared(self) -> bool:
        return not self.kind.own_rcd


@dataclass
class Section:
    """Groups behind RCDs of one kind: ``poles`` 2 (one phase) or 4; ``rcds`` how many."""

    key: tuple[bool, str, str]  # (backed up, "single" | "multi" | "own", phase)
    groups: list[Group] = field(default_factory=list)
    rcds: int = 1

    @property
    def backed_up(self) -> bool:
        return self.key[0]

    @property
    def poles(self) -> int:
        return 2 if self.key[1] == "single" or self.groups[0].phases == 1 else 4

    def chunks(self) -> list[list[Group]]:
        """The section's groups over its RCDs, sizes differing by at most one."""
        size, extra = divmod(len(self.groups), self.rcds)
        chunks, start = [], 0
        for index in range(self.rcds):
            end = start + size + (1 if index < extra else 0)
            chunks.append(self.groups[start:end])
            start = end
        return [c for c in chunks if c]


def resolve(request: DesignRequest, board: Board, notes: Notes) -> list[Group]:
    """Each described group with its kind, phases and rating; a group the connection cannot
    feed (two or three phases on a single-phase connection) is reported and kept on what the
    connection has, so the rest of the board can still be designed."""
    check_count(board, notes)
    rules = kind_rules()
    connection = request.connection.phases
    default_rating = request.options.household_breaker_a
    groups = []
    for index, spec in enumerate(board.groups):
        kind = rules[spec.kind]
        phases = spec.phases or kind.phases_by_connection[connection]
        pending: list[Callable[[str], None]] = []
        what = Phrase(kind.nl.lower(), kind.en.lower())
        asked = spec.phases
        if phases > connection:
            pending.append(
                partial_finding(notes, "board.group_phases", phases=phases, connection=connection)
            )
            phases = connection
        elif asked is not None and asked not in kind.allowed:
            if kind.own_rcd:
                # Its own RCBO exists as 1P+N or 3P+N only: design it on the next that does.
                phases = min((p for p in kind.allowed if p >= phases), default=max(kind.allowed))
                pending.append(
                    partial_finding(
                        notes, "board.own_rcd_phases", phases=asked, kind=what, to=phases
                    )
                )
            else:
                pending.append(
                    partial_finding(notes, "board.group_kind_phases", phases=asked, kind=what)
                )
        rating = spec.rating_a if spec.rating_a is not None else default_rating
        group = Group(index=index, spec=spec, kind=kind, phases=phases, rating=rating)
        group.pending = pending
        groups.append(group)
    if request.backup == "none":
        for group in groups:
            if group.backed_up:
                group.backup_dropped = True
                group.spec = group.spec.model_copy(update={"backed_up": False})
    return groups


def partial_finding(notes: Notes, code: str, **params: Any) -> Callable[[str], None]:
    """A finding about one group, raised by ``report`` once the group's label is known."""

    def raise_for(label: str) -> None:
        notes.finding(code, group=label, **params)

    return raise_for


def report(groups: list[Group], notes: Notes) -> None:
    """The findings about single groups, by the board number each now has."""
    ordered = sorted(groups, key=lambda g: g.number or g.index + 1)
    for group in ordered:
        for raise_for in group.pending:
            raise_for(group.label)
    dropped = [g.label for g in ordered if g.backup_dropped]
    if dropped:
        notes.finding("board.backed_up_without_backup", groups=", ".join(dropped))


def check_count(board: Board, notes: Notes) -> None:
    """Listed groups and the count must agree; the design goes on with the count."""
    listed = len(board.household_groups)
    if listed and listed != board.group_count:
        notes.finding(
            "board.group_count",
            listed=listed,
            count=board.group_count,
            what="new" if board.mode == "new" else "existing",
        )


def place(
    groups: list[Group],
    phases: int,
    plans: list[CircuitPlan],
    notes: Notes,
) -> dict[str, int]:
    """Give each group its phase(s), least-loaded first (a single-phase battery group counts),
    and return the groups per phase for the balance check."""
    used = PHASES[:phases] if phases == 3 else ("L1",)
    load = dict.fromkeys(used, 0)
    for plan in plans:
        if plan.in_board and plan.circuit.phases == 1 and plan.circuit.phase in load:
            load[plan.circuit.phase] += 1
    backup = next((p for p in plans if p.circuit.name == "backup"), None)
    # Wide groups first, so the single-phase ones can even out what they leave.
    for group in sorted(groups, key=lambda g: (-g.phases, g.index)):
        if group.backed_up and backup is not None and backup.circuit.phases == 1:
            # A single-phase backup port feeds its own phase only, in a power cut too.
            if group.phases == 1 and backup.circuit.phase in load:
                group.phase = backup.circuit.phase
                load[group.phase] += 1
                continue
            if group.phases > 1:
                group.pending.append(
                    partial_finding(notes, "board.backup_group_phases", phases=group.phases)
                )
                group.spec = group.spec.model_copy(update={"backed_up": False})
        if group.phases >= 3 or group.phases >= len(used):
            group.phase = "-".join(used) if len(used) > 1 else used[0]
            for p in used:
                load[p] += 1
            continue
        chosen = sorted(used, key=lambda p: (load[p], used.index(p)))[: group.phases]
        chosen.sort(key=used.index)
        group.phase = "-".join(chosen)
        for p in chosen:
            load[p] += 1
    if backup is not None:
        _check_backup_load(groups, backup, notes)
    return {p: sum(1 for g in groups if p in g.phase.split("-")) for p in used}


def _check_backup_load(groups: list[Group], backup: CircuitPlan, notes: Notes) -> None:
    """What the backed-up groups can draw together on a phase against what the backup port
    supplies: ordinary groups with the rated diversity factor, full-load kinds at 1."""
    backed = [g for g in groups if g.backed_up]
    if not backed:
        return
    diversity = tables.diversity_factor(sum(1 for g in backed if not g.kind.full_load))
    port = backup.circuit.design_current_a
    worst = worst_full = 0.0
    for phase in backup.circuit.phase.split("-"):
        on_phase = [g for g in backed if phase in g.phase.split("-")]
        full = sum(g.rating for g in on_phase if g.kind.full_load)
        ordinary = sum(g.rating * diversity for g in on_phase if not g.kind.full_load)
        worst = max(worst, full + ordinary)
        worst_full = max(worst_full, full)
    notes.step(
        "board.backup_load",
        ("Groepen op noodstroom", "Backed-up groups"),
        (
            f"{len(backed)} groepen, hoogstens {nl(worst)} A per fase tegen "
            f"{nl(port)} A van de noodstroompoort",
            f"{len(backed)} groups, at most {en(worst)} A per phase against the backup port's "
            f"{en(port)} A",
        ),
        tables.rule("group_kinds").bases,
    )
    # Groups that run for hours at full current (EV, heat pump) stop the inverter in a power
    # cut for sure; ordinary groups only when their breakers' diverse load is actually drawn.
    if worst_full > port + EPSILON:
        notes.finding("board.backup_groups_exceed_port", load=round(worst_full, 2), port=port)
    elif worst > port + EPSILON:
        notes.finding("board.backup_groups_may_exceed_port", load=round(worst, 2), port=port)


def sections(groups: list[Group], max_groups: int, min_rcds: int) -> list[Section]:
    """The RCD sections in board order: per backup place, single-phase groups by phase, then
    groups over more phases, then the groups with an RCD of their own."""
    by_key: dict[tuple[bool, str, str], Section] = {}
    order = {"single": 0, "multi": 1, "own": 2}
    for group in groups:
        if not group.shared:
            key = (group.backed_up, "own", f"{group.index:03d}")
        elif group.phases == 1:
            key = (group.backed_up, "single", group.phase)
        else:
            key = (group.backed_up, "multi", "")
        by_key.setdefault(key, Section(key=key)).groups.append(group)
    result = sorted(by_key.values(), key=lambda s: (s.key[0], order[s.key[1]], s.key[2]))
    shared = [s for s in result if s.key[1] != "own"]
    for section in shared:
        section.rcds = math.ceil(len(section.groups) / max_groups)
    total = sum(len(s.groups) for s in result)
    wanted = min(min_rcds, total)
    while shared and sum(s.rcds for s in result) < wanted:
        # Split where the RCDs carry most groups, so the split helps most.
        widest = max(shared, key=lambda s: len(s.groups) / s.rcds)
        if len(widest.groups) <= widest.rcds:
            break
        widest.rcds += 1
    number = 0
    for section in result:
        for chunk in section.chunks():
            for group in chunk:
                number += 1
                group.number = number
    return result
