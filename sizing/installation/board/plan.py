"""The groepenkast: selectivity, an existing board's free places, or a new board proposed.

Rules and their defaults come from :mod:`sizing.tables` (design_rules.json) or
the request's :class:`~sizing.schema.DesignOptions`; articles and their module
widths from the catalogue. The battery's groups never join an existing RCD.
"""

from __future__ import annotations

from sizing import tables
from sizing.findings import Phrase
from sizing.installation.board.groups import check_count
from sizing.installation.board.layout import lay_out
from sizing.installation.board.new import new_board
from sizing.installation.board.rules import battery_rcds, check_selectivity, selectivity_limit
from sizing.installation.circuit import CircuitPlan
from sizing.installation.materials import Materials
from sizing.notes import Notes
from sizing.schema import Board, BoardDesign, BoardRcd, Circuit, DesignRequest


def plan_board(
    request: DesignRequest,
    materials: Materials,
    notes: Notes,
    plans: list[CircuitPlan],
    battery_phase: str,
) -> tuple[BoardDesign | None, list[Circuit]]:
    """The board design and, for a new board, its household circuits."""
    max_selective = selectivity_limit(request, notes)
    for plan in plans:
        breaker = plan.circuit.breaker
        if plan.in_board and breaker is not None:
            check_selectivity(request, breaker.rating_a, max_selective, notes, plan.circuit.name)
    board = request.board
    if board is None:
        notes.finding("board.not_specified")
        return None, []
    if board.mode == "existing":
        design, households = _existing(request, board, materials, notes, plans), list[Circuit]()
    else:
        design, households = new_board(
            request, board, materials, notes, plans, battery_phase, max_selective
        )
    design.layout = lay_out(
        design,
        [p.circuit for p in plans] + households,
        materials.catalog,
        free_modules=board.free_modules,
        spare_fraction=request.options.spare_fraction,
        outside_board=frozenset(p.circuit.name for p in plans if not p.in_board),
    )
    return design, households


def _existing(
    request: DesignRequest,
    board: Board,
    materials: Materials,
    notes: Notes,
    plans: list[CircuitPlan],
) -> BoardDesign:
    max_groups = request.options.max_groups_per_rcd
    min_rcds = request.options.min_rcds
    rcds: list[BoardRcd] = []
    group_number = 0
    check_count(board, notes)
    described = board.groups
    backup = request.backup != "none"
    for index, existing in enumerate(board.rcds, start=1):
        labels = []
        for number in range(group_number + 1, group_number + existing.groups + 1):
            group = described[number - 1] if described else None
            label = f"bestaande groep {number}"
            if group is not None and group.name:
                label = f"{label}: {group.name}"
            if group is not None and group.backed_up and backup:
                label = f"{label} (naar noodstroom)"
            labels.append(label)
        group_number += existing.groups
        rcds.append(
            BoardRcd(
                label=f"Bestaande aardlekschakelaar {index}",
                type=existing.type,
                sensitivity_ma=existing.sensitivity_ma,
                poles=4 if existing.poles == "4P" else 2,
                is_new=False,
                groups=labels,
            )
        )
        if existing.sensitivity_ma <= 30 and existing.groups > max_groups:
            notes.finding(
                "board.rcd_too_many_groups",
                index=index,
                groups=existing.groups,
                max_groups=max_groups,
            )
    sensitive = [r for r in board.rcds if r.sensitivity_ma <= 30]
    if board.rcds and group_number >= 2 and len(sensitive) < min_rcds:
        notes.finding(
            "board.too_few_rcds", groups=group_number, rcds=len(sensitive), min_rcds=min_rcds
        )
    rcds += battery_rcds(plans)
    needed = sum(p.width or 0 for p in plans if p.in_board)
    notes.step(
        "board.existing",
        ("Groepenkast (bestaand)", "Distribution board (existing)"),
        (
            f"{len(board.rcds)} bestaande aardlekschakelaar{'' if len(board.rcds) == 1 else 's'} "
            f"met {group_number} groepen; de "
            f"thuisbatterij krijgt een eigen beveiliging van {needed} modules; vrij: "
            f"{board.free_modules} modules",
            f"{len(board.rcds)} existing RCD{'' if len(board.rcds) == 1 else 's'} with "
            f"{group_number} groups; the home battery "
            f"gets its own protection of {needed} modules; free: {board.free_modules} modules",
        ),
        tables.rule("battery_own_rcd").bases,
    )
    if needed > board.free_modules:
        _no_space(needed, board.free_modules, materials, notes)
    return BoardDesign(
        mode="existing",
        rcds=rcds,
        modules_needed=needed,
        modules_free=board.free_modules,
    )


def _no_space(needed: int, free: int, materials: Materials, notes: Notes) -> None:
    extension = next((e for e in materials.enclosures if e.modules_per_row >= needed), None)
    if extension is None:
        notes.finding(
            "board.no_space", needed=needed, free=free, missing=needed - free, extension="none"
        )
        return
    notes.finding(
        "board.no_space",
        needed=needed,
        free=free,
        missing=needed - free,
        extension="catalogue",
        article=extension.article,
        name=Phrase(extension.name("nl"), extension.name("en")),
    )
