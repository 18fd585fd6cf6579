"""Installation materials from the catalogue, chosen by their attributes.

The catalogue holds pint quantities; converting them on every lookup would cost
more than the whole cable sizing, so each catalogue is indexed once (cached by
identity, as :func:`sizing.figures.figures_for` does) into plain floats.
Nothing here invents an article: a lookup without a match returns ``None`` and
the planner reports it.
"""

from __future__ import annotations

from dataclasses import dataclass
from threading import Lock

from sizing.domain import (
    Cable,
    Catalog,
    CircuitBreaker,
    Enclosure,
    MainSwitch,
    ResidualCurrentDevice,
)

EPSILON = 1e-9
MCB_POLES = {1: "1P+N", 3: "3P+N"}  # an RCBO has the same poles as the breaker it replaces
RCD_POLES = {1: "2P", 3: "4P"}
POLE_COUNT = {1: 2, 3: 4}
# A stricter RCD type also detects everything a weaker one does (IEC 62423: B ⊃ F ⊃ A).
_TYPE_RANK = {"A": 0, "F": 1, "B": 2}


@dataclass(frozen=True, slots=True)
class _Rcd:
    item: ResidualCurrentDevice
    rating_a: float
    sensitivity_ma: float


@dataclass(frozen=True, slots=True)
class Materials:
    rcds: tuple[_Rcd, ...]
    breakers: tuple[tuple[CircuitBreaker, float], ...]
    cables: tuple[tuple[Cable, float], ...]
    main_switches: tuple[tuple[MainSwitch, float], ...]
    enclosures: tuple[Enclosure, ...]  # smallest first

    def rcbo(
        self, rcd_type: str, sensitivity_ma: float, rating_a: float, curve: str, phases: int
    ) -> ResidualCurrentDevice | None:
        """An RCBO (aardlekautomaat) of exactly this rating, curve, poles and sensitivity."""
        candidates = [
            r
            for r in self.rcds
            if r.item.is_rcbo
            and r.item.poles == MCB_POLES[phases]
            and r.item.curve == curve
            and abs(r.rating_a - rating_a) < EPSILON
            and abs(r.sensitivity_ma - sensitivity_ma) < EPSILON
            and _TYPE_RANK.get(r.item.rcd_type.value, -1) >= _TYPE_RANK[rcd_type]
        ]
        return _best(candidates, rcd_type)

    def rcd(
        self, rcd_type: str, sensitivity_ma: float, min_rating_a: float, phases: int
    ) -> ResidualCurrentDevice | None:
        """The smallest RCD (aardlekschakelaar) that carries ``min_rating_a``."""
        candidates = [
            r
            for r in self.rcds
            if not r.item.is_rcbo
            and r.item.poles == RCD_POLES[phases]
            and r.rating_a + EPSILON >= min_rating_a
            and abs(r.sensitivity_ma - sensitivity_ma) < EPSILON
            and _TYPE_RANK.get(r.item.rcd_type.value, -1) >= _TYPE_RANK[rcd_type]
        ]
        if not candidates:
            return None
        smallest = min(r.rating_a for r in candidates)
        return _best([r for r in candidates if r.rating_a == smallest], rcd_type)

    def breaker(self, rating_a: float, curve: str, phases: int) -> CircuitBreaker | None:
        candidates = [
            b
            for b, rating in self.breakers
            if abs(rating - rating_a) < EPSILON
            and b.curve == curve
            and b.poles == MCB_POLES[phases]
        ]
        return min(candidates, key=lambda b: (b.price_eur, b.article), default=None)

    def cable(self, cable_type: str, cores: int, csa_mm2: float, insulation: str) -> Cable | None:
        candidates = [
            c
            for c, csa in self.cables
            if c.cable_type == cable_type
            and c.cores == cores
            and abs(csa - csa_mm2) < EPSILON
            and c.insulation.value == insulation
        ]
        return min(candidates, key=lambda c: (c.price_eur, c.article), default=None)

    def main_switch(self, min_rating_a: float, phases: int) -> MainSwitch | None:
        candidates = [
            (s, rating)
            for s, rating in self.main_switches
            if rating + EPSILON >= min_rating_a and s.poles == RCD_POLES[phases]
        ]
        if not candidates:
            return None
        return min(candidates, key=lambda c: (c[1], c[0].price_eur, c[0].article))[0]


def _best(candidates: list[_Rcd], rcd_type: str) -> ResidualCurrentDevice | None:
    """The exact type before a stricter one, then the cheapest; the article breaks ties."""
    if not candidates:
        return None
    best = min(
        candidates,
        key=lambda r: (
            _TYPE_RANK[r.item.rcd_type.value] - _TYPE_RANK[rcd_type],
            r.item.price_eur,
            r.item.article,
        ),
    )
    return best.item


def _build(catalog: Catalog) -> Materials:
    return Materials(
        rcds=tuple(
            _Rcd(r, float(r.rating.m_as("A")), float(r.sensitivity.m_as("mA")))
            for r in catalog.rcds
        ),
        breakers=tuple((b, float(b.rating.m_as("A"))) for b in catalog.breakers),
        cables=tuple((c, float(c.csa.m_as("mm**2"))) for c in catalog.cables),
        main_switches=tuple((s, float(s.rating.m_as("A"))) for s in catalog.main_switches),
        enclosures=tuple(
            sorted(
                catalog.enclosures,
                key=lambda e: (e.modules, e.rows, e.price_eur, e.article),
            )
        ),
    )


_CACHE: dict[int, tuple[Catalog, Materials]] = {}
_CACHE_SIZE = 4
_LOCK = Lock()


def materials_for(catalog: Catalog) -> Materials:
    """The catalogue's materials as floats, cached by identity (a Catalog is frozen)."""
    entry = _CACHE.get(id(catalog))
    if entry is not None and entry[0] is catalog:
        return entry[1]
    materials = _build(catalog)
    with _LOCK:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[id(catalog)] = (catalog, materials)
    return materials
