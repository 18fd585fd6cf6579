"""The installation dossier as PDF: Django template + print CSS, rendered by WeasyPrint.

WeasyPrint never goes over HTTP here: the stylesheet is read from disk once
(and again only when the file changes), the diagram is a ``data:`` URI, and
the URL fetcher refuses every scheme but ``data:`` and files under the static
directory. The running header and footer (project reference, date, versions,
"Pagina x van y") are a small generated stylesheet, so they are translated and
escaped in Python rather than in static CSS.
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from weasyprint import CSS, HTML, Document
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from keuzehulp.documents.dossier import build_context
from sizing.domain import Inverter
from sizing.schema import Design

STATIC_DIR = Path(settings.BASE_DIR) / "static"
STYLESHEET = STATIC_DIR / "css" / "dossier.css"
TEMPLATE = "dossier/dossier.html"

# WeasyPrint's font configuration wraps fontconfig and Pango objects that are not documented
# as thread-safe: each thread (runserver, threaded workers) keeps its own, reused across renders.
_local = threading.local()


class StaticOnlyFetcher(URLFetcher):
    """Fetch ``data:`` URIs and files under static/, nothing else (no network, no /etc)."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=("data", "file"), timeout=2)

    def fetch(self, url: str, headers: Any = None) -> Any:
        if url.startswith("file:"):
            path = Path(url.removeprefix("file://").split("?")[0]).resolve()
            if not path.is_relative_to(STATIC_DIR.resolve()):
                raise ValueError(f"not a static file: {url}")
        return super().fetch(url, headers)


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


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string: quotes, backslashes and line breaks escaped."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = escaped.replace("\r", " ").replace("\n", " ")
    return f'"{escaped}"'


def running_css(context: dict[str, Any]) -> str:
    title = _("Installatiedossier")
    if context["reference"]:
        title += f" · {context['reference']}"
    versions = _("Catalogus %(catalog)s · rekenkern %(engine)s") % {
        "catalog": context["catalog_version"],
        "engine": context["engine_version"],
    }
    # Outside the f-string, so that makemessages finds them.
    page, of = _("Pagina"), _("van")
    return (
        "@page {"
        f" @top-left {{ content: {css_string(title)}; }}"
        f" @top-right {{ content: {css_string(context['date'])}; }}"
        f" @bottom-left {{ content: {css_string(versions)}; }}"
        f" @bottom-right {{ content: {css_string(page)} ' ' counter(page) ' '"
        f" {css_string(of)} ' ' counter(pages); }}"
        " }"
    )


def render_html(
    design: Design,
    *,
    lang: str = "nl",
    installer: str = "",
    today: date | None = None,
    inverter: Inverter | None = None,
) -> tuple[str, dict[str, Any]]:
    with translation.override(lang):
        context = build_context(
            design, lang=lang, installer=installer, today=today, inverter=inverter
        )
        return render_to_string(TEMPLATE, context), context


def render_document(
    design: Design,
    *,
    lang: str = "nl",
    installer: str = "",
    today: date | None = None,
    inverter: Inverter | None = None,
) -> Document:
    """The dossier laid out in pages (WeasyPrint's Document), before it is written as PDF."""
    html, context = render_html(
        design, lang=lang, installer=installer, today=today, inverter=inverter
    )
    fonts, sheet = _shared()
    with translation.override(lang):
        running = CSS(string=running_css(context), font_config=fonts)
    source = HTML(string=html, base_url=str(STATIC_DIR) + "/", url_fetcher=StaticOnlyFetcher())
    return source.render(stylesheets=[sheet, running], font_config=fonts)


def render_pdf(
    design: Design,
    *,
    lang: str = "nl",
    installer: str = "",
    today: date | None = None,
    inverter: Inverter | None = None,
) -> bytes:
    """The dossier of ``design`` as PDF bytes, in ``lang`` (nl or en)."""
    document = render_document(
        design, lang=lang, installer=installer, today=today, inverter=inverter
    )
    pdf = document.write_pdf()
    assert pdf is not None
    return bytes(pdf)
