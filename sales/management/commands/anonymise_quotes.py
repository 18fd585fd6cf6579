"""``manage.py anonymise_quotes [--months N]``: the AVG clean-up of quotes without a deal.

Run it daily (README, scheduled jobs). The period defaults to QUOTE_RETENTION_MONTHS.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from sales.privacy import anonymise, cutoff_for


class Command(BaseCommand):
    help = "Remove the personal data of declined, expired and unsent quotes after a period."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--months", type=int, default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        months = options["months"]
        if months is None:
            months = settings.QUOTE_RETENTION_MONTHS
        if not 1 <= months <= 120:
            raise CommandError("--months must be between 1 and 120", returncode=2)
        quotes, requests = anonymise(cutoff_for(months))
        self.stdout.write(f"anonymised {quotes} quotes and {requests} requests")
