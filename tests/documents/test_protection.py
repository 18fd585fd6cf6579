"""Fault protection in the dossier: the Zs column, the limit per measured value, island checks,
warning labels and the isolation procedure (issue 11 points 7, 9 and 13)."""

from __future__ import annotations

import pytest
from django.utils import translation

from keuzehulp.documents.dossier import build_context
from keuzehulp.documents.labels import num
from keuzehulp.documents.pdf import render_html

from .conftest import SINGLE_PHASE_EXISTING, THREE_PHASE_EXISTING, THREE_PHASE_NEW

pytestmark = pytest.mark.django_db


def context(design, lang="nl"):
    with translation.override(lang):
        return build_context(design, lang=lang, svg="<svg/>")


def test_the_groepenverklaring_prints_the_engines_zs_over_its_limit(make_design):
    result = make_design(THREE_PHASE_EXISTING)
    grid = next(c for c in result.circuits if c.name == "ac_grid")
    row = context(result)["circuit_rows"][0]
    assert row.zs.value == f"{num(grid.fault.zs_ohm, 'nl')} Ω"
    assert row.zs.limit == f"max. {num(grid.fault.zs_max_ohm, 'nl')} Ω"
    html = render_html(result, lang="nl")[0]
    assert ">Zs</th>" in html and row.zs.value in html


def test_the_commissioning_page_gives_a_limit_for_every_measured_zs(make_design):
    result = make_design(THREE_PHASE_NEW)
    limits = context(result)["protection_limits"]
    zs_rows = [m for m in limits if m.what.startswith("Zs ")]
    measured = [c for c in result.circuits if c.fault and c.fault.zs_measured_max_ohm is not None]
    assert len(zs_rows) == len(measured) > 1
    assert all("0,8 ×" in m.limit for m in zs_rows)
    assert limits[0].limit.startswith("≤ 6 kA")  # Ik at the origin vs the smallest capacity


def test_the_english_dossier_writes_the_limits_in_english(make_design):
    limits = context(make_design(THREE_PHASE_NEW), "en")["protection_limits"]
    assert all("0.8 ×" in m.limit for m in limits if m.what.startswith("Zs "))


def test_a_backup_design_lists_the_island_checks_and_the_labels(make_design):
    ctx = context(make_design(THREE_PHASE_NEW))
    assert len(ctx["island_checks"]) == 3
    assert any("meer dan één bron" in label for label in ctx["warning_labels"])
    assert any("Noodstroom" in label for label in ctx["warning_labels"])
    steps = ctx["isolation_steps"]
    assert steps[-1].startswith("Aard en kortsluit")
    assert any("zonnepanelen" in s for s in steps)  # existing PV is a source too


def test_without_backup_there_are_no_island_checks(make_design):
    ctx = context(make_design(THREE_PHASE_EXISTING))
    assert ctx["island_checks"] == []
    assert ctx["warning_labels"]  # grid and battery: still two sources


def test_a_design_with_a_distribution_unit_shows_the_limit_without_a_calculated_zs(make_design):
    tn = {
        **SINGLE_PHASE_EXISTING,
        "connection": {"phases": 1, "main_fuse_a": 40, "earthing": "TN-C-S"},
    }
    result = make_design(tn)
    rows = {r.group: r for r in context(result)["circuit_rows"]}
    assert rows["Noodstroom"].zs.value == "—"
    assert rows["Noodstroom"].zs.limit.startswith("max. ")


def test_a_tt_design_prints_no_zs_because_the_rcd_disconnects(make_design):
    rows = context(make_design(SINGLE_PHASE_EXISTING))["circuit_rows"]
    assert all(r.zs.value == "—" and not r.zs.limit for r in rows)
