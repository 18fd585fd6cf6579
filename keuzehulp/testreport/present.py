"""A finalised report as display rows, for its page, its PDF and the dossier's section.

Everything is read from the frozen payload (:func:`payload`), never from the design as it
is today: a catalogue edit after "Afronden" changes nothing a signed report says.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from itertools import groupby
from typing import Any

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from keuzehulp.models import MeasurementReport
from keuzehulp.testreport.sheet import Row
from keuzehulp.testreport.verdict import Line, lines, passed

SECTIONS = {
    "rcd": gettext_noop("Aardlekbeveiliging"),
    "circuit": gettext_noop("Groepen: isolatieweerstand en foutlusimpedantie"),
    "earthing": gettext_noop("Aarding"),
    "settings": gettext_noop("Instellingen"),
}


def payload(report: MeasurementReport) -> dict[str, Any]:
    """What a finalised revision prints, as plain JSON (the dossier's worker receives this)."""
    return {
        "revision": report.revision,
        "finalised_at": report.finalised_at.isoformat() if report.finalised_at else "",
        "measured_by": report.measured_by,
        "measured_on": report.measured_on.isoformat() if report.measured_on else "",
        "instrument_model": report.instrument_model,
        "instrument_serial": report.instrument_serial,
        "backup_priorities": report.backup_priorities,
        "sheet": report.sheet,
    }


def draft_payload(report: MeasurementReport, sheet: dict[str, Any]) -> dict[str, Any]:
    """What a draft prints in its concept PDF: the payload with today's ``sheet``, marked."""
    return {**payload(report), "sheet": sheet, "draft": True}


def payload_json(report: MeasurementReport | None) -> str:
    return json.dumps(payload(report), sort_keys=True) if report is not None else ""


def section_titles() -> dict[str, str]:
    return {key: _(title) for key, title in SECTIONS.items()}


def grouped(found: list[Line]) -> list[dict[str, Any]]:
    """Lines by section, then by subject (a device or a group), in the sheet's order."""
    titles = section_titles()
    out = []
    for section, in_section in groupby(found, key=lambda line: line.row.section):
        subjects = [
            {"subject": subject, "lines": list(items)}
            for subject, items in groupby(in_section, key=lambda line: line.subject)
        ]
        out.append({"key": section, "title": titles.get(section, section), "subjects": subjects})
    return out


def context_of(data: dict[str, Any] | None, lang: str) -> dict[str, Any]:
    """The template context of a frozen report (inside ``translation.override(lang)``)."""
    if not data:
        return {"recorded": False}
    sheet = data.get("sheet") or {}
    rows = [Row.from_dict(r) for r in sheet.get("rows", [])]
    found = lines(rows, sheet.get("values", {}), lang)
    measured_on = data.get("measured_on") or ""
    finalised = data.get("finalised_at") or ""
    return {
        "recorded": True,
        "draft": bool(data.get("draft")),
        "revision": data.get("revision"),
        "passed": passed(found),
        "failing": [line for line in found if line.failing],
        "sections": grouped(found),
        "measured_by": data.get("measured_by", ""),
        "measured_on": date_format(date.fromisoformat(measured_on), "j F Y") if measured_on else "",
        "finalised_at": date_format(localtime(datetime.fromisoformat(finalised)), "j F Y, H:i")
        if finalised
        else "",
        "instrument_model": data.get("instrument_model", ""),
        "instrument_serial": data.get("instrument_serial", ""),
        "priorities": [p for p in str(data.get("backup_priorities", "")).splitlines() if p],
        "meta": sheet.get("meta", {}),
    }
