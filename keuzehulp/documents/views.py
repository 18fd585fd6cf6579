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
from datetime import date

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from pydantic import ValidationError

from catalog.services import catalog_version, load_catalog
from keuzehulp.documents.cache import DocumentKey, get_or_render
from keuzehulp.documents.render import Kind, render_dossier
from keuzehulp.models import Configuration
from keuzehulp.security import too_many_page, wait_seconds
from keuzehulp.wizard import draft as drafts
from sizing import ENGINE_VERSION
from sizing.engine import design
from sizing.schema import DesignRequest
from sizing.text import LENIENT, one_line


class RenderRefused(Exception):
    """This client had its share of renders; ``seconds`` until it may have another."""

    def __init__(self, seconds: int) -> None:
        super().__init__(seconds)
        self.seconds = seconds


CONTENT_TYPES = {
    "pdf": "application/pdf",
    "svg": "image/svg+xml; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
}
DISPOSITION = {"pdf": "inline", "svg": "inline", "csv": "attachment"}


def language() -> str:
    code = (translation.get_language() or "nl").lower()
    return "en" if code.startswith("en") else "nl"


def render_document(
    kind: Kind, request: DesignRequest, *, lang: str, installer: str = "", today: date | None = None
) -> bytes:
    """One document for ``request`` against the live catalogue, in ``lang``."""
    result = design(request, load_catalog())
    return render_dossier(result, kind, lang=lang, installer=installer, today=today)


def filename(kind: str, request: DesignRequest, fallback: str) -> str:
    stems = {"pdf": _("installatiedossier"), "svg": _("eendraadschema"), "csv": _("bestellijst")}
    name = slugify(request.project_reference) or fallback
    return f"{slugify(stems[kind])}-{name}.{kind}"


def serve(http: HttpRequest, request: DesignRequest, kind: Kind, fallback: str) -> HttpResponse:
    lang = language()
    # A link, not a form: control characters are dropped rather than refused.
    installer = " ".join(one_line(http.GET.get("installateur", "")).split())[:120]
    today = timezone.localdate()
    extra = f"{installer}\x1f{today.isoformat()}" if kind == "pdf" else ""
    key = DocumentKey.of(
        kind,
        request,
        catalog_version=catalog_version(),
        engine_version=ENGINE_VERSION,
        lang=lang,
        extra=extra,
    )
    etag = f'"{key.digest[:40]}"'
    if etag in http.headers.get("If-None-Match", ""):
        response: HttpResponse = HttpResponseNotModified()
    else:

        def render() -> bytes:
            # A PDF costs about a CPU-second: a client may have a few made per minute. A
            # document already in the cache costs nothing and is never refused.
            if kind == "pdf":
                seconds = wait_seconds(http, "document-render", settings.RATE_DOCUMENT_RENDER)
                if seconds:
                    raise RenderRefused(seconds)
            return render_document(kind, request, lang=lang, installer=installer, today=today)

        try:
            data, hit = get_or_render(key, render)
        except RenderRefused as refused:
            return too_many_page(http, refused.seconds)
        response = HttpResponse(data, content_type=CONTENT_TYPES[kind])
        response["Content-Disposition"] = (
            f'{DISPOSITION[kind]}; filename="{filename(kind, request, fallback)}"'
        )
        response["X-Document-Cache"] = "hit" if hit else "miss"
        if kind == "svg":
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
    return serve(request, _stored(pk), "pdf", str(pk)[:8])


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
