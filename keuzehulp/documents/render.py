"""One way from a Design to its documents: dossier (PDF), diagram (SVG), order list (CSV),
kastindeling (SVG) and label strips (PDF).

The download views, ``manage.py dossier`` and the benchmarks all call
:func:`render_dossier`, so each prints the same from the same Design, and
from nothing beside it: everything the documents show travels in the Design.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from django.utils import translation
from django.utils.translation import gettext as _

from keuzehulp.documents.orderlist import order_list_csv
from keuzehulp.documents.pdf import render_pdf
from keuzehulp.documents.rail import rail_layout_svg
from keuzehulp.documents.strips import label_strips_pdf
from keuzehulp.documents.svg import single_line_diagram
from sizing.schema import Design

# layout: the kastindeling (SVG); labels: the label strips to stick on the board (PDF).
Kind = Literal["pdf", "svg", "csv", "layout", "labels"]


def render_dossier(
    design: Design,
    kind: Kind = "pdf",
    *,
    lang: str = "nl",
    installer: str = "",
    today: date | None = None,
    report: dict[str, Any] | None = None,
) -> bytes:
    """The ``kind`` document of ``design`` in ``lang`` (nl or en), as bytes to send or write.

    ``installer`` and ``today`` appear on the PDF's cover only; ``report`` (the latest
    finalised test report's payload) only in the PDF's section of measured values.
    """
    with translation.override(lang):
        if kind == "pdf":
            return render_pdf(design, lang=lang, installer=installer, today=today, report=report)
        if kind == "svg":
            return single_line_diagram(design, lang=lang, gettext=_).encode("utf-8")
        if kind == "layout":
            return rail_layout_svg(design, lang=lang, gettext=_).encode("utf-8")
        if kind == "labels":
            return label_strips_pdf(design, lang=lang)
        if kind == "csv":
            return order_list_csv(design.bom, lang=lang, gettext=_).encode("utf-8")
    raise ValueError(f"no such document: {kind}")
