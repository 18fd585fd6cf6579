"""The recommended system for an installer who only knows a target (kWh, kW).

The ranking is the engine's: ``suggest_with_reasons`` orders every valid
(inverter, module, count, backup) by distance to the target, then price, and the
first is the recommendation. This module only picks from that list and words
why: the connection it fits, the distance to the target, the room to grow and
the price. The alternatives are the inverter cards, each with its own best
system and what it trades off against the recommendation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from keuzehulp.wizard import options
from keuzehulp.wording import money, quantity
from sizing.domain import Catalog
from sizing.schema import Site, Suggestion

# Callables, so the name is translated in the language of the request that reads it.
BACKUP_NAMES = {
    "distribution_unit": lambda: _("noodstroom verdeelunit"),
    "backup_box": lambda: _("BackupBox 63A BB Plus"),
}


@dataclass
class Recommendation:
    suggestion: Suggestion
    max_count: int
    max_usable_kwh: float
    reasons: list[str] = field(default_factory=list)


def recommendation(site: Site, catalog: Catalog) -> Recommendation | None:
    """The engine's first suggestion for a site with a target or a budget; None without either,
    or when nothing fits them (see :func:`budget_note`)."""
    if not _has_goal(site):
        return None
    suggestions = options.suggested(site, catalog).suggestions
    if not suggestions:
        return None
    best = suggestions[0]
    same = [s for s in suggestions if (s.inverter, s.module) == (best.inverter, best.module)]
    largest = max(same, key=lambda s: s.count)
    found = Recommendation(best, largest.count, largest.usable_kwh)
    found.reasons = _reasons(site, found)
    return found


def recommended_backup(site: Site, catalog: Catalog, system: tuple[str, str, int]) -> str | None:
    """The backup of the recommended system when the installer asked for backup and took that
    system (inverter, module, count); None otherwise, so the backup step proposes nothing."""
    if not site.must_have_backup:
        return None
    top = recommendation(site, catalog)
    if top is None:
        return None
    best = top.suggestion
    return best.backup if (best.inverter, best.module, best.count) == system else None


def budget_note(site: Site, catalog: Catalog) -> str:
    """Why there is no recommendation although a goal was given; empty when there is one."""
    if not _has_goal(site):
        return ""
    found = options.suggested(site, catalog)
    if found.suggestions:
        return ""
    budget = site.budget_excl_vat_eur
    if budget is not None and found.cheapest_over_budget_eur is not None:
        return _(
            "Uw budget van %(budget)s excl. btw ligt onder elk passend systeem: het goedkoopste "
            "kost %(cheapest)s excl. btw. Verhoog het budget of kies hieronder zelf."
        ) % {"budget": money(budget), "cheapest": money(found.cheapest_over_budget_eur)}
    if site.must_have_backup:
        return _("Geen passend systeem met noodstroom voor deze aansluiting.")
    return ""


def _has_goal(site: Site) -> bool:
    return (
        site.target_usable_kwh is not None
        or site.target_power_kw is not None
        or site.budget_excl_vat_eur is not None
    )


def _reasons(site: Site, found: Recommendation) -> list[str]:
    s = found.suggestion
    fuse = f"{site.connection.phases}×{quantity(site.connection.main_fuse_a, 'A', 0)}"
    reasons = [_("Past bij uw aansluiting van %(fuse)s.") % {"fuse": fuse}]
    if site.target_usable_kwh is not None:
        reasons.append(
            _("%(usable)s bruikbaar: het dichtst bij uw doel van %(target)s.")
            % {
                "usable": quantity(s.usable_kwh, "kWh"),
                "target": quantity(site.target_usable_kwh, "kWh"),
            }
        )
    if site.target_power_kw is not None:
        reasons.append(
            _("%(power)s vermogen: het dichtst bij uw doel van %(target)s.")
            % {"power": quantity(s.power_kw, "kW"), "target": quantity(site.target_power_kw, "kW")}
        )
    if found.max_count > s.count:
        reasons.append(
            ngettext(
                "Ruimte om te groeien: later uit te breiden tot %(count)s module (%(usable)s).",
                "Ruimte om te groeien: later uit te breiden tot %(count)s modules (%(usable)s).",
                found.max_count,
            )
            % {"count": found.max_count, "usable": quantity(found.max_usable_kwh, "kWh")}
        )
    else:
        reasons.append(_("Geen ruimte om te groeien: dit is het maximum voor deze omvormer."))
    if site.target_usable_kwh is None and site.target_power_kw is None:
        reasons.append(
            _("%(usable)s bruikbaar: de meeste opslag binnen uw budget.")
            % {"usable": quantity(s.usable_kwh, "kWh")}
        )
    if s.backup != "none":
        reasons.append(_("Met noodstroom: %(backup)s.") % {"backup": BACKUP_NAMES[s.backup]()})
    if s.backup == "none":
        price = _("%(price)s excl. btw voor omvormer en modules")
    else:
        price = _("%(price)s excl. btw voor omvormer, modules en noodstroom")
    price = price % {"price": money(s.price_excl_vat_eur)}
    if site.budget_excl_vat_eur is not None:
        reasons.append(
            _("%(price)s: binnen uw budget van %(budget)s.")
            % {"price": price, "budget": money(site.budget_excl_vat_eur)}
        )
    else:
        reasons.append(
            _("%(price)s: de laagste prijs bij deze afstand tot het doel.") % {"price": price}
        )
    return reasons


def trade_off(card: options.InverterCard, top: Recommendation | None) -> str:
    """What an alternative gives and costs next to the recommendation, in one line."""
    if top is None or card.best is None or card.code == top.suggestion.inverter:
        return ""
    best, rec = card.best, top.suggestion
    parts = []
    gap = round(best.usable_kwh - rec.usable_kwh, 2)
    if gap > 0:
        parts.append(_("%(kwh)s meer") % {"kwh": quantity(gap, "kWh")})
    elif gap < 0:
        parts.append(_("%(kwh)s minder") % {"kwh": quantity(-gap, "kWh")})
    power = round(best.power_kw - rec.power_kw, 2)
    if power > 0:
        parts.append(_("%(kw)s meer vermogen") % {"kw": quantity(power, "kW")})
    elif power < 0:
        parts.append(_("%(kw)s minder vermogen") % {"kw": quantity(-power, "kW")})
    price = best.price_excl_vat_eur - rec.price_excl_vat_eur
    if price > Decimal(0):
        parts.append(_("%(eur)s duurder") % {"eur": money(price)})
    elif price < Decimal(0):
        parts.append(_("%(eur)s goedkoper") % {"eur": money(-price)})
    if not parts:
        return _("Even groot en even duur als de aanbeveling.")
    return _("Tegenover de aanbeveling: %(parts)s.") % {"parts": ", ".join(parts)}
