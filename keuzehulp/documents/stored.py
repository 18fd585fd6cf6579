"""Serving a dossier from the document store, or saying it is being made.

The first download of a dossier queues its render (counted against the client's render
allowance) and answers 202 with a page that waits for it; every later download, on any web
host, reads the stored bytes. A download never renders in the request itself, unless the
task backend is the immediate one (``make run``, tests), where the queue runs the render
before the row is read back.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django_htmx.http import HttpResponseClientRedirect

from keuzehulp.documents import tasks
from keuzehulp.documents.cache import DocumentKey
from keuzehulp.models import StoredDocument
from keuzehulp.security import too_many_page, wait_seconds
from sizing.schema import DesignRequest

TEMPLATE = "dossier/waiting.html"


def _status(digest: str) -> str | None:
    return StoredDocument.objects.filter(key=digest).values_list("status", flat=True).first()


def _status_and_content(digest: str) -> tuple[str | None, bytes]:
    """The row's status and, once it is ready, its bytes: a download of a made dossier is one
    read. The content column is empty until the worker fills it, so a pending row costs nothing
    more than its status."""
    row = StoredDocument.objects.filter(key=digest).values_list("status", "content").first()
    if row is None:
        return None, b""
    return row[0], bytes(row[1])


def serve_stored(
    http: HttpRequest,
    key: DocumentKey,
    request: DesignRequest,
    *,
    installer: str,
    report_json: str = "",
) -> HttpResponse:
    """The stored PDF (200), a page that waits for it (202), or why not (429, 503)."""
    polling = bool(http.headers.get("HX-Request"))
    # A poll only needs to know whether the dossier is ready; htmx then opens it by its URL.
    status, content = (_status(key.digest), b"") if polling else _status_and_content(key.digest)
    hit = status == StoredDocument.Status.READY
    if status is None or (status == StoredDocument.Status.FAILED and not polling):
        seconds = wait_seconds(http, "document-render", settings.RATE_DOCUMENT_RENDER)
        if seconds:
            return too_many_page(http, seconds)
        tasks.request_render(
            key.digest,
            "pdf",
            request,
            lang=key.lang,
            installer=installer,
            today=timezone.localdate(),
            report_json=report_json,
        )
        status = _status(key.digest)
    if status == StoredDocument.Status.READY:
        if polling:
            # htmx swaps HTML, not a PDF: the browser opens the document itself.
            return HttpResponseClientRedirect(http.get_full_path())
        if not hit:  # made in this request (the immediate task backend): read it now
            content = bytes(
                StoredDocument.objects.values_list("content", flat=True).get(key=key.digest)
            )
        response = HttpResponse(content, content_type="application/pdf")
        response["X-Document-Cache"] = "hit" if hit else "miss"
        return response
    failed = status == StoredDocument.Status.FAILED
    template = f"{TEMPLATE}#status" if polling else TEMPLATE
    # A poll gets its answer as 200, or htmx would not swap the failure in and would poll on.
    code = 202 if not failed else 200 if polling else 503
    response = render(http, template, {"failed": failed}, status=code)
    if failed:
        response["Retry-After"] = "60"
    return response
