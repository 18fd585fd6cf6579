"""``python manage.py prune_documents [--days N]``: forget rendered documents made long ago.

Every catalogue edit and engine release gives each dossier a new key, so the rows of the old
keys are never read again; and any row can be made again from its configuration. A row made
more than N days ago (default 30) is deleted; a later download queues a new render.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from keuzehulp.models import StoredDocument

MAX_DAYS = 36500


class Command(BaseCommand):
    help = "Delete rendered documents requested more than --days ago (default 30)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=30)

    def handle(self, *args: Any, **options: Any) -> None:
        days = options["days"]
        # Beyond a century the cut-off falls before the calendar's year 1 (OverflowError).
        if not 1 <= days <= MAX_DAYS:
            raise CommandError(f"--days must be 1 or more and at most {MAX_DAYS}", returncode=2)
        cutoff = timezone.now() - timedelta(days=days)
        deleted, _ = StoredDocument.objects.filter(requested_at__lt=cutoff).delete()
        self.stdout.write(f"{deleted} rendered documents older than {days} days deleted.")
