"""Findings: stable codes, severities, references and the installer's words for each.

A rule returns a :class:`Hit` (a code and the numbers it found); only
:func:`render` turns it into a :class:`Finding` with a Dutch and an English
message. ``suggest`` needs no more than the codes, so it never pays for text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from sizing.schema import Finding, Severity
from sizing.wording import counts, number, words

BROCHURE = "Vekto-brochure AlphaESS SMILE G3 (2025)"
SERIES_TABLE = (
    f"{BROCHURE}, specificaties per omvormerfamilie: 'Aantal modules in serie' en voetnoot ****"
    " (max. 6 modules per cluster in serie, tot 2 clusters parallel)"
)


class Hit(NamedTuple):
    code: str
    params: dict[str, Any]
    reference: str | None = None  # overrides the code's reference (thresholds carry their own)


def _suggest(p: dict[str, Any], lang: str) -> str:
    if p["suggestions"]:
        return ("Bedoelt u {}?" if lang == "nl" else "Did you mean {}?").format(
            words(p["suggestions"], lang)
        )
    choose = "Kies uit: {}." if lang == "nl" else "Choose from: {}."
    return choose.format(", ".join(p["available"]))


def _inverter_unknown(p: dict[str, Any]) -> tuple[str, str]:
    return (
        f"Omvormer '{p['code']}' staat niet in de catalogus. {_suggest(p, 'nl')}",
        f"Inverter '{p['code']}' is not in the catalogue. {_suggest(p, 'en')}",
    )


def _module_unknown(p: dict[str, Any]) -> tuple[str, str]:
    return (
        f"Batterijmodule '{p['code']}' staat niet in de catalogus. {_suggest(p, 'nl')}",
        f"Battery module '{p['code']}' is not in the catalogue. {_suggest(p, 'en')}",
    )


def _count_not_allowed(p: dict[str, Any]) -> tuple[str, str]:
    allowed_nl, allowed_en = counts(p["allowed"], "nl"), counts(p["allowed"], "en")
    if p["count"] < min(p["allowed"]):
        why_nl = f"De {p['inverter']} heeft minimaal {min(p['allowed'])} modules nodig."
        why_en = f"The {p['inverter']} needs at least {min(p['allowed'])} modules."
    elif p["count"] < max(p["allowed"]) and p["max_clusters"] > 1:
        why_nl = (
            f"Er staan maximaal {p['per_cluster']} modules in serie per cluster; daarboven komen "
            f"ze in {p['max_clusters']} gelijke clusters parallel, dus alleen even aantallen."
        )
        why_en = (
            f"At most {p['per_cluster']} modules go in series per cluster; above that they form "
            f"{p['max_clusters']} equal clusters in parallel, so only even counts."
        )
    else:
        why_nl = f"Er passen maximaal {max(p['allowed'])} van deze modules op deze omvormer."
        why_en = f"At most {max(p['allowed'])} of these modules fit this inverter."
    near_nl, near_en = words(p["nearest"], "nl"), words(p["nearest"], "en")
    return (
        f"{p['count']} × {p['module']} kan niet op een {p['inverter']}: toegestaan zijn "
        f"{allowed_nl} modules. {why_nl} Kies bijvoorbeeld {near_nl} modules.",
        f"{p['count']} × {p['module']} is not allowed on a {p['inverter']}: the allowed counts "
        f"are {allowed_en}. {why_en} Choose for example {near_en} modules.",
    )


def _mixed(p: dict[str, Any]) -> tuple[str, str]:
    return (
        f"Eén systeem kan maar één type batterijmodule hebben; u combineert "
        f"{words(p['modules'], 'nl', both=True)}. De fabrikant geeft geen regel voor het "
        "mengen van types (andere capaciteit en stroom per module in één serieketen). "
        "Kies één type.",
        f"One system takes one battery module type; you combine "
        f"{words(p['modules'], 'en', both=True)}. "
        "The manufacturer gives no rule for mixing types (different capacity and current per "
        "module in one series string). Choose one type.",
    )


def _not_compatible(p: dict[str, Any]) -> tuple[str, str]:
    alt_nl = words(p["compatible"], "nl") or "geen"
    alt_en = words(p["compatible"], "en") or "none"
    return (
        f"De {p['module']} is niet vrijgegeven voor de {p['inverter']}: de catalogus kent geen "
        f"combinatie van deze module met deze omvormer. Geschikte modules: {alt_nl}.",
        f"The {p['module']} is not approved for the {p['inverter']}: the catalogue has no "
        f"combination of this module with this inverter. Suitable modules: {alt_en}.",
    )


def _indoor_only(p: dict[str, Any]) -> tuple[str, str]:
    alt_nl = words(p["alternatives"], "nl") or "een module met IP65"
    alt_en = words(p["alternatives"], "en") or "a module rated IP65"
    return (
        f"De {p['module']} is {p['ip']} en mag alleen binnen staan: hij is niet beschermd tegen "
        f"regen en vocht. Zet de batterijen binnen of kies {alt_nl} (geschikt voor buiten).",
        f"The {p['module']} is {p['ip']} and must stand indoors: it is not protected against "
        f"rain and moisture. Put the batteries indoors or choose {alt_en} (outdoor rated).",
    )


def _temperature(p: dict[str, Any]) -> tuple[str, str]:
    t, m = p["min_ambient_c"], p["module_min_c"]
    alt_nl = f" of kies {words(p['alternatives'], 'nl')}" if p["alternatives"] else ""
    alt_en = f" or choose {words(p['alternatives'], 'en')}" if p["alternatives"] else ""
    return (
        f"Waar de batterijen staan kan het {number(t, 'nl')} °C worden; de {p['module']} werkt "
        f"pas vanaf {number(m, 'nl')} °C. Bij kou laadt en ontlaadt hij niet of beperkt. Zet de "
        f"modules op een warmere plek{alt_nl}.",
        f"It can get as cold as {number(t, 'en')} °C where the batteries stand; the "
        f"{p['module']} only operates from {number(m, 'en')} °C. In the cold it will not charge "
        f"or discharge, or only limited. Put the modules somewhere warmer{alt_en}.",
    )


def _phase_mismatch(p: dict[str, Any]) -> tuple[str, str]:
    alt_nl = words(p["alternatives"], "nl") or "een 1-fase omvormer"
    alt_en = words(p["alternatives"], "en") or "a single-phase inverter"
    return (
        f"De {p['inverter']} is een driefase-omvormer en kan niet op een 1-fase aansluiting. "
        f"Kies {alt_nl}, of laat de aansluiting verzwaren naar 3 fasen.",
        f"The {p['inverter']} is a three-phase inverter and cannot go on a single-phase "
        f"connection. Choose {alt_en}, or have the connection upgraded to three phases.",
    )


def _single_on_three(p: dict[str, Any]) -> tuple[str, str]:
    phase = p["phase"]
    if p["pv_phase"] == "L1":
        why_nl = "Niet op L1, daar zit de bestaande PV al: zo komt niet alle opwek op één fase."
        why_en = "Not on L1, where the existing PV is: that keeps all generation off one phase."
    elif p["pv_phase"] == "3P":
        why_nl = "De bestaande PV is over de drie fasen verdeeld; L1 is de standaardfase."
        why_en = "The existing PV is spread over the three phases; L1 is the default phase."
    elif p["pv_phase"]:
        why_nl = f"L1 is de standaardfase; de bestaande PV zit op {p['pv_phase']}."
        why_en = f"L1 is the default phase; the existing PV is on {p['pv_phase']}."
    else:
        why_nl = "L1 is de standaardfase; er is geen bestaande PV."
        why_en = "L1 is the default phase; there is no existing PV."
    return (
        f"De {p['inverter']} is 1-fase en komt op {phase} van de 3-fase aansluiting. Dat mag: met "
        "3-fase compensatie verrekent hij via zijn meter laden en ontladen over alle fasen. "
        f"{why_nl} Verdeel opwek en grote verbruikers over de fasen: alle teruglevering op één "
        "fase geeft scheefbelasting en spanningsstijging op die fase, waardoor omvormers kunnen "
        "afschakelen.",
        f"The {p['inverter']} is single-phase and goes on {phase} of the three-phase connection. "
        "That is allowed: with three-phase compensation it balances charging and discharging "
        f"across all phases through its meter. {why_en} Spread generation and big loads over "
        "the phases: all feed-in on one phase unbalances the connection and raises that phase's "
        "voltage, which can make inverters trip.",
    )


def _generation_limit(p: dict[str, Any]) -> tuple[str, str]:
    def part(lang: str) -> str:
        if not p["pv_kw"]:
            return ""
        pv = number(p["pv_kw"], lang)
        return f" en {pv} kW bestaande PV" if lang == "nl" else f" and {pv} kW of existing PV"

    if p["connection_phases"] == 1:
        fix_nl = "Laat de aansluiting verzwaren naar 3 fasen of kies een kleinere omvormer."
        fix_en = "Have the connection upgraded to three phases or choose a smaller inverter."
    else:
        fix_nl = "Kies een driefase-omvormer of zet de bestaande PV op een andere fase."
        fix_en = "Choose a three-phase inverter or move the existing PV to another phase."
    total, inv, limit = p["total_kw"], p["inverter_kw"], p["limit_kw"]
    return (
        f"Op {p['phase']} komt {number(total, 'nl')} kW opwek: {number(inv, 'nl')} kW van de "
        f"{p['inverter']}{part('nl')}. Dat is meer dan de {number(limit, 'nl')} kW die op één "
        f"fase mag; de netbeheerder kan dit weigeren (scheefvoeding). {fix_nl}",
        f"{number(total, 'en')} kW of generation ends up on {p['phase']}: {number(inv, 'en')} kW "
        f"from the {p['inverter']}{part('en')}. That is more than the {number(limit, 'en')} kW "
        f"allowed on one phase; the grid operator may refuse it (unbalanced feed-in). {fix_en}",
    )


def _main_fuse(p: dict[str, Any]) -> tuple[str, str]:
    fuse = f"{p['connection_phases']}×{number(p['main_fuse_a'], 'nl')} A"
    fuse_en = f"{p['connection_phases']}×{number(p['main_fuse_a'], 'en')} A"
    cur_nl, cur_en = number(p["current_a"], "nl", 1), number(p["current_a"], "en", 1)
    left_nl, left_en = number(p["available_a"], "nl", 1), number(p["available_a"], "en", 1)
    load_nl = load_en = ""
    if p["household_load_a"]:
        load_nl = f" naast {number(p['household_load_a'], 'nl', 1)} A huishoudelijk verbruik"
        load_en = f" next to {number(p['household_load_a'], 'en', 1)} A of household load"
    if p["ems_kw"] > 0:
        fix_nl = (
            f"Begrens in het EMS het laadvermogen uit het net op {number(p['ems_kw'], 'nl')} kW, "
            "anders kan de hoofdzekering aanspreken."
        )
        fix_en = (
            f"Limit the charging power from the grid in the EMS to {number(p['ems_kw'], 'en')} "
            "kW, otherwise the main fuse may blow."
        )
    else:
        fix_nl = "Zet laden uit het net in het EMS uit, anders kan de hoofdzekering aanspreken."
        fix_en = "Disable charging from the grid in the EMS, otherwise the main fuse may blow."
    return (
        f"Bij laden uit het net neemt de {p['inverter']} tot {number(p['grid_kw'], 'nl')} kW op: "
        f"{cur_nl} A per fase ({p['where_nl']}). De hoofdzekering van {fuse} laat daarvoor "
        f"{left_nl} A over{load_nl}. {fix_nl}",
        f"When charging from the grid the {p['inverter']} draws up to "
        f"{number(p['grid_kw'], 'en')} kW: {cur_en} A per phase ({p['where_en']}). The {fuse_en} "
        f"main fuse leaves {left_en} A for it{load_en}. {fix_en}",
    )


def _energieleveren(p: dict[str, Any]) -> tuple[str, str]:
    power, threshold = p["power_kw"], p["threshold_kw"]
    return (
        f"De {p['inverter']} is een thuisbatterij van {number(power, 'nl')} kW (vanaf "
        f"{number(threshold, 'nl')} kW geldt een meldplicht): meld het systeem aan bij de "
        "netbeheerder via energieleveren.nl, net als zonnepanelen.",
        f"The {p['inverter']} is a {number(power, 'en')} kW home battery (registration is "
        f"required from {number(threshold, 'en')} kW): register it with the grid operator at "
        "energieleveren.nl, as with solar panels.",
    )


def _pgs37(p: dict[str, Any]) -> tuple[str, str]:
    usable, threshold = p["usable_kwh"], p["threshold_kwh"]
    return (
        f"Het systeem heeft {number(usable, 'nl')} kWh bruikbare capaciteit, meer dan "
        f"{number(threshold, 'nl')} kWh. PGS 37-1 is voor woningen niet verplicht maar wel "
        "aangeraden (plaats, brandveiligheid, ventilatie); de verzekeraar kan ernaar vragen.",
        f"The system has {number(usable, 'en')} kWh of usable capacity, more than "
        f"{number(threshold, 'en')} kWh. PGS 37-1 is not mandatory for homes but advised "
        "(location, fire safety, ventilation); the insurer may ask for it.",
    )


def _headroom(p: dict[str, Any]) -> tuple[str, str]:
    top_nl = f"{p['max_count']} × {p['module']} = {number(p['max_usable_kwh'], 'nl')} kWh"
    top_en = f"{p['max_count']} × {p['module']} = {number(p['max_usable_kwh'], 'en')} kWh"
    if not p["next_counts"]:
        return (
            f"Dit is het maximum op de {p['inverter']}: {top_nl} bruikbaar. Meer capaciteit "
            "vraagt een tweede systeem.",
            f"This is the maximum on the {p['inverter']}: {top_en} usable. More capacity needs "
            "a second system.",
        )
    clusters_nl = clusters_en = ""
    if p["first_parallel"]:
        clusters_nl = f" Vanaf {p['first_parallel']} modules in twee gelijke clusters parallel."
        clusters_en = f" From {p['first_parallel']} modules on, in two equal parallel clusters."
    return (
        f"Later uitbreiden kan naar {counts(p['next_counts'], 'nl')} modules van hetzelfde type, "
        f"tot {top_nl} bruikbaar op de {p['inverter']}.{clusters_nl}",
        f"The system can grow later to {counts(p['next_counts'], 'en')} modules of the same "
        f"type, up to {top_en} usable on the {p['inverter']}.{clusters_en}",
    )


def _accessory_missing(p: dict[str, Any]) -> tuple[str, str]:
    return (
        f"De catalogus heeft geen {p['what_nl']} voor de {p['inverter']} ({p['phases']}-fase); "
        "die ontbreekt op de materiaallijst. Vraag de beheerder van de catalogus om het artikel.",
        f"The catalogue has no {p['what_en']} for the {p['inverter']} ({p['phases']}-phase); it "
        "is missing from the bill of materials. Ask the catalogue admin to add the article.",
    )


def _article_unknown(p: dict[str, Any]) -> tuple[str, str]:
    return (
        f"Artikel {p['article']} ({p['category']}) staat niet in de catalogus en ontbreekt op de "
        "materiaallijst.",
        f"Article {p['article']} ({p['category']}) is not in the catalogue and is missing from "
        "the bill of materials.",
    )


def _box_indoor(p: dict[str, Any]) -> tuple[str, str]:
    return (
        f"De {p['name']} is {p['ip']}: hang hem binnen, ook als de batterijen buiten staan.",
        f"The {p['name']} is {p['ip']}: mount it indoors, even when the batteries stand outside.",
    )


@dataclass(frozen=True, slots=True)
class Rule:
    severity: Severity
    reference: str
    text: Callable[[dict[str, Any]], tuple[str, str]]


ERR, WARN, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
RULES: dict[str, Rule] = {
    "inverter.unknown": Rule(ERR, f"{BROCHURE}, productoverzicht omvormers", _inverter_unknown),
    "battery.module_unknown": Rule(ERR, f"{BROCHURE}, batterijmodules", _module_unknown),
    "battery.count_not_allowed": Rule(ERR, SERIES_TABLE, _count_not_allowed),
    "battery.mixed_modules": Rule(
        ERR, f"{BROCHURE}: geen regel voor het mengen van moduletypes; niet toegestaan", _mixed
    ),
    "battery.module_not_compatible": Rule(ERR, SERIES_TABLE, _not_compatible),
    "battery.indoor_only": Rule(
        ERR, f"{BROCHURE}, batterijmodules: IP-beschermingsklasse; IEC 60529", _indoor_only
    ),
    "battery.temperature": Rule(
        WARN, f"{BROCHURE}, batterijmodules: temperatuurbereik (voetnoot **)", _temperature
    ),
    "inverter.phase_mismatch": Rule(
        ERR, f"{BROCHURE}, specificaties omvormer: Fase (driefase)", _phase_mismatch
    ),
    "inverter.single_phase_on_three_phase": Rule(
        INFO,
        f"{BROCHURE}, specificaties SMILE-G3-S3.6/S5/B5: Fase '1-fase met 3-fase compensatie'; "
        "Netcode: opwek evenwichtig over de fasen verdelen",
        _single_on_three,
    ),
    "grid.single_phase_generation_limit": Rule(WARN, "Netcode elektriciteit", _generation_limit),
    "grid.main_fuse_capacity": Rule(
        WARN,
        f"{BROCHURE}, specificaties omvormer: nominaal ingangsvermogen (netvoeding); "
        "aansluitwaarde (hoofdzekering) van de netbeheerder",
        _main_fuse,
    ),
    "registration.energieleveren": Rule(INFO, "Netcode elektriciteit", _energieleveren),
    "safety.pgs37": Rule(INFO, "PGS 37-1", _pgs37),
    "expansion.headroom": Rule(INFO, SERIES_TABLE, _headroom),
    "backup.accessory_missing": Rule(
        WARN, f"{BROCHURE}, Vekto-accessoires voor noodstroom", _accessory_missing
    ),
    "backup.box_indoor_only": Rule(
        INFO, f"{BROCHURE}, AlphaESS BackupBox 63A BB Plus (242263): IP21", _box_indoor
    ),
    "bom.article_unknown": Rule(WARN, "Catalogus (artikelnummers Vekto)", _article_unknown),
}

SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def severity(code: str) -> Severity:
    return RULES[code].severity


def is_error(hit: Hit) -> bool:
    return RULES[hit.code].severity is Severity.ERROR


def render(hit: Hit) -> Finding:
    rule = RULES[hit.code]
    nl, en = rule.text(hit.params)
    return Finding(
        code=hit.code,
        severity=rule.severity,
        message=nl,
        message_en=en,
        reference=hit.reference or rule.reference,
    )


def render_all(hits: Sequence[Hit]) -> list[Finding]:
    """Errors first, then warnings, then advice; within a severity in the order found."""
    findings = [render(h) for h in hits]
    return sorted(findings, key=lambda f: SEVERITY_ORDER[f.severity])
