"""The label strips (groepenstroken) as PDF: per rail, a strip of cells 18 mm a module, each
with the group number, the name and the rating of the device below it, to print at 100 % on
A4 and stick on the board. A rail wider than the page is printed in pieces that join end to
end. The words are the drawing's (:func:`keuzehulp.documents.rail.device_texts`); the
template escapes them, and no user text enters the stylesheet (widths are classes w1-w15).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from weasyprint import CSS, HTML

from keuzehulp.documents.pdf import STATIC_DIR, STRIPS_STYLESHEET, StaticOnlyFetcher
from keuzehulp.documents.rail import device_texts
from sizing.schema import Design, RailSlot

PIECE_MODULES = 15  # 270 mm: what fits across A4 landscape inside 10 mm margins


@dataclass
class Cell:
    width: int
    number: str = ""
    name: str = ""
    rating: str = ""
    spare: bool = False


@dataclass
class Piece:
    title: str
    cells: list[Cell] = field(default_factory=list)

    @property
    def modules(self) -> int:
        return sum(c.width for c in self.cells)


def _cells(slots: list[RailSlot], texts: object) -> list[Cell]:
    cells: list[Cell] = []
    for slot in slots:
        if slot.device == "spare":
            cells += [Cell(1, spare=True) for _place in range(slot.width)]
        else:
            number, name, rating = texts(slot)  # type: ignore[operator]
            cells.append(Cell(min(slot.width, PIECE_MODULES), number, name, rating))
    return cells


def _pieces(title: str, cells: list[Cell]) -> list[Piece]:
    pieces = [Piece(title)]
    for cell in cells:
        if pieces[-1].cells and pieces[-1].modules + cell.width > PIECE_MODULES:
            pieces.append(Piece(title))
        pieces[-1].cells.append(cell)
    if len(pieces) > 1:
        for index, piece in enumerate(pieces, start=1):
            piece.title = _("%(rail)s, deel %(n)s van %(count)s") % {
                "rail": title,
                "n": index,
                "count": len(pieces),
            }
    return pieces


def strips(design: Design, lang: str) -> list[Piece]:
    """The pieces to print, rail by rail; call inside ``translation.override(lang)``."""
    board = design.board
    layout = board.layout if board is not None else None
    if layout is None:
        return []
    texts = device_texts(design, lang=lang, gettext=_)
    pieces: list[Piece] = []
    for index, row in enumerate(layout.rows, start=1):
        title = _("Rail %(n)s") % {"n": index}
        if not row.in_enclosure:
            title += " " + _("(past niet in de kast)")
        pieces += _pieces(title, _cells(row.slots, texts))
    if layout.outside:
        pieces += _pieces(_("Naast de omvormer"), _cells(layout.outside, texts))
    return pieces


def label_strips_pdf(design: Design, *, lang: str = "nl") -> bytes:
    with translation.override(lang):
        html = render_to_string(
            "dossier/strips.html",
            {
                "lang": lang,
                "reference": design.request.project_reference,
                "pieces": strips(design, lang),
            },
        )
    fetcher = StaticOnlyFetcher()
    sheet = CSS(filename=str(STRIPS_STYLESHEET), url_fetcher=fetcher)
    source = HTML(string=html, base_url=str(STATIC_DIR) + "/", url_fetcher=fetcher)
    pdf = source.render(stylesheets=[sheet]).write_pdf()
    assert pdf is not None
    return bytes(pdf)
