"""Installation materials from the catalogue, chosen by their attributes.

Nothing here invents an article: a lookup without a match returns ``None`` and
the planner reports it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sizing.constants import EPSILON
from sizing.domain import (
    Cable,
    Catalog,
    CircuitBreaker,
    Enclosure,
    InstallationMaterial,
    MainSwitch,
    MaterialKind,
    ResidualCurrentDevice,
)

MCB_POLES = {1: "1P+N", 3: "3P+N"}  # an RCBO has the same poles as the breaker it replaces
RCD_POLES = {1: "2P", 3: "4P"}
POLE_COUNT = {1: 2, 3: 4}
# A stricter RCD type also detects everything a weaker one does (IEC 62423: B ⊃ F ⊃ A).
_TYPE_RANK = {"A": 0, "F": 1, "B": 2}


@dataclass(frozen=True, slots=True)
class Materials:
    """The catalogue's installation materials, looked up by what a circuit needs."""

    catalog: Catalog
    enclosures: tuple[Enclosure, ...] = field(init=False)  # smallest first

    def __post_init__(self) -> None:
        smallest_first = sorted(
            self.catalog.enclosures, key=lambda e: (e.modules, e.rows, e.price_eur, e.article)
        )
        object.__setattr__(self, "enclosures", tuple(smallest_first))

    def rcbo(
        self, rcd_type: str, sensitivity_ma: float, rating_a: float, curve: str, phases: int
    ) -> ResidualCurrentDevice | None:
        """An RCBO (aardlekautomaat) of exactly this rating, curve, poles and sensitivity."""
        candidates = [
            r
            for r in self.catalog.rcds
            if r.is_rcbo
            and r.poles == MCB_POLES[phases]
            and r.curve == curve
            and abs(r.rating_a - rating_a) < EPSILON
            and abs(r.sensitivity_ma - sensitivity_ma) < EPSILON
            and _TYPE_RANK.get(r.rcd_type.value, -1) >= _TYPE_RANK[rcd_type]
        ]
        return _best(candidates, rcd_type)

    def rcd(
        self, rcd_type: str, sensitivity_ma: float, min_rating_a: float, phases: int
    ) -> ResidualCurrentDevice | None:
        """The smallest RCD (aardlekschakelaar) that carries ``min_rating_a``."""
        candidates = [
            r
            for r in self.catalog.rcds
            if not r.is_rcbo
            and r.poles == RCD_POLES[phases]
            and r.rating_a + EPSILON >= min_rating_a
            and abs(r.sensitivity_ma - sensitivity_ma) < EPSILON
            and _TYPE_RANK.get(r.rcd_type.value, -1) >= _TYPE_RANK[rcd_type]
        ]
        if not candidates:
            return None
        smallest = min(r.rating_a for r in candidates)
        return _best([r for r in candidates if r.rating_a == smallest], rcd_type)

    def breaker(self, rating_a: float, curve: str, phases: int) -> CircuitBreaker | None:
        candidates = [
            b
            for b in self.catalog.breakers
            if abs(b.rating_a - rating_a) < EPSILON
            and b.curve == curve
            and b.poles == MCB_POLES[phases]
        ]
        return min(candidates, key=lambda b: (b.price_eur, b.article), default=None)

    def cable(self, cable_type: str, cores: int, csa_mm2: float, insulation: str) -> Cable | None:
        candidates = [
            c
            for c in self.catalog.cables
            if c.cable_type == cable_type
            and c.cores == cores
            and abs(c.csa_mm2 - csa_mm2) < EPSILON
            and c.insulation.value == insulation
        ]
        return min(candidates, key=lambda c: (c.price_eur, c.article), default=None)

    def main_switch(self, min_rating_a: float, phases: int) -> MainSwitch | None:
        candidates = [
            s
            for s in self.catalog.main_switches
            if s.rating_a + EPSILON >= min_rating_a and s.poles == RCD_POLES[phases]
        ]
        return min(candidates, key=lambda s: (s.rating_a, s.price_eur, s.article), default=None)

    def material(
        self, kind: MaterialKind, *, phases: int | None = None, size_mm: float | None = None
    ) -> InstallationMaterial | None:
        """The cheapest material of ``kind`` that fits the phases and exactly this size;
        ``size_mm`` None asks for the article without a size (a size chosen on site)."""
        candidates = [
            m
            for m in self.catalog.materials
            if m.kind is kind
            and (phases is None or m.fits(phases))
            and (
                m.size_mm is None
                if size_mm is None
                else m.size_mm is not None and abs(m.size_mm - size_mm) < EPSILON
            )
        ]
        return min(candidates, key=lambda m: (m.price_eur, m.article), default=None)


def _best(candidates: list[ResidualCurrentDevice], rcd_type: str) -> ResidualCurrentDevice | None:
    """The exact type before a stricter one, then the cheapest; the article breaks ties."""
    if not candidates:
        return None
    best = min(
        candidates,
        key=lambda r: (
            _TYPE_RANK[r.rcd_type.value] - _TYPE_RANK[rcd_type],
            r.price_eur,
            r.article,
        ),
    )
    return best
