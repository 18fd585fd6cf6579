"""Saved configurations' dossiers made again by the workers after a catalogue change.

A stored dossier is keyed by the catalogue version (see :mod:`keuzehulp.documents.cache`), so
after an edit no download can be served an old one: it asks for the new key. Without this,
every saved configuration's first download after a price change would wait for a render.
When a change commits, one sweep is queued; a worker then queues a render of the default
dossier (the saving language, no installer name: what saving queues) of every configuration
saved in the last ``DOCUMENT_REFRESH_DAYS`` days. Older ones are made on their next download.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from pydantic import ValidationError

from catalog.services import catalog_version
from keuzehulp.documents.cache import DocumentKey
from keuzehulp.documents.tasks import request_render
from keuzehulp.models import Configuration
from sizing import ENGINE_VERSION
from sizing.schema import DesignRequest
from sizing.text import LENIENT

# Below the downloads' 0: a worker takes every waiting download before the next re-render.
PRIORITY = -10


def catalogue_changed() -> None:
    """Queue one sweep when the transaction that changed the catalogue commits."""
    if settings.TASKS_BACKEND == "immediate":
        # No worker (``make run``, tests): the admin's request would render every dossier.
        return
    connection = transaction.get_connection()
    # An import or ``loaddata`` bumps the version once a row in one transaction: one sweep.
    if any(func is _queue_sweep for _, func, _ in connection.run_on_commit):
        return
    transaction.on_commit(_queue_sweep)


def _queue_sweep() -> None:
    rerender_saved_dossiers.using(priority=PRIORITY).enqueue(catalog_version())


@task()
def rerender_saved_dossiers(version: str) -> int:
    """Queue the dossier of every recent saved configuration for ``version``; how many."""
    if catalog_version() != version:
        return 0  # changed again since: that change queued its own sweep
    since = timezone.now() - timedelta(days=settings.DOCUMENT_REFRESH_DAYS)
    today = timezone.localdate()
    queued = 0
    configs = Configuration.objects.filter(created_at__gte=since).only("request", "language")
    for config in configs.iterator(chunk_size=200):
        try:
            request = DesignRequest.model_validate(config.request, context=LENIENT)
        except ValidationError:
            continue  # saved in a shape no longer read: its download says so too
        key = DocumentKey.of(
            "pdf",
            request,
            catalog_version=version,
            engine_version=ENGINE_VERSION,
            lang=config.language,
        )
        queued += request_render(
            key.digest,
            "pdf",
            request,
            lang=config.language,
            installer="",
            today=today,
            priority=PRIORITY,
        )
    return queued
