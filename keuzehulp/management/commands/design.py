"""``python manage.py design FILE|-``: check one configuration against the live catalogue.

Reads a DesignRequest as JSON from FILE (or stdin with ``-``) and prints the
Design as JSON. Exit 0 for a design without errors, 1 for a design with error
findings, 2 for input that cannot be read (message on stderr naming the
field). ``--schema`` prints the JSON Schema of the request and the response.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from keuzehulp.cli import EXIT_BAD_INPUT, EXIT_FINDINGS, BadInput, read_model
from sizing.domain import Catalog
from sizing.engine import design
from sizing.schema import Design, DesignRequest


def live_catalog() -> Catalog:
    # Imported here so that --schema and bad input need no database.
    from catalog.services import load_catalog

    return load_catalog()


class Command(BaseCommand):
    help = (
        "Check an AlphaESS SMILE G3 configuration against the live catalogue: a JSON "
        "DesignRequest in FILE, or on stdin with '-'; prints the Design as JSON. "
        "Exit 0 valid, 1 error findings, 2 unreadable input."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", nargs="?", help="JSON file with a DesignRequest, or '-'")
        parser.add_argument(
            "--schema",
            action="store_true",
            help="print the JSON Schema of the request and the response, and stop",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["schema"]:
            schema = {
                "request": DesignRequest.model_json_schema(),
                "response": Design.model_json_schema(),
            }
            self.stdout.write(json.dumps(schema, indent=2, ensure_ascii=False))
            return
        source = options["source"]
        try:
            if source is None:
                raise BadInput("give a JSON file with a DesignRequest, or '-' to read stdin")
            request = read_model(source, DesignRequest)
        except BadInput as exc:
            self.stderr.write(str(exc))
            raise SystemExit(EXIT_BAD_INPUT) from exc
        result = design(request, live_catalog())
        self.stdout.write(result.model_dump_json(indent=2))
        if not result.valid:
            raise SystemExit(EXIT_FINDINGS)
