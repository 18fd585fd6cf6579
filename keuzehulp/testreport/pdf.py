"""A test report as a PDF of its own, with the dossier's PDF machinery: a finalised
revision, or the open draft as a concept marked so on every page.

The dossier's stylesheet, fonts and URL fetcher (``keuzehulp.documents.pdf.lay_out``): no
user text enters CSS, nothing is fetched but the allow-listed static files. A finalised
revision never changes, so its PDF is cached by what it prints (a draft's by its values as
saved); making one counts against the same allowance as a dossier.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from keuzehulp.documents.pdf import lay_out
from keuzehulp.models import Configuration
from keuzehulp.security import too_many_page, wait_seconds
from keuzehulp.testreport import present, store
from keuzehulp.testreport.views import language, may_write
from sizing import ENGINE_VERSION

TIMEOUT_S = 24 * 60 * 60


def render_report_pdf(data: dict[str, Any], lang: str) -> bytes:
    """The PDF of a frozen report ``data`` (:func:`present.payload`) in ``lang``."""
    with translation.override(lang):
        final = present.context_of(data, lang)
        meta = final["meta"]
        html = render_to_string(
            "testreport/pdf.html",
            {
                "lang": lang,
                "final": final,
                "reference": meta.get("reference", ""),
                "system": meta.get("system", ""),
                "earthing": meta.get("earthing", ""),
                "engine_version": meta.get("engine_version", ""),
                "catalog_version": meta.get("catalog_version", ""),
            },
        )
        pdf = lay_out(html).write_pdf()
    assert pdf is not None
    return bytes(pdf)


@require_safe
def revision_pdf(request: HttpRequest, pk: uuid.UUID, number: int) -> HttpResponse:
    config = Configuration.objects.filter(pk=pk).first()
    found = (
        config.measurement_reports.filter(revision=number, finalised_at__isnull=False).first()
        if config is not None
        else None
    )
    if config is None or found is None:
        raise Http404("no such finalised revision")
    return _respond(request, config, present.payload(found), f"r{number}")


@require_safe
def draft_pdf(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    """The open draft as a concept PDF, marked so on every page, for the browser that writes
    it: a draft is not yet a report, so the share link does not show it."""
    config = Configuration.objects.filter(pk=pk).first()
    current = store.latest(config) if config is not None else None
    if config is None or current is None or current.is_final or not may_write(request, config):
        raise Http404("no draft to print")
    design = store.design_of(config)
    if design is None:
        raise Http404("the design can no longer be computed")
    data = present.draft_payload(current, store.sheet_of(config, design, current.values or {}))
    return _respond(request, config, data, f"r{current.revision}-{slugify(_('concept'))}")


def _respond(
    request: HttpRequest, config: Configuration, data: dict[str, Any], suffix: str
) -> HttpResponse:
    lang = language()
    text = json.dumps(data, sort_keys=True)
    digest = hashlib.sha256("\x1f".join((ENGINE_VERSION, lang, text)).encode()).hexdigest()
    etag = f'"{digest[:40]}"'
    key = f"keuzehulp:report-pdf:{digest}"
    content = cache.get(key)
    if not isinstance(content, bytes):
        seconds = wait_seconds(request, "document-render", settings.RATE_DOCUMENT_RENDER)
        if seconds:
            return too_many_page(request, seconds)
        content = render_report_pdf(data, lang)
        cache.set(key, content, TIMEOUT_S)
    response = HttpResponse(content, content_type="application/pdf")
    name = slugify(config.project_reference) or str(config.pk)[:8]
    stem = slugify(_("meetrapport"))
    response["Content-Disposition"] = f'inline; filename="{stem}-{name}-{suffix}.pdf"'
    response["ETag"] = etag
    response["Cache-Control"] = "private, no-cache"
    response["Vary"] = "Cookie"
    response["X-Content-Type-Options"] = "nosniff"
    return response
