"""The single-line diagram (eendraadschema) of a Design as an SVG string.

A pure function of the Design (the inverter's figures, PV inputs among them,
come with it): no Django, no database, no plotting library. Supply along the
top (grid connection, main fuse, kWh meter, main switch, busbar); the board's
RCDs with their groups hang from the busbar, the battery's group first; its
cable drops to the inverter with PV inputs on the left, battery clusters
below and the backup chain to the right. An existing board is drawn grey with
only the new parts in detail. Labels are Dutch unless ``gettext`` translates
them; every circuit is one ``<g class="circuit">``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from keuzehulp.documents import symbols as sym
from keuzehulp.documents.labels import (
    RCD_POLES,
    breaker_label,
    cable_label,
    circuit_purpose,
    household_number,
    main_switch_rating,
    num,
    rcd_label,
)
from sizing.schema import BoardRcd, Circuit, Design

Translate = Callable[[str], str]

UNIT_MM = 0.25  # one drawing unit printed at 100 %: 0.25 mm, so 11 units ≈ 7.8 pt
MAX_WIDTH = 1180.0  # wider boards continue on a further row (A4 landscape at ~0.23 mm/unit)
MARGIN = 20.0
COL = 54.0  # one group column
X_BOX = 234.0  # left edge of the board
X_SWITCH = 290.0
X_BUS = 315.0
X_BLOCKS = 326.0
Y_BUS = 96.0
ROW_PITCH = 232.0
BATTERY_CIRCUITS = ("ac_grid", "backup")
_BRACKET_AT_END = re.compile(r"\s*\([^()]*\)$")


def _same(text: str) -> str:
    return text


def single_line_diagram(
    design: Design,
    *,
    lang: str = "nl",
    gettext: Translate | None = None,
) -> str:
    """The eendraadschema of ``design`` as a standalone SVG document (a string)."""
    return _Diagram(design, lang, gettext or _same).render()


@dataclass
class _Block:
    kind: str  # battery, rcd (new), existing, loose
    width: float
    circuits: list[Circuit] = field(default_factory=list)
    rcd: BoardRcd | None = None
    number: int = 0
    x: float = 0.0
    row: int = 0

    @property
    def column(self) -> float:
        return self.x + COL / 2


class _Diagram:
    def __init__(self, design: Design, lang: str, gettext: Translate):
        self.design = design
        self.lang = lang
        self.t = gettext
        self.inverter = design.inverter
        self.c = sym.Canvas()
        self.circuits = {c.name: c for c in design.circuits}
        board = design.board
        self.existing = board is None or board.mode == "existing"
        self.right = 0.0
        self.bottom = 0.0
        # Group columns widen when a language's labels need it ("Circuit 12" is wider).
        names = [
            sym.text_width(line, sym.SMALL) + 8
            for c in design.circuits
            if household_number(c) is not None
            for line in self._group_lines(c)
        ]
        self.pitch = max([COL, *names])
        self._has_backup = design.request.backup != "none"
        self.backup_blocks: list[_Block] = []

    def extend(self, x: float, y: float) -> None:
        self.right = max(self.right, x)
        self.bottom = max(self.bottom, y)

    # ------------------------------------------------------------------ document

    def render(self) -> str:
        _ = self.t
        blocks = self._blocks()
        rows = self._arrange(blocks)
        self._supply()
        board_bottom = self._board(blocks, rows)
        battery = next((b for b in blocks if b.kind == "battery"), None)
        x_inverter = battery.column if battery else X_BLOCKS + COL / 2
        system_bottom = self._system(x_inverter, board_bottom, battery)
        self._legend(system_bottom + 34)
        width = round(max(self.right, MAX_WIDTH / 2) + MARGIN)
        height = round(self.bottom + MARGIN)
        title = _("Eendraadschema") + (
            f" {self.design.request.project_reference}"
            if self.design.request.project_reference
            else ""
        )
        description = _("Eendraadschema van de thuisbatterij: %(inverter)s") % {
            "inverter": self.design.request.inverter
        }
        return (
            '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" '
            f'viewBox="0 0 {width} {height}" '
            f'width="{width * UNIT_MM:.1f}mm" height="{height * UNIT_MM:.1f}mm" '
            'font-family="DejaVu Sans, Arial, Helvetica, sans-serif" role="img" '
            'aria-labelledby="diagram-title diagram-desc">'
            f'<title id="diagram-title">{sym.xml_text(title)}</title>'
            f'<desc id="diagram-desc">{sym.xml_text(description)}</desc>'
            f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>'
            f'<g stroke="{sym.INK}" stroke-width="1.3" fill="none" stroke-linecap="round">'
            f"{self.c.render()}</g></svg>"
        )

    # ------------------------------------------------------------------ blocks

    def _blocks(self) -> list[_Block]:
        blocks: list[_Block] = []
        used = set(BATTERY_CIRCUITS)
        grid = self.circuits.get("ac_grid")
        if grid is not None:
            width = COL / 2 + 16 + max(sym.text_width(t) for t in self._battery_lines(grid)) + 14
            blocks.append(_Block("battery", max(width, COL), [grid]))
        board = self.design.board
        if board is not None:
            new = old = 0
            for rcd in board.rcds:
                if not rcd.in_enclosure or any(g in BATTERY_CIRCUITS for g in rcd.groups):
                    continue
                members = [self.circuits[g] for g in rcd.groups if g in self.circuits]
                used.update(m.name for m in members)
                # RCDs are numbered as the engine numbers them; an RCBO carries no number.
                number = new + (0 if rcd.is_rcbo or "pv" in rcd.groups else 1)
                if members and all(m.backed_up for m in members) and self._has_backup:
                    # On the load side of the BackupBox (or in the distribution unit): drawn
                    # there, not on the grid busbar (see _backup_groups).
                    new = number
                    self.backup_blocks.append(_Block("rcd", 0, members, rcd, new))
                    continue
                if rcd.is_new:
                    new = number
                    block = _Block("rcd", 0, members, rcd, new)
                else:
                    old += 1
                    block = _Block("existing", 0, members, rcd, old)
                label = max(sym.text_width(t) for t in self._rcd_lines(block))
                block.width = max(len(members) * self.pitch, COL / 2 + 16 + label + 14)
                blocks.append(block)
        for circuit in self.design.circuits:
            if circuit.name not in used:
                blocks.append(_Block("loose", COL + 10, [circuit]))
        return blocks

    def _arrange(self, blocks: list[_Block]) -> int:
        """Place blocks left to right, wrapping rows; later rows leave a lane for the battery."""
        lane = X_BLOCKS + (blocks[0].width if blocks and blocks[0].kind == "battery" else 0)
        x, row = X_BLOCKS, 0
        for index, block in enumerate(blocks):
            starts_row = x in (X_BLOCKS, lane)
            if not starts_row and x + block.width > MAX_WIDTH - MARGIN:
                row += 1
                x = lane
            block.x, block.row = x, row
            x += block.width
            if index == 0 and block.kind == "battery":
                x = max(x, lane)
        return row + 1

    # ------------------------------------------------------------------ supply

    def _supply(self) -> None:
        _ = self.t
        c = self.c
        req = self.design.request
        conn = req.connection
        fuse = f"{conn.phases} × {num(conn.main_fuse_a, self.lang)} A"
        earthing = {"TN-C-S": "TN-C-S", "TT": "TT", "unknown": _("aarding onbekend")}[conn.earthing]
        c.circle(28, Y_BUS, 3.5, fill=sym.INK)
        c.lines_of_text(
            20, Y_BUS - 44, [_("Aansluiting netbeheerder"), f"{fuse} · {earthing}"], bold_first=True
        )
        c.line(31.5, Y_BUS, 90, Y_BUS)
        sym.strokes(c, 60, Y_BUS, conn.phases + 1, horizontal=True)
        c.place(90, Y_BUS, horizontal=True)
        sym.fuse(c)
        c.close()
        c.lines_of_text(
            110, Y_BUS + 24, [_("Hoofdzekering"), fuse], size=sym.SMALL, anchor="middle"
        )
        c.line(130, Y_BUS, 171, Y_BUS)
        c.place(171, Y_BUS, horizontal=True)
        sym.meter(c)
        c.close()
        c.text(190, Y_BUS + 4, "kWh", size=sym.SMALL, anchor="middle")
        c.lines_of_text(190, Y_BUS + 30, [_("kWh-meter")], size=sym.SMALL, anchor="middle")
        if conn.earthing == "TT":
            # The installation's own earth electrode, to the main earthing terminal in the board.
            sym.earth(c, X_BOX - 20, Y_BUS + 60)
            c.line(X_BOX - 20, Y_BUS + 60, X_BOX, Y_BUS + 60, stroke_dasharray="3 2")
            c.lines_of_text(
                X_BOX - 4, Y_BUS + 104, [_("Aardelektrode (TT)")], size=sym.SMALL, anchor="end"
            )
        board = self.design.board
        color = sym.EXISTING if self.existing else sym.INK
        c.line(209, Y_BUS, X_SWITCH - 25, Y_BUS)
        c.open(stroke=color)
        c.place(X_SWITCH - 25, Y_BUS, horizontal=True)
        sym.switch(c)
        c.close()
        c.close()
        rating = main_switch_rating(board, self.design.request.connection.main_fuse_a, self.lang)
        switch = [_("Hoofdschakelaar"), rating if rating is not None else _("(bestaand)")]
        c.lines_of_text(X_SWITCH, Y_BUS - 30, switch, size=sym.SMALL, anchor="middle", color=color)

    # ------------------------------------------------------------------ board

    def _board(self, blocks: list[_Block], rows: int) -> float:
        _ = self.t
        c = self.c
        color = sym.EXISTING if self.existing else sym.INK
        ends = {r: X_BUS + 40 for r in range(rows)}
        for block in blocks:
            ends[block.row] = max(ends[block.row], block.x + block.width)
        lane = next((b.x for b in blocks if b.row > 0), X_BLOCKS)
        for row in range(rows):
            y = Y_BUS + row * ROW_PITCH
            start = X_SWITCH + 25 if row == 0 else lane - 7
            c.line(start, y, ends[row] - 10, y, stroke_width=3.2, stroke=color)
            if row > 0:
                c.line(lane - 7, y - ROW_PITCH, lane - 7, y, stroke_width=3.2, stroke=color)
        bottom = Y_BUS + (rows - 1) * ROW_PITCH + 214
        board = self.design.board
        if board is None:
            title = [_("Groepenkast (niet opgegeven)")]
        elif board.mode == "existing":
            free = board.modules_free if board.modules_free is not None else "?"
            title = [
                _("Bestaande groepenkast"),
                _("nieuw: %(needed)s modules · vrij: %(free)s")
                % {"needed": board.modules_needed, "free": free},
            ]
        else:
            title = [_("Nieuwe groepenkast")]
            if board.enclosure:
                title.append(f"{board.enclosure} · {board.enclosure_article or ''}".strip(" ·"))
        title_width = max(
            sym.text_width(t, sym.SMALL, bold=index == 0) for index, t in enumerate(title)
        )
        right = max(max(ends.values()) + 4, X_SWITCH + 60 + title_width + 30)
        c.rect(
            X_BOX,
            Y_BUS - 58,
            right - X_BOX,
            bottom - (Y_BUS - 58),
            stroke=color,
            stroke_dasharray="6 4",
            stroke_width=1.1,
        )
        c.lines_of_text(
            right - 8, Y_BUS - 40, title, size=sym.SMALL, anchor="end", bold_first=True, color=color
        )
        for block in blocks:
            getattr(self, f"_draw_{block.kind}")(block, Y_BUS + block.row * ROW_PITCH, bottom)
        self.extend(right, bottom)
        return bottom

    def _battery_lines(self, grid: Circuit) -> list[str]:
        _ = self.t
        head = _("Thuisbatterij") + (" " + _("(nieuw)") if self.existing else "")
        rcd = grid.rcd
        if rcd is not None and rcd.is_rcbo:
            return [
                head,
                _("Aardlekautomaat"),
                breaker_label(grid.breaker, self.lang),
                rcd_label(rcd, self.lang),
                grid.phase,
            ]
        if rcd is not None:
            rating = f"{num(rcd.rating_a, self.lang)} A " if rcd.rating_a else ""
            return [
                head,
                _("Aardlekschakelaar"),
                f"{rating}{RCD_POLES.get(rcd.poles, '')}",
                rcd_label(rcd, self.lang),
                grid.phase,
            ]
        return [head, _("Installatieautomaat"), breaker_label(grid.breaker, self.lang), grid.phase]

    def _draw_battery(self, block: _Block, y: float, board_bottom: float) -> None:
        _ = self.t
        c = self.c
        grid = block.circuits[0]
        x = block.column
        c.open(id="circuit-ac_grid", class_="circuit", data_circuit="ac_grid")
        c.line(x, y, x, y + 14)
        c.place(x, y + 14)
        rcd = grid.rcd
        if rcd is not None:
            sym.residual(c, with_overcurrent=rcd.is_rcbo)
        else:
            sym.breaker(c)
        c.close()
        lines = self._battery_lines(grid)
        c.lines_of_text(
            x + 16,
            y + 26,
            lines[:4] if rcd is not None and not rcd.is_rcbo else lines,
            size=sym.FONT,
            bold_first=True,
        )
        low = y + 74 if rcd is not None else y + 64
        if rcd is not None and not rcd.is_rcbo:
            c.line(x, low, x, y + 104)
            c.place(x, y + 104)
            sym.breaker(c)
            c.close()
            c.lines_of_text(
                x + 16,
                y + 120,
                [_("Installatieautomaat"), breaker_label(grid.breaker, self.lang), grid.phase],
            )
            low = y + 154
        # The cable leaves the board and is drawn with the inverter (see _system).
        c.line(x, low, x, board_bottom)
        c.close()

    def _rcd_lines(self, block: _Block) -> list[str]:
        _ = self.t
        rcd = block.rcd
        assert rcd is not None
        if rcd.is_rcbo:
            head = _("Aardlekautomaat")
        elif "pv" in rcd.groups:
            head = _("Aardlekschakelaar PV-groep")
        else:
            head = _("Aardlekschakelaar %(n)s") % {"n": block.number}
        if block.kind == "existing":
            return [head, _("bestaand"), rcd_label(rcd, self.lang)]
        rating = f"{num(rcd.rating_a, self.lang)} A " if rcd.rating_a else ""
        phase = f" · {rcd.phase}" if rcd.phase else ""
        return [head, f"{rating}{RCD_POLES.get(rcd.poles, '')}{phase}", rcd_label(rcd, self.lang)]

    def _rcd_symbol(self, block: _Block, y: float, color: str) -> float:
        c = self.c
        x = block.column
        c.open(class_="rcd", stroke=color)
        c.line(x, y, x, y + 14)
        c.place(x, y + 14)
        sym.residual(c, with_overcurrent=bool(block.rcd and block.rcd.is_rcbo))
        c.close()
        c.lines_of_text(x + 16, y + 26, self._rcd_lines(block), bold_first=True, color=color)
        c.close()
        return x

    def _draw_rcd(self, block: _Block, y: float, board_bottom: float) -> None:
        _ = self.t
        c = self.c
        x = self._rcd_symbol(block, y, sym.INK)
        last = x + (len(block.circuits) - 1) * self.pitch
        c.line(x, y + 74, x, y + 92)
        if len(block.circuits) > 1:
            c.line(x, y + 92, last, y + 92, stroke_width=2.2)
        for index, circuit in enumerate(block.circuits):
            self._group(circuit, x + index * self.pitch, y + 92)

    def _group(self, circuit: Circuit, x: float, y: float) -> None:
        _ = self.t
        c = self.c
        c.open(id=f"circuit-{circuit.name}", class_="circuit", data_circuit=circuit.name)
        if circuit.rcd is not None and circuit.rcd.is_rcbo:
            # Behind an RCBO drawn above: the RCBO is its breaker too.
            c.line(x, y, x, y + 74)
        else:
            c.line(x, y, x, y + 12)
            c.place(x, y + 12)
            sym.breaker(c)
            c.close()
            c.line(x, y + 62, x, y + 74)
        sym.arrow_down(c, x, y + 74)
        c.lines_of_text(x, y + 89, self._group_lines(circuit), size=sym.SMALL, anchor="middle")
        c.close()

    def _group_name(self, circuit: Circuit) -> str:
        _ = self.t
        number = household_number(circuit)
        if number:
            return _("Groep %(n)s") % {"n": number}
        return circuit_purpose(circuit, self.lang)

    def _group_lines(self, circuit: Circuit) -> list[str]:
        """Name, the installer's label (short), breaker and phase under a group's arrow."""
        name = self._group_name(circuit)
        # A circuit without a group number (the PV's) has a longer name: two short lines.
        lines = [name] if household_number(circuit) else sym.wrap(name, 16)
        if len(lines) > 3:  # "(bestaande" cut off mid-bracket: leave the bracket out instead
            lines = sym.wrap(_BRACKET_AT_END.sub("", name), 16)[:3]
        if circuit.label:
            label = circuit.label if len(circuit.label) <= 14 else circuit.label[:13] + "…"
            lines.append(label)
        if circuit.breaker is not None:
            lines.append(breaker_label(circuit.breaker, self.lang).split()[0])
        lines.append(circuit.phase)
        return lines

    def _draw_existing(self, block: _Block, y: float, board_bottom: float) -> None:
        _ = self.t
        c = self.c
        rcd = block.rcd
        assert rcd is not None
        x = self._rcd_symbol(block, y, sym.EXISTING)
        c.open(class_="existing-groups", stroke=sym.EXISTING)
        c.line(x, y + 74, x, y + 150)
        for dx in (-8.0, 0.0, 8.0):
            c.line(x, y + 150, x + dx, y + 162)
        c.close()
        count = len(rcd.groups)
        c.lines_of_text(
            x,
            y + 181,
            [
                _("%(n)s groepen") % {"n": count} if count != 1 else _("1 groep"),
                _("(bestaand)"),
            ],
            size=sym.SMALL,
            anchor="middle",
            color=sym.EXISTING,
        )

    def _draw_loose(self, block: _Block, y: float, board_bottom: float) -> None:
        self.c.line(block.column, y, block.column, y + 92)
        self._group(block.circuits[0], block.column, y + 92)

    # ------------------------------------------------------------------ system

    def _system(self, x: float, top: float, battery: _Block | None) -> float:
        _ = self.t
        c = self.c
        req = self.design.request
        grid = self.circuits.get("ac_grid")
        y_inv = top + 78
        if battery is not None and grid is not None:
            c.open(class_="circuit-cable", data_circuit="ac_grid")
            c.line(x, top, x, y_inv)
            if grid.cable is not None:
                sym.strokes(c, x, top + 12, grid.cable.cores)
            c.lines_of_text(x + 14, top + 26, self._cable_lines(grid), bold_first=True)
            c.close()
        # The inverter: converter symbol on the left, its name on the right.
        left, width, height = x - 40, 200.0, 80.0
        c.rect(left, y_inv, width, height, stroke_width=1.6)
        c.line(x, y_inv, x, y_inv + 12)
        sym.converter(c, x - 28, y_inv + 12, 56)
        c.lines_of_text(x + 40, y_inv + 24, self._inverter_lines(), bold_first=True)
        self.extend(left + width, y_inv + height)
        mid = y_inv + height / 2
        self._pv(left, mid)
        bottom = self._batteries(x, y_inv + height)
        if req.backup != "none":
            bottom = max(bottom, self._backup(left + width, mid, top))
        elif req.shutdown_kit:
            bottom = max(bottom, self._kit(left + width + 40, mid - 20, None))
        return bottom

    def _cable_lines(self, circuit: Circuit) -> list[str]:
        _ = self.t
        cable = circuit.cable
        if cable is None:
            return [_("Kabel niet berekend")]
        lines = [
            cable_label(cable, self.lang),
            f"{num(cable.length_m, self.lang, 1)} m · "
            + _("methode %(m)s") % {"m": cable.method}
            + f" · {cable.insulation}",
            f"Iz {num(cable.iz_a, self.lang, 1)} A",
        ]
        if circuit.voltage_drop_pct is not None:
            lines[-1] += f" · Δu {num(circuit.voltage_drop_pct, self.lang)} %"
        return lines

    def _inverter_lines(self) -> list[str]:
        _ = self.t
        lines = [self.design.request.inverter]
        inv = self.inverter
        if inv is not None:
            power = num(inv.power_kw, self.lang)
            phases = _("3-fase") if inv.phases == 3 else _("1-fase")
            lines.append(f"{power} kW · {phases}")
            lines.append(_("hybride omvormer") if inv.has_pv_input else _("AC-omvormer"))
        else:
            lines.append(_("omvormer"))
        return lines

    def _pv(self, left: float, mid: float) -> None:
        _ = self.t
        c = self.c
        inv = self.inverter
        if inv is not None and not inv.has_pv_input:
            return
        count = inv.mppt_count if inv is not None and inv.mppt_count else 1
        shown = min(count, 3)
        for index in range(shown):
            y = mid + (index - (shown - 1) / 2) * 30
            box_x = left - 72
            sym.pv_generator(c, box_x, y - 11)
            c.line(box_x + 34, y, left, y)
            if inv is None or not inv.mppt_count:
                label = _("PV-ingangen")
            elif index == shown - 1 and count > shown:
                label = f"PV {shown}–{count}"
            else:
                label = f"PV {index + 1}"
            c.text(box_x - 18, y + 4, label, size=sym.SMALL, anchor="end")

    def _batteries(self, x: float, top: float) -> float:
        _ = self.t
        c = self.c
        summary = self.design.battery
        if summary is not None and summary.clusters:
            clusters = [(n, summary.module) for n in summary.clusters]
        else:
            clusters = [(b.count, b.module) for b in self.design.request.batteries]
        pitch = 170.0
        y_dc = top + 22
        c.line(x, top, x, y_dc)
        first = x - (len(clusters) - 1) * pitch / 2
        if len(clusters) > 1:
            c.line(first, y_dc, first + (len(clusters) - 1) * pitch, y_dc, stroke_width=2.2)
        y = y_dc
        for index, (count, module) in enumerate(clusters):
            cx = first + index * pitch
            c.line(cx, y_dc, cx, y_dc + 8)
            sym.cell(c, cx, y_dc + 8)
            y = c.lines_of_text(
                cx,
                y_dc + 56,
                [
                    _("Cluster %(n)s") % {"n": index + 1} if len(clusters) > 1 else _("Batterij"),
                    f"{count} × {module}",
                ],
                size=sym.SMALL,
                anchor="middle",
                bold_first=True,
            )
            self.extend(cx + sym.text_width(f"{count} × {module}", sym.SMALL) / 2, y)
        if summary is not None:
            y = c.lines_of_text(
                x,
                y + 4,
                [
                    _("%(usable)s kWh bruikbaar · %(nominal)s kWh nominaal")
                    % {
                        "usable": num(summary.usable_kwh, self.lang),
                        "nominal": num(summary.nominal_kwh, self.lang),
                    }
                ],
                size=sym.SMALL,
                anchor="middle",
            )
        return y

    def _backup(self, start: float, y: float, board_bottom: float) -> float:
        _ = self.t
        c = self.c
        circuit = self.circuits.get("backup")
        x_prot = start + 90
        if circuit is not None:
            c.open(id="circuit-backup", class_="circuit", data_circuit="backup")
        else:  # not planned (a design with errors): the chain is drawn, but it is no circuit
            c.open(class_="backup-chain")
        c.line(start, y, x_prot, y)
        c.text(start + 6, y + 15, _("Backup-poort"), size=sym.SMALL)
        if circuit is not None and circuit.cable is not None:
            sym.strokes(c, start + 22, y, circuit.cable.cores, horizontal=True)
        c.place(x_prot, y, horizontal=True)
        if circuit is not None and circuit.rcd is not None:
            sym.residual(c, with_overcurrent=circuit.breaker is not None)
        else:
            sym.breaker(c)
        c.close()
        lines = [_("Backup-beveiliging")]
        if circuit is not None:
            lines += [breaker_label(circuit.breaker, self.lang), rcd_label(circuit.rcd, self.lang)]
        c.lines_of_text(
            x_prot + 30, y - 46, lines, size=sym.SMALL, anchor="middle", bold_first=True
        )
        x_box = x_prot + 60 + 150
        c.line(x_prot + 60, y, x_box, y)
        if circuit is not None and circuit.cable is not None:
            cable = self._cable_lines(circuit)
        else:
            cable = [_("vaste kabel"), _("(meegeleverd)")]
        c.lines_of_text(x_prot + 70, y + 16, cable, size=sym.SMALL, bold_first=True)
        c.close()
        box_w, box_h = 150.0, 64.0
        unit = self._bom_text("backup") or (
            "BackupBox" if self.design.request.backup == "backup_box" else _("Verdeelunit")
        )
        c.rect(x_box, y - box_h / 2, box_w, box_h, stroke_width=1.6)
        lines = sym.wrap(unit, 22)[:3]
        c.lines_of_text(
            x_box + box_w / 2,
            y - box_h / 2 + 16,
            lines,
            size=sym.SMALL,
            anchor="middle",
            bold_first=True,
        )
        if self.design.request.backup == "backup_box":
            self._box_grid_side(x_box + box_w / 2, y - box_h / 2, board_bottom)
        # The backup loads hang below the unit: the backed-up groups when they were named.
        loads_top = y + box_h / 2
        if self.backup_blocks:
            bottom = self._backup_groups(x_box + box_w / 2, loads_top)
        else:
            c.line(x_box + box_w / 2, loads_top, x_box + box_w / 2, loads_top + 24)
            sym.arrow_down(c, x_box + box_w / 2, loads_top + 24)
            bottom = c.lines_of_text(
                x_box + box_w / 2,
                loads_top + 40,
                [_("Noodstroomverbruikers")],
                size=sym.SMALL,
                anchor="middle",
            )
        self.extend(x_box + box_w, bottom)
        if self.design.request.shutdown_kit:
            bottom = max(bottom, self._kit(x_prot - 20, y + 70, (x_box, y + box_h / 2 - 8)))
        return bottom

    def _box_grid_side(self, x: float, top: float, board_bottom: float) -> None:
        """The BackupBox is a transfer switch: its grid side is fed from the board's busbar,
        through the protection planned ahead of it when the main fuse is larger than the box."""
        _ = self.t
        c = self.c
        c.open(class_="backup-grid-side")
        c.line(x, board_bottom, x, top, stroke_dasharray="6 3")
        lines = [_("Netzijde BackupBox"), _("vanuit de groepenkast")]
        step = next((s for s in self.design.trace if s.key == "backup.box_protection"), None)
        if any(f.code == "backup.box_upstream_protection" for f in self.design.findings):
            mid = (board_bottom + top) / 2 - 25
            c.place(x, mid)
            sym.breaker(c)
            c.close()
        if step is not None:
            value = step.value_en if self.lang == "en" and step.value_en else step.value
            lines += sym.wrap(value, 34)[:3]
        c.lines_of_text(x + 12, board_bottom + 16, lines, size=sym.SMALL, bold_first=True)
        c.close()

    def _backup_groups(self, x: float, top: float) -> float:
        """The backed-up groups on the unit's load side: a small busbar with their RCDs."""
        _ = self.t
        c = self.c
        y_bus = top + 30
        c.line(x, top, x, y_bus)
        c.text(x + 8, top + 18, _("Lastzijde: groepen op noodstroom"), size=sym.SMALL)
        start = x
        positions = []
        for block in self.backup_blocks:
            label = max(sym.text_width(t) for t in self._rcd_lines(block))
            block.width = max(len(block.circuits) * self.pitch, COL / 2 + 16 + label + 14)
            block.x = start - COL / 2
            positions.append(block)
            start += block.width
        last = positions[-1].column if positions else x
        c.line(x, y_bus, max(last, x), y_bus, stroke_width=3.2)
        bottom = y_bus
        for block in positions:
            self._draw_rcd(block, y_bus, y_bus)
            bottom = max(bottom, y_bus + 92 + 130)
            self.extend(block.x + block.width, bottom)
        return bottom

    def _kit(self, x: float, y: float, link: tuple[float, float] | None) -> float:
        _ = self.t
        c = self.c
        text = self._bom_text("shutdown_kit") or _("Afschakelset")
        lines = [_("Afschakelset"), *sym.wrap(text, 26)[:2]]
        width = max(sym.text_width(t, sym.SMALL) for t in lines) + 20
        c.rect(x, y, width, 52, stroke_width=1.3)
        c.lines_of_text(x + 10, y + 15, lines, size=sym.SMALL, bold_first=True)
        if link is not None:
            c.polyline(
                [
                    (x + width, y + 26),
                    (link[0] - 14, y + 26),
                    (link[0] - 14, link[1]),
                    (link[0], link[1]),
                ],
                stroke_dasharray="4 3",
            )
        self.extend(x + width, y + 52)
        return y + 52

    def _bom_text(self, category: str) -> str:
        line = next((b for b in self.design.bom if b.category == category), None)
        if line is None:
            return ""
        text = (
            line.description_en if self.lang == "en" and line.description_en else (line.description)
        )
        return f"{text} ({line.article})"

    # ------------------------------------------------------------------ legend

    def _legend(self, y: float) -> None:
        _ = self.t
        c = self.c
        items: list[tuple[str, Callable[[sym.Canvas], float]]] = [
            (_("Smeltveiligheid"), sym.fuse),
            (_("Hoofdschakelaar"), sym.switch),
            (_("Installatieautomaat"), sym.breaker),
            (_("Aardlekschakelaar"), lambda cv: sym.residual(cv, with_overcurrent=False)),
            (_("Aardlekautomaat"), lambda cv: sym.residual(cv, with_overcurrent=True)),
        ]
        c.text(MARGIN, y, _("Legenda"), size=sym.SMALL, bold=True)
        x = MARGIN + 60
        for label, draw in items:
            c.place(x, y - 4, horizontal=True)
            length = draw(c)
            c.close()
            c.text(x + length + 6, y, label, size=sym.SMALL)
            x += length + 12 + sym.text_width(label, sym.SMALL) + 16
        c.line(x, y - 4, x + 30, y - 4, stroke=sym.EXISTING)
        c.text(x + 36, y, _("grijs = bestaand"), size=sym.SMALL, color=sym.EXISTING)
        x += 36 + sym.text_width(_("grijs = bestaand"), sym.SMALL)
        self.extend(x, y + 20)
