"""A new board's main switch reads the same on the single-line diagram, the rail layout and
the label strips, also when the catalogue has no switch for it: then all three say what the
installer must fit (at least the main fuse), never "(bestaand)" as if the old one stayed."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from keuzehulp.documents.rail import device_texts
from keuzehulp.documents.svg import single_line_diagram
from sizing.engine import design
from sizing.schema import Design, DesignRequest

from .conftest import SINGLE_PHASE_EXISTING, THREE_PHASE_NEW

SVG_TEXT = "{http://www.w3.org/2000/svg}text"


def _diagram_texts(result: Design) -> list[str]:
    return [t.text or "" for t in ET.fromstring(single_line_diagram(result)).iter(SVG_TEXT)]


def _rail_rating(result: Design) -> str:
    """The rating the rail layout (and so the label strips) prints under the main switch."""
    assert result.board is not None and result.board.layout is not None
    texts = device_texts(result, lang="nl", gettext=str)
    slots = [s for row in result.board.layout.rows for s in row.slots]
    (switch,) = [s for s in slots if s.device == "main_switch"]
    return texts(switch)[2]


def _new_board(phases: int, main_fuse_a: int) -> dict[str, Any]:
    return {
        **THREE_PHASE_NEW,
        "connection": {"phases": phases, "main_fuse_a": main_fuse_a, "earthing": "TN-C-S"},
        "inverter": "SMILE-G3-T10" if phases == 3 else "SMILE-G3-S5",
        "batteries": [
            {"module": "SMILE-G3-BAT-3.8S" if phases == 1 else "SMILE-G3-BAT-9.3S", "count": 2}
        ],
        "existing_pv": None,
        "backup": "none",
        "shutdown_kit": False,
    }


@pytest.fixture
def without_switches(catalog: Any) -> Any:
    return dataclasses.replace(catalog, main_switches=())


@pytest.mark.django_db
def test_the_catalogues_switch_is_printed_alike_on_the_diagram_and_the_rail(catalog):
    result = design(DesignRequest.model_validate(THREE_PHASE_NEW), catalog)
    assert result.board is not None and result.board.main_switch_a == 40  # 3 × 35 A: 4P 40 A
    assert "4P 40 A" in _diagram_texts(result)
    assert _rail_rating(result) == "4P 40 A"


@pytest.mark.django_db
def test_without_a_catalogue_switch_both_drawings_ask_for_one_of_at_least_the_main_fuse(
    without_switches,
):
    result = design(DesignRequest.model_validate(THREE_PHASE_NEW), without_switches)
    assert result.board is not None and result.board.main_switch_a is None
    texts = _diagram_texts(result)
    assert "4P ≥ 35 A" in texts
    assert "(bestaand)" not in texts  # it is the new board's switch, not the old one
    assert _rail_rating(result) == "4P ≥ 35 A"
    # The engine's finding says the same: no article, the requirement in words.
    assert any(
        f.code == "bom.no_article" and "hoofdschakelaar 4P ≥ 35 A" in f.message
        for f in result.findings
    )


@pytest.mark.django_db
def test_an_existing_board_keeps_its_switch(catalog):
    result = design(DesignRequest.model_validate(SINGLE_PHASE_EXISTING), catalog)
    assert "(bestaand)" in _diagram_texts(result)


@pytest.mark.django_db
@settings(max_examples=25, deadline=None)
@given(
    phases=st.sampled_from([1, 3]),
    main_fuse_a=st.sampled_from([25, 35, 40, 50, 63, 80, 100, 125]),
    switches=st.booleans(),
)
def test_the_diagram_and_the_rail_print_one_main_switch_text(
    catalog, phases, main_fuse_a, switches
):
    used = catalog if switches else dataclasses.replace(catalog, main_switches=())
    result = design(DesignRequest.model_validate(_new_board(phases, main_fuse_a)), used)
    assert result.board is not None and result.board.layout is not None
    rating = _rail_rating(result)
    assert rating in _diagram_texts(result)
    if result.board.main_switch_a is None:
        assert "≥" in rating and f"{main_fuse_a} A" in rating
    else:
        assert result.board.main_switch_a >= main_fuse_a
