"""A new groepenkast: main switch, household groups spread over the phases behind 2-pole
RCDs, the battery's own groups, module widths and the smallest enclosure that holds them.
"""

from __future__ import annotations

import math

from sizing import tables
from sizing.constants import PHASES
from sizing.domain import Enclosure
from sizing.findings.sources import RCD_REFERENCE, RCD_REFERENCE_EN
from sizing.installation.board.rules import battery_rcds, check_selectivity
from sizing.installation.circuit import CircuitPlan, no_article
from sizing.installation.materials import POLE_COUNT, RCD_POLES, Materials
from sizing.notes import Notes, both, en, nl, trace_step
from sizing.schema import (
    Board,
    BoardDesign,
    BoardRcd,
    BreakerSpec,
    Circuit,
    DesignRequest,
    RcdSpec,
)
from sizing.system.rules import GridSite, pv_on_phase


def new_board(
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
        design.main_switch_a = switch.rating_a
        design.main_switch_poles = POLE_COUNT[phases]
        design.main_switch_article = switch.article
        widths.append(switch.module_width)
        notes.line(switch.article, 1, "board")
        notes.step(
            "board.main_switch",
            ("Hoofdschakelaar", "Main switch"),
            (
                f"{switch.article}: {switch.poles} {nl(design.main_switch_a)} A ≥ hoofdzekering "
                f"{nl(main_fuse)} A",
                f"{switch.article}: {switch.poles} {en(design.main_switch_a)} A ≥ main fuse "
                f"{en(main_fuse)} A",
            ),
            (rule.basis_nl, f"{rule.value}: {rule.basis}"),
        )

    for plan in plans:
        if plan.in_board and plan.width:
            widths.append(plan.width)
    design.rcds = battery_rcds(plans)

    count = board.household_circuits
    per_phase = _spread(count, phases, battery_phase, plans)
    design.groups_per_phase = {p: len(groups) for p, groups in per_phase.items()}
    households, rcds = _household(
        request, per_phase, materials, notes, widths, max_selective, plans
    )
    design.rcds = rcds + design.rcds
    design.modules_needed = sum(widths)
    _enclosure(design, widths, materials, notes)
    return design, households


def _through_rcd(
    request: DesignRequest,
    plans: list[CircuitPlan],
    phase: str,
    groups: int,
    rating: float,
    notes: Notes,
    number: int,
) -> float:
    """The current that can pass a household RCD on ``phase``: with the battery and PV feeding
    the same busbar, its loads can draw the main fuse plus the local generation on that phase
    (IEC 60364-5-55 551.7, the brochure: grid, PV and battery meet in the board), but never
    more than its own groups' breakers let through."""
    main = request.connection.main_fuse_a
    battery = sum(
        p.circuit.design_current_a
        for p in plans
        if p.in_board and (p.circuit.phases == 3 or p.circuit.phase == phase)
    )
    site = GridSite(request.connection, request.existing_pv)
    volts = float(tables.rule("nominal_voltage_v").value)
    pv = pv_on_phase(site, phase) * 1000 / volts
    sources = main + battery + pv
    diversity = tables.diversity_factor(groups)
    breakers = groups * rating * diversity
    needed = round(min(sources, breakers), 2)
    notes.step(
        "board.rcd_rating",
        (
            f"Nominale stroom aardlekschakelaar {number} ({phase})",
            f"Rated current RCD {number} ({phase})",
        ),
        both(
            lambda n: (
                f"min({n(main)} A + {n(battery)} A {n.t('batterij', 'battery')} + {n(pv)} A PV; "
                f"{groups} × {n(rating)} A × {n(diversity)}) = {n(needed)} A"
            )
        ),
        (
            "een aardlekschakelaar heeft geen eigen overstroombeveiliging; achter de "
            "hoofdzekering kunnen de verbruikers de hoofdzekering plus wat batterij en PV op "
            "dezelfde rail leveren afnemen, maar niet meer dan de groepsautomaten tegelijk "
            "voeren (belastingsfactor IEC 61439-3 tabel 101) (IEC 60364-5-55 551.7; "
            "IEC 60364-4-43 433.1)",
            "an RCD has no overcurrent protection of its own; behind the main fuse the loads can "
            "draw the main fuse plus what the battery and PV on the same busbar supply, but no "
            "more than the group breakers carry at the same time (diversity factor IEC 61439-3 "
            "Table 101) (IEC 60364-5-55 551.7; IEC 60364-4-43 433.1)",
        ),
    )
    return needed


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
    plans: list[CircuitPlan],
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
    mcb = materials.breaker(rating, curve, 1)
    missing: set[float] = set()
    if mcb is None:
        no_article(
            notes,
            f"installatieautomaat {curve}{nl(rating)} 1P+N",
            f"circuit-breaker {curve}{en(rating)} 1P+N",
            None,
        )
    check_selectivity(request, rating, max_selective, notes, None, final_circuits=total)

    circuits: list[Circuit] = []
    rcds: list[BoardRcd] = []
    number = 0
    for phase, groups in per_phase.items():
        if not groups:
            continue
        for chunk in _chunks(groups, rcd_count[phase]):
            number += 1
            label = f"Aardlekschakelaar {number} ({phase})"
            needed = _through_rcd(request, plans, phase, len(chunk), rating, notes, number)
            device = materials.rcd(rcd_type, sensitivity, needed, 1)
            if device is None and needed not in missing:
                missing.add(needed)
                no_article(
                    notes,
                    f"aardlekschakelaar type {rcd_type} {nl(sensitivity)} mA 2P ≥ {nl(needed)} A",
                    f"RCD type {rcd_type} {en(sensitivity)} mA 2P ≥ {en(needed)} A",
                    None,
                )
            behind = (
                f"{curve}{nl(rating)} 1P+N op {phase}, achter aardlekschakelaar {number} ({phase})",
                f"{curve}{en(rating)} 1P+N on {phase}, behind RCD {number} ({phase})",
            )
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
                    rating_a=device.rating_a if device else None,
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
                step = trace_step(
                    "board.final_circuit",
                    ("Eindgroep", "Final circuit"),
                    behind,
                    tables.rule("household_breaker_a").bases,
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
                            rating_a=device.rating_a if device else None,
                            article=device.article if device else None,
                        ),
                    )
                )
                if mcb:
                    notes.line(mcb.article, 1, "board")
    spread = ", ".join(f"{p}: {len(g)}" for p, g in per_phase.items())
    two_pole = tables.rule("single_phase_groups_on_2p_rcds")
    notes.step(
        "board.final_circuits",
        ("Verdeling eindgroepen", "Final circuits over the RCDs"),
        (
            f"{total} groepen ({spread}) achter {len(rcds)} aardlekschakelaars van "
            f"{nl(sensitivity)} mA, hoogstens {max_groups} per stuk",
            f"{total} circuits ({spread}) behind {len(rcds)} RCDs of {en(sensitivity)} mA, at "
            f"most {max_groups} each",
        ),
        (
            f"{RCD_REFERENCE}; {two_pole.basis_nl}; {sensitivity_rule.basis_nl}",
            f"{RCD_REFERENCE_EN}; {two_pole.basis}; {sensitivity_rule.basis}",
        ),
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
            modules=sum(widths),
            blocks=sorted(widths, reverse=True),
        )
        return None
    design.enclosure = f"{chosen.rows} × {chosen.modules_per_row}"
    design.enclosure_article = chosen.article
    notes.line(chosen.article, 1, "board")
    blocks = ", ".join(str(w) for w in sorted(widths, reverse=True))
    notes.step(
        "board.enclosure",
        ("Groepenkast", "Distribution board"),
        (
            f"{chosen.article}: {design.enclosure} = {chosen.modules} modules voor "
            f"{design.modules_needed} modules in blokken van {blocks}",
            f"{chosen.article}: {design.enclosure} = {chosen.modules} modules for "
            f"{design.modules_needed} modules in blocks of {blocks}",
        ),
        (
            "kleinste kast uit de catalogus waarin elk blok (aardlekschakelaar met zijn groepen, "
            "hoofdschakelaar, batterijbeveiliging) op één rail past",
            "smallest enclosure in the catalogue in which every block (an RCD with its "
            "circuits, the main switch, the battery protection) fits on one rail",
        ),
    )
    return chosen
