"""The commissioning page's settings: values from the Design's fields, not from finding texts."""

from __future__ import annotations

import pytest
from django.utils import translation

from keuzehulp.documents.commissioning import settings

from .conftest import THREE_PHASE_EXISTING

pytestmark = pytest.mark.django_db

EMS = {
    "nl": "Laadvermogen uit het net begrenzen (EMS)",
    "en": "Limit the charging power from the grid (EMS)",
}


@pytest.mark.parametrize(("lang", "value"), [("nl", "max. 6,9 kW"), ("en", "max. 6.9 kW")])
def test_the_ems_row_sets_the_limit_the_design_carries(make_design, lang, value):
    # A T10 on 3×25 A charges at 14.5 A; with 15 A of household load 10 A is left: 6.9 kW.
    result = make_design({**THREE_PHASE_EXISTING, "options": {"household_load_a": 15}})
    warning = next(f for f in result.findings if f.code == "grid.main_fuse_capacity")
    with translation.override(lang):
        row = next(s for s in settings(result, lang) if s.what == EMS[lang])
    assert row.value == value
    assert row.note == warning.text(lang)  # the finding explains why
    assert row.source == warning.reference


def test_an_ems_limit_of_zero_switches_grid_charging_off(make_design):
    loaded = {**THREE_PHASE_EXISTING, "options": {"household_load_a": 25}}
    row = next(s for s in settings(make_design(loaded), "nl") if s.what == EMS["nl"])
    assert row.value == "0 kW"
    assert "Zet laden uit het net in het EMS uit" in row.note


def test_no_ems_row_where_the_main_fuse_carries_the_charging_current(make_design):
    result = make_design({**THREE_PHASE_EXISTING, "connection": {"phases": 3, "main_fuse_a": 35}})
    assert result.ems_grid_charge_limit_kw is None
    assert all(s.what != EMS["nl"] for s in settings(result, "nl"))
