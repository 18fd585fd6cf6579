"""What the wizard may offer for a site, asked of the engine once per site and cached.

``suggest_with_reasons(site)`` lists every valid (inverter, module, count,
backup) and a verdict on every inverter and every (inverter, module) pair; the
cards of step 2 and the module and count controls of step 3 come from it,
and why a choice is *not* offered is its verdict's error findings, the same
``design()`` raises for that choice. The results depend only on the catalogue
version and the site, so they are cached per process; a wizard response then
costs one dictionary lookup.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from sizing.bom import BACKUP_KINDS
from sizing.domain import Accessory, Catalog
from sizing.engine import design, suggest_with_reasons
from sizing.schema import Design, DesignRequest, Finding, Site, Suggestion, SuggestResult

T = TypeVar("T")

_CACHE: OrderedDict[Hashable, Any] = OrderedDict()
_CACHE_SIZE = 512
_LOCK = threading.Lock()


def cached(key: Hashable, build: Callable[[], T]) -> T:
    """A small process-wide LRU: wizard pages ask the same questions many times."""
    with _LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]  # type: ignore[no-any-return]
    value = build()
    with _LOCK:
        _CACHE[key] = value
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return value


def clear_cache() -> None:
    with _LOCK:
        _CACHE.clear()


def run_design(request: DesignRequest, catalog: Catalog) -> Design:
    """``design()`` of a request, cached: every wizard page shows the design so far."""
    key = ("design", catalog.version, request.model_dump_json())
    return cached(key, lambda: design(request, catalog))


def suggested(site: Site, catalog: Catalog) -> SuggestResult:
    return cached(
        ("suggest", catalog.version, site.model_dump_json()),
        lambda: suggest_with_reasons(site, catalog),
    )


# --------------------------------------------------------------------------- inverters


@dataclass
class InverterCard:
    code: str
    name_nl: str
    name_en: str
    phases: int
    power_kw: float
    pv_kw: float | None
    mppt_count: int | None
    backup_port_a: float | None
    hybrid: bool
    article: str
    is_generic: bool
    price_eur: Decimal
    allowed: bool
    reasons: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)
    best: Suggestion | None = None  # the closest configuration to the target, when one is set

    def name(self, language: str) -> str:
        return self.name_en if language == "en" and self.name_en else self.name_nl


def inverter_cards(site: Site, catalog: Catalog) -> list[InverterCard]:
    """Every inverter of the catalogue: those that work first (best match first), then the rest."""
    return cached(
        ("cards", catalog.version, site.model_dump_json()), lambda: _inverter_cards(site, catalog)
    )


def _inverter_cards(site: Site, catalog: Catalog) -> list[InverterCard]:
    found = suggested(site, catalog)
    best: dict[str, tuple[int, Suggestion]] = {}
    for position, s in enumerate(found.suggestions):
        best.setdefault(s.inverter, (position, s))
    has_target = site.target_usable_kwh is not None or site.target_power_kw is not None
    cards = []
    for code, inv in catalog.inverters.items():
        verdict = found.inverter(code)
        # A budget or "must have backup" narrows the suggestions, not what may be chosen.
        allowed = verdict.offered if verdict is not None else code in best
        reasons = verdict.reasons if verdict is not None else []
        warnings = verdict.warnings if verdict is not None else []
        cards.append(
            InverterCard(
                code=code,
                name_nl=inv.name("nl"),
                name_en=inv.name("en"),
                phases=inv.phases,
                power_kw=inv.nominal_power_kw,
                pv_kw=inv.pv_max_power_kw if inv.has_pv_input else None,
                mppt_count=inv.mppt_count if inv.has_pv_input else None,
                backup_port_a=inv.backup_port_current_a,
                hybrid=inv.has_pv_input,
                article=inv.article,
                is_generic=inv.is_generic,
                price_eur=inv.price_eur,
                allowed=allowed,
                reasons=reasons,
                warnings=warnings,
                best=best[code][1] if code in best and has_target else None,
            )
        )
    order = {code: position for code, (position, _) in best.items()}
    last = len(order)  # allowed, but nothing of it within the budget or with backup
    return sorted(cards, key=lambda c: (not c.allowed, order.get(c.code, last), c.power_kw, c.code))


def allowed_inverters(site: Site, catalog: Catalog) -> set[str]:
    return {card.code for card in inverter_cards(site, catalog) if card.allowed}


# --------------------------------------------------------------------------- modules


@dataclass
class ModuleOption:
    code: str
    name_nl: str
    name_en: str
    usable_kwh: float
    nominal_kwh: float
    ip_rating: str
    min_temperature_c: float
    allowed: bool
    counts: list[int] = field(default_factory=list)
    reasons: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)

    def name(self, language: str) -> str:
        return self.name_en if language == "en" and self.name_en else self.name_nl


def module_options(site: Site, inverter: str, catalog: Catalog) -> list[ModuleOption]:
    key = ("modules", catalog.version, site.model_dump_json(), inverter)
    return cached(key, lambda: _module_options(site, inverter, catalog))


def _module_options(site: Site, inverter: str, catalog: Catalog) -> list[ModuleOption]:
    found = suggested(site, catalog)
    counts: dict[str, set[int]] = {}
    for s in found.suggestions:
        if s.inverter == inverter:
            counts.setdefault(s.module, set()).add(s.count)
    options = []
    for code, mod in catalog.modules.items():
        verdict = found.module(inverter, code)
        allowed = code in counts
        options.append(
            ModuleOption(
                code=code,
                name_nl=mod.name("nl"),
                name_en=mod.name("en"),
                usable_kwh=mod.usable_kwh,
                nominal_kwh=mod.nominal_kwh,
                ip_rating=mod.ip_rating,
                min_temperature_c=mod.min_temperature_c,
                allowed=allowed,
                counts=sorted(counts.get(code, ())),
                reasons=verdict.reasons if verdict is not None and not allowed else [],
                warnings=verdict.warnings if verdict is not None else [],
            )
        )
    return sorted(options, key=lambda o: (not o.allowed, o.usable_kwh, o.code))


def allowed_counts(site: Site, inverter: str, module: str, catalog: Catalog) -> list[int]:
    for option in module_options(site, inverter, catalog):
        if option.code == module:
            return option.counts
    return []


# --------------------------------------------------------------------------- backup


@dataclass
class BackupOption:
    value: str
    accessories: list[Accessory]
    missing: bool  # the catalogue lacks an accessory this choice needs for the inverter
    price_eur: Decimal


def backup_options(inverter: str, catalog: Catalog) -> list[BackupOption]:
    """The three backup choices with the catalogue's accessories for this inverter."""

    def build() -> list[BackupOption]:
        options = []
        for value, kinds in BACKUP_KINDS.items():
            found = [catalog.accessory(inverter, kind) for kind in kinds]
            parts = [a for a in found if a is not None]
            options.append(
                BackupOption(
                    value=value,
                    accessories=parts,
                    missing=len(parts) < len(found),
                    price_eur=sum((a.price_eur for a in parts), Decimal(0)),
                )
            )
        return options

    return cached(("backup", catalog.version, inverter), build)


def shutdown_kit(inverter: str, catalog: Catalog) -> Accessory | None:
    from sizing.domain import AccessoryKind

    return catalog.accessory(inverter, AccessoryKind.SHUTDOWN_KIT)
