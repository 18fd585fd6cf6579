"""The calculations chapter prints each long basis once; a repeat points back at that step."""

from __future__ import annotations

import re

import pytest
from django.utils import translation

from keuzehulp.documents.dossier import LONG_BASIS, CalcSection, bases_once, build_context
from keuzehulp.documents.labels import StepText, steps_in
from keuzehulp.documents.pdf import render_html
from sizing.domain import Catalog
from sizing.engine import design
from sizing.schema import DesignRequest

from .conftest import CONFIGURATIONS, THREE_PHASE_NEW

LONG = "IEC 60364-5-52:2009 tabel B.52.4, kolom B1; " * 3
SHORT = "catalogus"


def step(title: str, basis: str) -> StepText:
    return StepText(step=title, value="1 A", basis=basis)


def section(title: str, *steps: StepText) -> CalcSection:
    return CalcSection(name=title, title=title, facts=[], steps=list(steps))


def test_a_repeated_long_basis_points_at_the_step_that_prints_it() -> None:
    with translation.override("nl"):
        first, second = bases_once(
            [
                section("Netpoort", step("Ib", SHORT), step("Kabeltype", LONG)),
                section("Noodstroompoort", step("Kabeltype", LONG), step("Ib", SHORT)),
            ]
        )
    assert first.steps[1].basis == LONG
    assert second.steps[0].basis == "Zie Netpoort, stap 2."
    # The rest of the step is as the engine wrote it.
    assert (second.steps[0].step, second.steps[0].value) == ("Kabeltype", "1 A")


def test_a_short_basis_stays_where_it_is_even_when_repeated() -> None:
    assert len(SHORT) < LONG_BASIS
    sections = bases_once([section("A", step("Ib", SHORT)), section("B", step("Ib", SHORT))])
    assert [s.steps[0].basis for s in sections] == [SHORT, SHORT]


def test_a_repeat_within_one_section_points_at_its_own_earlier_step() -> None:
    with translation.override("en"):
        (only,) = bases_once([section("PV", step("RCD L1", LONG), step("RCD L2", LONG))])
    assert [s.basis for s in only.steps] == [LONG, "See PV, step 1."]


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(CONFIGURATIONS))
def test_every_reference_in_a_dossier_names_a_step_that_prints_the_same_basis(
    name: str, catalog: Catalog
) -> None:
    result = design(DesignRequest.model_validate(CONFIGURATIONS[name]), catalog)
    with translation.override("nl"):
        printed = build_context(result, lang="nl")["calc_sections"]
        engine = {c.name: steps_in(c.trace, "nl") for c in result.circuits if len(c.trace) > 1}
    by_title = {s.title: s for s in printed}
    seen: set[str] = set()
    for printed_section in printed:
        for number, (shown, written) in enumerate(
            zip(printed_section.steps, engine[printed_section.name], strict=True), start=1
        ):
            if shown.basis == written.basis:
                # Printed in full: the first time this basis appears in the chapter.
                assert written.basis not in seen or len(written.basis) < LONG_BASIS
                seen.add(written.basis)
                continue
            found = re.fullmatch(r"Zie (.+), stap (\d+)\.", shown.basis)
            assert found, (printed_section.title, number, shown.basis)
            target = by_title[found.group(1)].steps[int(found.group(2)) - 1]
            assert target.basis == written.basis


@pytest.mark.django_db
def test_the_largest_dossier_prints_the_cable_type_rules_once(catalog: Catalog) -> None:
    result = design(DesignRequest.model_validate(THREE_PHASE_NEW), catalog)
    html, _context = render_html(result, lang="nl")
    long_bases = {
        s.basis
        for c in result.circuits
        if len(c.trace) > 1
        for s in steps_in(c.trace, "nl")
        if len(s.basis) >= LONG_BASIS
    }
    assert long_bases
    # The circuits' sections: the chapter before its tables of final groups and findings.
    start = html.index('id="berekeningen"')
    chapter = html[start : html.index("<h2>Eindgroepen</h2>", start)]
    for basis in long_bases:
        escaped = basis.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        escaped = escaped.replace('"', "&quot;").replace("'", "&#x27;")
        assert chapter.count(escaped) == 1, basis[:60]
    assert "Zie Thuisbatterij: Netpoort omvormer naar groepenkast, stap " in chapter
