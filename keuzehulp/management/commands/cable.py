"""``python manage.py cable FILE|-``: size one cable and its breaker from a JSON CableRequest.

Prints the CableResult as JSON on stdout. Exit 0 for a result without errors,
1 for a result with error findings, 2 for input that cannot be read (message on
stderr). ``--schema`` prints the JSON Schema of the request and the result.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from keuzehulp.cli import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, BadInput, read_model
from sizing.cable import size_cable
from sizing.schema import CableRequest, CableResult


class Command(BaseCommand):
    help = (
        "Size a cable and its breaker (IEC 60364-5-52, IEC 60898-1) from a JSON CableRequest "
        "in FILE, or on stdin with '-'. Exit 0 valid, 1 error findings, 2 unreadable input."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", nargs="?", help="JSON file with a CableRequest, or '-'")
        parser.add_argument(
            "--schema",
            action="store_true",
            help="print the JSON Schema of the request and the result, and stop",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["schema"]:
            schema = {
                "request": CableRequest.model_json_schema(),
                "result": CableResult.model_json_schema(),
            }
            self.stdout.write(json.dumps(schema, indent=2, ensure_ascii=False))
            return
        source = options["source"]
        try:
            if source is None:
                raise BadInput("give a JSON file with a CableRequest, or '-' to read stdin")
            request = read_model(source, CableRequest)
        except BadInput as exc:
            self.stderr.write(str(exc))
            raise SystemExit(EXIT_BAD_INPUT) from exc
        result = size_cable(request)
        self.stdout.write(result.model_dump_json(indent=2))
        code = EXIT_OK if result.valid else EXIT_FINDINGS
        if code != EXIT_OK:
            raise SystemExit(code)
