"""The groepenkast: selectivity, an existing board's free places, or a new board proposed.

Rules and their defaults come from :mod:`sizing.tables` (design_rules.json) or
the request's :class:`~sizing.schema.DesignOptions`; articles and their module
widths from the catalogue. The battery's groups never join an existing RCD.
"""

from __future__ import annotations

import math

from sizing import tables
from sizing.circuits import CircuitPlan, no_article
from sizing.domain import Enclosure
from sizing.materials import POLE_COUNT, RCD_POLES, Materials
from sizing.planning import Notes, en, nl
from sizing.schema import (
    Board,
    BoardDesign,
    BoardRcd,
    BreakerSpec,
    Circuit,
    DesignRequest,
    RcdSpec,
    Severity,
    TraceStep,
)

PHASES = ("L1", "L2", "L3")
_SELECTIVITY_REFERENCE = (
    "Vuistregel groep ≤ hoofdzekering / 1,6 (toegeschreven aan NEN 1010 535.1 of Netcode "
    "art. 2.13.1, niet geverifieerd); gG-zekeringen zijn selectief bij 1,6:1 (Lawson Fuses)"
)
_RCD_REFERENCE = (
    "NEN 1010:2015 531.2 (min. 2 aardlekschakelaars bij 2 of meer eindgroepen; max. 4 "
    "eindgroepen per 30 mA); vervallen in NEN 1010:2020, Fedet en Hager adviseren ze te blijven "
    "toepassen"
)


def plan_board(
    request: DesignRequest,
    materials: Materials,
    notes: Notes,
    plans: list[CircuitPlan],
    battery_phase: str,
) -> tuple[BoardDesign | None, list[Circuit]]:
    """The board design and, for a new board, its household circuits."""
    max_selective = _selectivity_limit(request, notes)
    for plan in plans:
        breaker = plan.circuit.breaker
        if plan.in_board and breaker is not None:
            _check_selectivity(request, breaker.rating_a, max_selective, notes, plan.circuit.name)
    board = request.board
    if board is None:
        notes.finding(
            "board.not_specified",
            Severity.INFO,
            "Er is geen groepenkast opgegeven (bestaand of nieuw); de vrije ruimte en de "
            "aardlekschakelaars zijn niet gecontroleerd.",
            "No distribution board was given (existing or new); free space and RCDs were not "
            "checked.",
            _RCD_REFERENCE,
        )
        return None, []
    if board.mode == "existing":
        return _existing(request, board, materials, notes, plans), []
    return _new(request, board, materials, notes, plans, battery_phase, max_selective)


# --------------------------------------------------------------------------- selectivity


def _selectivity_limit(request: DesignRequest, notes: Notes) -> float | None:
    main = request.connection.main_fuse_a
    factor = request.options.selectivity_factor
    rule = tables.rule("selectivity_factor")
    limit = main / factor
    selective = [r for r in tables.breaker_ratings() if r <= limit + 1e-9]
    largest = selective[-1] if selective else None
    notes.step(
        "Selectiviteit hoofdzekering",
        f"{nl(main)} A / {nl(factor)} = {nl(limit)} A → grootste standaardwaarde "
        + (f"{nl(largest)} A" if largest is not None else "geen"),
        rule.basis
        if abs(factor - float(rule.value)) < 1e-9
        else "factor opgegeven in de ontwerpopties",
    )
    return largest


def _check_selectivity(
    request: DesignRequest,
    rating: float,
    largest: float | None,
    notes: Notes,
    circuit: str | None,
    what_nl: str = "De groep",
    what_en: str = "The group",
) -> None:
    if largest is not None and rating <= largest + 1e-9:
        return
    main = request.connection.main_fuse_a
    factor = request.options.selectivity_factor
    limit_nl = f"{nl(largest)} A" if largest is not None else "geen standaardwaarde"
    limit_en = f"{en(largest)} A" if largest is not None else "no standard rating"
    notes.finding(
        "board.selectivity",
        Severity.WARNING,
        f"{what_nl} van {nl(rating)} A is groter dan {limit_nl}, de grootste standaardwaarde ≤ "
        f"hoofdzekering {nl(main)} A / {nl(factor)}. Bij een fout kan de hoofdzekering eerder "
        "aanspreken dan de groepsautomaat, en dan is het hele huis zonder stroom. Overweeg een "
        "zwaardere aansluiting.",
        f"{what_en} of {en(rating)} A is above {limit_en}, the largest standard rating ≤ main "
        f"fuse {en(main)} A / {en(factor)}. On a fault the main fuse may blow before the group "
        "breaker trips, leaving the whole house without power. Consider a larger connection.",
        _SELECTIVITY_REFERENCE,
        circuit=circuit,
    )


# --------------------------------------------------------------------------- existing board


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
    for index, existing in enumerate(board.rcds, start=1):
        labels = [f"bestaande groep {group_number + j}" for j in range(1, existing.groups + 1)]
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
                Severity.WARNING,
                f"Achter bestaande aardlekschakelaar {index} zitten {existing.groups} groepen; "
                f"aanbevolen is hoogstens {max_groups} per 30 mA-aardlekschakelaar.",
                f"Existing RCD {index} has {existing.groups} groups behind it; at most "
                f"{max_groups} per 30 mA RCD is recommended.",
                _RCD_REFERENCE,
            )
    sensitive = [r for r in board.rcds if r.sensitivity_ma <= 30]
    if board.rcds and group_number >= 2 and len(sensitive) < min_rcds:
        notes.finding(
            "board.too_few_rcds",
            Severity.WARNING,
            f"De bestaande kast heeft {group_number} groepen achter {len(sensitive)} "
            f"aardlekschakelaar(s) van 30 mA; aanbevolen zijn er minstens {min_rcds}, zodat één "
            "fout niet het hele huis uitschakelt.",
            f"The existing board has {group_number} groups behind {len(sensitive)} 30 mA "
            f"RCD(s); at least {min_rcds} are recommended, so one fault does not switch off the "
            "whole house.",
            _RCD_REFERENCE,
        )
    rcds += _battery_rcds(plans)
    needed = sum(p.width or 0 for p in plans if p.in_board)
    notes.step(
        "Groepenkast (bestaand)",
        f"{len(board.rcds)} bestaande aardlekschakelaar(s) met {group_number} groepen; de "
        f"thuisbatterij krijgt een eigen beveiliging van {needed} modules; vrij: "
        f"{board.free_modules} modules",
        tables.rule("battery_own_rcd").basis,
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
    if extension is not None:
        option_nl = (
            f"(1) een uitbreidingskast naast de groepenkast, bijvoorbeeld {extension.article} "
            f"({extension.name('nl')}); "
        )
        option_en = (
            f"(1) an extension enclosure beside the board, for example {extension.article} "
            f"({extension.name('en')}); "
        )
    else:
        option_nl = "(1) een uitbreidingskast naast de groepenkast (niet in de catalogus); "
        option_en = "(1) an extension enclosure beside the board (not in the catalogue); "
    notes.finding(
        "board.no_space",
        Severity.WARNING,
        f"De beveiliging van de thuisbatterij neemt {needed} modules in, de kast heeft er "
        f"{free} vrij. Mogelijkheden: {option_nl}(2) een nieuwe groepenkast (kies 'nieuwe kast' "
        "in het ontwerp). De batterijgroep mag niet bij een bestaande aardlekschakelaar.",
        f"The battery's protection takes {needed} modules, the board has {free} free. "
        f"Options: {option_en}(2) a new distribution board (choose 'new board' in the design). "
        "The battery group may not join an existing RCD.",
        tables.rule("battery_own_rcd").basis,
    )


def _battery_rcds(plans: list[CircuitPlan]) -> list[BoardRcd]:
    rcds = []
    for plan in plans:
        rcd = plan.circuit.rcd
        if rcd is None:
            continue
        outside = not plan.in_board
        rcds.append(
            BoardRcd(
                label=(
                    "Backup-beveiliging (naast de omvormer)"
                    if outside
                    else "Aardlekbeveiliging thuisbatterij"
                ),
                type=rcd.type,
                sensitivity_ma=rcd.sensitivity_ma,
                poles=rcd.poles,
                is_rcbo=rcd.is_rcbo,
                groups=[plan.circuit.name],
                phase=plan.circuit.phase,
                article=rcd.article,
                rating_a=rcd.rating_a,
                module_width=plan.width,
                in_enclosure=not outside,
            )
        )
    return rcds


# --------------------------------------------------------------------------- new board


def _new(
    request: DesignRequest,
    board: Board,
    materials: Materials,
    notes: Notes,
    plans: list[CircuitPlan],
    battery_phase: str,
    max_selective: float | None,
) -> tuple[BoardDesign, list[Circuit]]:
    phases = request.connection.phases
    main_fuse = request.connection.main_fuse_a
    design = BoardDesign(mode="new")
    widths: list[int] = []  # blocks that must each stay on one DIN rail

    switch = materials.main_switch(main_fuse, phases)
    rule = tables.rule("main_switch_rule")
    if switch is None:
        no_article(
            notes,
            f"hoofdschakelaar {RCD_POLES[phases]} ≥ {nl(main_fuse)} A",
            f"main switch {RCD_POLES[phases]} ≥ {en(main_fuse)} A",
            None,
        )
    else:
        design.main_switch_a = float(switch.rating.m_as("A"))
        design.main_switch_poles = POLE_COUNT[phases]
        design.main_switch_article = switch.article
        widths.append(switch.module_width)
        notes.line(switch.article, 1, "board")
        notes.step(
            "Hoofdschakelaar",
            f"{switch.article}: {switch.poles} {nl(design.main_switch_a)} A ≥ hoofdzekering "
            f"{nl(main_fuse)} A",
            f"{rule.value}: {rule.basis}",
        )

    for plan in plans:
        if plan.in_board and plan.width:
            widths.append(plan.width)
    design.rcds = _battery_rcds(plans)

    count = board.household_circuits
    per_phase = _spread(count, phases, battery_phase, plans)
    design.groups_per_phase = {p: len(groups) for p, groups in per_phase.items()}
    households, rcds = _household(request, per_phase, materials, notes, widths, max_selective)
    design.rcds = rcds + design.rcds
    design.modules_needed = sum(widths)
    _enclosure(design, widths, materials, notes)
    return design, households


def _spread(
    count: int, phases: int, battery_phase: str, plans: list[CircuitPlan]
) -> dict[str, list[int]]:
    """Household groups over the phases, fewest first; a single-phase battery group counts too."""
    used = PHASES[:phases] if phases == 3 else ("L1",)
    load = dict.fromkeys(used, 0)
    for plan in plans:
        if plan.in_board and plan.circuit.phases == 1 and plan.circuit.phase in load:
            load[plan.circuit.phase] += 1
    groups: dict[str, list[int]] = {p: [] for p in used}
    for number in range(1, count + 1):
        phase = min(used, key=lambda p: (load[p], used.index(p)))
        load[phase] += 1
        groups[phase].append(number)
    return groups


def _household(
    request: DesignRequest,
    per_phase: dict[str, list[int]],
    materials: Materials,
    notes: Notes,
    widths: list[int],
    max_selective: float | None,
) -> tuple[list[Circuit], list[BoardRcd]]:
    options = request.options
    total = sum(len(groups) for groups in per_phase.values())
    if total == 0:
        return [], []
    max_groups = options.max_groups_per_rcd
    # One RCD per phase at least (all phases used), no more than max_groups behind each.
    rcd_count = {p: math.ceil(len(g) / max_groups) for p, g in per_phase.items() if g}
    min_rcds = min(options.min_rcds, total)
    while sum(rcd_count.values()) < min_rcds:
        # Split where the RCDs carry most groups, so the split helps most.
        phase = max(rcd_count, key=lambda p: len(per_phase[p]) / rcd_count[p])
        rcd_count[phase] += 1

    rcd_type = str(tables.rule("household_rcd_type").value)
    sensitivity_rule = tables.rule("rcd_sensitivity_ma")
    sensitivity = float(sensitivity_rule.value)
    rating = options.household_breaker_a
    curve = options.breaker_curve
    device = materials.rcd(rcd_type, sensitivity, request.connection.main_fuse_a, 1)
    mcb = materials.breaker(rating, curve, 1)
    if device is None:
        no_article(
            notes,
            f"aardlekschakelaar type {rcd_type} {nl(sensitivity)} mA 2P ≥ "
            f"{nl(request.connection.main_fuse_a)} A",
            f"RCD type {rcd_type} {en(sensitivity)} mA 2P ≥ {en(request.connection.main_fuse_a)} A",
            None,
        )
    if mcb is None:
        no_article(
            notes,
            f"installatieautomaat {curve}{nl(rating)} 1P+N",
            f"circuit-breaker {curve}{en(rating)} 1P+N",
            None,
        )
    _check_selectivity(
        request,
        rating,
        max_selective,
        notes,
        None,
        f"Elk van de {total} eindgroepen",
        f"Each of the {total} final circuits",
    )

    circuits: list[Circuit] = []
    rcds: list[BoardRcd] = []
    number = 0
    for phase, groups in per_phase.items():
        if not groups:
            continue
        for chunk in _chunks(groups, rcd_count[phase]):
            number += 1
            label = f"Aardlekschakelaar {number} ({phase})"
            names = [f"household_{g}" for g in chunk]
            rcds.append(
                BoardRcd(
                    label=label,
                    type=device.rcd_type.value if device else rcd_type,
                    sensitivity_ma=sensitivity,
                    poles=2,
                    groups=names,
                    phase=phase,
                    article=device.article if device else None,
                    rating_a=float(device.rating.m_as("A")) if device else None,
                    module_width=device.module_width if device else None,
                )
            )
            block = (device.module_width if device else 0) + len(chunk) * (
                mcb.module_width if mcb else 0
            )
            if block:
                widths.append(block)
            if device:
                notes.line(device.article, 1, "board")
            for g in chunk:
                step = TraceStep(
                    step="Eindgroep",
                    value=f"{curve}{nl(rating)} 1P+N op {phase}, achter {label.lower()}",
                    basis=tables.rule("household_breaker_a").basis,
                    circuit=f"household_{g}",
                    is_default=True,
                )
                notes.trace.append(step)
                circuits.append(
                    Circuit(
                        name=f"household_{g}",
                        purpose_nl=f"Eindgroep {g}",
                        purpose_en=f"Final circuit {g}",
                        phases=1,
                        phase=phase,
                        design_current_a=rating,
                        breaker=BreakerSpec(
                            rating_a=rating,
                            curve=curve,
                            poles=POLE_COUNT[1],
                            article=mcb.article if mcb else None,
                        ),
                        rcd=RcdSpec(
                            type=device.rcd_type.value if device else rcd_type,
                            sensitivity_ma=sensitivity,
                            poles=POLE_COUNT[1],
                            rating_a=float(device.rating.m_as("A")) if device else None,
                            article=device.article if device else None,
                        ),
                        trace=[step],
                    )
                )
                if mcb:
                    notes.line(mcb.article, 1, "board")
    spread = ", ".join(f"{p}: {len(g)}" for p, g in per_phase.items())
    notes.step(
        "Verdeling eindgroepen",
        f"{total} groepen ({spread}) achter {len(rcds)} aardlekschakelaars van "
        f"{nl(sensitivity)} mA, hoogstens {max_groups} per stuk",
        f"{_RCD_REFERENCE}; {tables.rule('single_phase_groups_on_2p_rcds').basis}; "
        f"{sensitivity_rule.basis}",
    )
    return circuits, rcds


def _chunks(groups: list[int], parts: int) -> list[list[int]]:
    """``groups`` in ``parts`` runs whose sizes differ by at most one."""
    size, extra = divmod(len(groups), parts)
    chunks, start = [], 0
    for index in range(parts):
        end = start + size + (1 if index < extra else 0)
        chunks.append(groups[start:end])
        start = end
    return [c for c in chunks if c]


def _rows_needed(blocks: list[int], per_row: int) -> int | None:
    """Rows a first-fit-decreasing packing of the blocks takes; None when a block is too wide."""
    rows: list[int] = []
    for block in sorted(blocks, reverse=True):
        if block > per_row:
            return None
        for index, used in enumerate(rows):
            if used + block <= per_row:
                rows[index] += block
                break
        else:
            rows.append(block)
    return len(rows)


def _enclosure(
    design: BoardDesign, widths: list[int], materials: Materials, notes: Notes
) -> Enclosure | None:
    chosen = None
    for enclosure in materials.enclosures:
        rows = _rows_needed(widths, enclosure.modules_per_row)
        if rows is not None and rows <= enclosure.rows:
            chosen = enclosure
            break
    if chosen is None:
        notes.finding(
            "board.enclosure_too_small",
            Severity.WARNING,
            f"Geen kast uit de catalogus biedt plaats aan {sum(widths)} modules (blokken van "
            f"{', '.join(str(w) for w in sorted(widths, reverse=True))}).",
            f"No catalogue enclosure holds {sum(widths)} modules (blocks of "
            f"{', '.join(str(w) for w in sorted(widths, reverse=True))}).",
            "catalogus (groepenkasten)",
        )
        return None
    design.enclosure = f"{chosen.rows} × {chosen.modules_per_row}"
    design.enclosure_article = chosen.article
    notes.line(chosen.article, 1, "board")
    notes.step(
        "Groepenkast",
        f"{chosen.article}: {design.enclosure} = {chosen.modules} modules voor "
        f"{design.modules_needed} modules in blokken van "
        f"{', '.join(str(w) for w in sorted(widths, reverse=True))}",
        "kleinste kast uit de catalogus waarin elk blok (aardlekschakelaar met zijn groepen, "
        "hoofdschakelaar, batterijbeveiliging) op één rail past",
    )
    return chosen
