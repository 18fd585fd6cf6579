"""The test report page of a saved configuration: filled in on site, finalised, kept.

Access follows the configuration's: anyone with the share link reads the report and its
PDF; only a browser that has the design in its "Mijn ontwerpen" list writes it (as only
those browsers rename it). Every write is a plain form POST that works without JavaScript;
htmx posts the same form with ``?live=1`` and swaps in the verdicts, saving nothing.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from keuzehulp import designs
from keuzehulp.models import Configuration, MeasurementReport
from keuzehulp.testreport import present, store
from keuzehulp.testreport.forms import ReportForm
from keuzehulp.testreport.sheet import Row, rows_for
from keuzehulp.testreport.verdict import lines, passed
from sizing.schema import Design

TEMPLATE = "testreport/report.html"


def language() -> str:
    return "en" if (translation.get_language() or "nl").lower().startswith("en") else "nl"


def _config(pk: uuid.UUID) -> Configuration:
    config = Configuration.objects.filter(pk=pk).first()
    if config is None:
        raise Http404("no such configuration")
    return config


def may_write(request: HttpRequest, config: Configuration) -> bool:
    return designs.listed(request).filter(configuration=config).exists()


def _initial(report: MeasurementReport | None) -> dict[str, Any]:
    if report is None:
        return {}
    initial: dict[str, Any] = {
        "measured_by": report.measured_by,
        "measured_on": report.measured_on,
        "instrument_model": report.instrument_model,
        "instrument_serial": report.instrument_serial,
        "backup_priorities": report.backup_priorities,
    }
    lang = language()
    for key, value in (report.values or {}).items():
        if isinstance(value, bool) or value is None:
            initial[key] = value
        elif isinstance(value, int | float):
            # Shown back the way the installer's language writes it.
            text = f"{value:.6f}".rstrip("0").rstrip(".")  # as typed: no exponent, no rounding
            initial[key] = text.replace(".", ",") if lang == "nl" else text
    return initial


def _form(rows: list[Row], design: Design, data: Any = None, initial: Any = None) -> ReportForm:
    return ReportForm(rows, data, initial=initial, with_priorities=design.request.backup != "none")


def _render(
    request: HttpRequest,
    config: Configuration,
    design: Design | None,
    form: ReportForm | None,
    values: dict[str, Any] | None = None,
    *,
    status: int = 200,
    partial: str | None = None,
) -> HttpResponse:
    lang = language()
    reports = list(config.measurement_reports.order_by("-revision"))
    final = next((r for r in reports if r.is_final), None)
    found = lines(form.rows, values or {}, lang) if form is not None else []
    context = {
        "config": config,
        "design": design,
        "lang": lang,
        "form": form,
        "fields": {line.row.key: form[line.row.key] for line in found} if form else {},
        "sections": present.grouped(found),
        "passed": passed(found),
        "outside": [line for line in found if line.status == "fail"],
        "missing_count": sum(line.status == "missing" for line in found),
        "reports": reports,
        "draft": reports[0] if reports and not reports[0].is_final else None,
        "final": present.context_of(present.payload(final), lang) if final else None,
        "final_report": final,
        "may_write": form is not None,
    }
    template = f"{TEMPLATE}#{partial}" if partial else TEMPLATE
    return TemplateResponse(request, template, context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
def report(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    config = _config(pk)
    design = store.design_of(config)
    if design is None:
        return _render(request, config, None, None)
    rows = rows_for(design)
    if request.method != "POST":
        current = store.latest(config)
        if not may_write(request, config):
            return _render(request, config, design, None)
        form = _form(rows, design, initial=_initial(current))
        return _render(request, config, design, form, current.values if current else {})
    if not may_write(request, config):
        messages.error(
            request,
            _(
                "Alleen een browser die dit ontwerp in Mijn ontwerpen heeft, kan het meetrapport "
                "invullen. Met de link kunt u het alleen lezen."
            ),
        )
        return _render(request, config, design, None, status=403)
    form = _form(rows, design, data=request.POST)
    valid = form.is_valid()
    if request.GET.get("live"):
        return _render(request, config, design, form, form.values(), partial="live")
    finalise = request.POST.get("action") == "finalise"
    if not valid or (finalise and not form.require_signature()):
        messages.error(request, _("Niet opgeslagen: verbeter de gemarkeerde velden."))
        return _render(request, config, design, form, form.values())
    saved = store.save(config, design, form.values(), form.cleaned_data, finalise=finalise)
    if finalise:
        messages.success(
            request,
            _("Revisie %(n)s is afgerond en kan niet meer worden gewijzigd.")
            % {"n": saved.revision},
        )
        return redirect(reverse("testreport:revision", args=[config.pk, saved.revision]))
    messages.success(request, _("Opgeslagen (concept, revisie %(n)s).") % {"n": saved.revision})
    return redirect(reverse("testreport:report", args=[config.pk]) + "#meetwaarden")


@require_safe
def revision(request: HttpRequest, pk: uuid.UUID, number: int) -> HttpResponse:
    """A finalised revision, read-only, as it was frozen."""
    config = _config(pk)
    found = config.measurement_reports.filter(revision=number, finalised_at__isnull=False).first()
    if found is None:
        raise Http404("no such finalised revision")
    context = {
        "config": config,
        "report": found,
        "final": present.context_of(present.payload(found), language()),
        "latest": store.latest_final(config),
    }
    return TemplateResponse(request, "testreport/revision.html", context)
