"""Findings about the cable as it is laid and connected: its type against the request (IEC
60364-5-52 Table 52.1, A.52.3), the voltage-drop target against practice, the inverter's AC
terminal and the conduit fill of single-core wires (NEN 1010 522.8.6, NPR 5310)."""

from __future__ import annotations

from sizing import tables
from sizing.findings.registry import Entry
from sizing.schema import Severity


def _rule(name: str) -> str:
    return tables.rule(name).basis_nl


def _rule_en(name: str) -> str:
    return tables.rule(name).basis


_TYPES = (
    Entry(
        "cable.type_unknown",
        Severity.ERROR,
        nl="Kabeltype {code} staat niet in de catalogus (bekend: {known:list}); zonder type "
        "is niet te zeggen uit welke tabelkolom de kabel belast mag worden.",
        en="Cable type {code} is not in the catalogue (known: {known:list}); without its type "
        "there is no telling which table column rates the cable.",
        reference="IEC 60364-5-52:2009 tabel 52.1, bijlage B",
        reference_en="IEC 60364-5-52:2009 Table 52.1, Annex B",
    ),
    Entry(
        "cable.type_insulation",
        Severity.ERROR,
        nl="{code} heeft {own}-isolatie, niet {insulation}: de stroom wordt bepaald door de "
        "isolatie van de kabel zelf. Laat de isolatie weg of kies een kabeltype met "
        "{insulation}-isolatie.",
        en="{code} has {own} insulation, not {insulation}: the cable's own insulation decides "
        "its current. Leave the insulation out or choose a cable type with {insulation} "
        "insulation.",
        reference="IEC 60364-5-52:2009 bijlage B (PVC 70 °C: tabellen B.52.2/B.52.4; XLPE 90 °C: "
        "B.52.3/B.52.5); Nederlandse kabeltypen",
        reference_en="IEC 60364-5-52:2009 Annex B (PVC 70 °C: Tables B.52.2/B.52.4; XLPE 90 °C: "
        "B.52.3/B.52.5); Dutch cable types",
    ),
    Entry(
        "cable.type_method",
        Severity.ERROR,
        nl="{code} ({construction}) mag niet volgens methode {method} liggen; toegestaan: "
        "{methods:or}.",
        en="{code} ({construction}) may not be laid by method {method}; allowed: {methods:or}.",
        reference=lambda: _rule("cable_methods_by_construction"),
        reference_en=lambda: _rule_en("cable_methods_by_construction"),
    ),
)

_PRACTICE = (
    Entry(
        "cable.sized_by_voltage_drop",
        Severity.INFO,
        nl="Het spanningsvaldoel van {target_pct:n} % bepaalt de doorsnede, niet de stroom: "
        "{csa:n1} mm² (Δu {drop_pct:n} %), waar {by_current:n1} mm² de stroom al draagt. "
        "Aan Iz en {advice_pct:n} % voldoet {at_advice:n1} mm² (Δu {advice_drop_pct:n} %).",
        en="The voltage-drop target of {target_pct:n} % sets the cross-section, not the "
        "current: {csa:n1} mm² (Δu {drop_pct:n} %), where {by_current:n1} mm² already carries "
        "the current. {at_advice:n1} mm² (Δu {advice_drop_pct:n} %) meets Iz and "
        "{advice_pct:n} %.",
        reference=lambda: f"{_rule('voltage_drop_target_pct')}; {_rule('voltage_drop_advice_pct')}",
        reference_en=lambda: (
            f"{_rule_en('voltage_drop_target_pct')}; {_rule_en('voltage_drop_advice_pct')}"
        ),
    ),
    Entry(
        "cable.terminal_unknown",
        Severity.WARNING,
        nl="De catalogus kent de grootste aderdoorsnede van de AC-klemmen van de {inverter} "
        "niet. Controleer in de installatiehandleiding dat {csa:n1} mm² past.",
        en="The catalogue does not know the largest conductor the AC terminals of the "
        "{inverter} take. Check in the installation manual that {csa:n1} mm² fits.",
        reference="Catalogusveld 'max. aderdoorsnede AC-klem' (installatiehandleiding van de "
        "fabrikant)",
        reference_en="Catalogue field 'max. aderdoorsnede AC-klem' (manufacturer's installation "
        "manual)",
    ),
    Entry(
        "cable.terminal_too_small",
        Severity.WARNING,
        nl="{csa:n1} mm² past niet in de AC-klemmen van de {inverter} (max. {max_csa:n1} "
        "mm²). Sluit aan via een tussenklem of verdeeldoos, of kies de kabel die aan Iz en "
        "{advice_pct:n} % voldoet als die past.",
        en="{csa:n1} mm² does not fit the AC terminals of the {inverter} (max. {max_csa:n1} "
        "mm²). Connect through an intermediate terminal or junction box, or choose the cable "
        "that meets Iz and {advice_pct:n} % if that fits.",
        reference="Installatiehandleiding van de fabrikant (catalogusveld); "
        "IEC 60364-5-52:2009 526 (verbindingen)",
        reference_en="Manufacturer's installation manual (catalogue field); "
        "IEC 60364-5-52:2009 526 (connections)",
    ),
    Entry(
        "cable.conduit_fill",
        Severity.INFO,
        nl="{count} × VD {csa:n1} mm² in één buis: kies de buismaat zo dat de draden ten "
        "hoogste {fill_pct:n} % van de doorsnede vullen; een buis van {conduit_mm:n} mm neemt "
        "zo alleen draad tot 2,5 mm² (5 × 1,5 of 4 × 2,5 mm²).",
        en="{count} × VD {csa:n1} mm² in one conduit: choose the conduit size so the wires fill "
        "at most {fill_pct:n} % of its cross-section; a {conduit_mm:n} mm conduit only takes "
        "wire up to 2.5 mm² that way (5 × 1.5 or 4 × 2.5 mm²).",
        reference=lambda: _rule("conduit_fill"),
        reference_en=lambda: _rule_en("conduit_fill"),
    ),
)

ENTRIES = _TYPES + _PRACTICE
