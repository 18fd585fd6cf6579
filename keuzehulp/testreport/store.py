"""Revisions of a configuration's test report: the draft being typed, and frozen ones.

Saving writes the open draft, or starts the next revision when the latest is finalised;
"Afronden" freezes the draft: its rows, values and verdicts are copied into ``sheet`` and
the row is never written again.
"""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from pydantic import ValidationError

from catalog.services import load_catalog
from keuzehulp.designs import system_of
from keuzehulp.models import Configuration, MeasurementReport
from keuzehulp.testreport.sheet import Row, rows_for
from keuzehulp.testreport.verdict import statuses
from keuzehulp.wizard import options
from sizing.schema import Design, DesignRequest
from sizing.text import LENIENT, one_line

SIGNATURE = ("measured_by", "measured_on", "instrument_model", "instrument_serial")


def design_of(config: Configuration) -> Design | None:
    """The configuration's design against today's catalogue; None for a request no longer read."""
    try:
        request = DesignRequest.model_validate(config.request, context=LENIENT)
    except ValidationError:
        return None
    return options.run_design(request, load_catalog())


def latest(config: Configuration) -> MeasurementReport | None:
    return config.measurement_reports.order_by("-revision").first()


def latest_final(config: Configuration) -> MeasurementReport | None:
    return (
        config.measurement_reports.filter(finalised_at__isnull=False).order_by("-revision").first()
    )


def frozen_rows(report: MeasurementReport) -> list[Row]:
    return [Row.from_dict(r) for r in report.sheet.get("rows", [])]


def sheet_of(config: Configuration, design: Design, values: dict[str, Any]) -> dict[str, Any]:
    """The rows, values and verdicts a revision prints: frozen on "Afronden", or built afresh
    for a draft's concept PDF."""
    rows = rows_for(design)
    return {
        "rows": [row.as_dict() for row in rows],
        "values": values,
        "statuses": statuses(rows, values),
        "meta": {
            "reference": one_line(config.project_reference),
            "system": system_of(config),
            "earthing": design.request.connection.earthing,
            "engine_version": design.engine_version,
            "catalog_version": design.catalog_version,
        },
    }


def save(
    config: Configuration,
    design: Design,
    values: dict[str, Any],
    fields: dict[str, Any],
    *,
    finalise: bool,
) -> MeasurementReport:
    """Write ``values`` into the open draft (or a new revision) and freeze it when asked."""
    for attempt in range(2):
        try:
            with transaction.atomic():
                return _save(config, design, values, fields, finalise=finalise)
        except IntegrityError:
            # Two saves raced for the next revision number: the second sees the first's row.
            if attempt:
                raise
    raise AssertionError("unreachable")


def _save(
    config: Configuration,
    design: Design,
    values: dict[str, Any],
    fields: dict[str, Any],
    *,
    finalise: bool,
) -> MeasurementReport:
    current = (
        MeasurementReport.objects.select_for_update()
        .filter(configuration=config)
        .order_by("-revision")
        .first()
    )
    if current is None or current.is_final:
        current = MeasurementReport(
            configuration=config, revision=(current.revision + 1) if current else 1
        )
    current.values = values
    for name in (*SIGNATURE, "backup_priorities"):
        setattr(current, name, fields.get(name) or ("" if name != "measured_on" else None))
    if finalise:
        current.sheet = sheet_of(config, design, values)
        current.finalised_at = timezone.now()
    current.save()
    return current
