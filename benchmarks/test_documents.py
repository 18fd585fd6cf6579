"""Document benchmarks: the dossier PDF fresh and from the cache, and the single-line diagram.

The largest configuration the brochure allows: a T20 with 12 × BAT-9.3S in two clusters, a
BackupBox with the afschakelset, and a new board with 12 household groups (the most circuits,
trace steps, BoM lines and diagram elements).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from pytest_benchmark.fixture import BenchmarkFixture
from weasyprint import HTML

from keuzehulp.documents.pdf import collector_paused, lay_out, render_html
from keuzehulp.documents.render import render_dossier
from keuzehulp.models import Configuration
from sizing.domain import Catalog
from sizing.engine import design
from sizing.schema import DesignRequest
from tests.documents.conftest import THREE_PHASE_NEW

# The document tests' largest configuration: T20, 12 modules, BackupBox, new board, 12 groups.
LARGEST_REQUEST: dict[str, Any] = THREE_PHASE_NEW


# A one-page WeasyPrint document with a 40-row table, timed in the same run: the dossier's time
# as a multiple of it is the renderer's work, whatever the machine's speed (issue 15, point 4).
MINIMAL_ROWS = "".join(
    f"<tr><td>{i}</td><td>Regel {i}</td><td>{i * 3.5:.2f}</td><td>st</td></tr>" for i in range(40)
)
MINIMAL_HTML = (
    "<!doctype html><html lang=nl><body><h1>Minimaal</h1><table><thead><tr><th>#</th>"
    f"<th>Omschrijving</th><th>Waarde</th><th>Eenheid</th></tr></thead><tbody>{MINIMAL_ROWS}"
    "</tbody></table></body></html>"
)


def test_minimal_one_page_pdf_with_a_40_row_table(benchmark: BenchmarkFixture) -> None:
    # With the garbage collector paused, as render_pdf pauses it for the dossier: otherwise a
    # full collection walking what earlier benchmarks left on the heap lands in this small
    # document's time (122-137 ms with a collection before it, 323-353 ms without, after a
    # few dossier renders) and moves the ratio.
    def minimal() -> bytes:
        with collector_paused():
            return bytes(HTML(string=MINIMAL_HTML).write_pdf() or b"")

    assert benchmark(minimal).startswith(b"%PDF")


@pytest.mark.budget(1500.0)
@pytest.mark.relative_to("test_minimal_one_page_pdf_with_a_40_row_table")
def test_dossier_pdf_design_and_render(benchmark: BenchmarkFixture, catalog: Catalog) -> None:
    request = DesignRequest.model_validate(LARGEST_REQUEST)

    def dossier() -> bytes:
        return render_dossier(design(request, catalog), "pdf", lang="nl")

    assert benchmark(dossier).startswith(b"%PDF")


# Where the dossier's time goes: each chapter laid out and written as a document of its own.
# Every chapter starts on a new page, so alone it makes the same pages as in the whole; the
# cover is left out, its table of contents points into the others. The sum of the chapters is
# about the whole dossier; each is printed as a multiple of the minimal document, same run.
CHAPTERS = [
    "systeem",
    "eendraadschema",
    "kastindeling",
    "materiaallijst",
    "berekeningen",
    "warmteberekening",
    "bevindingen",
    "inbedrijfstelling",
]
SECTION = re.compile(r'<section class="[^"]*"(?: id="([^"]+)")?')


@pytest.fixture(scope="module")
def chapters(catalog: Catalog) -> dict[str, str]:
    """The largest dossier's chapters, each in the dossier's head with its running header and
    footer, as one HTML document."""
    result = design(DesignRequest.model_validate(LARGEST_REQUEST), catalog)
    html, _ = render_html(result, lang="nl", today=date(2026, 1, 5))
    starts = [(m.start(), m.group(1)) for m in SECTION.finditer(html)]
    end = html.rindex("</body>")
    before = html[: starts[0][0]]  # head, body and the running elements
    documents = {}
    for (start, name), (following, _) in zip(starts, [*starts[1:], (end, None)], strict=True):
        if name is not None:
            documents[name] = before + html[start:following] + "</body></html>"
    return documents


@pytest.mark.parametrize("chapter", CHAPTERS)
@pytest.mark.relative_to("test_minimal_one_page_pdf_with_a_40_row_table")
def test_dossier_chapter(
    benchmark: BenchmarkFixture, chapters: dict[str, str], chapter: str
) -> None:
    html = chapters[chapter]

    def render() -> bytes:
        with collector_paused():
            return bytes(lay_out(html).write_pdf() or b"")

    assert benchmark(render).startswith(b"%PDF")


@pytest.mark.budget(50.0)
def test_single_line_diagram_design_and_drawing(
    benchmark: BenchmarkFixture, catalog: Catalog
) -> None:
    request = DesignRequest.model_validate(LARGEST_REQUEST)

    def diagram() -> bytes:
        return render_dossier(design(request, catalog), "svg", lang="nl")

    assert benchmark(diagram).startswith(b"<svg")


@pytest.mark.django_db
@pytest.mark.budget(25.0)
def test_dossier_pdf_download_from_the_cache(benchmark: BenchmarkFixture, client: Client) -> None:
    """A repeated download of an unchanged saved configuration: the whole stack, no rendering."""
    cache.clear()
    saved = Configuration.objects.create(
        project_reference=LARGEST_REQUEST["project_reference"],
        request=DesignRequest.model_validate(LARGEST_REQUEST).model_dump(mode="json"),
        engine_version="0",
        catalog_version="0",
    )
    url = f"/configuratie/{saved.pk}/dossier.pdf"
    assert client.get(url)["X-Document-Cache"] == "miss"
    response = benchmark(client.get, url)
    assert response["X-Document-Cache"] == "hit"
