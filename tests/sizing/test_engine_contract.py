"""What every Design promises, whatever the configuration: versions, echo, findings' form."""

from __future__ import annotations

import pytest

from sizing import ENGINE_VERSION
from sizing.engine import design
from sizing.schema import Design, Severity
from sizing.system.limits import grid_limits
from tests.sizing.engine_helpers import BAT38, BAT93, S5, T10, codes, finding, request, run


def test_the_design_names_the_engine_and_catalogue_versions(catalog):
    result = run(catalog)
    assert result.engine_version == ENGINE_VERSION
    assert result.catalog_version == catalog.version


def test_the_design_echoes_the_request(catalog):
    sent = request(T10, BAT93, 4, backup="backup_box", project_reference="Fam. de Vries")
    assert design(sent, catalog).request == sent


def test_a_design_without_errors_is_valid(catalog):
    result = run(catalog, T10, BAT93, 4)
    assert result.valid
    assert not result.by_severity(Severity.ERROR)


SAMPLES = [
    dict(inverter="t10"),
    dict(inverter=T10, module=BAT93, count=7),
    dict(inverter=S5, module=BAT38, count=5, location="outdoor", min_ambient_c=-25),
    dict(inverter="SMILE-G3-T4", phases=1, existing_pv={"power_kw": 6, "phase": "L1"}),
    dict(inverter=S5, main_fuse_a=25, existing_pv={"power_kw": 2, "phase": "3P"}),
    dict(inverter=T10, module=BAT93, count=12, backup="backup_box", shutdown_kit=True),
]


@pytest.mark.parametrize("fields", SAMPLES)
def test_every_finding_explains_itself_in_dutch_and_english_with_a_reference(catalog, fields):
    result = run(catalog, **fields)
    assert result.findings
    for f in result.findings:
        assert "." in f.code  # stable dotted codes: battery.count_not_allowed
        assert f.message and f.message_en and f.reference
        assert f.message != f.message_en


@pytest.mark.parametrize("fields", SAMPLES)
def test_findings_come_errors_first_then_warnings_then_advice(catalog, fields):
    order = {"error": 0, "warning": 1, "info": 2}
    ranks = [order[f.severity] for f in run(catalog, **fields).findings]
    assert ranks == sorted(ranks)


def test_an_unknown_inverter_suggests_the_code_meant_by_a_short_form(catalog):
    result = run(catalog, inverter="t10")
    assert not result.valid
    message = finding(result, "inverter.unknown").message
    assert message == "Omvormer 't10' staat niet in de catalogus. Bedoelt u SMILE-G3-T10?"


def test_an_unknown_inverter_suggests_close_codes_for_a_typo(catalog):
    english = finding(run(catalog, inverter="SMILE-G3-T11"), "inverter.unknown").message_en
    assert "Did you mean" in english
    assert "SMILE-G3-T10" in english


def test_an_unknown_inverter_still_gets_its_batteries_checked(catalog):
    result = run(catalog, inverter="NOPE", module=BAT38, count=2, location="outdoor")
    assert {"inverter.unknown", "battery.indoor_only"} <= codes(result)


def test_the_design_serialises_to_json_and_back(catalog):
    result = run(catalog, T10, BAT93, 8, backup="backup_box")
    again = Design.model_validate_json(result.model_dump_json())
    assert again == result


def test_the_trace_shows_how_the_grid_charging_current_was_found(catalog):
    steps = {s.key: s for s in run(catalog, T10).trace}
    current = steps["system.grid_charging_current"]
    assert current.value.startswith("10 kW / (3 × 230 V) = 14,49 A")
    assert "max. laadvermogen" in current.basis


def test_the_rule_thresholds_carry_their_source():
    limits = grid_limits()
    assert limits.single_phase_generation_kw == 5
    assert limits.storage_registration_kw == 0.8
    assert limits.pgs37_capacity_kwh == 20
    assert "Netcode" in limits.single_phase_generation.reference
    assert "energieleveren.nl" in limits.storage_registration.reference
    assert "PGS 37" in limits.pgs37_capacity.reference
