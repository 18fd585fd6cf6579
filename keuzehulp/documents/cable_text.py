"""The cable's type and the basis of its cross-section, as the overview and the dossier say it.

Only what the Design holds (sizing.schema.CableSpec): the type, how it is built, the table
column its Iz comes from, and whether the voltage-drop target rather than the current set the
cross-section, with the cable that would meet Iz and the practice figure.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from keuzehulp.documents.labels import num
from sizing.schema import CableSpec
from sizing.tables import cite_nl


def construction_text(cable: CableSpec) -> str:
    if cable.construction == "single_core_wire":
        return _("enkeladerige draad in buis")
    if cable.construction == "multi_core":
        return _("meeraderige kabel")
    return ""


def cable_basis(cable: CableSpec, lang: str) -> str:
    """'YMvK: meeraderige kabel, PVC; methode B2 (IEC 60364-5-52:2009 tabel B.52.4, kolom B2)'."""
    parts = [p for p in (construction_text(cable), cable.insulation) if p]
    text = f"{cable.cable_type}: {', '.join(parts)}; " + _("methode %(method)s") % {
        "method": cable.method
    }
    if cable.ampacity_table:
        table = cite_nl(cable.ampacity_table) if lang == "nl" else cable.ampacity_table
        text += f" ({table})"
    return text


def cable_governance(cable: CableSpec, lang: str) -> str:
    """Empty when the current set the cross-section; else what the target asked for and the
    cable that meets Iz and the practice figure."""
    if cable.governed_by != "voltage_drop":
        return ""
    text = _("Doorsnede bepaald door het spanningsvaldoel; op stroom %(by_current)s mm²") % {
        "by_current": num(cable.csa_by_current_mm2, lang, 1)
    }
    if cable.csa_at_advice_mm2 is not None and cable.voltage_drop_advice_pct is not None:
        text += "; " + _("met Iz en %(pct)s %%: %(csa)s mm²") % {
            "pct": num(cable.voltage_drop_advice_pct, lang),
            "csa": num(cable.csa_at_advice_mm2, lang, 1),
        }
    return text
