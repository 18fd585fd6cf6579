"""Spreadsheets in and out of the catalogue admin: bounded imports, inert exports.

An import is parsed and previewed within one request, the preview inside one database
transaction, so the file's size and row count bound how long the worker runs and how long
other users wait for the database. An export is opened in Excel or LibreOffice, which run a
cell that starts with "=" (or "+", "-", "@") as a formula: a product name must stay text.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

import tablib
from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from import_export.formats.base_formats import CSV, XLSX
from import_export.forms import ImportForm, SelectableFieldsExportForm

# OWASP's list of characters that make a spreadsheet cell a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# "-10,0" is a temperature, not a formula; a signed number computes nothing.
SIGNED_NUMBER = re.compile(r"[+-]?\d[\d.,]*")
# The apostrophe spreadsheets themselves use to mark "this cell is text".
TEXT_MARK = "'"
# An XLSX is a zip of XML: a 1 MB file can unpack to hundreds of MB. An exported catalogue
# sheet unpacks to 1 to 3 kB per row (inverters: 48 columns); this leaves room for Excel's
# styles and wider sheets.
XLSX_UNPACKED_PER_ROW = 8_000


def max_bytes() -> int:
    return int(settings.CATALOG_IMPORT_MAX_BYTES)


def max_rows() -> int:
    return int(settings.CATALOG_IMPORT_MAX_ROWS)


class ImportRefused(ValueError):
    """A file the import does not read; its message is for the admin."""


class ImportTooLarge(ImportRefused):
    """The file is bigger than an import may be."""


def refuse_nul(dataset: tablib.Dataset) -> None:
    """PostgreSQL stores no NUL character: one in a cell would fail the preview's first query."""
    for index, row in enumerate(dataset, start=2):  # row 1 is the header
        for column, cell in zip(dataset.headers or [], row, strict=False):
            if isinstance(cell, str) and "\x00" in cell:
                raise ImportRefused(
                    _(
                        "Rij %(row)s, kolom %(column)s bevat een NUL-teken (U+0000); "
                        "haal het weg en importeer het bestand opnieuw."
                    )
                    % {"row": index, "column": column}
                )


def is_formula(value: Any) -> bool:
    return (
        isinstance(value, str)
        and value.startswith(FORMULA_START)
        and not SIGNED_NUMBER.fullmatch(value)
    )


def neutralised(value: Any) -> Any:
    return TEXT_MARK + value if is_formula(value) else value


def restored(value: Any) -> Any:
    """Undo neutralised() so an export re-imports unchanged."""
    if isinstance(value, str) and value.startswith(TEXT_MARK) and is_formula(value[1:]):
        return value[1:]
    return value


def map_cells(dataset: tablib.Dataset, change: Any) -> None:
    for index, row in enumerate(dataset):
        dataset[index] = [change(cell) for cell in row]


class SafeSpreadsheet:
    """Format mixin: refuse oversized imports, keep exported formulae as text.

    django-import-export calls `_escape_formulae` when IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT
    is on. Its own version strips a leading "=" and nothing else: the name changes, and "+",
    "-" and "@" formulae pass. This one marks formula-like text with the apostrophe, which the
    import takes off again, so an export re-imports unchanged.
    """

    def create_dataset(self, in_stream: Any, **kwargs: Any) -> tablib.Dataset:
        dataset = super().create_dataset(in_stream, **kwargs)  # type: ignore[misc]
        if dataset.height > max_rows():
            raise ImportTooLarge(
                _(
                    "Het bestand heeft meer dan %(max)s rijen; "
                    "splits het in delen van hoogstens %(max)s rijen."
                )
                % {"max": max_rows()}
            )
        refuse_nul(dataset)
        map_cells(dataset, restored)
        return dataset

    def _escape_formulae(self, dataset: tablib.Dataset) -> None:
        map_cells(dataset, neutralised)


class CatalogueCSV(SafeSpreadsheet, CSV):
    pass


class CatalogueXLSX(SafeSpreadsheet, XLSX):
    def create_dataset(self, in_stream: Any, **kwargs: Any) -> tablib.Dataset:
        # Checked on the zip's directory, before anything is unpacked; zipfile never unpacks
        # more than a member's declared size.
        try:
            members = zipfile.ZipFile(io.BytesIO(in_stream)).infolist()
        except zipfile.BadZipFile:
            members = []  # not an XLSX at all: openpyxl says so below
        unpacked = sum(member.file_size for member in members)
        limit = max_rows() * XLSX_UNPACKED_PER_ROW
        if unpacked > limit:
            raise ImportTooLarge(
                _("Het werkblad is uitgepakt %(size)s; een import mag hoogstens %(max)s zijn.")
                % {"size": filesizeformat(unpacked), "max": filesizeformat(limit)}
            )
        return super().create_dataset(in_stream)


CATALOGUE_FORMATS = [CatalogueCSV, CatalogueXLSX]


class CatalogueImportForm(ImportForm):
    """The import form, refusing a file over the size limit before anything reads it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["import_file"].help_text = _(
            "Een CSV- of Excel-bestand (.xlsx) van hoogstens %(size)s en %(rows)s rijen."
        ) % {"size": filesizeformat(max_bytes()), "rows": max_rows()}

    def clean_import_file(self) -> Any:
        upload = self.cleaned_data["import_file"]
        if upload.size > max_bytes():
            raise forms.ValidationError(
                _("Het bestand is %(size)s; een import mag hoogstens %(max)s zijn.")
                % {"size": filesizeformat(upload.size), "max": filesizeformat(max_bytes())}
            )
        return upload


class CatalogueExportForm(SelectableFieldsExportForm):
    """The export form, its "select all" toggle bound by a static script (CSP: no inline code)."""

    @property
    def media(self) -> forms.Media:
        return super().media + forms.Media(js=("js/admin_export.js",))
