"""A new groepenkast: main switch, household groups spread over the phases behind 2-pole
RCDs, the battery's own groups, module widths and the smallest enclosure that holds them.
"""

from __future__ import annotations

from sizing import tables
from sizing.domain import Enclosure, MaterialKind
from sizing.installation.board import layout
from sizing.installation.board.groups import place, resolve
from sizing.installation.board.household import household_circuits
from sizing.installation.board.rules import battery_rcds
from sizing.installation.circuit import CircuitPlan, no_article
from sizing.installation.materials import POLE_COUNT, RCD_POLES, Materials
from sizing.notes import Notes, en, nl
from sizing.schema import (
    Board,
    BoardDesign,
    Circuit,
    DesignRequest,
)


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

    switch = materials.main_switch(main_fuse, phases)
    rule = tables.rule("main_switch_rule")
    # The board has a main switch whether or not the catalogue has one: without an article it
    # takes one place per pole (design_rules.json module_width_unknown) in the enclosure too.
    design.main_switch_poles = POLE_COUNT[phases]
    if switch is None:
        no_article(
            notes,
            f"hoofdschakelaar {RCD_POLES[phases]} ≥ {nl(main_fuse)} A",
            f"main switch {RCD_POLES[phases]} ≥ {en(main_fuse)} A",
            None,
        )
    else:
        design.main_switch_a = switch.rating_a
        design.main_switch_article = switch.article
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

    _surge_protection(design, phases, materials)
    design.rcds = battery_rcds(plans)

    groups = resolve(request, board, notes)
    design.groups_per_phase = place(groups, phases, plans, notes)
    households, rcds = household_circuits(request, groups, materials, notes, max_selective, plans)
    design.rcds = rcds + design.rcds
    _source_placement(request, plans, notes)
    # The blocks the rail layout draws (an RCD with its groups, an RCBO, the main switch with
    # the SPD, a battery or PV breaker), each device's width from the catalogue or one place
    # per pole: the enclosure is chosen for exactly what its front view will show.
    widths = layout.block_widths(
        design,
        [p.circuit for p in plans] + households,
        materials.catalog,
        outside_board=frozenset(p.circuit.name for p in plans if not p.in_board),
    )
    design.modules_needed = sum(widths)
    _enclosure(design, widths, materials, notes, request.options.spare_fraction)
    return design, households


def _surge_protection(design: BoardDesign, phases: int, materials: Materials) -> None:
    """The SPD at the origin of a new board, where the design includes one (site_materials.py
    orders it and writes its step); the layout gives it its places."""
    if "new" not in tables.rule("surge_protection").value["board_modes"]:
        return
    spd = materials.material(MaterialKind.SURGE_PROTECTION, phases=phases)
    design.surge_protection_poles = POLE_COUNT[phases]
    design.surge_protection_article = spd.article if spd else None


def _enclosure(
    design: BoardDesign,
    widths: list[int],
    materials: Materials,
    notes: Notes,
    spare_fraction: float,
) -> Enclosure | None:
    needed = sum(widths)
    spare = layout.spare_places(needed, spare_fraction)
    fitting = [e for e in materials.enclosures if layout.fits(widths, e.rows, e.modules_per_row)]
    # The smallest that keeps the spare places free; else the largest that holds the devices.
    chosen = next((e for e in fitting if e.modules - needed >= spare), None)
    if chosen is None and fitting:
        chosen = fitting[-1]
        notes.finding(
            "board.spare_short", spare=spare, free=chosen.modules - needed, article=chosen.article
        )
    if chosen is None:
        largest = materials.enclosures[-1] if materials.enclosures else None
        notes.finding(
            "board.enclosure_too_small",
            modules=needed,
            blocks=sorted(widths, reverse=True),
            missing=(
                layout.missing_places(widths, largest.rows, largest.modules_per_row)
                if largest
                else needed
            ),
        )
        return None
    layout.spare_step(spare_fraction, needed, spare, chosen.modules, notes)
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


def _source_placement(request: DesignRequest, plans: list[CircuitPlan], notes: Notes) -> None:
    """Grid, battery and PV meet on one busbar. Fed from opposite ends (main switch at one,
    the battery's and the PV's groups at the other), no section of the busbar carries more
    than the larger of what the main fuse and the local generation deliver; fed from the same
    end, a section could carry their sum."""
    sources = [p for p in plans if p.in_board and p.circuit.name in ("ac_grid", "pv")]
    if not sources:
        return
    main = request.connection.main_fuse_a
    generation = max(
        sum(
            p.circuit.design_current_a
            for p in sources
            if p.circuit.phases == 3 or p.circuit.phase == phase
        )
        for phase in ("L1", "L2", "L3")
    )
    busbar = max(main, generation)
    pv = len(sources) > 1
    names = ("batterij en PV" if pv else "batterij", "battery and PV" if pv else "battery")
    notes.step(
        "board.source_placement",
        ("Plaats van de bronnen op de rail", "Where the sources sit on the busbar"),
        (
            f"hoofdschakelaar aan het ene eind, groepen van {names[0]} aan het andere: rail "
            f"≤ max({nl(main)} A, {nl(generation)} A) = {nl(busbar)} A per fase in plaats van "
            f"{nl(main + generation)} A",
            f"main switch at one end, the {names[1]} groups at the "
            f"other: busbar ≤ max({en(main)} A, {en(generation)} A) = {en(busbar)} A per phase "
            f"instead of {en(main + generation)} A",
        ),
        (
            "netvoeding, batterij en PV komen samen op één rail (brochure); elke opwekeenheid "
            "aan de voedende zijde van de beveiligingen van de eindgroepen (NEN 1010:2015 "
            "551.7.1, veron.nl); geen deel van de rail mag meer voeren dan waarvoor het is "
            "gebouwd (IEC 60364-4-43 433.1)",
            "grid, battery and PV meet on one busbar (brochure); every generating unit on the "
            "supply side of the final circuits' protective devices (NEN 1010:2015 551.7.1, "
            "veron.nl); no part of the busbar may carry more than it is built for "
            "(IEC 60364-4-43 433.1)",
        ),
    )
