"""The dossier PDF under attack: user text that tries to become CSS, URLs that try to read files.

Both attacks worked once: a form feed in the project reference ended the CSS string of the
generated running header (``body{display:none}`` blanked every page), and the fetcher that
was meant to serve static files read any file given ``FILE:///`` or ``%2e%2e``.
"""

from __future__ import annotations

import base64
import io
import struct
import zlib
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from keuzehulp.documents.pdf import (
    STATIC_DIR,
    STYLESHEET,
    RefusedURL,
    StaticOnlyFetcher,
    lay_out,
    render_pdf,
)
from sizing.engine import design
from sizing.schema import DesignRequest

from .conftest import SINGLE_PHASE_EXISTING

CSS_BREAKOUTS = [
    'x";}body{display:none}/*',
    'x\x0c";}body{display:none}/*',  # a form feed ends a CSS string: the attack that worked
    "x'}@page{size:1mm;margin:0}/*\\",
    "</div><style>body{display:none}</style>",
]


def png(rgb: tuple[int, int, int]) -> bytes:
    """A 2 × 2 PNG of one colour, written by hand so no imaging library is needed."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + bytes(rgb) * 2 for _ in range(2))
    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def pages_of(pdf: bytes) -> list[Any]:
    return list(PdfReader(io.BytesIO(pdf)).pages)


def image_count(pdf: bytes) -> int:
    return sum(len(page.images) for page in pages_of(pdf))


def dossier(catalog: Any, reference: str) -> bytes:
    """The dossier for ``reference``, set past validation as a configuration stored long ago."""
    result = design(DesignRequest.model_validate(SINGLE_PHASE_EXISTING), catalog)
    request = result.request.model_copy(update={"project_reference": reference})
    return render_pdf(result.model_copy(update={"request": request}), today=date(2025, 11, 23))


@pytest.fixture(scope="module")
def plain_pages(django_db_setup: Any, django_db_blocker: Any, catalog: Any) -> int:
    with django_db_blocker.unblock():
        return len(pages_of(dossier(catalog, "Fam. de Vries")))


# --------------------------------------------------------------------------- user text as CSS


@pytest.mark.django_db
@pytest.mark.parametrize("reference", CSS_BREAKOUTS)
def test_a_reference_written_as_css_is_printed_as_text_on_every_page(
    catalog: Any, plain_pages: int, reference: str
) -> None:
    pages = pages_of(dossier(catalog, reference))
    assert len(pages) == plain_pages
    assert [round(float(p.mediabox.width)) for p in pages][:2] == [595, 595]  # A4, not 1 mm
    printed = reference.replace("\x0c", " ")
    cover, header = pages[0].extract_text(), pages[1].extract_text()
    assert printed in cover
    assert f"Installatiedossier · {printed}" in header
    text = "\n".join(page.extract_text() for page in pages)
    for section in ("Systeemoverzicht", "Eendraadschema", "Materiaallijst", "Bevindingen"):
        assert section in text


# --------------------------------------------------------------------------- the URL fetcher

OUTSIDE = "/etc/hostname"
UP = "/".join([".."] * len(STATIC_DIR.parts))  # from static/ up to /
UP_ENCODED = UP.replace("..", "%2e%2e")


@pytest.mark.parametrize(
    "url",
    [
        f"FILE://{OUTSIDE}",
        f"File://{OUTSIDE}",
        f"file://{OUTSIDE}",
        f"file://localhost{OUTSIDE}",
        f"file://evil.example{STYLESHEET}",
        f"{STATIC_DIR.as_uri()}/{UP_ENCODED}{OUTSIDE}",
        f"{STATIC_DIR.as_uri()}/{UP_ENCODED.upper()}{OUTSIDE}",
        f"{STATIC_DIR.as_uri()}/{UP}{OUTSIDE}",
        f"{STATIC_DIR.as_uri()}/css/%252e%252e/%252e%252e/pyproject.toml",
        f"{STATIC_DIR.as_uri()}/css/..%2f..%2fpyproject.toml",
        f"{STATIC_DIR.as_uri()}/css/app.css",  # static, but not a file the dossier needs
        f"{STATIC_DIR.as_uri()}/css/dossier.css%00.png",
        f"{STATIC_DIR.as_uri()}/css/dossier.css/{UP}{OUTSIDE}",
        f"{STYLESHEET.as_uri()}?/{UP}{OUTSIDE}",
        f"{STYLESHEET.as_uri()}#x",
        f"{STATIC_DIR.as_uri()}/css/%ff.css",
        "http://127.0.0.1:8102/static/css/dossier.css",
        "https://example.com/logo.png",
        "ftp://example.com/logo.png",
        "jar:file:///tmp/x.zip!/x.png",
        "/etc/hostname",
    ],
)
def test_the_fetcher_refuses_everything_but_the_dossiers_own_files(url: str) -> None:
    with pytest.raises(RefusedURL):
        StaticOnlyFetcher().fetch(url)


@pytest.mark.parametrize(
    "url",
    [
        STYLESHEET.as_uri(),
        "FILE://" + STYLESHEET.as_posix(),  # the scheme is case-insensitive, the path exact
        f"{STATIC_DIR.as_uri()}/css/./../css/dossier.css",
    ],
)
def test_the_fetcher_serves_the_stylesheet_however_its_name_is_written(url: str) -> None:
    response = StaticOnlyFetcher().fetch(url)
    try:
        assert response.read() == STYLESHEET.read_bytes()
    finally:
        response.close()


def test_the_fetcher_serves_data_uris() -> None:
    uri = "data:text/plain;base64," + base64.b64encode(b"ok").decode()
    response = StaticOnlyFetcher().fetch(uri)
    try:
        assert response.read() == b"ok"
    finally:
        response.close()


def test_a_page_that_points_at_files_outside_static_gets_none_of_them(tmp_path: Path) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(png((255, 0, 0)))
    evil_css = tmp_path / "evil.css"
    evil_css.write_text("body { display: none }", encoding="utf-8")
    via_static = f"{STATIC_DIR.as_uri()}/{UP_ENCODED}{secret}"
    relative = f"{UP}{secret}"  # resolved against the base URL, static/
    allowed = "data:image/png;base64," + base64.b64encode(png((0, 0, 255))).decode()
    html = f"""<html><head><link rel="stylesheet" href="FILE://{evil_css}"></head><body>
      <p>Zichtbaar</p>
      <img src="FILE://{secret}"> <img src="{via_static}"> <img src="{relative}">
      <img src="file://localhost{secret}"> <img src="{secret.as_uri()}">
      <div style="width: 10mm; height: 10mm; background: url('FILE://{secret}')"></div>
      <img src="{allowed}">
    </body></html>"""
    pdf = lay_out(html).write_pdf()
    assert pdf is not None
    assert image_count(pdf) == 1  # only the data: URI, which proves images do get embedded
    assert "Zichtbaar" in pages_of(pdf)[0].extract_text()
