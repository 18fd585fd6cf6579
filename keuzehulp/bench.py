"""Named benchmarks for ``python manage.py bench`` (``make bench``).

A benchmark is a *prepare* function registered under a name: it loads what it
needs (the live catalogue, a request) once and returns the zero-argument
callable that is timed. Other parts of the project register theirs in a
``benchmarks`` module of their app (``keuzehulp/wizard/benchmarks.py``…),
found by :func:`autodiscover`, or by calling :func:`register` anywhere that is
imported at start-up.
"""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Prepare = Callable[[], Callable[[], Any]]


@dataclass(frozen=True)
class Benchmark:
    name: str
    prepare: Prepare
    runs: int = 1000
    budget_ms: float | None = None  # None = no budget
    budget_on: str = "median"  # which figure must stay under the budget: "median" or "p95"
    description: str = ""


@dataclass(frozen=True)
class Result:
    name: str
    runs: int
    median_ms: float
    p95_ms: float
    min_ms: float
    max_ms: float
    budget_ms: float | None
    budget_on: str = "median"

    @property
    def over_budget(self) -> bool:
        figure = self.p95_ms if self.budget_on == "p95" else self.median_ms
        return self.budget_ms is not None and figure > self.budget_ms


REGISTRY: dict[str, Benchmark] = {}


def register(
    name: str,
    *,
    runs: int = 1000,
    budget_ms: float | None = None,
    budget_on: str = "median",
    description: str = "",
) -> Callable[[Prepare], Prepare]:
    """Decorator: register ``prepare`` as the benchmark ``name``."""

    def decorate(prepare: Prepare) -> Prepare:
        doc = (prepare.__doc__ or "").strip()
        REGISTRY[name] = Benchmark(
            name=name,
            prepare=prepare,
            runs=runs,
            budget_ms=budget_ms,
            budget_on=budget_on,
            description=description or (doc.splitlines()[0] if doc else ""),
        )
        return prepare

    return decorate


def percentile(ordered: list[float], fraction: float) -> float:
    """Nearest-rank percentile of an already sorted list (p95 of 20 runs is the 19th)."""
    rank = max(math.ceil(fraction * len(ordered)), 1)
    return ordered[rank - 1]


def measure(benchmark: Benchmark, runs: int | None = None, warmup: int | None = None) -> Result:
    """Time ``runs`` calls after a warm-up (caches filled, code paths hot) and summarise."""
    call = benchmark.prepare()
    runs = max(runs or benchmark.runs, 1)
    for _ in range(warmup if warmup is not None else min(max(runs // 10, 1), 50)):
        call()
    timings: list[float] = []
    clock = time.perf_counter_ns
    for _ in range(runs):
        start = clock()
        call()
        timings.append((clock() - start) / 1e6)
    timings.sort()
    return Result(
        name=benchmark.name,
        runs=runs,
        median_ms=statistics.median(timings),
        p95_ms=percentile(timings, 0.95),
        min_ms=timings[0],
        max_ms=timings[-1],
        budget_ms=benchmark.budget_ms,
        budget_on=benchmark.budget_on,
    )


def autodiscover() -> None:
    """Import every installed app's ``benchmarks`` module, so their benchmarks register."""
    from django.utils.module_loading import autodiscover_modules

    autodiscover_modules("benchmarks")


# --------------------------------------------------------------------------- engine benchmarks


def _live_catalog() -> Any:
    from catalog.services import load_catalog

    return load_catalog()


TYPICAL_REQUEST = {
    "connection": {"phases": 3, "main_fuse_a": 25, "earthing": "TN-C-S"},
    "inverter": "SMILE-G3-T10",
    "batteries": [{"module": "SMILE-G3-BAT-9.3S", "count": 8}],
    "backup": "backup_box",
    "shutdown_kit": True,
    "location": "indoor",
    "existing_pv": {"power_kw": 4.0, "phase": "3P"},
    "ac_cable": {"length_m": 12, "method": "B1", "insulation": "PVC", "ambient_c": 30},
    "board": {"mode": "new", "household_circuits": 8},
}


@register("design", runs=2000, budget_ms=2.0)
def _design() -> Callable[[], Any]:
    """design(): a typical valid T10 system with backup box, kit, cable and new board."""
    from sizing.engine import design
    from sizing.schema import DesignRequest

    catalog = _live_catalog()
    request = DesignRequest.model_validate(TYPICAL_REQUEST)
    return lambda: design(request, catalog)


@register("design_rejected", runs=2000, budget_ms=2.0)
def _design_rejected() -> Callable[[], Any]:
    """design(): a configuration with several errors (7 modules, IP21 outdoors, wrong phases)."""
    from sizing.engine import design
    from sizing.schema import DesignRequest

    catalog = _live_catalog()
    request = DesignRequest.model_validate(
        {
            "connection": {"phases": 1, "main_fuse_a": 35},
            "inverter": "SMILE-G3-T10",
            "batteries": [{"module": "SMILE-G3-BAT-3.8S", "count": 7}],
            "location": "outdoor",
            "min_ambient_c": -15,
        }
    )
    return lambda: design(request, catalog)


def _suggest_for(site_data: dict[str, Any]) -> Callable[[], Any]:
    from sizing.engine import suggest
    from sizing.schema import Site

    catalog = _live_catalog()
    site = Site.model_validate(site_data)
    return lambda: suggest(site, catalog)


@register("suggest", runs=300, budget_ms=50.0)
def _suggest_three_phase() -> Callable[[], Any]:
    """suggest(): 3×25 A, indoors, 20 kWh target; the site with the most valid choices."""
    return _suggest_for({"connection": {"phases": 3, "main_fuse_a": 25}, "target_usable_kwh": 20})


@register("suggest_single_phase", runs=300, budget_ms=50.0)
def _suggest_single_phase() -> Callable[[], Any]:
    """suggest(): 1×35 A outdoors at -15 °C with 3 kW existing PV, 10 kW target power."""
    return _suggest_for(
        {
            "connection": {"phases": 1, "main_fuse_a": 35},
            "location": "outdoor",
            "min_ambient_c": -15,
            "existing_pv": {"power_kw": 3, "phase": "L1"},
            "target_power_kw": 10,
        }
    )


@register("size_cable", runs=2000, budget_ms=0.5)
def _size_cable() -> Callable[[], Any]:
    """size_cable(): the T10's 14.5 A three-phase AC cable, 25 m in conduit (B1, PVC)."""
    from sizing.cable import size_cable
    from sizing.schema import CableRequest

    request = CableRequest(current_a=14.5, phases=3, length_m=25, method="B1")
    return lambda: size_cable(request)


# --------------------------------------------------------------------------- wizard benchmarks
# keuzehulp.wizard is a package of the keuzehulp app, not an app of its own, so autodiscover()
# does not find its benchmarks module; importing it here registers them (documents: the same).
from keuzehulp.documents import benchmarks as _document_benchmarks  # noqa: E402, F401
from keuzehulp.wizard import benchmarks as _wizard_benchmarks  # noqa: E402, F401
