"""The installation dossier as PDF: Django template + print CSS, rendered by WeasyPrint.

WeasyPrint never goes over HTTP here: the stylesheet is read from disk once
(and again only when the file changes), the diagram is a ``data:`` URI, and
the URL fetcher serves ``data:`` URIs and an allow-list of named static files,
nothing else. No user text enters CSS: the running header and footer (project
reference, date, versions, "Pagina x van y") are HTML elements of the template,
escaped like any other text, that the static stylesheet moves into the page
margins (CSS running elements).
"""

from __future__ import annotations

import gc
import posixpath
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import CSS, HTML, Document
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from keuzehulp.documents.dossier import build_context
from sizing.schema import Design

STATIC_DIR = Path(settings.BASE_DIR) / "static"
STYLESHEET = STATIC_DIR / "css" / "dossier.css"
QUOTE_STYLESHEET = STATIC_DIR / "css" / "quote.css"  # sales.pdf prints quotes with this fetcher
STRIPS_STYLESHEET = STATIC_DIR / "css" / "strips.css"  # documents.strips: the label strips
TEMPLATE = "dossier/dossier.html"

# Every file the dossier may load, by exact path. Fonts come from fontconfig and the diagram
# is a data: URI, so today that is only the stylesheets; a logo or font file is added here.
STATIC_FILES = frozenset(
    posixpath.normpath(path.as_posix())
    for path in [STYLESHEET, QUOTE_STYLESHEET, STRIPS_STYLESHEET]
)

# WeasyPrint's font configuration wraps fontconfig and Pango objects that are not documented
# as thread-safe: each thread (runserver, threaded workers) keeps its own, reused across renders.
_local = threading.local()


# How many renders of this process are running, and whether the collector was on before the
# first of them: it is switched back on only when the last one ends and only if it was on.
_paused = {"renders": 0, "was_enabled": True}
_paused_lock = threading.Lock()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with Python's cyclic garbage collector off, and restore it after.

    A dossier allocates some hundred thousand short-lived objects (boxes, styles, Pango
    wrappers); every full collection during the render walks them and the whole process heap
    beside them, about a seventh of the largest dossier's time. What the render leaves in
    cycles goes at the first collection after the block. Threads share the collector, so
    renders are counted: it stays off until the last running render ends.
    """
    with _paused_lock:
        if _paused["renders"] == 0:
            _paused["was_enabled"] = gc.isenabled()
            gc.disable()
        _paused["renders"] += 1
    try:
        yield
    finally:
        with _paused_lock:
            _paused["renders"] -= 1
            if _paused["renders"] == 0 and _paused["was_enabled"]:
                gc.enable()


class RefusedURL(ValueError):
    """A URL the dossier may not load; WeasyPrint leaves the resource out and logs a warning."""


def allowed_file(url: str) -> Path:
    """The static file that ``url`` names exactly, or :class:`RefusedURL`.

    The path is compared after percent-decoding and normalisation, so ``%2e%2e`` and
    ``..`` are judged by where they lead; a host, a query or a fragment is refused
    rather than interpreted.
    """
    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc or parts.query or parts.fragment:
        raise RefusedURL(f"not a static file of the dossier: {url}")
    try:
        path = posixpath.normpath(unquote(parts.path, errors="strict"))
    except UnicodeDecodeError as exc:
        raise RefusedURL(f"not a static file of the dossier: {url}") from exc
    if path not in STATIC_FILES:
        raise RefusedURL(f"not a static file of the dossier: {url}")
    return Path(path)


class StaticOnlyFetcher(URLFetcher):
    """Fetch ``data:`` URIs and the files of :data:`STATIC_FILES`; refuse everything else."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=("data", "file"), timeout=2)

    def fetch(self, url: str, headers: Any = None) -> Any:
        if urlsplit(url).scheme.lower() == "data":
            return super().fetch(url, headers)
        # Fetch the canonical URL of the allowed file, never the URL as it was written.
        return super().fetch(allowed_file(url).as_uri(), headers)


def _shared() -> tuple[FontConfiguration, CSS]:
    """This thread's font configuration and parsed stylesheet (parsed again when edited)."""
    mtime = STYLESHEET.stat().st_mtime
    fonts = getattr(_local, "fonts", None)
    if fonts is None:
        fonts = _local.fonts = FontConfiguration()
    sheet = getattr(_local, "sheet", None)
    if sheet is None or sheet[0] != mtime:
        css = CSS(filename=str(STYLESHEET), font_config=fonts, url_fetcher=StaticOnlyFetcher())
        sheet = _local.sheet = (mtime, css)
    return fonts, sheet[1]


def lay_out(html: str) -> Document:
    """``html`` laid out in pages with the dossier's stylesheet, fonts and fetcher."""
    fonts, sheet = _shared()
    source = HTML(string=html, base_url=str(STATIC_DIR) + "/", url_fetcher=StaticOnlyFetcher())
    return source.render(stylesheets=[sheet], font_config=fonts)


def render_html(
    design: Design,
    *,
    lang: str = "nl",
    installer: str = "",
    today: date | None = None,
    report: dict[str, Any] | None = None,
) -> tuple[str, dict[str, Any]]:
    with translation.override(lang):
        context = build_context(design, lang=lang, installer=installer, today=today, report=report)
        return render_to_string(TEMPLATE, context), context


def render_document(
    design: Design,
    *,
    lang: str = "nl",
    installer: str = "",
    today: date | None = None,
    report: dict[str, Any] | None = None,
) -> Document:
    """The dossier laid out in pages (WeasyPrint's Document), before it is written as PDF."""
    html, _context = render_html(design, lang=lang, installer=installer, today=today, report=report)
    return lay_out(html)


def render_pdf(
    design: Design,
    *,
    lang: str = "nl",
    installer: str = "",
    today: date | None = None,
    report: dict[str, Any] | None = None,
) -> bytes:
    """The dossier of ``design`` as PDF bytes, in ``lang`` (nl or en).

    ``report`` is the payload of the latest finalised test report (its own section), if any.
    """
    with collector_paused():
        document = render_document(
            design, lang=lang, installer=installer, today=today, report=report
        )
        pdf = document.write_pdf()
    assert pdf is not None
    return bytes(pdf)
