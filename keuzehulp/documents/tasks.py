"""Documents rendered by background workers (django-tasks), stored for every web host.

A dossier costs over a CPU-second; made inside a request it holds a web worker that long
and, under load, everyone's wizard waits behind it. So a download of a dossier not yet made
queues :func:`render_stored_document` and answers at once; a worker (``manage.py
db_worker``, on any host that reaches the database) renders it into a
:class:`~keuzehulp.models.StoredDocument` row that every web host then serves.
"""

from __future__ import annotations

import json
import logging
from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from catalog.services import load_catalog
from keuzehulp.documents.render import Kind, render_dossier
from keuzehulp.models import StoredDocument
from sizing.engine import design
from sizing.schema import DesignRequest
from sizing.text import LENIENT

logger = logging.getLogger(__name__)


def render_document(
    kind: Kind,
    request: DesignRequest,
    *,
    lang: str,
    installer: str = "",
    today: date | None = None,
    report_json: str = "",
) -> bytes:
    """One document for ``request`` against the live catalogue, in ``lang``."""
    result = design(request, load_catalog())
    report = json.loads(report_json) if report_json else None
    return render_dossier(result, kind, lang=lang, installer=installer, today=today, report=report)


@task()
def render_stored_document(
    key: str,
    kind: Kind,
    request_json: str,
    lang: str,
    installer: str,
    today: str,
    report_json: str = "",
) -> int:
    """Render one document into its row; the size in bytes, for the task's result."""
    try:
        request = DesignRequest.model_validate_json(request_json, context=LENIENT)
        data = render_document(
            kind,
            request,
            lang=lang,
            installer=installer,
            today=date.fromisoformat(today),
            report_json=report_json,
        )
    except Exception:
        # The download page says so instead of waiting forever; the next download retries.
        logger.exception("rendering document %s failed", key[:12])
        StoredDocument.objects.filter(key=key).update(status=StoredDocument.Status.FAILED)
        raise
    StoredDocument.objects.update_or_create(
        key=key,
        defaults={
            "kind": kind,
            "status": StoredDocument.Status.READY,
            "content": data,
            "rendered_at": timezone.now(),
        },
    )
    return len(data)


def request_render(
    key: str,
    kind: Kind,
    request: DesignRequest,
    *,
    lang: str,
    installer: str,
    today: date,
    priority: int = 0,
    report_json: str = "",
) -> bool:
    """Mark ``key`` pending and queue its render; whether this call queued it.

    Two downloads racing for the same new document queue one render: only the request that
    turns the row pending (creating it, or reviving a failed one) queues.
    """
    created = False
    with transaction.atomic():
        row, created = StoredDocument.objects.select_for_update().get_or_create(
            key=key, defaults={"kind": kind}
        )
        if not created and row.status == StoredDocument.Status.FAILED:
            row.status = StoredDocument.Status.PENDING
            row.save(update_fields=["status"])
            created = True
    if created:
        # Not on commit: the worker writes the row by its key whether or not it sees the
        # pending one, and a queue in the same database commits the task with the caller.
        render_stored_document.using(priority=priority).enqueue(
            key, kind, request.model_dump_json(), lang, installer, today.isoformat(), report_json
        )
    return created


def prerender_dossier(key: str, request: DesignRequest, *, lang: str) -> None:
    """Queue the dossier of a configuration just saved, so its first download is ready.

    Only where a worker renders it: with the immediate backend (``make run``, tests) the
    save itself would wait the second a dossier takes, for a download that may never come.
    """
    if settings.TASKS_BACKEND == "immediate":
        return
    request_render(key, "pdf", request, lang=lang, installer="", today=timezone.localdate())
