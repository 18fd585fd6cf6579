"""The registry of findings: every code the engine can raise has its severity, both languages
and a reference, and raising a finding with the wrong parameters fails at once instead of
printing a broken text."""

from __future__ import annotations

import ast
import dataclasses
import itertools
import re
import string
from pathlib import Path
from typing import Any

import pytest

import sizing
from sizing.bom import plan_lines
from sizing.cable.size import size_cable
from sizing.domain import AccessoryKind, Insulation
from sizing.engine import design
from sizing.findings import REGISTRY, Entry, Phrase, UnknownFinding, finding
from sizing.findings.registry import Variants
from sizing.installation.plan import PlannedLine
from sizing.schema import CableRequest, Finding, Severity
from tests.sizing.engine_helpers import (
    BAT38,
    BAT45,
    BAT93,
    S5,
    T10,
    T20,
    replaced,
    request,
    with_inverter,
    with_makers_heat_figures,
    without_compatibility,
)

SIZING = Path(sizing.__file__).parent

NUMBER = re.compile(r"n(\d)?( list)?")


def _specs(entry: Entry) -> dict[str, str]:
    """Parameter name -> the format spec the entry writes it with."""
    templates = [entry.nl, entry.en]
    if isinstance(entry.reference, str):
        templates.append(entry.reference)
    for variants in entry.choices.values():
        for nl, en in variants.values():
            templates += [nl, en]
    specs: dict[str, str] = {}
    for template in templates:
        for _, name, spec, _ in string.Formatter().parse(template):
            if name is not None:
                specs[name] = spec or ""
    return specs


def _fields_of_reference(entry: Entry) -> set[str]:
    if not isinstance(entry.reference, str):
        return set()
    return {name for _, name, _, _ in string.Formatter().parse(entry.reference) if name}


def _sample(name: str, spec: str) -> object:
    match = NUMBER.fullmatch(spec)
    if match:
        value = 7 if match.group(1) == "0" else 2.5
        return [value, value] if match.group(2) else value
    if spec in ("list", "or", "and"):
        return [f"«{name}-1»", f"«{name}-2»"]
    if spec == "counts":
        return [1, 2, 3, 6, 8]
    return Phrase(f"«{name}-nl»", f"«{name}-en»")


def _combinations(entry: Entry) -> list[dict[str, str]]:
    """Every combination of the entry's variants, as choice -> variant."""
    names = list(entry.choices)
    options: list[Variants] = [entry.choices[n] for n in names]
    return [dict(zip(names, combo, strict=True)) for combo in itertools.product(*options)]


def _params(entry: Entry, chosen: dict[str, str]) -> dict[str, Any]:
    specs = _specs(entry)
    params: dict[str, Any] = {n: _sample(n, specs[n]) for n in entry.params(chosen)}
    params.update(chosen)
    return params


CASES = [
    pytest.param(code, chosen, id="-".join([code, *chosen.values()]))
    for code, entry in sorted(REGISTRY.items())
    for chosen in _combinations(entry)
]


def test_the_registry_holds_every_area_of_the_engine():
    areas = {code.split(".")[0] for code in REGISTRY}
    assert areas == {
        "inverter", "battery", "safety", "expansion", "grid", "registration", "backup",
        "circuit", "cable", "board", "bom", "fault", "rcd",
    }  # fmt: skip
    assert len(REGISTRY) >= 44


@pytest.mark.parametrize(("code", "chosen"), CASES)
def test_every_entry_renders_in_dutch_and_english_with_its_parameters(code, chosen):
    entry = REGISTRY[code]
    params = _params(entry, chosen)
    result = finding(code, **params)
    assert result.code == code and result.severity is entry.severity
    assert result.message.strip() and result.message_en.strip()
    assert result.message != result.message_en
    for text in (result.message, result.message_en, result.reference):
        assert "{" not in text and "}" not in text, text
    assert result.reference.strip()
    specs = _specs(entry)
    for name, value in params.items():
        if not isinstance(value, Phrase):
            continue
        if name in entry.params(chosen) - _fields_of_reference(entry):
            assert value.nl in result.message and value.en in result.message_en, name
            assert value.en not in result.message, name
        else:
            assert value.nl in result.reference, name
    decimals = [n for n in params if (m := NUMBER.fullmatch(specs[n])) and m.group(1) != "0"]
    if decimals:
        assert "2,5" in result.message and "2.5" not in result.message, decimals
        assert "2.5" in result.message_en and "2,5" not in result.message_en, decimals


def test_numbers_keep_the_installers_notation_in_each_language():
    result = finding(
        "battery.temperature",
        module="SMILE-G3-BAT-9.3S",
        min_ambient_c=-12.5,
        module_min_c=-10,
        alternative="none",
    )
    assert "-12,5 °C" in result.message and "vanaf -10 °C" in result.message
    assert "-12.5 °C" in result.message_en and "from -10 °C" in result.message_en


def test_lists_are_written_as_a_sentence_in_each_language():
    result = finding(
        "battery.count_not_allowed",
        count=7,
        module="SMILE-G3-BAT-9.3S",
        inverter="SMILE-G3-T10",
        allowed=[1, 2, 3, 4, 5, 6, 8, 10, 12],
        nearest=[6, 8],
        why="even_only",
        per_cluster=6,
        max_clusters=2,
    )
    assert "toegestaan zijn 1–6, 8, 10 of 12 modules" in result.message
    assert "the allowed counts are 1–6, 8, 10 or 12" in result.message_en
    assert "Kies bijvoorbeeld 6 of 8 modules." in result.message
    assert "in 2 gelijke clusters parallel" in result.message


def test_a_phrase_parameter_speaks_the_language_of_the_message():
    result = finding("bom.no_article", what=Phrase("kabel VD 2,5 mm²", "cable VD 2.5 mm²"))
    assert "voor: kabel VD 2,5 mm²." in result.message
    assert "for: cable VD 2.5 mm²." in result.message_en


def test_a_reference_can_name_the_table_the_calculation_used():
    result = finding(
        "cable.soil_out_of_range",
        rho=4,
        highest=3,
        table="IEC 60364-5-52:2009 Table B.52.16",
    )
    assert result.reference == "IEC 60364-5-52:2009 Table B.52.16"


def test_a_thresholds_reference_comes_from_the_data_file_that_holds_the_threshold():
    result = finding("safety.pgs37", usable_kwh=27.9, threshold_kwh=20)
    assert result.reference.startswith("PGS 37-1")
    assert "20 kWh" in result.reference


def test_the_circuit_a_finding_is_about_is_kept_out_of_the_text():
    result = finding("circuit.current_from_power", circuit="ac_grid", inverter="X", current_a=1)
    assert result.circuit == "ac_grid"


def test_an_unknown_code_is_refused():
    with pytest.raises(UnknownFinding, match=r"board\.selectivty"):
        finding("board.selectivty")


def test_a_missing_parameter_is_refused_before_any_text_is_written():
    with pytest.raises(TypeError, match=r"missing parameter\(s\) \['ip'\]"):
        finding("backup.box_indoor_only", name="BackupBox")


def test_a_parameter_no_text_uses_is_refused():
    with pytest.raises(TypeError, match=r"unexpected parameter\(s\) \['colour'\]"):
        finding("backup.box_indoor_only", name="BackupBox", ip="IP21", colour="grey")


def test_the_parameters_of_the_chosen_variant_are_required():
    with pytest.raises(TypeError, match=r"missing parameter\(s\) \['final_circuits'\]"):
        finding(
            "board.selectivity",
            what="final_circuits",
            rating=16,
            limit="none",
            basis="factor",
            main_fuse_a=25,
            phases=3,
            factor=1.6,
        )


def test_a_variant_the_entry_does_not_have_is_refused():
    with pytest.raises(ValueError, match="what='the board'"):
        finding(
            "board.selectivity",
            what="the board",
            rating=16,
            limit="none",
            basis="factor",
            main_fuse_a=25,
            phases=3,
            factor=1.6,
        )


def test_an_entry_whose_languages_use_different_parameters_is_refused():
    with pytest.raises(ValueError, match="different parameters"):
        Entry("x.y", Severity.INFO, nl="{a} en {b}", en="{a}", reference="r")


def test_an_entry_with_an_unknown_format_is_refused():
    with pytest.raises(ValueError, match="unknown format spec"):
        Entry("x.y", Severity.INFO, nl="{a:euro}", en="{a:euro}", reference="r")


def test_an_entry_without_a_reference_is_refused():
    with pytest.raises(ValueError, match="reference"):
        Entry("x.y", Severity.INFO, nl="{a}", en="{a}", reference=" ")


# --------------------------------------------------------------------------- what the engine raises


def _calls_named(name: str, tree: ast.AST) -> list[ast.Call]:
    calls = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called == name:
                calls.append(node)
    return calls


def _raised_in_the_source() -> dict[str, list[str]]:
    """Code -> where sizing/ raises it, read from every finding("...") call."""
    raised: dict[str, list[str]] = {}
    for path in sorted(SIZING.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # A finding about one household group is raised later, by its board number: the code
        # is the second argument of partial_finding(notes, code, ...).
        calls = [(c, 0) for c in _calls_named("finding", tree)]
        calls += [(c, 1) for c in _calls_named("partial_finding", tree)]
        for call, position in calls:
            code = call.args[position] if len(call.args) > position else None
            if isinstance(code, ast.Name) and code.id == "code":
                continue  # Notes.finding handing its code on to the registry
            where = f"{path.relative_to(SIZING)}:{call.lineno}"
            assert isinstance(code, ast.Constant) and isinstance(code.value, str), (
                f"{where}: a finding's code must be a literal string, so this scan sees it"
            )
            raised.setdefault(code.value, []).append(where)
    return raised


def test_every_code_the_source_raises_is_in_the_registry_and_every_entry_is_raised():
    raised = _raised_in_the_source()
    assert set(raised) - set(REGISTRY) == set()
    assert set(REGISTRY) - set(raised) == set()  # an entry nothing raises is dead


def test_no_engine_module_builds_a_finding_by_hand():
    outside = [
        f"{path.relative_to(SIZING)}:{call.lineno}"
        for path in SIZING.rglob("*.py")
        if "findings" not in path.relative_to(SIZING).parts
        for call in _calls_named("Finding", ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert outside == []


EXISTING_BOARD = {"mode": "existing", "rcds": [{"groups": 9}], "free_modules": 1}
# Each request reaches findings of the whole engine; together they reach every code.
DESIGNS: list[dict[str, Any]] = [
    {"inverter": "T10X"},
    {"module": "BAT9.3"},
    {"batteries": [{"module": BAT93, "count": 2}, {"module": BAT45, "count": 2}]},
    {"count": 7},
    {"count": 1, "inverter": "SMILE-G3-T15"},
    {"count": 13},
    {"module": BAT38, "location": "outdoor", "min_ambient_c": -15},
    {"phases": 1},
    {"inverter": S5, "existing_pv": {"power_kw": 4, "phase": "L1"}},
    {"inverter": S5, "existing_pv": {"power_kw": 6, "phase": "3P"}},
    {"inverter": S5, "existing_pv": {"power_kw": 2, "phase": "L2"}},
    {"inverter": S5, "phases": 1, "main_fuse_a": 25, "existing_pv": {"power_kw": 3}},
    {"count": 8, "main_fuse_a": 25, "options": {"household_load_a": 10}},
    {"main_fuse_a": 25, "options": {"household_load_a": 30}},
    {"backup": "backup_box", "location": "outdoor"},
    {"backup": "distribution_unit", "board": {"mode": "new", "household_circuits": 8}},
    {"inverter": T20, "main_fuse_a": 40, "backup": "backup_box", "board": EXISTING_BOARD},
    {"board": {"mode": "new", "household_circuits": 60}},
    {"board": {"mode": "new", "household_circuits": 48}},
    {
        "main_fuse_a": 25,
        "board": {"mode": "new", "household_circuits": 4},
        "options": {"household_breaker_a": 32},
    },
    {"main_fuse_a": 80, "backup": "backup_box"},
    {"max_ambient_c": 55},
    {"inverter": T20, "module": BAT38, "count": 2, "main_fuse_a": 40},
    {"inverter": T20, "count": 4, "main_fuse_a": 63, "backup": "distribution_unit"},
    # Fault protection and RCDs in series (issue 11 points 7 and 8).
    {"connection": {"phases": 3, "main_fuse_a": 35, "earthing": "TN-C-S", "ze_ohm": 2.9}},
    {"connection": {"phases": 3, "main_fuse_a": 35, "ik_max_ka": 10},
     "board": {"mode": "new", "household_circuits": 4}},
    {"inverter": "SMILE-G3-S3.6", "phases": 1, "main_fuse_a": 40, "max_voltage_drop_pct": 5,
     "ac_cable": {"length_m": 3, "method": "C", "csa_mm2": 1.5}},
    {"inverter": "SMILE-G3-S3.6", "phases": 1, "max_voltage_drop_pct": 5,
     "connection": {"phases": 1, "main_fuse_a": 40, "ik_max_ka": 6},
     "ac_cable": {"length_m": 3, "method": "C", "csa_mm2": 1.5}},
    {"connection": {"phases": 3, "main_fuse_a": 35, "earthing": "TT", "ra_ohm": 2000}},
    {"board": {"mode": "existing", "rcds": [{"groups": 2}], "free_modules": 8,
               "main_rcd": {"type": "A", "sensitivity_ma": 300}}},
    # Described household groups (issue 13) and the backed-up ones (issue 11 point 3).
    {"inverter": "SMILE-G3-S3.6", "phases": 1,
     "board": {"mode": "new", "household_groups": [{"kind": "cooking", "phases": 2}]}},
    {"board": {"mode": "new", "household_groups": [{"kind": "laundry", "phases": 3}]}},
    {"board": {"mode": "new", "household_groups": [{"kind": "ev_charger", "phases": 2}]}},
    {"main_fuse_a": 25, "existing_pv": {"power_kw": 8, "phase": "L1"},
     "board": {"mode": "new", "household_circuits": 4}},
    {"board": {"mode": "new", "household_circuits": 3, "household_groups": [{}, {}]}},
    {"board": {"mode": "new", "household_groups": [{"name": "Koelkast", "backed_up": True}]}},
    {"backup": "backup_box", "board": {"mode": "new", "household_groups": [
        {"kind": "ev_charger", "rating_a": 32, "backed_up": True}]}},
    {"inverter": S5, "backup": "backup_box", "board": {"mode": "new", "household_groups": [
        {"kind": "cooking", "backed_up": True}]}},
    {"inverter": S5, "backup": "backup_box", "board": {"mode": "new", "household_groups": [
        {"backed_up": True}, {"backed_up": True}]}},
    # A cool meterkast: the heat calculation's advice without its warning.
    {"board": {"mode": "new", "household_circuits": 2, "ambient_c": 15}},
]  # fmt: skip
CABLES = [
    {"current_a": 14, "length_m": 1, "breaker_a": 15},
    {"current_a": 21.7, "length_m": 1, "breaker_a": 20},
    {"current_a": 130, "phases": 3, "length_m": 1},
    {"current_a": 10, "length_m": 1, "method": "F", "phases": 1},
    {"current_a": 10, "length_m": 1, "csa_mm2": 3},
    {"current_a": 20, "length_m": 1, "method": "F", "phases": 3, "csa_mm2": 16},
    {"current_a": 20, "length_m": 1, "method": "F", "phases": 3},
    {"current_a": 60, "phases": 3, "length_m": 1, "method": "A2", "ambient_c": 60,
     "grouped_circuits": 20},
    {"current_a": 21.7, "length_m": 1, "csa_mm2": 2.5},
    {"current_a": 23, "length_m": 1, "csa_mm2": 300, "method": "A1", "ambient_c": 60,
     "grouped_circuits": 20, "breaker_a": 125},
    {"current_a": 10, "length_m": 1, "ambient_c": -5},
    {"current_a": 10, "length_m": 1, "ambient_c": 70},
    {"current_a": 10, "length_m": 1, "method": "D1", "ambient_c": 70},
    {"current_a": 10, "length_m": 1, "grouped_circuits": 2,
     "grouping_arrangement": "perforated_tray"},
    {"current_a": 10, "length_m": 1, "method": "D1", "grouped_circuits": 2,
     "grouping_arrangement": "ladder"},
    {"current_a": 10, "length_m": 1, "method": "D1", "soil_resistivity_km_w": 0.3},
    {"current_a": 10, "length_m": 1, "method": "D2", "soil_resistivity_km_w": 4},
    {"current_a": 14.5, "phases": 3, "length_m": 40, "csa_mm2": 4},
    {"current_a": 21.7, "length_m": 100, "csa_mm2": 2.5, "breaker_a": 25},
    {"current_a": 63, "length_m": 400, "max_voltage_drop_pct": 0.5},
]  # fmt: skip


def _raised_by_the_engine(catalog: Any) -> list[Finding]:
    findings: list[Finding] = []
    for fields in DESIGNS:
        findings += design(request(**fields), catalog).findings
    # Codes that need a catalogue with gaps, as an admin could leave it.
    variants = [
        (without_compatibility(catalog, T10, BAT93), {}),
        (replaced(catalog, accessories=()), {"backup": "backup_box", "shutdown_kit": True}),
        (replaced(catalog, rcds=(), breakers=(), enclosures=(), main_switches=()),
         {"board": {"mode": "new", "household_circuits": 4}}),
        (replaced(catalog, breakers=()), {"main_fuse_a": 80, "backup": "backup_box"}),
        (replaced(catalog, rcds=tuple(r for r in catalog.rcds if r.is_rcbo)),
         {"backup": "distribution_unit"}),
        (replaced(catalog, accessories=tuple(
            dataclasses.replace(a, rating_a=None) if a.kind is AccessoryKind.BACKUP_BOX else a
            for a in catalog.accessories)), {"main_fuse_a": 80, "backup": "backup_box"}),
        (replaced(catalog, cable_types={}), {"ac_cable": {"length_m": 9}}),
        # An admin's types that say otherwise than the schema's: refused by the catalogue.
        (replaced(catalog, cable_types={**catalog.cable_types, "YMvK": dataclasses.replace(
            catalog.cable_types["YMvK"], insulation=Insulation.XLPE, methods=("E",))}),
         {"ac_cable": {"length_m": 9, "cable_type": "YMvK", "insulation": "PVC", "method": "C"}}),
        (with_inverter(catalog, T10, ac_terminal_max_mm2=1.5), {}),
        (with_makers_heat_figures(catalog), {"inverter": T20, "count": 12, "backup": "backup_box",
         "board": {"mode": "new", "household_circuits": 12, "ambient_c": 45}}),
    ]  # fmt: skip
    for variant, fields in variants:
        findings += design(request(**fields), variant).findings
    findings += plan_lines(catalog, [PlannedLine("NOPE-1", 1, "board")])[1]
    for fields in CABLES:
        findings += size_cable(CableRequest(**fields)).findings
    return findings


@pytest.mark.django_db
def test_every_finding_the_engine_raises_speaks_both_languages_and_cites_its_source(catalog):
    findings = _raised_by_the_engine(catalog)
    assert {f.code for f in findings} == set(REGISTRY)  # the spread reaches every code
    for raised in findings:
        entry = REGISTRY[raised.code]
        assert raised.severity is entry.severity
        assert raised.message.strip() and raised.message_en.strip() and raised.reference.strip()
        assert raised.message != raised.message_en
        for text in (raised.message, raised.message_en, raised.reference):
            assert "{" not in text and "}" not in text, text


def test_a_finding_cites_its_source_in_dutch_and_in_english_where_it_has_one():
    from sizing.findings import finding
    from sizing.schema import Finding, Severity

    found = finding("cable.terminal_unknown", inverter="SMILE-G3-T10", csa=4)
    assert found.source("nl").startswith("Catalogusveld 'max. aderdoorsnede AC-klem'")
    assert found.source("en").startswith("Catalogue field")
    dutch_only = Finding(
        code="x.y", severity=Severity.INFO, message="m", message_en="m", reference="brochure"
    )
    assert dutch_only.source("en") == "brochure"
