"""Engine benchmarks: design(), suggest() and size_cable() against the live catalogue."""

from __future__ import annotations

from typing import Any

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from sizing.cable.size import size_cable
from sizing.domain import Catalog
from sizing.engine import design, suggest
from sizing.schema import CableRequest, DesignRequest, Site

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

# Seven modules, IP21 outdoors at -15 °C and a three-phase inverter on one phase: many errors.
REJECTED_REQUEST = {
    "connection": {"phases": 1, "main_fuse_a": 35},
    "inverter": "SMILE-G3-T10",
    "batteries": [{"module": "SMILE-G3-BAT-3.8S", "count": 7}],
    "location": "outdoor",
    "min_ambient_c": -15,
}


@pytest.mark.budget(2.0)
def test_design_of_a_t10_with_backup_box_kit_cable_and_a_new_board(
    benchmark: BenchmarkFixture, catalog: Catalog
) -> None:
    request = DesignRequest.model_validate(TYPICAL_REQUEST)
    result = benchmark(design, request, catalog)
    assert result.valid
    assert len(result.circuits) > 8


@pytest.mark.budget(2.0)
def test_design_of_a_configuration_with_several_errors(
    benchmark: BenchmarkFixture, catalog: Catalog
) -> None:
    request = DesignRequest.model_validate(REJECTED_REQUEST)
    result = benchmark(design, request, catalog)
    assert not result.valid


SITES: dict[str, dict[str, Any]] = {
    # The site with the most valid choices.
    "three_phase_20_kwh": {"connection": {"phases": 3, "main_fuse_a": 25}, "target_usable_kwh": 20},
    "single_phase_outdoor_with_pv": {
        "connection": {"phases": 1, "main_fuse_a": 35},
        "location": "outdoor",
        "min_ambient_c": -15,
        "existing_pv": {"power_kw": 3, "phase": "L1"},
        "target_power_kw": 10,
    },
}


@pytest.mark.budget(50.0)
@pytest.mark.parametrize("site", SITES)
def test_suggest(benchmark: BenchmarkFixture, catalog: Catalog, site: str) -> None:
    suggestions = benchmark(suggest, Site.model_validate(SITES[site]), catalog)
    assert suggestions


CABLES = {
    # The T10's AC cable, 25 m in conduit (B1, PVC).
    "t10_ac_25m": CableRequest(current_a=14.5, phases=3, length_m=25, method="B1"),
    # Derated twice (45 °C, three circuits grouped) and long enough for the voltage drop to decide.
    "derated_40m": CableRequest(current_a=21.7, length_m=40, ambient_c=45, grouped_circuits=3),
}


@pytest.mark.budget(0.5)
@pytest.mark.parametrize("cable", CABLES)
def test_size_cable(benchmark: BenchmarkFixture, cable: str) -> None:
    result = benchmark(size_cable, CABLES[cable])
    assert result.csa_mm2 > 0
