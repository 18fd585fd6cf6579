"""Downloads: the dossier (PDF), the single-line diagram (SVG) and the order list (CSV).

Two sources, one path through :func:`serve`: a saved configuration (its stored
request, recomputed against the live catalogue; nothing computed is stored)
and the wizard draft in the session. Every document is cached under a key of
what it depends on (see :mod:`keuzehulp.documents.cache`); the key doubles as
the ETag, so a browser that already has the file gets a 304 without any work.
Unknown configurations and missing drafts answer 404.
"""

from __future__ import annotations

import uuid

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from pydantic import ValidationError

from keuzehulp.documents import stored, tasks
from keuzehulp.documents.cache import document_key, get_or_render
from keuzehulp.documents.render import Kind
from keuzehulp.models import Configuration, MeasurementReport
from keuzehulp.testreport.present import payload_json
from keuzehulp.wizard import draft as drafts
from sizing.schema import DesignRequest
from sizing.text import LENIENT, one_line

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "svg": "image/svg+xml; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "layout": "image/svg+xml; charset=utf-8",
    "labels": "application/pdf",
}
DISPOSITION = {"pdf": "inline", "svg": "inline", "csv": "attachment", "layout": "inline"}
DISPOSITION["labels"] = "inline"
EXTENSION = {"pdf": "pdf", "svg": "svg", "csv": "csv", "layout": "svg", "labels": "pdf"}
SVG_KINDS = {"svg", "layout"}


def language() -> str:
    code = (translation.get_language() or "nl").lower()
    return "en" if code.startswith("en") else "nl"


def filename(kind: str, request: DesignRequest, fallback: str) -> str:
    stems = {
        "pdf": _("installatiedossier"),
        "svg": _("eendraadschema"),
        "csv": _("bestellijst"),
        "layout": _("kastindeling"),
        "labels": _("groepenstroken"),
    }
    name = slugify(request.project_reference) or fallback
    return f"{slugify(stems[kind])}-{name}.{EXTENSION[kind]}"


def serve(
    http: HttpRequest, request: DesignRequest, kind: Kind, fallback: str, report_json: str = ""
) -> HttpResponse:
    lang = language()
    # A link, not a form: control characters are dropped rather than refused.
    installer = " ".join(one_line(http.GET.get("installateur", "")).split())[:120]
    key = document_key(kind, request, lang=lang, installer=installer, report_json=report_json)
    etag = f'"{key.digest[:40]}"'
    if etag in http.headers.get("If-None-Match", ""):
        response: HttpResponse = HttpResponseNotModified()
    elif kind == "pdf":
        response = stored.serve_stored(
            http, key, request, installer=installer, report_json=report_json
        )
        if response.status_code != 200 or http.headers.get("HX-Request"):
            return response
    else:
        # The drawings, the order list and the label strips are quick: made in the request,
        # cached.
        def render() -> bytes:
            return tasks.render_document(kind, request, lang=lang)

        data, hit = get_or_render(key, render)
        response = HttpResponse(data, content_type=CONTENT_TYPES[kind])
        response["X-Document-Cache"] = "hit" if hit else "miss"
    if response.status_code == 200:
        response["Content-Disposition"] = (
            f'{DISPOSITION[kind]}; filename="{filename(kind, request, fallback)}"'
        )
        if kind in SVG_KINDS:
            # Opened on its own, the drawing may style itself but never run anything.
            response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    response["ETag"] = etag
    response["Cache-Control"] = "private, no-cache"
    response["Vary"] = "Cookie"  # the language and the wizard draft come with the cookies
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _stored(pk: uuid.UUID) -> DesignRequest:
    config = Configuration.objects.filter(pk=pk).only("request").first()
    if config is None:
        raise Http404("no such configuration")
    try:
        return DesignRequest.model_validate(config.request, context=LENIENT)
    except ValidationError as exc:  # saved by an older version in a shape no longer read
        raise Http404("configuration cannot be read") from exc


def _draft(http: HttpRequest) -> DesignRequest:
    draft = drafts.load(http.session)
    request = draft.to_request() if draft is not None else None
    if request is None:
        raise Http404("no design in this session")
    return request


# --------------------------------------------------------------------------- saved configuration


@require_safe
def configuration_pdf(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    design_request = _stored(pk)
    final = (
        MeasurementReport.objects.filter(configuration_id=pk, finalised_at__isnull=False)
        .order_by("-revision")
        .first()
    )
    return serve(request, design_request, "pdf", str(pk)[:8], payload_json(final))


@require_safe
def configuration_svg(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    return serve(request, _stored(pk), "svg", str(pk)[:8])


@require_safe
def configuration_csv(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    return serve(request, _stored(pk), "csv", str(pk)[:8])


# --------------------------------------------------------------------------- wizard draft


@require_safe
def draft_pdf(request: HttpRequest) -> HttpResponse:
    return serve(request, _draft(request), "pdf", "ontwerp")


@require_safe
def draft_svg(request: HttpRequest) -> HttpResponse:
    return serve(request, _draft(request), "svg", "ontwerp")


@require_safe
def draft_csv(request: HttpRequest) -> HttpResponse:
    return serve(request, _draft(request), "csv", "ontwerp")


# --------------------------------------------------------------------------- kastindeling


@require_safe
def configuration_layout(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    return serve(request, _stored(pk), "layout", str(pk)[:8])


@require_safe
def configuration_labels(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    return serve(request, _stored(pk), "labels", str(pk)[:8])


@require_safe
def draft_layout(request: HttpRequest) -> HttpResponse:
    return serve(request, _draft(request), "layout", "ontwerp")


@require_safe
def draft_labels(request: HttpRequest) -> HttpResponse:
    return serve(request, _draft(request), "labels", "ontwerp")
