"""The dossier a customer or inspector reads: plain Dutch, no rule codes or internal file names."""

from __future__ import annotations

import re
from typing import Any

import pytest

from keuzehulp.documents.pdf import render_html
from sizing.schema import Severity

from .conftest import CONFIGURATIONS, SINGLE_PHASE_EXISTING

pytestmark = pytest.mark.django_db

INTERNAL = re.compile(r"\.md\b|\.json\b|\[[a-z_]+\.[a-z_]+\]|\[derived\]|circuit\(s\)|NOT FOUND")


def visible(html: str) -> str:
    body = re.sub(r"<(style|script)\b.*?</\1>", " ", html, flags=re.S)
    body = re.sub(r"<img\b[^>]*>", " ", body)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


@pytest.mark.parametrize("name", sorted(CONFIGURATIONS))
def test_the_dutch_dossier_shows_no_rule_codes_or_file_names(name: str, make_design: Any) -> None:
    design = make_design(CONFIGURATIONS[name])
    text = visible(render_html(design, lang="nl")[0])
    assert INTERNAL.findall(text) == []
    for finding in design.findings:
        assert finding.code not in text


def test_the_references_of_the_findings_are_in_the_calculation_chapter(make_design: Any) -> None:
    design = make_design(CONFIGURATIONS["single_phase_existing"])
    assert design.findings
    html = render_html(design, lang="nl")[0]
    findings_chapter = html.split('id="bevindingen"')[1]
    calculations = html.split('id="berekeningen"')[1].split('id="bevindingen"')[0]
    assert "Bron:" not in findings_chapter
    assert "Grondslag van de bevindingen" in calculations
    assert "Netcode elektriciteit" in calculations


def test_the_cover_counts_the_points_of_attention_of_a_design_without_errors(
    make_design: Any,
) -> None:
    design = make_design(CONFIGURATIONS["single_phase_existing"])
    warnings = len(design.by_severity(Severity.WARNING))
    assert design.valid and warnings > 0
    text = visible(render_html(design, lang="nl")[0])
    noun = "aandachtspunt" if warnings == 1 else "aandachtspunten"
    assert f"Ontwerp zonder fouten, met {warnings} {noun}" in text


def test_one_module_in_one_cluster_is_written_in_the_singular(make_design: Any) -> None:
    one = {**SINGLE_PHASE_EXISTING, "batteries": [{"module": "SMILE-G3-BAT-9.3S", "count": 1}]}
    text = visible(render_html(make_design(one), lang="nl")[0])
    assert "1 module (1 cluster)" in text
    assert "cluster(s)" not in text and "1 modules" not in text


def test_the_english_dossier_writes_pieces_as_pcs(make_design: Any) -> None:
    text = visible(render_html(make_design(CONFIGURATIONS["three_phase_new"]), lang="en")[0])
    assert " pcs " in text and " st " not in text


# "(s)"/"(en)" plurals, a decimal point before a unit, and English prose in the references.
CLUMSY = re.compile(r"\w\((?:s|en)\)|\d\.\d+\s?(?:kWh|kW|mm²|A|V|m|%)(?!\w)")
ENGLISH = re.compile(r"\b(?:the|with|must|Table|Annex|manual|practice|grade|conductors?|conduit)\b")


@pytest.mark.parametrize("name", sorted(CONFIGURATIONS))
def test_the_dutch_dossier_writes_plurals_numbers_and_sources_in_dutch(
    name: str, make_design: Any
) -> None:
    text = visible(render_html(make_design(CONFIGURATIONS[name]), lang="nl")[0])
    assert CLUMSY.findall(text) == []
    assert ENGLISH.findall(text) == []


def test_the_groepenverklaring_names_the_pv_group_and_counts_existing_groups_in_words(
    make_design: Any,
) -> None:
    with_pv = {**SINGLE_PHASE_EXISTING, "existing_pv": {"power_kw": 3.0, "phase": "L1"}}
    one_group = {**with_pv, "board": {**with_pv["board"], "rcds": [{"groups": 1}, {"groups": 4}]}}
    text = visible(render_html(make_design(one_group), lang="nl")[0])
    assert "1 bestaande groep " in text and "4 bestaande groepen" in text
    assert "Zonnepanelen" in text
    assert " pv " not in text
