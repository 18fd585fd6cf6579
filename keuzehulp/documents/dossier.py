"""What the installation dossier shows, as display-ready rows: the Design formatted, not recomputed.

:func:`build_context` turns a Design into the template context of
``templates/dossier/dossier.html``: every number already written the way the
reader's language writes it (4,56 kWh; € 1.480,00), every finding in that
language. Call it inside ``translation.override(lang)``.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from keuzehulp.documents import commissioning, heat, protection
from keuzehulp.documents.cable_text import cable_basis, cable_governance
from keuzehulp.documents.labels import (
    RCD_POLES,
    StepText,
    breaker_label,
    by_group_number,
    cable_label,
    circuit_purpose,
    household_number,
    money,
    num,
    plain_source,
    quantity,
    rcd_label,
    steps_in,
)
from keuzehulp.documents.rail import rail_layout_svg
from keuzehulp.documents.svg import single_line_diagram
from keuzehulp.wording import first_sentence, unit_text
from sizing.schema import Circuit, Design, Severity
from sizing.text import one_line

BACKUP_NAMES = {
    "none": gettext_noop("Geen noodstroom"),
    "distribution_unit": gettext_noop("Noodstroom verdeelunit"),
    "backup_box": gettext_noop("BackupBox"),
}


@dataclass
class CircuitRow:
    group: str
    purpose: str
    breaker: str
    rcd: str
    cable: str
    length: str
    phase: str
    muted: bool = False
    zs: protection.ZsCell = field(default_factory=lambda: protection.ZsCell("—"))


@dataclass
class CalcSection:
    name: str
    title: str
    facts: list[tuple[str, str]]
    steps: list[StepText] = field(default_factory=list)


def purpose(circuit: Circuit, lang: str) -> str:
    return circuit_purpose(circuit, lang)


def group_name(circuit: Circuit) -> str:
    number = household_number(circuit)
    if number is not None:
        return _("Groep %(n)s") % {"n": number}
    if circuit.name == "ac_grid":
        return _("Thuisbatterij")
    if circuit.name == "backup":
        return _("Noodstroom")
    if circuit.name == "pv":
        return _("Zonnepanelen")
    return circuit.name


def diagram_data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def build_context(
    design: Design,
    *,
    lang: str,
    installer: str = "",
    today: date | None = None,
    svg: str | None = None,
    report: dict[str, Any] | None = None,
) -> dict[str, Any]:
    # Imported here: the report's rows name groups with this module's group_name.
    from keuzehulp.testreport.present import context_of

    today = today or date.today()
    if svg is None:
        svg = single_line_diagram(design, lang=lang, gettext=_)
    request = design.request
    findings = {
        severity.value: [
            {
                "text": f.text(lang),
                "headline": first_sentence(f.text(lang)),
                "reference": plain_source(f.source(lang), lang),
                "circuit": _circuit_title(design, f.circuit, lang),
            }
            for f in design.findings
            if f.severity is severity
        ]
        for severity in Severity
    }
    return {
        "lang": lang,
        "design": design,
        # Configurations saved before control characters were refused may still hold them.
        "reference": one_line(request.project_reference),
        "installer": one_line(installer),
        "date": date_format(today, "j F Y"),
        "catalog_version": design.catalog_version,
        "engine_version": design.engine_version,
        "valid": design.valid,
        "warning_count": len(design.by_severity(Severity.WARNING)),
        "summary": _summary(design, lang),
        "diagram_uri": diagram_data_uri(svg),
        "layout_uri": (
            diagram_data_uri(rail_layout_svg(design, lang=lang, gettext=_))
            if design.board is not None and design.board.layout is not None
            else ""
        ),
        "circuit_rows": _circuit_rows(design, lang),
        "bom": _bom(design, lang),
        "totals": _totals(design, lang),
        "has_generic": any(b.is_generic for b in design.bom),
        "has_example_prices": any(b.price_is_example for b in design.bom),
        "calc_sections": _calc_sections(design, lang),
        "household": _household(design, lang),
        # The heat calculation's steps stand on its own page.
        "system_steps": steps_in(
            [s for s in design.trace if not s.key.startswith("board.heat")], lang
        ),
        "findings": findings,
        "finding_count": len(design.findings),
        "settings": commissioning.settings(design, lang),
        "rcd_tests": commissioning.rcd_tests(design, lang),
        "insulation": commissioning.insulation_rows(design, lang),
        "earthing": commissioning.earthing_rows(design),
        "earthing_system": request.connection.earthing,
        "backup_chosen": request.backup != "none",
        "measurement_report": context_of(report, lang),
        **protection.context(design, lang),
        **heat.context(design, lang),
    }


def _circuit_title(design: Design, name: str | None, lang: str) -> str:
    if name is None:
        return ""
    circuit = next((c for c in design.circuits if c.name == name), None)
    return f"{group_name(circuit)}: {purpose(circuit, lang)}" if circuit else name


def _summary(design: Design, lang: str) -> list[tuple[str, str]]:
    request = design.request
    rows: list[tuple[str, str]] = []
    inv = request.inverter
    inverter = design.inverter
    if inverter is not None:
        phases = _("3-fase") if inverter.phases == 3 else _("1-fase")
        inv += f" — {num(inverter.power_kw, lang)} kW, {phases}"
    rows.append((_("Omvormer"), inv))
    battery = design.battery
    if battery is not None:
        clusters = " + ".join(str(n) for n in battery.clusters) or "—"
        rows.append((_("Batterij"), f"{battery.count} × {battery.module}"))
        rows.append(
            (
                _("Clusters"),
                _("%(modules)s (%(clusters)s)")
                % {
                    "modules": ngettext("%(n)s module", "%(n)s modules", battery.count)
                    % {"n": clusters},
                    "clusters": ngettext("%(n)s cluster", "%(n)s clusters", len(battery.clusters))
                    % {"n": len(battery.clusters)},
                },
            )
        )
        rows.append(
            (
                _("Capaciteit"),
                _("%(usable)s kWh bruikbaar, %(nominal)s kWh nominaal")
                % {
                    "usable": num(battery.usable_kwh, lang),
                    "nominal": num(battery.nominal_kwh, lang),
                },
            )
        )
    else:
        rows.append(
            (_("Batterij"), ", ".join(f"{b.count} × {b.module}" for b in request.batteries))
        )
    backup = _(BACKUP_NAMES[request.backup])
    line = next((b for b in design.bom if b.category == "backup"), None)
    if line is not None:
        backup += f" ({line.article})"
    if request.shutdown_kit:
        backup += ", " + _("met afschakelset")
    rows.append((_("Noodstroom"), backup))
    conn = request.connection
    earthing = conn.earthing if conn.earthing != "unknown" else _("aardingsstelsel onbekend")
    rows.append((_("Aansluiting"), f"{conn.phases} × {num(conn.main_fuse_a, lang)} A, {earthing}"))
    board = design.board
    if board is not None:
        if board.mode == "new":
            text = _("nieuwe groepenkast")
            if board.enclosure:
                text += f" {board.enclosure} ({board.enclosure_article})"
            text += ", " + _("%(n)s modules bezet") % {"n": board.modules_needed}
        else:
            text = _("bestaande groepenkast; nieuw: %(needed)s modules, vrij: %(free)s") % {
                "needed": board.modules_needed,
                "free": board.modules_free if board.modules_free is not None else "—",
            }
        rows.append((_("Groepenkast"), text))
        if warmth := heat.summary(design, lang):
            rows.append((_("Warmteberekening"), warmth))
    if request.existing_pv is not None:
        pv = request.existing_pv
        rows.append((_("Bestaande PV"), f"{num(pv.power_kw, lang)} kW, {pv.phase}"))
    location = _("binnen") if request.location == "indoor" else _("buiten")
    if request.min_ambient_c is not None:
        location += ", " + _("min. %(t)s °C") % {"t": num(request.min_ambient_c, lang)}
    if request.max_ambient_c is not None:
        location += ", " + _("max. %(t)s °C") % {"t": num(request.max_ambient_c, lang)}
    rows.append((_("Opstelling"), location))
    return rows


def _rcd_of(design: Design, circuit: Circuit, numbers: dict[int, int], lang: str) -> str:
    if circuit.rcd is None:
        return "—"
    if circuit.rcd.is_rcbo:
        return _("aardlekautomaat") + f", {rcd_label(circuit.rcd, lang)}"
    board = design.board
    if board is not None:
        for rcd in board.rcds:
            if circuit.name in rcd.groups and id(rcd) in numbers:
                name = commissioning.rcd_name(rcd, numbers, lang)
                return f"{name}, {rcd_label(circuit.rcd, lang)}"
    return _("aardlekschakelaar") + f", {rcd_label(circuit.rcd, lang)}"


def _circuit_rows(design: Design, lang: str) -> list[CircuitRow]:
    numbers = commissioning.rcd_numbers(design)
    rows = []
    for circuit in by_group_number(design.circuits):
        cable = circuit.cable
        rows.append(
            CircuitRow(
                group=group_name(circuit),
                purpose=purpose(circuit, lang),
                breaker=breaker_label(circuit.breaker, lang),
                rcd=_rcd_of(design, circuit, numbers, lang),
                cable=(f"{cable_label(cable, lang)}, {cable.method}" if cable else "—"),
                length=f"{num(cable.length_m, lang, 1)} m" if cable else "—",
                phase=circuit.phase,
                zs=protection.zs_cell(circuit, lang),
            )
        )
    board = design.board
    if board is not None and board.mode == "existing":
        for rcd in board.rcds:
            if rcd.is_new:
                continue
            name = commissioning.rcd_name(rcd, numbers, lang)
            count = len(rcd.groups)
            rows.append(
                CircuitRow(
                    group=_("bestaand"),
                    purpose=ngettext("%(n)s bestaande groep", "%(n)s bestaande groepen", count)
                    % {"n": count},
                    breaker="—",
                    rcd=f"{name}, {rcd_label_of(rcd, lang)}",
                    cable="—",
                    length="—",
                    phase=rcd.phase or "—",
                    muted=True,
                )
            )
    return rows


def rcd_label_of(rcd: Any, lang: str) -> str:
    poles = RCD_POLES.get(rcd.poles, "")
    return f"{num(rcd.sensitivity_ma, lang)} mA type {rcd.type} {poles}".strip()


def _bom(design: Design, lang: str) -> list[dict[str, str | bool]]:
    rows: list[dict[str, str | bool]] = []
    for line in design.bom:
        rows.append(
            {
                "article": line.article,
                "description": line.description_en
                if lang == "en" and line.description_en
                else line.description,
                "quantity": quantity(line.quantity, lang),
                "unit": unit_text(line.unit, lang),
                "unit_price": money(line.unit_price_eur, lang),
                "total": money(line.line_total_eur, lang),
                "is_generic": line.is_generic,
                "price_is_example": line.price_is_example,
            }
        )
    return rows


def _totals(design: Design, lang: str) -> dict[str, str] | None:
    totals = design.totals
    if totals is None:
        return None
    return {
        "excl": money(totals.excl_vat_eur, lang),
        "vat": money(totals.vat_eur, lang),
        "incl": money(totals.incl_vat_eur, lang),
    }


def _household(design: Design, lang: str) -> dict[str, Any]:
    """Circuits with a one-step trace (the new board's final circuits); a shared basis once."""
    rows = [
        (group_name(c), s)
        for c in design.circuits
        if len(c.trace) == 1
        for s in steps_in(c.trace, lang)
    ]
    bases = {s.basis for _, s in rows}
    return {
        "rows": rows,
        "common_basis": bases.pop() if len(bases) == 1 else "",
        "all_default": bool(rows) and all(s.is_default for _, s in rows),
    }


# A basis at least this long is printed once in the calculations chapter; a later step with
# the same basis refers back to it. Shorter ones (a table and column, "catalogus") are shorter
# than the reference would be, and stay where they are.
LONG_BASIS = 80


def bases_once(sections: list[CalcSection]) -> list[CalcSection]:
    """``sections`` with every long basis printed at its first step only.

    The backup port's cable is sized by the same rules as the grid port's, and a PV group's
    RCDs by one rule each: printed again, the same paragraph (up to 900 characters of
    sources) filled a page of the largest dossier and a share of its render time. A repeat
    reads "Zie <section>, stap <n>." and points at the step that prints it.
    """
    first: dict[str, str] = {}
    result = []
    for section in sections:
        steps = []
        for number, step in enumerate(section.steps, start=1):
            if len(step.basis) >= LONG_BASIS:
                if step.basis in first:
                    step = replace(step, basis=first[step.basis])
                else:
                    first[step.basis] = _("Zie %(section)s, stap %(n)s.") % {
                        "section": section.title,
                        "n": number,
                    }
            steps.append(step)
        result.append(replace(section, steps=steps))
    return result


def _calc_sections(design: Design, lang: str) -> list[CalcSection]:
    sections = []
    for circuit in design.circuits:
        if len(circuit.trace) <= 1:
            continue
        facts = [(_("Ontwerpstroom Ib"), f"{num(circuit.design_current_a, lang)} A")]
        if circuit.breaker is not None:
            facts.append((_("Beveiliging In"), breaker_label(circuit.breaker, lang)))
        if circuit.cable is not None:
            facts.append(
                (
                    _("Kabel"),
                    f"{cable_label(circuit.cable, lang)}, {num(circuit.cable.length_m, lang, 1)} m",
                )
            )
            facts.append((_("Kabeltype"), cable_basis(circuit.cable, lang)))
            facts.append((_("Toelaatbare stroom Iz"), f"{num(circuit.cable.iz_a, lang)} A"))
            if governance := cable_governance(circuit.cable, lang):
                facts.append((_("Doorsnede"), governance))
        if circuit.voltage_drop_pct is not None:
            facts.append((_("Spanningsval Δu"), f"{num(circuit.voltage_drop_pct, lang)} %"))
        if circuit.rcd is not None:
            facts.append((_("Aardlekbeveiliging"), rcd_label(circuit.rcd, lang)))
        sections.append(
            CalcSection(
                name=circuit.name,
                title=f"{group_name(circuit)}: {purpose(circuit, lang)}",
                facts=facts,
                steps=steps_in(circuit.trace, lang),
            )
        )
    return bases_once(sections)
