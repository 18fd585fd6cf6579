"""A tiny SVG canvas and the IEC 60617 symbols of the single-line diagram.

Hand-built strings rather than ElementTree: the output is plain SVG in the
default namespace (no ``ns0:`` prefixes), valid XML, and embeds in HTML, in an
``<img>`` data URI and in WeasyPrint alike. Symbols are drawn along a vertical
conductor in local coordinates (0, 0) → (0, length); :meth:`Canvas.place`
rotates them for a horizontal run. Attributes carry the styling (no CSS), so
every renderer draws the same.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from xml.sax.saxutils import escape, quoteattr

from sizing.text import one_line

INK = "#111111"
EXISTING = "#8c8c8c"
ACCENT = "#0b5cad"
FONT = 11.0
SMALL = 10.0
CHAR = 0.6  # average advance of DejaVu Sans / Arial per em, slightly generous


def text_width(text: str, size: float = FONT, *, bold: bool = False) -> float:
    return len(text) * size * CHAR * (1.1 if bold else 1.0)


def wrap(text: str, limit: int) -> list[str]:
    """Lines of at most ``limit`` characters, broken at spaces only: an article code or a
    hyphenated name (BackupBox-63A) stays whole even when longer; runs of spaces count as one."""
    return textwrap.wrap(
        " ".join(text.split()), limit, break_long_words=False, break_on_hyphens=False
    )


def xml_text(text: str) -> str:
    """``text`` as SVG character data: escaped, and cleaned of what XML cannot hold at all."""
    return escape(one_line(text))


def _attrs(attrs: Mapping[str, object]) -> str:
    parts = []
    for key, value in attrs.items():
        if value is None:
            continue
        name = key.rstrip("_").replace("_", "-")
        text = f"{value:.1f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
        parts.append(f" {name}={quoteattr(one_line(text))}")
    return "".join(parts)


class Canvas:
    """Collects SVG elements as strings; the layout code calls one method per shape."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    # ------------------------------------------------------------------ primitives

    def raw(self, markup: str) -> None:
        self.parts.append(markup)

    def open(self, **attrs: object) -> None:
        self.parts.append(f"<g{_attrs(attrs)}>")

    def close(self) -> None:
        self.parts.append("</g>")

    def line(self, x1: float, y1: float, x2: float, y2: float, **attrs: object) -> None:
        self.parts.append(
            f"<line{_attrs({'x1': float(x1), 'y1': float(y1), 'x2': float(x2), 'y2': float(y2)})}"
            f"{_attrs(attrs)}/>"
        )

    def polyline(self, points: list[tuple[float, float]], **attrs: object) -> None:
        text = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        self.parts.append(f'<polyline points={quoteattr(text)} fill="none"{_attrs(attrs)}/>')

    def rect(self, x: float, y: float, w: float, h: float, **attrs: object) -> None:
        attrs.setdefault("fill", "none")
        box = {"x": float(x), "y": float(y), "width": float(w), "height": float(h)}
        self.parts.append(f"<rect{_attrs(box)}{_attrs(attrs)}/>")

    def circle(self, cx: float, cy: float, r: float, **attrs: object) -> None:
        attrs.setdefault("fill", "none")
        self.parts.append(
            f"<circle{_attrs({'cx': float(cx), 'cy': float(cy), 'r': float(r)})}{_attrs(attrs)}/>"
        )

    def ellipse(self, cx: float, cy: float, rx: float, ry: float, **attrs: object) -> None:
        attrs.setdefault("fill", "none")
        shape = {"cx": float(cx), "cy": float(cy), "rx": float(rx), "ry": float(ry)}
        self.parts.append(f"<ellipse{_attrs(shape)}{_attrs(attrs)}/>")

    def polygon(self, points: list[tuple[float, float]], **attrs: object) -> None:
        text = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        self.parts.append(f"<polygon points={quoteattr(text)}{_attrs(attrs)}/>")

    def text(
        self,
        x: float,
        y: float,
        content: str,
        *,
        size: float = FONT,
        anchor: str = "start",
        bold: bool = False,
        color: str = INK,
        **attrs: object,
    ) -> None:
        style = {
            "x": float(x),
            "y": float(y),
            "font_size": float(size),
            "text_anchor": anchor if anchor != "start" else None,
            "font_weight": "bold" if bold else None,
            "fill": color,
            "stroke": "none",
        }
        self.parts.append(f"<text{_attrs(style)}{_attrs(attrs)}>{xml_text(content)}</text>")

    def lines_of_text(
        self,
        x: float,
        y: float,
        lines: list[str],
        *,
        size: float = FONT,
        anchor: str = "start",
        bold_first: bool = False,
        color: str = INK,
        leading: float = 1.25,
    ) -> float:
        """Write lines downwards from baseline ``y``; returns the baseline after the last."""
        for index, content in enumerate(lines):
            if content:
                self.text(
                    x,
                    y,
                    content,
                    size=size,
                    anchor=anchor,
                    bold=bold_first and index == 0,
                    color=color,
                )
            y += size * leading
        return y

    def place(self, x: float, y: float, *, horizontal: bool = False) -> None:
        """Open a group whose local origin is (x, y); horizontal turns local 'down' into 'right'."""
        transform = f"translate({x:.1f},{y:.1f})" + (" rotate(-90)" if horizontal else "")
        self.open(transform=transform)

    def render(self) -> str:
        return "".join(self.parts)


# --------------------------------------------------------------------------- symbols
# Each draws in local coordinates from (0, 0) to (0, length) and returns that length.


def fuse(c: Canvas) -> float:
    """IEC 60617 S00362: fuse, the conductor drawn through the body."""
    c.line(0, 0, 0, 40)
    c.rect(-5, 10, 10, 20)
    return 40


def _contact(c: Canvas, top_mark: str) -> None:
    c.line(0, 0, 0, 16)
    c.line(0, 34, -11, 17)  # the moving contact, drawn open
    if top_mark == "cross":  # IEC 60617 S00287 circuit-breaker
        c.line(-4, 12, 4, 20)
        c.line(-4, 20, 4, 12)
    elif top_mark == "circle":  # IEC 60617 S00289 switch-disconnector (load-break)
        c.circle(0, 16, 2.5)


def switch(c: Canvas) -> float:
    """Main switch (hoofdschakelaar): a load-break switch."""
    _contact(c, "circle")
    c.line(0, 34, 0, 50)
    return 50


def breaker(c: Canvas) -> float:
    """Circuit-breaker (installatieautomaat)."""
    _contact(c, "cross")
    c.line(0, 34, 0, 50)
    return 50


def residual(c: Canvas, *, with_overcurrent: bool) -> float:
    """RCD (aardlekschakelaar) or RCBO (aardlekautomaat): contact with a summation transformer."""
    _contact(c, "cross" if with_overcurrent else "none")
    c.line(0, 34, 0, 60)
    c.ellipse(0, 47, 9, 3.5)
    c.polyline([(-9, 47), (-14, 47), (-14, 26), (-6, 26)], stroke_dasharray="2.5 2")
    return 60


def meter(c: Canvas) -> float:
    """IEC 60617 S00910: integrating meter (kWh-meter)."""
    c.line(0, 0, 0, 6)
    c.rect(-16, 6, 32, 26)
    c.line(0, 32, 0, 38)
    return 38


def earth(c: Canvas, x: float, y: float, **attrs: object) -> None:
    """IEC 60617 S00200: earth, hanging below (x, y)."""
    c.line(x, y, x, y + 12, **attrs)
    for index, half in enumerate((9.0, 6.0, 3.0)):
        c.line(x - half, y + 12 + index * 4, x + half, y + 12 + index * 4, **attrs)


def strokes(c: Canvas, x: float, y: float, count: int, *, horizontal: bool = False) -> None:
    """Conductor count marks (IEC 60617 S00002): one short slanted stroke per conductor."""
    for index in range(count):
        offset = (index - (count - 1) / 2) * 4
        if horizontal:
            c.line(x + offset - 3, y + 5, x + offset + 3, y - 5)
        else:
            c.line(x - 5, y + offset + 3, x + 5, y + offset - 3)


def arrow_down(c: Canvas, x: float, y: float, color: str = INK) -> None:
    c.polygon([(x - 4, y - 7), (x + 4, y - 7), (x, y)], fill=color, stroke="none")


def arrow_right(c: Canvas, x: float, y: float, color: str = INK) -> None:
    c.polygon([(x - 7, y - 4), (x - 7, y + 4), (x, y)], fill=color, stroke="none")


def converter(c: Canvas, x: float, y: float, size: float) -> None:
    """IEC 60617 S00213 style converter square: DC '=' top left, AC '~' bottom right."""
    c.rect(x, y, size, size)
    c.line(x, y + size, x + size, y)
    c.text(x + size * 0.27, y + size * 0.38, "=", size=FONT + 3, anchor="middle")
    c.text(x + size * 0.73, y + size * 0.86, "~", size=FONT + 3, anchor="middle")


def cell(c: Canvas, x: float, y: float) -> None:
    """IEC 60617 S00898: battery of cells, hanging below (x, y), 30 units tall."""
    c.line(x, y, x, y + 8)
    c.line(x - 13, y + 8, x + 13, y + 8)
    c.line(x - 7, y + 13, x + 7, y + 13, stroke_width=3.5)
    c.line(x, y + 13, x, y + 17, stroke_dasharray="1.5 1.5")
    c.line(x - 13, y + 17, x + 13, y + 17)
    c.line(x - 7, y + 22, x + 7, y + 22, stroke_width=3.5)
    c.line(x, y + 22, x, y + 30)


def pv_generator(c: Canvas, x: float, y: float) -> None:
    """A PV generator: a cell box (34 × 22, top-left at (x, y)) with light falling on it."""
    c.rect(x, y, 34, 22)
    c.line(x + 4, y + 18, x + 30, y + 4)
    for dy in (3.0, 13.0):
        c.line(x - 14, y + dy - 4, x - 3, y + dy + 2)
        c.polygon(
            [(x - 2, y + dy + 2.5), (x - 7, y + dy + 3), (x - 5, y + dy - 1.5)],
            fill=INK,
            stroke="none",
        )
