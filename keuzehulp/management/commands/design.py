"""``python manage.py design FILE|-``: check one configuration against the live catalogue.

Reads a DesignRequest as JSON from FILE (or stdin with ``-``) and prints the
Design as JSON. Exit 0 for a design without errors, 1 for a design with error
findings, 2 for input that cannot be read or that the catalogue refuses (a cable
type whose insulation or installation method the request contradicts; message on stderr
naming the field). ``--schema`` prints the JSON Schema of the request and the response.
"""

from __future__ import annotations

from keuzehulp.cli import JsonCommand
from sizing.cable.types import field_errors
from sizing.engine import design
from sizing.schema import Design, DesignRequest


class Command(JsonCommand):
    help = (
        "Check an AlphaESS SMILE G3 configuration against the live catalogue: a JSON "
        "DesignRequest in FILE, or on stdin with '-'; prints the Design as JSON. "
        "Exit 0 valid, 1 error findings, 2 unreadable input."
    )
    request_model = DesignRequest
    result_model = Design

    def compute(self, request: DesignRequest) -> Design:
        # Imported here so that --schema and bad input need no database.
        from catalog.services import load_catalog

        return design(request, load_catalog())

    def refuse(self, request: DesignRequest) -> list[tuple[str, str]]:
        from catalog.services import load_catalog

        return field_errors(request, load_catalog())
