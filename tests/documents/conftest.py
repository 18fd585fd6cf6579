"""Design requests for the document tests: one and three phases, existing and new boards."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache

# The largest configuration the brochure allows: T20, 12 modules in two clusters, BackupBox with
# the afschakelset, a new board with 12 groups (the most circuits, trace steps and BoM lines).
THREE_PHASE_NEW: dict[str, Any] = {
    "connection": {"phases": 3, "main_fuse_a": 35, "earthing": "TN-C-S"},
    "inverter": "SMILE-G3-T20",
    "batteries": [{"module": "SMILE-G3-BAT-9.3S", "count": 12}],
    "backup": "backup_box",
    "shutdown_kit": True,
    "location": "indoor",
    "existing_pv": {"power_kw": 6.0, "phase": "3P"},
    "ac_cable": {"length_m": 15, "method": "B1", "insulation": "PVC", "ambient_c": 30},
    "backup_cable": {"length_m": 5, "method": "B1"},
    "board": {"mode": "new", "household_circuits": 12},
    "project_reference": "Benchmark T20 12 modules",
}

SINGLE_PHASE_EXISTING: dict[str, Any] = {
    "connection": {"phases": 1, "main_fuse_a": 40, "earthing": "TT"},
    # The distribution unit passes the S3.6's 7.36 kW through: B32, which fits 1 × 40 A.
    "inverter": "SMILE-G3-S3.6",
    "batteries": [{"module": "SMILE-G3-BAT-3.8S", "count": 4}],
    "backup": "distribution_unit",
    "ac_cable": {"length_m": 8, "method": "B1"},
    "board": {"mode": "existing", "rcds": [{"groups": 3}, {"groups": 4}], "free_modules": 4},
    "project_reference": "P-2025-001 Kerkstraat 3",
}

THREE_PHASE_EXISTING: dict[str, Any] = {
    "connection": {"phases": 3, "main_fuse_a": 25, "earthing": "TN-C-S"},
    "inverter": "SMILE-G3-T10",
    "batteries": [{"module": "SMILE-G3-BAT-9.3S", "count": 4}],
    "backup": "none",
    "ac_cable": {"length_m": 22, "method": "C", "insulation": "XLPE", "cable_type": "XMvK"},
    "board": {
        "mode": "existing",
        "rcds": [{"groups": 4}, {"groups": 4, "poles": "4P"}, {"groups": 2}],
        "free_modules": 8,
    },
    "project_reference": "Bestaande kast, driefase",
}

SINGLE_PHASE_NEW: dict[str, Any] = {
    "connection": {"phases": 1, "main_fuse_a": 35, "earthing": "unknown"},
    "inverter": "SMILE-G3-S3.6",
    "batteries": [{"module": "SMILE-G3-BAT-4.5S", "count": 2}],
    "backup": "backup_box",
    "shutdown_kit": True,
    "ac_cable": {"length_m": 10, "method": "B1"},
    "backup_cable": {"length_m": 3, "method": "B1"},
    "board": {"mode": "new", "household_circuits": 5},
    "project_reference": "",
}

# Seven modules on a T10 is not allowed: a design with an error finding and no installation.
INVALID: dict[str, Any] = {
    "connection": {"phases": 3, "main_fuse_a": 35},
    "inverter": "SMILE-G3-T10",
    "batteries": [{"module": "SMILE-G3-BAT-9.3S", "count": 7}],
    "backup": "backup_box",
}

CONFIGURATIONS = {
    "three_phase_new": THREE_PHASE_NEW,
    "single_phase_existing": SINGLE_PHASE_EXISTING,
    "three_phase_existing": THREE_PHASE_EXISTING,
    "single_phase_new": SINGLE_PHASE_NEW,
}


@pytest.fixture
def make_design(catalog: Any) -> Any:
    """A Design for a request dict, against the live catalogue."""
    from sizing.engine import design
    from sizing.schema import DesignRequest

    def build(data: dict[str, Any]) -> Any:
        return design(DesignRequest.model_validate(data), catalog)

    return build


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    cache.clear()
