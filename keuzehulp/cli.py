"""Shared plumbing of the JSON management commands (design, cable, dossier).

Exit codes, the same for every command: 0 a result without errors, 1 a result
with error findings, 2 input that cannot be read (bad JSON, a missing or
mistyped field, nesting too deep, a number out of range, NaN or Infinity), with a
message on stderr that names the field. Parsing is keuzehulp.jsoninput's, the API's.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, TypeVar

from django.core.management.base import BaseCommand, CommandParser
from pydantic import BaseModel

from keuzehulp import jsoninput

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2
REFUSED = "the request contradicts the catalogue"

M = TypeVar("M", bound=BaseModel)


class BadInput(Exception):
    """Input the command cannot use; ``str()`` is the message for stderr."""


def read_text(source: str) -> str:
    if source == "-":
        try:
            return sys.stdin.read()
        except UnicodeDecodeError as exc:
            raise BadInput(f"cannot read stdin: {exc}") from exc
    path = Path(source)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise BadInput(f"file not found: {source}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(f"cannot read {source}: {exc}") from exc


def parse_model(text: str, model: type[M]) -> M:
    try:
        return jsoninput.parse_model(text, model)
    except jsoninput.UnreadableInput as exc:
        raise BadInput(str(exc)) from exc


def read_model(source: str, model: type[M]) -> M:
    return parse_model(read_text(source), model)


class JsonCommand(BaseCommand):
    """A command that reads one request model as JSON and prints one result model as JSON.

    Subclasses name the two models, the key under which ``--schema`` prints the
    result's schema, and ``compute``; reading, exit codes and ``--schema`` live here.
    """

    request_model: type[BaseModel]
    result_model: type[BaseModel]
    result_key = "response"

    def add_arguments(self, parser: CommandParser) -> None:
        name = self.request_model.__name__
        parser.add_argument("source", nargs="?", help=f"JSON file with a {name}, or '-'")
        parser.add_argument(
            "--schema",
            action="store_true",
            help="print the JSON Schema of the request and the result, and stop",
        )

    def compute(self, request: Any) -> Any:
        raise NotImplementedError

    def refuse(self, request: Any) -> list[tuple[str, str]]:
        """Fields the request may not have given what the catalogue says (dotted path, why).

        What the schema cannot decide alone; a refusal is unreadable input, exit 2.
        """
        return []

    def handle(self, *args: Any, **options: Any) -> None:
        if options["schema"]:
            schema = {
                "request": self.request_model.model_json_schema(),
                self.result_key: self.result_model.model_json_schema(mode="serialization"),
            }
            self.stdout.write(json.dumps(schema, indent=2, ensure_ascii=False))
            return
        source = options["source"]
        name = self.request_model.__name__
        try:
            if source is None:
                raise BadInput(f"give a JSON file with a {name}, or '-' to read stdin")
            request = read_model(source, self.request_model)
            if fields := self.refuse(request):
                raise BadInput(str(jsoninput.UnreadableInput(REFUSED, fields)))
        except BadInput as exc:
            self.stderr.write(str(exc))
            raise SystemExit(EXIT_BAD_INPUT) from exc
        result = self.compute(request)
        self.stdout.write(result.model_dump_json(indent=2))
        if not result.valid:
            raise SystemExit(EXIT_FINDINGS)
