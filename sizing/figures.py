"""The catalogue's figures as plain floats, computed once per catalogue.

Rules compare kilowatts, volts and kilowatt-hours; converting pint quantities
costs microseconds a call, and ``suggest`` runs the rules for every inverter,
module and count. So each catalogue is converted once, here, and the rules
read the floats. The pint quantities stay the source of truth.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from threading import Lock

from sizing.domain import (
    Accessory,
    AccessoryKind,
    BatteryModule,
    Catalog,
    Compatibility,
    Inverter,
    Product,
)
from sizing.schema import InverterSummary
from sizing.summary import inverter_summary

BACKUP_OPTIONS = ("none", "distribution_unit", "backup_box")

# What each backup choice puts on the bill of materials, in this order.
BACKUP_KINDS: dict[str, tuple[AccessoryKind, ...]] = {
    "none": (),
    # Both backup solutions hang behind the Vekto backup-box protection (issue: engine II).
    "distribution_unit": (AccessoryKind.DISTRIBUTION_UNIT, AccessoryKind.BACKUP_PROTECTION),
    "backup_box": (AccessoryKind.BACKUP_BOX, AccessoryKind.BACKUP_PROTECTION),
}


@dataclass(frozen=True, slots=True)
class InverterFigures:
    code: str
    family: str
    phases: int
    nominal_kw: float
    charge_kw: float
    grid_input_kw: float
    voltage_v: float
    inverter: Inverter
    summary: InverterSummary  # what a Design copies; converted here once, as the floats above


@dataclass(frozen=True, slots=True)
class ModuleFigures:
    code: str
    nominal_kwh: float
    usable_kwh: float
    min_temp_c: float
    indoor_only: bool
    module: BatteryModule


@dataclass(slots=True)
class CatalogFigures:
    inverters: dict[str, InverterFigures]
    modules: dict[str, ModuleFigures]
    compatibility: dict[tuple[str, str], Compatibility]  # by (inverter code, module code)
    products: dict[str, Product]  # by article number, for pricing plan lines
    # (inverter code, accessory kind) -> the accessory the BoM uses, if any
    accessories: dict[tuple[str, AccessoryKind], Accessory]
    inverter_aliases: dict[str, str] = field(default_factory=dict)
    module_aliases: dict[str, str] = field(default_factory=dict)

    def accessory(self, inverter_code: str, kind: AccessoryKind) -> Accessory | None:
        return self.accessories.get((inverter_code, kind))

    def compatible_modules(self, inverter_code: str) -> list[str]:
        return [code for code in self.modules if (inverter_code, code) in self.compatibility]


def _kw(inverter: Inverter, attribute: str) -> float:
    return float(getattr(inverter, attribute).m_as("kW"))


def _pick(candidates: Iterable[Accessory]) -> Accessory | None:
    """The cheapest fitting accessory; the article number breaks ties so the BoM is stable."""
    return min(candidates, key=lambda a: (a.price_eur, a.article), default=None)


def normalise_code(text: str) -> str:
    return "-".join(text.strip().upper().replace(",", ".").replace("_", " ").split())


def _aliases(code: str, extra: Iterable[str]) -> set[str]:
    """Ways an installer writes a code: in full, without the series prefix, the bare model."""
    names = {normalise_code(code), *(normalise_code(e) for e in extra if e)}
    for full in list(names):
        name = full
        for prefix in ("SMILE-", "G3-", "BAT-"):
            if name.startswith(prefix):
                name = name.removeprefix(prefix)
                names.add(name)
    for name in list(names):
        if name.endswith("-INV"):
            names.add(name.removesuffix("-INV"))
        if len(name) > 1 and name.endswith("S") and name[-2].isdigit():
            names.add(name[:-1])  # BAT-9.3S -> BAT-9.3, 9.3S -> 9.3
    return names


def build_figures(catalog: Catalog) -> CatalogFigures:
    inverters = {
        code: InverterFigures(
            code=code,
            family=inv.family,
            phases=inv.phases,
            nominal_kw=_kw(inv, "nominal_power"),
            charge_kw=_kw(inv, "max_charge_power"),
            grid_input_kw=_kw(inv, "grid_input_power"),
            voltage_v=float(inv.nominal_voltage.m_as("V")),
            inverter=inv,
            summary=inverter_summary(inv),
        )
        for code, inv in sorted(catalog.inverters.items())
    }
    modules = {
        code: ModuleFigures(
            code=code,
            nominal_kwh=float(mod.nominal_energy.m_as("kWh")),
            usable_kwh=float(mod.usable_energy.m_as("kWh")),
            min_temp_c=float(mod.min_temperature.m_as("degC")),
            indoor_only=mod.indoor_only,
            module=mod,
        )
        for code, mod in sorted(catalog.modules.items())
    }
    products: dict[str, Product] = {}
    for group in (
        catalog.enclosures,
        catalog.main_switches,
        catalog.rcds,
        catalog.breakers,
        catalog.cables,
        catalog.accessories,
        tuple(catalog.modules.values()),
        tuple(catalog.inverters.values()),
    ):
        products.update({p.article: p for p in group})
    accessories: dict[tuple[str, AccessoryKind], Accessory] = {}
    for code, inv in catalog.inverters.items():
        for kind in AccessoryKind:
            chosen = _pick(a for a in catalog.accessories_of(kind) if a.fits(inv))
            if chosen is not None:
                accessories[(code, kind)] = chosen
    figures = CatalogFigures(
        inverters=inverters,
        modules=modules,
        # A row without counts allows nothing: the module is not compatible with the inverter.
        compatibility={
            (c.inverter, c.module_code): c for c in catalog.compatibility if c.allowed_counts
        },
        products=products,
        accessories=accessories,
    )
    for code, inv in catalog.inverters.items():
        for alias in _aliases(code, (inv.model_code,)):
            figures.inverter_aliases.setdefault(alias, code)
    for code, mod in catalog.modules.items():
        for alias in _aliases(code, (mod.model_code,)):
            figures.module_aliases.setdefault(alias, code)
    return figures


def closest_codes(text: str, aliases: dict[str, str], limit: int = 3) -> list[str]:
    """Catalogue codes an installer most likely meant by ``text`` ("t10" -> SMILE-G3-T10)."""
    query = normalise_code(text)
    if query in aliases:  # a short or differently cased form of exactly one code
        return [aliases[query]]
    found: list[str] = []
    for alias in difflib.get_close_matches(query, list(aliases), n=limit * 3, cutoff=0.6):
        if aliases[alias] not in found:
            found.append(aliases[alias])
    return found[:limit]


_CACHE: dict[int, tuple[Catalog, CatalogFigures]] = {}
_CACHE_SIZE = 8
_LOCK = Lock()


def figures_for(catalog: Catalog) -> CatalogFigures:
    """Figures of ``catalog``, cached by identity.

    A Catalog is frozen, so its figures cannot go stale; the cache keeps the
    catalogue itself alive so its ``id`` cannot be reused by another object.
    """
    entry = _CACHE.get(id(catalog))
    if entry is not None and entry[0] is catalog:
        return entry[1]
    figures = build_figures(catalog)
    with _LOCK:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[id(catalog)] = (catalog, figures)
    return figures


def price(product: Product) -> Decimal:
    return product.price_eur.quantize(Decimal("0.01"))
