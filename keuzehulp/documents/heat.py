"""The dossier's "Warmteberekening" page: the Design's BoardHeat written out, not recomputed.

Worded as an indicative calculation by the method of IEC TR 60890; the assembler remains
responsible for the design verification under NEN-EN-IEC 61439-3. It never reads as a
certificate.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from keuzehulp.documents.labels import num, steps_in
from sizing.schema import BoardHeat, Design

METHODS = {
    "iec_tr_60890_small": gettext_noop("IEC TR 60890, kleine kast (Ae ≤ 1,25 m²)"),
    "iec_tr_60890_large": gettext_noop("IEC TR 60890, kast met Ae > 1,25 m²"),
    "surface": gettext_noop("oppervlaktemethode ΔT = P / (k · A)"),
}
KINDS = {
    "breaker": gettext_noop("installatieautomaat"),
    "rcbo": gettext_noop("aardlekautomaat"),
    "rcd": gettext_noop("aardlekschakelaar"),
    "main_switch": gettext_noop("hoofdschakelaar"),
    # The soft hyphen lets the long word break where Dutch breaks it in the narrow column.
    "surge": gettext_noop("overspannings­beveiliging"),
}
MOUNTINGS = {
    "surface": gettext_noop("opbouw"),
    "flush": gettext_noop("inbouw"),
    "between": gettext_noop("tussen andere kasten"),
}
MATERIALS = {"plastic": gettext_noop("kunststof"), "steel": gettext_noop("staal")}


def context(design: Design, lang: str) -> dict[str, Any]:
    board = design.board
    heat = board.heat if board is not None else None
    reason = next(
        (f.text(lang) for f in design.findings if f.code == "board.heat_not_computed"), ""
    )
    if heat is None:
        return {"heat": None, "heat_reason": reason}
    return {
        "heat": {
            "facts": _facts(heat, lang),
            "devices": _devices(heat, lang),
            "steps": steps_in([s for s in design.trace if s.key.startswith("board.heat")], lang),
            "top": f"{num(heat.top_c, lang, 1)} °C",
            "verdict": _verdict(heat, lang, _on_defaults(design)),
            "assumptions": _assumptions(heat, lang),
            "defaults_used": heat.defaults_used,
        },
        "heat_reason": reason,
    }


def summary(design: Design, lang: str) -> str:
    """One line for the system overview: the top temperature against the limit."""
    board = design.board
    heat = board.heat if board is not None else None
    if heat is None:
        return ""
    return _("%(top)s °C bovenin bij %(ambient)s °C omgeving (indicatief, IEC TR 60890)") % {
        "top": num(heat.top_c, lang, 0),
        "ambient": num(heat.ambient_c, lang, 0),
    }


def _facts(heat: BoardHeat, lang: str) -> list[tuple[str, str]]:
    size = f"{num(heat.width_mm, lang, 0)} × {num(heat.height_mm, lang, 0)} × " + (
        f"{num(heat.depth_mm, lang, 0)} mm"
    )
    if heat.dimensions_are_default:
        size += " (" + _("aangenomen, niet van de fabrikant") + ")"
    enclosure = heat.enclosure_article or "—"
    material = _(MATERIALS.get(heat.material, heat.material))
    facts = [
        (_("Kast"), f"{enclosure}, {_(MOUNTINGS[heat.mounting])}, {material}"),
        (_("Buitenmaten (b × h × d)"), size),
        (_("Methode"), _(METHODS[heat.method])),
        (
            _("Belastingsfactor gewone groepen"),
            _("%(factor)s bij %(n)s groepen (IEC 61439-3)")
            % {"factor": num(heat.diversity_factor, lang), "n": heat.ordinary_circuits},
        ),
        (_("Verlies apparaten"), f"{num(heat.device_loss_w, lang)} W"),
        (
            _("Toeslag bedrading en kamrail"),
            f"{num(heat.wiring_allowance_fraction * 100, lang, 0)} % = "
            f"{num(heat.wiring_loss_w, lang)} W",
        ),
        (_("Totaal verlies P"), f"{num(heat.total_loss_w, lang)} W"),
        (_("Effectief koelend oppervlak Ae"), f"{num(heat.cooling_surface_m2, lang, 3)} m²"),
    ]
    if heat.rise_mid_k is not None:
        facts.append((_("Temperatuurstijging halverwege"), f"{num(heat.rise_mid_k, lang, 1)} K"))
    facts += [
        (_("Temperatuurstijging bovenin"), f"{num(heat.rise_top_k, lang, 1)} K"),
        (
            _("Oppervlaktemethode (controle)"),
            f"{num(heat.surface_rise_k, lang, 1)} K (k = {num(heat.surface_k_w_per_m2k, lang)} "
            "W/m²K)",
        ),
        (
            _("Omgevingstemperatuur"),
            f"{num(heat.ambient_c, lang)} °C"
            + (" (" + _("ontwerpwaarde") + ")" if heat.ambient_is_default else ""),
        ),
        (_("Luchttemperatuur bovenin"), f"{num(heat.top_c, lang, 1)} °C"),
        (_("Referentie installatieautomaten"), f"{num(heat.reference_c, lang)} °C"),
        (
            _("Grens"),
            f"{num(heat.limit_c, lang)} °C"
            + (" (" + _("standaardwaarde") + ")" if heat.limit_is_default else ""),
        ),
    ]
    return facts


def _assumptions(heat: BoardHeat, lang: str) -> str:
    """Every figure of this calculation that is a documented default, not the maker's or the
    installer's, named in one line so no reader takes the result for a measured one."""
    found = []
    if heat.defaults_used:
        found.append(
            _("verlies van %(n)s van de %(total)s apparaten (standaardwaarde per soort)")
            % {"n": heat.defaults_used, "total": len(heat.devices)}
        )
    if heat.dimensions_are_default:
        found.append(_("buitenmaten van de kast"))
    if heat.material != "steel":
        found.append(
            _("k = %(k)s W/m²K voor kunststof (alleen in de controle)")
            % {"k": num(heat.surface_k_w_per_m2k, lang)}
        )
    if heat.ambient_is_default:
        found.append(
            _("omgevingstemperatuur %(c)s °C (geen waarde voor meterkasten gevonden)")
            % {"c": num(heat.ambient_c, lang)}
        )
    if heat.limit_is_default:
        found.append(
            _("grens %(c)s °C (niet van de kastfabrikant)") % {"c": num(heat.limit_c, lang)}
        )
    return "; ".join(found)


def _on_defaults(design: Design) -> bool:
    # The engine decides when a limit exceeded is only an upper bound; the page repeats it.
    return any(f.code == "board.heat_above_limit_estimate" for f in design.findings)


def _devices(heat: BoardHeat, lang: str) -> list[dict[str, Any]]:
    # A surge device carries no load current: its loss is static, it has no In or Ib.
    return [
        {
            "label": d.label_en if lang == "en" else d.label,
            "kind": _(KINDS[d.kind]),
            "rating": "—" if d.kind == "surge" else f"{num(d.rating_a, lang)} A",
            "current": "—" if d.kind == "surge" else f"{num(d.operating_current_a, lang)} A",
            "factor": num(d.diversity_factor, lang),
            "per_pole": f"{d.poles} × {num(d.loss_w_per_pole, lang)} W",
            "loss": f"{num(d.loss_w, lang)} W",
            "is_default": d.loss_is_default,
        }
        for d in heat.devices
    ]


def _verdict(heat: BoardHeat, lang: str, on_defaults: bool) -> str:
    values = {
        "top": num(heat.top_c, lang, 1),
        "reference": num(heat.reference_c, lang),
        "limit": num(heat.limit_c, lang),
    }
    if heat.top_c > heat.limit_c and on_defaults:
        return (
            _(
                "Op de voorzichtige standaardwaarden komt de lucht bovenin op naar schatting "
                "%(top)s °C, boven de grens van %(limit)s °C. Dat is een bovengrens, geen "
                "uitkomst: reken na met de verliezen en maten van de fabrikant en de gemeten "
                "omgevingstemperatuur, of kies een grotere kast, houd ruimte tussen de apparaten "
                "of pas de reductiefactor van de fabrikant toe."
            )
            % values
        )
    if heat.top_c > heat.limit_c:
        return (
            _(
                "De lucht bovenin komt met %(top)s °C boven de grens van %(limit)s °C: kies een "
                "grotere kast, houd ruimte tussen de apparaten of pas de reductiefactor van de "
                "fabrikant toe."
            )
            % values
        )
    if heat.top_c > heat.reference_c:
        return (
            _(
                "De lucht bovenin blijft met %(top)s °C onder de grens van %(limit)s °C, maar "
                "boven de %(reference)s °C waarbij installatieautomaten geijkt zijn: pas de "
                "reductiefactor van de fabrikant voor automaten naast elkaar toe."
            )
            % values
        )
    return (
        _(
            "De lucht bovenin blijft met %(top)s °C onder de %(reference)s °C waarbij "
            "installatieautomaten geijkt zijn."
        )
        % values
    )
