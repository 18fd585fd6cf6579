"""``python manage.py cable FILE|-``: size one cable and its breaker from a JSON CableRequest.

Prints the CableResult as JSON on stdout. Exit 0 for a result without errors,
1 for a result with error findings, 2 for input that cannot be read (message on
stderr). ``--schema`` prints the JSON Schema of the request and the result.
"""

from __future__ import annotations

from keuzehulp.cli import JsonCommand
from sizing.cable.size import size_cable
from sizing.schema import CableRequest, CableResult


class Command(JsonCommand):
    help = (
        "Size a cable and its breaker (IEC 60364-5-52, IEC 60898-1) from a JSON CableRequest "
        "in FILE, or on stdin with '-'. Exit 0 valid, 1 error findings, 2 unreadable input."
    )
    request_model = CableRequest
    result_model = CableResult
    result_key = "result"

    def compute(self, request: CableRequest) -> CableResult:
        return size_cable(request)
