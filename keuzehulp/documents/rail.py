"""The front view of the groepenkast (kastindeling) as an SVG string: the engine's rail layout
drawn, not recomputed.

Each rail is a row of module places, 18 drawing units a module; every device is a box as wide
as its modules with its group number, its name (turned a quarter, as on the label strip) and
its rating; free places are dashed and read "reserve". Devices that do not fit are drawn on a
red rail below the enclosure, devices beside the inverter on a rail of their own. All text is
escaped by :mod:`keuzehulp.documents.symbols`; nothing the user typed reaches an attribute.
"""

from __future__ import annotations

from collections.abc import Callable

from keuzehulp.documents import commissioning
from keuzehulp.documents import symbols as sym
from keuzehulp.documents.labels import main_switch_rating, num, rcd_label
from sizing.schema import BoardLayout, Circuit, Design, RailRow, RailSlot

Translate = Callable[[str], str]

MODULE = 18.0  # one module place, in drawing units of 0.5 mm at 100 %
UNIT_MM = 0.5
HEIGHT = 96.0  # a device
ROW_PITCH = 124.0
MARGIN = 20.0
TOP = 64.0
FAULT = "#b3261e"
FONT = 7.5
TEXT_CHARS = 15  # what a quarter-turned name holds between the top and bottom texts


def _same(text: str) -> str:
    return text


def runs(numbers: list[int]) -> str:
    """'1–4, 7' for 1, 2, 3, 4, 7: an RCD's groups in the few characters a label has."""
    parts: list[str] = []
    for number in sorted(numbers):
        if parts and parts[-1].split("–")[-1] == str(number - 1):
            parts[-1] = f"{parts[-1].split('–')[0]}–{number}"
        else:
            parts.append(str(number))
    return ", ".join(parts)


def slot_label(slot: RailSlot, lang: str) -> str:
    return slot.label_en if lang == "en" and slot.label_en else slot.label


def rail_layout_svg(design: Design, *, lang: str = "nl", gettext: Translate | None = None) -> str:
    """The kastindeling of ``design`` as a standalone SVG document; a note when it has none."""
    return _Front(design, lang, gettext or _same).render()


class _Front:
    def __init__(self, design: Design, lang: str, gettext: Translate) -> None:
        self.design = design
        self.lang = lang
        self.t = gettext
        self.c = sym.Canvas()
        self.circuits: dict[str, Circuit] = {c.name: c for c in design.circuits}
        self.numbers = commissioning.rcd_numbers(design)
        self.width = 400.0
        self.bottom = TOP

    def render(self) -> str:
        _ = self.t
        board = self.design.board
        layout = board.layout if board is not None else None
        if layout is None:
            self.c.text(MARGIN, TOP, _("Geen groepenkast opgegeven: geen kastindeling."))
            self.bottom = TOP + 20
        else:
            self._board(layout)
        width = round(self.width + 2 * MARGIN)
        height = round(self.bottom + MARGIN)
        title = _("Kastindeling") + (
            f" {self.design.request.project_reference}"
            if self.design.request.project_reference
            else ""
        )
        return (
            '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" '
            f'viewBox="0 0 {width} {height}" '
            f'width="{width * UNIT_MM:.1f}mm" height="{height * UNIT_MM:.1f}mm" '
            'font-family="DejaVu Sans, Arial, Helvetica, sans-serif" role="img" '
            'aria-labelledby="layout-title">'
            f'<title id="layout-title">{sym.xml_text(title)}</title>'
            f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>'
            f'<g stroke="{sym.INK}" stroke-width="0.8" fill="none">{self.c.render()}</g></svg>'
        )

    def _heading(self, layout: BoardLayout) -> list[str]:
        _ = self.t
        board = self.design.board
        assert board is not None
        if board.mode == "new":
            head = _("Nieuwe groepenkast")
            if board.enclosure:
                head += f" {board.enclosure} ({board.enclosure_article or ''})"
        else:
            head = _("Bestaande groepenkast: de nieuwe apparaten in de vrije plaatsen")
        facts = _("%(used)s modules bezet, %(spare)s reserve") % {
            "used": layout.modules_used,
            "spare": layout.spare_modules,
        }
        if layout.spare_wanted:
            facts += " " + _("(gevraagd: %(n)s)") % {"n": layout.spare_wanted}
        lines = [head, facts]
        if layout.missing_modules:
            lines.append(_("Past niet: %(n)s plaatsen te weinig") % {"n": layout.missing_modules})
        return lines

    def _board(self, layout: BoardLayout) -> None:
        _ = self.t
        c = self.c
        c.lines_of_text(MARGIN, 24, self._heading(layout), size=sym.SMALL, bold_first=True)
        y = TOP
        inside = [r for r in layout.rows if r.in_enclosure]
        if inside:
            wide = max(r.modules for r in inside) * MODULE
            height = len(inside) * ROW_PITCH - (ROW_PITCH - HEIGHT) + 24
            c.rect(MARGIN - 8, y - 12, wide + 16, height, stroke_width=1.4)
            self.width = max(self.width, wide)
        for row in layout.rows:
            if not row.in_enclosure:
                y += 14
                c.text(MARGIN, y, _("Past niet in de kast:"), size=sym.SMALL, color=FAULT)
                y += 12
            self._rail(row, y, FAULT if not row.in_enclosure else sym.INK)
            y += ROW_PITCH
        if layout.outside:
            c.text(MARGIN, y, _("Naast de omvormer (buiten de groepenkast):"), size=sym.SMALL)
            y += 12
            modules = sum(s.width for s in layout.outside)
            start = 0
            for slot in layout.outside:
                self._device(slot.model_copy(update={"start": start}), y, sym.INK)
                start += slot.width
            self.width = max(self.width, modules * MODULE)
            y += ROW_PITCH
        self.bottom = y

    def _rail(self, row: RailRow, y: float, color: str) -> None:
        c = self.c
        wide = max(row.modules, sum(s.width for s in row.slots)) * MODULE
        # The DIN rail behind the devices, and a tick per module place.
        c.rect(MARGIN, y + HEIGHT / 2 - 4, wide, 8, fill="#e6e6e6", stroke="#9a9a9a")
        for place in range(row.modules + 1):
            x = MARGIN + place * MODULE
            c.line(x, y - 6, x, y - 2, stroke="#9a9a9a")
        self.width = max(self.width, wide)
        for slot in row.slots:
            if slot.device == "spare":
                self._spare(slot, y)
            else:
                self._device(slot, y, color)

    def _spare(self, slot: RailSlot, y: float) -> None:
        _ = self.t
        for place in range(slot.start, slot.start + slot.width):
            x = MARGIN + place * MODULE
            self.c.rect(
                x + 1,
                y,
                MODULE - 2,
                HEIGHT,
                stroke="#9a9a9a",
                stroke_dasharray="3 2",
                fill="#ffffff",
            )
            self._turned(x + MODULE / 2, y + HEIGHT / 2, _("reserve"), "#8c8c8c")

    def _device(self, slot: RailSlot, y: float, color: str) -> None:
        c = self.c
        x = MARGIN + slot.start * MODULE
        width = slot.width * MODULE
        c.open(class_=f"device {slot.device}")
        c.rect(x + 1, y, width - 2, HEIGHT, stroke=color, fill="#ffffff", stroke_width=1.1)
        top, name, bottom = self._texts(slot)
        c.text(x + width / 2, y + 11, top, size=FONT + 1, anchor="middle", bold=True, color=color)
        self._turned(x + width / 2, y + HEIGHT / 2 + 2, name, color)
        c.text(x + width / 2, y + HEIGHT - 5, bottom, size=FONT - 1.5, anchor="middle", color=color)
        c.close()

    def _turned(self, x: float, y: float, text: str, color: str) -> None:
        short = text if len(text) <= TEXT_CHARS else text[: TEXT_CHARS - 1] + "…"
        self.c.text(
            x + FONT / 3,
            y,
            short,
            size=FONT,
            anchor="middle",
            color=color,
            transform=f"rotate(-90 {x + FONT / 3:.1f} {y:.1f})",
        )

    def _texts(self, slot: RailSlot) -> tuple[str, str, str]:
        """The group number (or short name), the name and the rating of a device."""
        _ = self.t
        board = self.design.board
        rcd = (
            board.rcds[slot.rcd_index] if board is not None and slot.rcd_index is not None else None
        )
        circuit = self.circuits.get(slot.circuit or "")
        if slot.device == "main_switch":
            main_fuse = self.design.request.connection.main_fuse_a
            rating = main_switch_rating(board, main_fuse, self.lang)
            return _("HS"), _("Hoofdschakelaar"), rating or "—"
        if slot.device == "surge_protection":
            poles = "1+1" if board is not None and board.surge_protection_poles == 2 else "3+1"
            return (
                _("SPD"),
                # "Overspanning", as installers label it: the full word does not fit a device.
                slot_label(slot, self.lang),
                _("type 2, %(poles)s") % {"poles": poles},
            )
        if slot.device == "rcd" and rcd is not None:
            if slot.groups:
                name = _("groep %(numbers)s") % {"numbers": runs(slot.groups)}
            else:
                name = commissioning.rcd_name(rcd, self.numbers, self.lang)
            rcd_number = self.numbers.get(id(rcd))
            return (
                _("ALS") + (f" {rcd_number}" if rcd_number else ""),
                name,
                f"{num(rcd.sensitivity_ma, self.lang)} mA {rcd.type}",
            )
        number = str(slot.group) if slot.group is not None else ""
        rating = ""
        if circuit is not None and circuit.breaker is not None:
            rating = f"{circuit.breaker.curve}{num(circuit.breaker.rating_a, self.lang)}"
        if slot.device == "rcbo" and rcd is not None:
            rating = f"{rating} {rcd_label(rcd, self.lang).replace(' type ', ' ')}".strip()
        return number, slot_label(slot, self.lang), rating


def device_texts(
    design: Design, *, lang: str, gettext: Translate
) -> Callable[[RailSlot], tuple[str, str, str]]:
    """(number or short name, name, rating) per device, as the drawing writes them: the label
    strips print the same words."""
    return _Front(design, lang, gettext)._texts
