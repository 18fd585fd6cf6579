"""Issue 11 point 10: a warning an installer sees on every ordinary house teaches them to ignore
warnings. The five standard designs below warn about catalogue gaps only while the catalogue
lacks the manufacturer's figures; once an admin enters them, those warnings must go.

The figures entered here are test values, not AlphaESS data: the catalogue keeps them empty
until someone reads them in the installation manual (see fixtures/01_inverters.json).
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from sizing.domain import Catalog
from sizing.engine import design
from sizing.schema import Design, DesignRequest
from tests.sizing.engine_helpers import codes

CABLE = {"length_m": 12, "method": "B1", "insulation": "PVC", "ambient_c": 30}
STANDARD_DESIGNS: dict[str, dict[str, Any]] = {
    "1x35_s36_existing_board_with_pv": {
        "connection": {"phases": 1, "main_fuse_a": 35, "earthing": "TN-C-S"},
        "inverter": "SMILE-G3-S3.6",
        "batteries": [{"module": "SMILE-G3-BAT-9.3S", "count": 1}],
        "existing_pv": {"power_kw": 3.0, "phase": "L1"},
        "ac_cable": CABLE,
        "board": {"mode": "existing", "free_modules": 6},
    },
    "3x25_t10_backup_box_new_board": {
        "connection": {"phases": 3, "main_fuse_a": 25, "earthing": "TN-C-S"},
        "inverter": "SMILE-G3-T10",
        "batteries": [{"module": "SMILE-G3-BAT-9.3S", "count": 2}],
        "backup": "backup_box",
        "existing_pv": {"power_kw": 4.0, "phase": "3P"},
        "ac_cable": CABLE,
        "backup_cable": CABLE,
        "board": {"mode": "new", "household_circuits": 8},
    },
    "3x63_t20_12_modules": {
        "connection": {"phases": 3, "main_fuse_a": 63, "earthing": "TN-C-S"},
        "inverter": "SMILE-G3-T20",
        "batteries": [{"module": "SMILE-G3-BAT-9.3S", "count": 12}],
        "ac_cable": CABLE,
        "board": {"mode": "new", "household_circuits": 10},
    },
    "3x25_t10_15_kwh": {
        "connection": {"phases": 3, "main_fuse_a": 25, "earthing": "TN-C-S"},
        "inverter": "SMILE-G3-T10",
        "batteries": [{"module": "SMILE-G3-BAT-3.8S", "count": 4}],
        "ac_cable": CABLE,
        "board": {"mode": "new", "household_circuits": 8},
    },
    "1x40_s5": {
        "connection": {"phases": 1, "main_fuse_a": 40, "earthing": "TN-C-S"},
        "inverter": "SMILE-G3-S5",
        "batteries": [{"module": "SMILE-G3-BAT-9.3S", "count": 1}],
        "ac_cable": CABLE,
        "board": {"mode": "new", "household_circuits": 6},
    },
}
# Warnings that only say "the catalogue does not know this figure".
CATALOGUE_GAPS = {"cable.terminal_unknown", "backup.rcd_type", "fault.breaking_capacity_unknown"}


def _run(catalog: Catalog, name: str) -> Design:
    return design(DesignRequest.model_validate(STANDARD_DESIGNS[name]), catalog)


def _warnings(result: Design) -> set[str]:
    return {f.code for f in result.findings if f.severity == "warning"}


def _with_manufacturer_figures(catalog: Catalog) -> Catalog:
    """Every figure whose absence makes a standard design warn, filled with a test value."""
    inverters = {
        code: dataclasses.replace(inv, ac_terminal_max_mm2=16.0, rcd_type_a_permitted=True)
        for code, inv in catalog.inverters.items()
    }
    rcds = tuple(dataclasses.replace(r, breaking_capacity_ka=6.0) for r in catalog.rcds)
    accessories = tuple(
        dataclasses.replace(a, breaking_capacity_ka=6.0) for a in catalog.accessories
    )
    return dataclasses.replace(catalog, inverters=inverters, rcds=rcds, accessories=accessories)


@pytest.mark.parametrize("name", sorted(STANDARD_DESIGNS))
def test_a_standard_design_warns_about_no_catalogue_gap_once_the_figures_are_entered(
    catalog: Catalog, name: str
) -> None:
    result = _run(_with_manufacturer_figures(catalog), name)
    assert result.valid
    assert not _warnings(result) & CATALOGUE_GAPS


@pytest.mark.parametrize("name", sorted(STANDARD_DESIGNS))
def test_a_standard_design_still_says_which_figure_the_catalogue_lacks(
    catalog: Catalog, name: str
) -> None:
    # A figure the catalogue lacks is never passed over in silence, and said once.
    unknown = dataclasses.replace(
        catalog, rcds=tuple(dataclasses.replace(r, breaking_capacity_ka=None) for r in catalog.rcds)
    )
    result = _run(unknown, name)
    assert [f.code for f in result.findings].count("cable.terminal_unknown") == 1
    assert "fault.breaking_capacity_unknown" in codes(result)


def test_an_rcbo_with_a_known_breaking_capacity_below_ik_is_still_refused(
    catalog: Catalog,
) -> None:
    weak = dataclasses.replace(
        _with_manufacturer_figures(catalog),
        rcds=tuple(dataclasses.replace(r, breaking_capacity_ka=3.0) for r in catalog.rcds),
    )
    result = _run(weak, "1x40_s5")
    assert "fault.breaking_capacity" in codes(result)
    assert "fault.breaking_capacity_unknown" not in codes(result)
