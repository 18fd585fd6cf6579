"""Fault protection in the dossier: the Zs column of the groepenverklaring and, on the
commissioning page, the limit for each measured value (issue 11, points 7, 9 and 13).

Every figure is the engine's (``Circuit.fault``); nothing is recomputed here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from keuzehulp.documents.labels import num
from sizing.schema import Circuit, Design


@dataclass(frozen=True)
class Limit:
    what: str
    unit: str
    calculated: str
    limit: str


@dataclass(frozen=True)
class ZsCell:
    value: str  # the calculated Zs, or "—" where the cable is not in the design
    limit: str = ""  # "max. 2,73 Ω"


def zs_cell(circuit: Circuit, lang: str) -> ZsCell:
    """The groepenverklaring's Zs column: the calculated value over its limit."""
    fault = circuit.fault
    if fault is None or fault.zs_max_ohm is None:
        return ZsCell("—")
    limit = _("max. %(limit)s Ω") % {"limit": num(fault.zs_max_ohm, lang)}
    value = f"{num(fault.zs_ohm, lang)} Ω" if fault.zs_ohm is not None else "—"
    return ZsCell(value, limit)


def _group(circuit: Circuit) -> str:
    # Imported here: dossier imports this module for its rows.
    from keuzehulp.documents.dossier import group_name

    return group_name(circuit)


def measurements(design: Design, lang: str) -> list[Limit]:
    rows: list[Limit] = []
    breaking = [
        c.fault.breaking_capacity_ka
        for c in design.circuits
        if c.fault is not None and c.fault.breaking_capacity_ka is not None
    ]
    if breaking:
        rows.append(
            Limit(
                _("Kortsluitstroom Ik aan het begin van de installatie"),
                "kA",
                "",
                _("≤ %(ka)s kA (kleinste kortsluitvermogen in het ontwerp)")
                % {"ka": num(min(breaking), lang)},
            )
        )
    for circuit in design.circuits:
        fault = circuit.fault
        if fault is None or fault.zs_measured_max_ohm is None:
            continue
        rows.append(
            Limit(
                _("Zs %(group)s") % {"group": _group(circuit)},
                "Ω",
                f"{num(fault.zs_ohm, lang)} Ω" if fault.zs_ohm is not None else "—",
                _("≤ %(limit)s Ω (0,8 × %(max)s Ω)")
                % {
                    "limit": num(fault.zs_measured_max_ohm, lang),
                    "max": num(fault.zs_max_ohm or 0, lang),
                },
            )
        )
    return rows


def island_checks(design: Design) -> list[tuple[str, str]]:
    """What the backup design relies on, to verify with the grid switched off (551.4, 551.6)."""
    if design.request.backup == "none":
        return []
    return [
        (
            _("N–PE-verbinding aan de noodstroomzijde in eilandbedrijf aanwezig"),
            _("doorgaande verbinding N–PE met het net afgeschakeld"),
        ),
        (
            _("Aardlektest backup-beveiliging in eilandbedrijf"),
            _("schakelt af binnen 300 ms bij IΔn, met het net afgeschakeld"),
        ),
        (
            _("Geen spanning op de netzijde van de backup in eilandbedrijf"),
            _("0 V tussen de netklemmen en N/PE tijdens de netuitval"),
        ),
    ]


def warning_labels(design: Design) -> list[str]:
    """514.15: labels a board fed by more than one source carries (grid, battery, PV)."""
    sources = 1 + (design.inverter is not None) + (design.request.existing_pv is not None)
    if sources < 2:
        return []
    labels = [
        _(
            "Op de groepenkast en bij de hoofdschakelaar: 'Let op: deze installatie wordt door "
            "meer dan één bron gevoed (net, thuisbatterij%(pv)s). Schakel alle bronnen uit "
            "voordat u werkt.'"
        )
        % {"pv": _(", zonnepanelen") if design.request.existing_pv is not None else ""},
        _(
            "Bij de beveiliging van de thuisbatterij: 'Omvormer thuisbatterij: ook na uitschakelen "
            "van de hoofdschakelaar kan spanning aanwezig zijn.'"
        ),
    ]
    if design.request.backup != "none":
        labels.append(
            _(
                "Bij de noodstroomgroepen: 'Noodstroom: deze groepen blijven bij netuitval onder "
                "spanning uit de thuisbatterij.'"
            )
        )
    return labels


def isolation_steps(design: Design) -> list[str]:
    """A short procedure to work on the board dead (NEN 3140 practice: the five safety rules)."""
    if design.inverter is None:
        return []
    steps = [
        _("Schakel de omvormer uit volgens de handleiding en zet de batterij uit."),
        _("Schakel de beveiliging van de thuisbatterij in de groepenkast uit."),
    ]
    if design.request.existing_pv is not None:
        steps.append(_("Schakel de groep van de zonnepanelen (en de DC-scheider) uit."))
    if design.request.backup != "none":
        steps.append(_("Schakel de backup-beveiliging naast de omvormer uit."))
    steps += [
        _("Schakel de hoofdschakelaar uit en beveilig alles tegen wederinschakelen (slot, bord)."),
        _("Stel met een spanningstester vast dat alle fasen en N spanningsloos zijn."),
        _("Aard en kortsluit waar nodig en scherm nabije delen onder spanning af."),
    ]
    return steps


def context(design: Design, lang: str) -> dict[str, Any]:
    return {
        "protection_limits": measurements(design, lang),
        "island_checks": island_checks(design),
        "warning_labels": warning_labels(design),
        "isolation_steps": isolation_steps(design),
    }
