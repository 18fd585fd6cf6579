"""``python manage.py dossier FILE|- -o OUT.pdf``: the installation dossier for a design request.

Reads a DesignRequest as JSON from FILE (or stdin with ``-``), designs it
against the live catalogue and writes the PDF to OUT (``-o -`` writes it to
stdout). Nothing is saved. Exit codes as ``design``: 0 for a design without
errors, 1 for a design with error findings (the dossier is still written, with
the errors in it), 2 for input that cannot be read (message on stderr).
``--svg`` and ``--csv`` write the diagram and the order list as well.
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from keuzehulp.cli import EXIT_BAD_INPUT, EXIT_FINDINGS, BadInput, read_model
from sizing.schema import DesignRequest


def _write(target: str, data: bytes) -> None:
    if target == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:
        Path(target).write_bytes(data)
    except OSError as exc:
        raise BadInput(f"cannot write {target}: {exc}") from exc


class Command(BaseCommand):
    help = (
        "Render the installation dossier (PDF) of a JSON DesignRequest in FILE, or on stdin "
        "with '-', against the live catalogue; nothing is saved. "
        "Exit 0 valid, 1 error findings, 2 unreadable input."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", nargs="?", help="JSON file with a DesignRequest, or '-'")
        parser.add_argument("-o", "--output", help="where to write the PDF ('-' for stdout)")
        parser.add_argument("--svg", help="also write the single-line diagram (SVG) here")
        parser.add_argument("--csv", help="also write the order list (CSV) here")
        parser.add_argument("--lang", choices=["nl", "en"], default="nl", help="language")
        parser.add_argument("--installer", default="", help="installer named on the cover")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["source"] is None:
                raise BadInput("give a JSON file with a DesignRequest, or '-' to read stdin")
            if not options["output"]:
                raise BadInput("give the PDF to write with -o OUT.pdf (or -o - for stdout)")
            request = read_model(options["source"], DesignRequest)
            valid = self._render(request, options)
        except BadInput as exc:
            self.stderr.write(str(exc))
            raise SystemExit(EXIT_BAD_INPUT) from exc
        if not valid:
            raise SystemExit(EXIT_FINDINGS)

    def _render(self, request: DesignRequest, options: dict[str, Any]) -> bool:
        # Imported here so that bad input needs neither the database nor WeasyPrint.
        from catalog.services import load_catalog
        from keuzehulp.documents.render import render_dossier
        from sizing.engine import design

        result = design(request, load_catalog())
        render = partial(
            render_dossier, result, lang=options["lang"], installer=options["installer"][:120]
        )
        _write(options["output"], render("pdf"))
        if options["svg"]:
            _write(options["svg"], render("svg"))
        if options["csv"]:
            _write(options["csv"], render("csv"))
        return result.valid
