"""Load the brochure catalogue from fixtures/: on an empty catalogue, or always with --force.

Loading is idempotent (natural keys: system code, module code, article number),
but it overwrites admins' edits of the same rows, so `make run` only seeds an
empty catalogue and `make fixtures` (--force) resets it on purpose.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from catalog.models import Inverter
from catalog.services import PRODUCT_MODELS

FIXTURE_DIR = Path(settings.BASE_DIR) / "fixtures"


def fixture_files() -> list[str]:
    return [str(path) for path in sorted(FIXTURE_DIR.glob("*.json"))]


class Command(BaseCommand):
    help = "Load the product catalogue fixtures (only into an empty catalogue unless --force)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--force", action="store_true", help="reload even when products exist (resets edits)"
        )

    def handle(self, *args: Any, force: bool = False, **options: Any) -> None:
        if Inverter.objects.exists() and not force:
            self.stdout.write("Catalogue already has products; nothing loaded (use --force).")
            return
        call_command("loaddata", *fixture_files(), verbosity=0)
        # loaddata saves raw, which history skips: record the loaded state so the first
        # admin edit shows old → new.
        for model in PRODUCT_MODELS:
            model.history.bulk_history_create(  # type: ignore[attr-defined]
                list(model.objects.all()), default_change_reason="fixtures"
            )
        self.stdout.write(f"Catalogue loaded: {Inverter.objects.count()} inverters.")
