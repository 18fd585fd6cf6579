"""The registry of findings: every code has its severity, both languages and a reference, and
raising a finding with the wrong parameters fails at once instead of printing a broken text."""

from __future__ import annotations

import itertools
import re
import string
from typing import Any

import pytest

from sizing.findings import REGISTRY, Entry, Phrase, UnknownFinding, finding
from sizing.findings.registry import Variants
from sizing.schema import Severity

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
        "circuit", "cable", "board", "bom",
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
            main_fuse_a=25,
            factor=1.6,
        )


def test_a_variant_the_entry_does_not_have_is_refused():
    with pytest.raises(ValueError, match="what='the board'"):
        finding(
            "board.selectivity",
            what="the board",
            rating=16,
            limit="none",
            main_fuse_a=25,
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
