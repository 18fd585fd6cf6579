"""The dossier as printed: page images kept in artifacts/dossier/ and checked for layout faults.

For one and three phases, existing and new boards: every page is rendered at
96 dpi (a PDF viewer at 100 %) into artifacts/dossier/<name>-NN.png for a
person to look at. The text layer is checked by machine: nothing outside the
paper's margins (clipped tables, overflowing labels), no text running out of
its table cell, no two words on top of each other (labels of the diagram),
and no page that ends on a heading (an orphaned heading).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from weasyprint.formatting_structure import boxes

from keuzehulp.documents.pdf import render_document, render_html

from .conftest import CONFIGURATIONS

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "dossier"
MM = 72 / 25.4
XHTML = "{http://www.w3.org/1999/xhtml}"

pytestmark = pytest.mark.skipif(
    shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None,
    reason="poppler-utils (pdftoppm, pdftotext) not installed",
)


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    words: list[Word]
    lines: list[tuple[float, str]]  # (bottom, text)


def pages_of(pdf_path: Path) -> list[Page]:
    out = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf_path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    root = ET.fromstring(out)
    pages = []
    for page in root.iter(f"{XHTML}page"):
        words, lines = [], []
        for line in page.iter(f"{XHTML}line"):
            texts = []
            for w in line.iter(f"{XHTML}word"):
                box = [float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")]
                words.append(Word(w.text or "", *box))
                texts.append(w.text or "")
            lines.append((float(line.get("yMax")), " ".join(texts)))
        pages.append(Page(float(page.get("width")), float(page.get("height")), words, lines))
    return pages


def overlapping(words: list[Word]) -> list[tuple[str, str]]:
    clashes = []
    ordered = sorted(words, key=lambda w: w.y0)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if b.y0 >= a.y1:
                break
            dx = min(a.x1, b.x1) - max(a.x0, b.x0)
            dy = min(a.y1, b.y1) - max(a.y0, b.y0)
            smaller = min((a.x1 - a.x0) * (a.y1 - a.y0), (b.x1 - b.x0) * (b.y1 - b.y0))
            if dx > 0 and dy > 0 and dx * dy > 0.25 * smaller:
                clashes.append((a.text, b.text))
    return clashes


def overflowing_cells(document) -> list[tuple[int, str]]:
    """Text that runs out of its table cell (pdftotext would glue it to the next cell's)."""
    found = []
    for number, page in enumerate(document.pages, start=1):
        for cell in page._page_box.descendants():
            if not isinstance(cell, boxes.TableCellBox):
                continue
            right = cell.content_box_x() + cell.width + 0.5
            for inner in cell.descendants():
                if isinstance(inner, boxes.TextBox) and inner.position_x + inner.width > right:
                    found.append((number, inner.text))
    return found


def broken_words(document) -> list[tuple[int, str]]:
    """Words a too-narrow cell split in the middle (overflow-wrap), e.g. 'Thuisbatteri' + 'j'.

    A break after a hyphen or slash is a normal line break, not a broken word.
    """
    found = []
    for number, page in enumerate(document.pages, start=1):
        for cell in page._page_box.descendants():
            if not isinstance(cell, boxes.TableCellBox) or cell.element is None:
                continue
            source = set(" ".join(cell.element.itertext()).split())
            for inner in cell.descendants():
                if not isinstance(inner, boxes.TextBox):
                    continue
                for token in inner.text.split():
                    if token not in source and not token.endswith(("-", "/")):
                        if not any(token in word for word in source):
                            continue
                        if not any(word.startswith(token) and word != token for word in source):
                            continue
                        found.append((number, token))
    return found


def headings(html: str) -> set[str]:
    found = re.findall(r"<h[12][^>]*>(.*?)</h[12]>", html, flags=re.S)
    return {re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", h)).strip() for h in found}


@pytest.fixture(scope="module", autouse=True)
def _artifacts() -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(CONFIGURATIONS))
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_printed_dossier_has_no_layout_faults(name, lang, catalog):
    from sizing.engine import design
    from sizing.schema import DesignRequest

    result = design(DesignRequest.model_validate(CONFIGURATIONS[name]), catalog)
    kwargs = {
        "lang": lang,
        "today": date(2025, 11, 23),
        "installer": "Elektro Jansen B.V.",
    }
    pdf_path = ARTIFACTS / f"{name}-{lang}.pdf"
    document = render_document(result, **kwargs)
    assert overflowing_cells(document) == []
    assert broken_words(document) == []
    pdf_path.write_bytes(document.write_pdf())
    for old in ARTIFACTS.glob(f"{name}-{lang}-*.png"):
        old.unlink()
    subprocess.run(
        ["pdftoppm", "-png", "-r", "96", str(pdf_path), str(ARTIFACTS / f"{name}-{lang}")],
        check=True,
    )
    pages = pages_of(pdf_path)
    images = sorted(ARTIFACTS.glob(f"{name}-{lang}-*.png"))
    assert len(images) == len(pages) >= 8

    titles = headings(render_html(result, **kwargs)[0])
    for number, page in enumerate(pages, start=1):
        margin = 6 * MM
        outside = [
            w.text
            for w in page.words
            if w.x0 < margin
            or w.x1 > page.width - margin
            or w.y0 < margin
            or w.y1 > page.height - margin
        ]
        assert outside == [], f"page {number}: text outside the printable area"
        assert overlapping(page.words) == [], f"page {number}: words on top of each other"
        body = [text for bottom, text in page.lines if bottom < page.height - 16 * MM]
        assert body, f"page {number} is empty"
        assert body[-1] not in titles, f"page {number} ends on the heading {body[-1]!r}"
