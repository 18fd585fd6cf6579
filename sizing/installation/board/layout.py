"""The groepenkast's front view: which device sits where on which DIN rail.

A block is what must stay on one rail: the main switch, an RCD with the breakers of its
groups, an RCBO. Blocks are packed first-fit-decreasing, the same rule the enclosure was
chosen by (:func:`fits`), so a board that got an enclosure always gets its layout; on each
rail the blocks then stand in the board's own order (main switch first, the RCDs as the
design lists them). Free places at the end of a rail are the spare places. Widths come from
the catalogue by article; a device the catalogue does not know is drawn one module per pole
and says so (``width_is_default``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from sizing import tables
from sizing.constants import EPSILON
from sizing.domain import Catalog, Enclosure
from sizing.notes import Notes, both
from sizing.schema import BoardDesign, BoardLayout, BoardRcd, Circuit, RailRow, RailSlot


def pack(widths: Sequence[int], per_row: int) -> list[list[int]]:
    """Indices of ``widths`` per rail, first-fit-decreasing on rails of ``per_row`` places;
    a block wider than a rail gets a rail of its own (which it overfills)."""
    rows: list[list[int]] = []
    used: list[int] = []
    for index in sorted(range(len(widths)), key=lambda i: (-widths[i], i)):
        width = widths[index]
        for row, taken in enumerate(used):
            if taken + width <= per_row:
                rows[row].append(index)
                used[row] += width
                break
        else:
            rows.append([index])
            used.append(width)
    return [sorted(row) for row in rows]


def fits(widths: Sequence[int], rows: int, per_row: int) -> bool:
    return all(w <= per_row for w in widths) and len(pack(widths, per_row)) <= rows


def missing_places(widths: Sequence[int], rows: int, per_row: int) -> int:
    """The places of the blocks that find no room on the ``rows`` rails: at least what the
    devices take beyond the enclosure's places, more when a block does not fit a rail's rest."""
    packed = pack(widths, per_row)
    inside = [i for row in packed[:rows] for i in row if widths[i] <= per_row]
    return sum(widths) - sum(widths[i] for i in inside)


def spare_places(modules: int, fraction: float) -> int:
    """The places a new board keeps free: ``fraction`` of what its devices take, rounded up."""
    # Rounded to whole millimodules first, so 0.2 × 25 is 5 and not 6 from float noise.
    return math.ceil(round(modules * fraction, 3))


def spare_step(fraction: float, needed: int, spare: int, places: int, notes: Notes) -> None:
    """The trace says how many places the spare fraction asked and how many the board has."""
    rule = tables.rule("spare_fraction")
    notes.step(
        "board.spare",
        ("Reserveplaatsen", "Spare places"),
        both(
            lambda n: (
                f"{n(fraction * 100)} % × {needed} = {spare} "
                f"{n.t('plaatsen gevraagd', 'places asked')}; "
                f"{n.t('vrij in de kast', 'free in the enclosure')}: {places - needed}"
            )
        ),
        rule.bases
        if abs(fraction - float(rule.value)) < EPSILON
        else ("opgegeven in de ontwerpopties", "given in the design options"),
    )


def lay_out(
    board: BoardDesign,
    circuits: list[Circuit],
    catalog: Catalog,
    *,
    free_modules: int = 0,
    spare_fraction: float = 0.0,
    outside_board: frozenset[str] = frozenset(),
) -> BoardLayout:
    """The front view of a new board in its enclosure, or of the new devices in an existing
    board's ``free_modules`` places; the circuits named in ``outside_board`` (the backup port's
    protection, next to the inverter) are drawn beside it."""
    blocks, outside = _blocks(board, circuits, catalog, outside_board)
    widths = _block_widths(blocks)
    used = sum(widths)
    if board.mode == "new":
        enclosure = _enclosure_of(board, catalog)
        rows, per_row = (enclosure.rows, enclosure.modules_per_row) if enclosure else (0, 0)
        wanted = spare_places(used, spare_fraction)
    else:
        rows, per_row, wanted = 1, free_modules, 0
    packed = pack(widths, per_row) if per_row else []
    # A block wider than a rail is packed alone on one; it belongs with the blocks that lack room.
    inside = [[i for i in row if widths[i] <= per_row] for row in packed[:rows]]
    inside += [[] for _ in range(rows - len(inside))]
    placed = {i for row in inside for i in row}
    extra = [i for i in range(len(blocks)) if i not in placed]
    # The rail that holds the main switch first, then the others as the board lists them.
    inside.sort(key=lambda row: min(row, default=len(blocks)))
    _sources_last(blocks, widths, inside, per_row)
    layout_rows = [_rail(blocks, row, per_row, inside=True) for row in inside]
    overflow_width = max([per_row, *(widths[i] for i in extra)])
    for row in pack([widths[i] for i in extra], overflow_width) if extra else []:
        layout_rows.append(_rail(blocks, [extra[i] for i in row], overflow_width, inside=False))
    spare = sum(s.width for r in layout_rows if r.in_enclosure for s in r.slots if _free(s))
    return BoardLayout(
        rows=layout_rows,
        outside=outside,
        modules_used=used,
        spare_modules=spare,
        spare_wanted=wanted,
        # The free places of an existing board are one run: what it lacks is what it must grow.
        missing_modules=(
            sum(widths[i] for i in extra) if board.mode == "new" else max(0, used - free_modules)
        ),
    )


# The circuits that feed the busbar besides the grid (new.py, board.source_placement).
SOURCES = frozenset({"ac_grid", "pv"})


def block_widths(
    board: BoardDesign,
    circuits: list[Circuit],
    catalog: Catalog,
    *,
    outside_board: frozenset[str] = frozenset(),
) -> list[int]:
    """The places of each block the layout draws in the board, each of which stays on one
    rail: what a new board's enclosure is chosen for (new.py)."""
    return _block_widths(_blocks(board, circuits, catalog, outside_board)[0])


def _block_widths(blocks: list[list[RailSlot]]) -> list[int]:
    return [sum(slot.width for slot in block) for block in blocks]


def _sources_last(
    blocks: list[list[RailSlot]], widths: list[int], rows: list[list[int]], per_row: int
) -> None:
    """Keep the battery's and the PV's blocks off the main switch's rail: the busbar is then
    fed from both ends and no section carries the grid's and the sources' current together.
    Within a rail the blocks keep the board's order, which lists the sources last, so they sit
    at the far end of whichever later rail holds them."""
    if len(rows) < 2:
        return
    first = rows[0]
    for index in list(first):
        if not any(slot.circuit in SOURCES for slot in blocks[index]):
            continue
        for row in reversed(rows[1:]):
            room = per_row - sum(widths[i] for i in row)
            if widths[index] <= room:
                first.remove(index)
                row.append(index)
                break
            # Else trade places with an ordinary block that fits where the source was.
            left = per_row - sum(widths[i] for i in first) + widths[index]
            other = next(
                (
                    o
                    for o in row
                    if not any(slot.circuit in SOURCES for slot in blocks[o])
                    and widths[index] <= room + widths[o]
                    and widths[o] <= left
                ),
                None,
            )
            if other is not None:
                first.remove(index)
                row.remove(other)
                first.append(other)
                row.append(index)
                break


def _free(slot: RailSlot) -> bool:
    return slot.device == "spare"


def _rail(
    blocks: list[list[RailSlot]], indices: list[int], per_row: int, *, inside: bool
) -> RailRow:
    slots: list[RailSlot] = []
    start = 0
    for index in sorted(indices):
        for slot in blocks[index]:
            slot.start = start
            slots.append(slot)
            start += slot.width
    if inside and start < per_row:
        slots.append(RailSlot(device="spare", start=start, width=per_row - start))
    return RailRow(modules=per_row, slots=slots, in_enclosure=inside)


def _enclosure_of(board: BoardDesign, catalog: Catalog) -> Enclosure | None:
    """The chosen enclosure; none chosen (nothing fits): the largest, to show what is lacking."""
    chosen = catalog.product(board.enclosure_article) if board.enclosure_article else None
    if isinstance(chosen, Enclosure):
        return chosen
    return max(catalog.enclosures, key=lambda e: (e.modules, e.rows), default=None)


def _width(catalog: Catalog, article: str | None, poles: int) -> tuple[int, bool]:
    """The device's width from the catalogue, or one module per pole (design_rules.json
    module_width_unknown) and True."""
    product = catalog.product(article) if article else None
    width = getattr(product, "module_width", None)
    if isinstance(width, int) and width > 0:
        return width, False
    return max(poles, 1), True


def _number(circuit: Circuit) -> int | None:
    if circuit.number is not None:
        return circuit.number
    prefix = "household_"
    tail = circuit.name[len(prefix) :] if circuit.name.startswith(prefix) else ""
    return int(tail) if tail.isdigit() else None


def _labels(circuit: Circuit) -> tuple[str, str]:
    if circuit.label:
        return circuit.label, circuit.label
    number = _number(circuit)
    if number is not None:
        return f"Groep {number}", f"Circuit {number}"
    if circuit.name == "ac_grid":
        return "Thuisbatterij", "Home battery"
    if circuit.name == "pv":  # the purpose is too long for a label on one module
        return "PV-installatie", "PV system"
    if circuit.name == "backup":
        return "Noodstroom", "Backup"
    return circuit.purpose_nl, circuit.purpose_en


def _protection(
    circuit: Circuit, catalog: Catalog, rcd_index: int | None, device: str, article: str | None
) -> RailSlot:
    poles = circuit.breaker.poles if circuit.breaker else (circuit.rcd.poles if circuit.rcd else 1)
    width, default = _width(catalog, article, poles)
    if device == "breaker" and circuit.phases == 2 and not default:
        width *= 2  # a two-phase group: two coupled 1P+N breakers of this article
    nl, en = _labels(circuit)
    return RailSlot(
        device=device,  # type: ignore[arg-type]  # "breaker" or "rcbo"
        width=width,
        label=nl,
        label_en=en,
        circuit=circuit.name,
        group=_number(circuit),
        rcd_index=rcd_index,
        article=article,
        width_is_default=default,
    )


def _rcd_block(
    index: int, rcd: BoardRcd, members: list[Circuit], catalog: Catalog
) -> list[RailSlot]:
    if rcd.is_rcbo:
        return [_protection(c, catalog, index, "rcbo", rcd.article) for c in members[:1]]
    width, default = _width(catalog, rcd.article, rcd.poles)
    numbers = [n for n in (_number(c) for c in members) if n is not None]
    head = RailSlot(
        device="rcd",
        width=width,
        label=rcd.label,
        groups=numbers,
        rcd_index=index,
        article=rcd.article,
        width_is_default=default,
    )
    breakers = [
        _protection(c, catalog, index, "breaker", c.breaker.article if c.breaker else None)
        for c in members
    ]
    return [head, *breakers]


def _blocks(
    board: BoardDesign, circuits: list[Circuit], catalog: Catalog, outside_board: frozenset[str]
) -> tuple[list[list[RailSlot]], list[RailSlot]]:
    """The blocks in the board's order, and the devices beside it."""
    by_name = {c.name: c for c in circuits}
    blocks: list[list[RailSlot]] = []
    outside: list[RailSlot] = []
    if board.mode == "new" and board.main_switch_poles:
        width, default = _width(catalog, board.main_switch_article, board.main_switch_poles)
        blocks.append(
            [
                RailSlot(
                    device="main_switch",
                    width=width,
                    label="Hoofdschakelaar",
                    label_en="Main switch",
                    article=board.main_switch_article,
                    width_is_default=default,
                )
            ]
        )
    if board.mode == "new" and board.surge_protection_poles:
        poles = board.surge_protection_poles
        width, default = _width(catalog, board.surge_protection_article, poles)
        spd = RailSlot(
            device="surge_protection",
            width=width,
            label="Overspanning",
            label_en="Surge protection",
            article=board.surge_protection_article,
            width_is_default=default,
        )
        # Wired straight behind the main switch: one block with it, on its rail.
        if blocks:
            blocks[0].append(spd)
        else:
            blocks.append([spd])
    covered: set[str] = set()
    for index, rcd in enumerate(board.rcds):
        covered.update(rcd.groups)
        if not rcd.is_new:
            continue
        members = [by_name[g] for g in rcd.groups if g in by_name]
        block = _rcd_block(index, rcd, members, catalog)
        if not block:
            continue
        if rcd.in_enclosure:
            blocks.append(block)
        else:
            outside.extend(block)
    for circuit in circuits:
        if circuit.name in covered or circuit.breaker is None:
            continue
        slot = _protection(circuit, catalog, None, "breaker", circuit.breaker.article)
        if circuit.name in outside_board:
            outside.append(slot)
        else:
            blocks.append([slot])
    for slot in outside:
        slot.start = 0
    return blocks, outside
