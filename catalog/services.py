"""Build the engine's catalogue from the database, once per catalogue version."""

from __future__ import annotations

import threading

from catalog import models as m
from catalog import versioning
from sizing.domain import Catalog

PRODUCT_MODELS = (
    m.Inverter,
    m.BatteryModule,
    m.Accessory,
    m.Cable,
    m.CircuitBreaker,
    m.ResidualCurrentDevice,
    m.MainSwitch,
    m.Enclosure,
    m.Compatibility,
    m.CableType,
    m.InstallationMaterial,
)

_lock = threading.Lock()
_cache: dict[str, Catalog] = {}


def catalog_version() -> str:
    """A short, stable label that changes whenever any catalogue row is added, edited or removed.

    One counter row bumped by signals in the writer's transaction (see
    :mod:`catalog.versioning`): one primary-key read, at most once a request.
    """
    return versioning.current()


def load_catalog() -> Catalog:
    """The live catalogue (active products only) as plain domain objects."""
    version = catalog_version()
    cached = _cache.get(version)
    if cached is not None:
        return cached
    with _lock:
        catalog = _build(version)
        _cache.clear()
        _cache[version] = catalog
    return catalog


def _build(version: str) -> Catalog:
    inverters = {i.system_code: i.to_domain() for i in m.Inverter.objects.filter(active=True)}
    modules = {b.code: b.to_domain() for b in m.BatteryModule.objects.filter(active=True)}
    compatibility = tuple(
        c.to_domain()
        for c in m.Compatibility.objects.select_related("inverter", "module").filter(
            inverter__active=True, module__active=True
        )
    )
    accessories = []
    for accessory in m.Accessory.objects.filter(active=True).prefetch_related(
        "compatible_inverters"
    ):
        codes = tuple(i.system_code for i in accessory.compatible_inverters.all())
        accessories.append(accessory.to_domain(codes))
    return Catalog(
        version=version,
        inverters=inverters,
        modules=modules,
        compatibility=compatibility,
        accessories=tuple(accessories),
        cables=tuple(c.to_domain() for c in m.Cable.objects.filter(active=True)),
        breakers=tuple(b.to_domain() for b in m.CircuitBreaker.objects.filter(active=True)),
        rcds=tuple(r.to_domain() for r in m.ResidualCurrentDevice.objects.filter(active=True)),
        main_switches=tuple(s.to_domain() for s in m.MainSwitch.objects.filter(active=True)),
        enclosures=tuple(e.to_domain() for e in m.Enclosure.objects.filter(active=True)),
        cable_types={t.code: t.to_domain() for t in m.CableType.objects.all()},
        materials=tuple(x.to_domain() for x in m.InstallationMaterial.objects.filter(active=True)),
    )
