"""``python manage.py refresh_documents``: queue the saved configurations' dossiers again.

What a catalogue change does by itself (see :mod:`keuzehulp.documents.refresh`), for when the
stored documents are gone: a database restored from a dump made without their bytes, or a
store pruned by hand. The workers then make the dossiers of configurations saved in the last
``DOCUMENT_REFRESH_DAYS`` days before anyone asks.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from catalog.services import catalog_version
from keuzehulp.documents import refresh


class Command(BaseCommand):
    help = "Queue the dossiers of recently saved configurations for the document workers."

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.TASKS_BACKEND != "database":
            # The immediate backend would render every dossier here, one after another.
            raise CommandError("refresh_documents needs TASKS_BACKEND=database and a worker")
        refresh.rerender_saved_dossiers.using(priority=refresh.PRIORITY).enqueue(catalog_version())
        self.stdout.write(
            "Queued: the workers make the dossiers of configurations saved in the last "
            f"{settings.DOCUMENT_REFRESH_DAYS} days."
        )
