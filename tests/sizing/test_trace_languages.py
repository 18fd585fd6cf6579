"""The calculation trace speaks Dutch and English: every step the engine writes carries both,
with a decimal comma in Dutch and a decimal point in English."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest

import sizing
from sizing.cable.size import size_cable
from sizing.formatting import parse
from sizing.schema import CableRequest, Design, TraceStep

from .engine_helpers import BAT93, S5, T10, T20, run, with_inverter

# Words only a Dutch text uses; an English step containing one has not been translated.
DUTCH_WORDS = {
    "de", "het", "een", "van", "met", "bij", "voor", "op", "uit", "geen", "naar", "niet",
    "en", "tot", "achter", "naast", "aders", "belaste", "karakteristiek", "kabel", "groepen",
    "opgave", "catalogus", "spanningsval", "doorsnede", "beveiliging", "omvormer",
    "hoofdzekering", "aardlekschakelaar", "aardlekautomaat", "tabel", "tabellen", "kolom",
    "bijlage", "bruikbaar", "nominaal", "lucht", "grond", "rij", "drempel", "eindgroep",
    "gebruikt", "vereiste", "gekozen", "spanning", "ontwerpstroom",
}  # fmt: skip
SIZING = Path(sizing.__file__).parent
DECIMAL_COMMA = re.compile(r"\d,\d")
# A mark followed by exactly three digits groups thousands (10.000 W, 10,000 W); any other
# digit after a mark is a decimal.
DECIMAL_COMMA_EN = re.compile(r"\d,(?!\d{3}(?!\d))\d")
DECIMAL_POINT_NL = re.compile(r"\d\.(?!\d{3}(?!\d))\d")
FIGURE_NL = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+")
FIGURE_EN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+")

EXISTING_BOARD = {"mode": "existing", "rcds": [{"groups": 3}, {"groups": 4}], "free_modules": 6}
HOT_LOFT = {"length_m": 40, "method": "B1", "insulation": "PVC", "ambient_c": 45}


# Every kind of group, named and not, two of them on backup.
DESCRIBED_GROUPS = [
    {"name": "Woonkamer"},
    {"name": "Keuken", "backed_up": True},
    {"kind": "cooking"},
    {"kind": "ev_charger", "name": "Oprit"},
    {"kind": "heat_pump", "rating_a": 20},
    {"kind": "laundry"},
    {"kind": "other", "backed_up": True},
    {},
]


def _designs(catalog: Any) -> dict[str, Design]:
    return {
        "S5 with backup on 1×50 A, existing board": run(
            catalog,
            S5,
            BAT93,
            2,
            phases=1,
            main_fuse_a=50,
            backup="distribution_unit",
            board={**EXISTING_BOARD, "main_rcd": {"type": "B", "sensitivity_ma": 300}},
            existing_pv={"power_kw": 3, "phase": "L1"},
        ),
        "T10 8×BAT-9.3S BackupBox, new board on 3×35 A": run(
            catalog,
            T10,
            BAT93,
            8,
            main_fuse_a=35,
            backup="backup_box",
            board={"mode": "new", "household_groups": DESCRIBED_GROUPS},
            existing_pv={"power_kw": 4, "phase": "3P"},
        ),
        "T20 on 3×40 A, 40 m through a 45 °C loft": run(
            catalog, T20, BAT93, 4, main_fuse_a=40, ac_cable=HOT_LOFT
        ),
        "S5 on YMvK clipped to the wall, terminal known": run(
            with_inverter(catalog, S5, ac_terminal_max_mm2=10),
            S5,
            BAT93,
            1,
            phases=1,
            main_fuse_a=40,
            ac_cable={"length_m": 12, "cable_type": "YMvK", "method": "C"},
        ),
    }


def _cable_traces() -> list[TraceStep]:
    """Cable-only paths the designs above do not take: buried, forced, odd temperatures."""
    requests = [
        CableRequest(current_a=30, phases=3, length_m=25, method="D1", soil_resistivity_km_w=1.2),
        CableRequest(current_a=20, length_m=10, method="D2", grouped_circuits=4),
        CableRequest(current_a=16, length_m=5, ambient_c=0, csa_mm2=2.5, breaker_a=16),
        CableRequest(current_a=21.7, length_m=100, csa_mm2=2.5, breaker_a=20),
        CableRequest(current_a=10, length_m=20, method="E", grouped_circuits=12,
                     grouping_arrangement="perforated_tray", soil_resistivity_km_w=2),
    ]  # fmt: skip
    return [step for request in requests for step in size_cable(request).trace]


def _all_steps(design: Design) -> list[TraceStep]:
    steps = list(design.trace)
    for circuit in design.circuits:
        steps += [s for s in circuit.trace if s not in steps]
    return steps


@pytest.fixture(scope="module")
def steps(django_db_setup: Any, django_db_blocker: Any, catalog: Any) -> list[TraceStep]:
    with django_db_blocker.unblock():
        designs = _designs(catalog)
    assert all(d.valid and d.circuits for d in designs.values())
    return [s for d in designs.values() for s in _all_steps(d)] + _cable_traces()


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-zà-ÿ]+", text.lower()))


def _keys_the_engine_writes() -> set[str]:
    """The key of every step the engine can write, read from the calls in sizing/."""
    keys: set[str] = set()
    for path in SIZING.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name not in ("step", "trace_step") or not node.args:
                continue
            key = node.args[0]
            if isinstance(key, ast.Name) and key.id == "key":
                continue  # Notes.step handing its key on to trace_step
            assert isinstance(key, ast.Constant) and isinstance(key.value, str), (
                f"{path.name}:{node.lineno}: a trace step's key must be a literal string"
            )
            keys.add(key.value)
    return keys


def test_every_step_has_a_dotted_key(steps):
    for step in steps:
        assert re.fullmatch(r"[a-z0-9_]+\.[a-z0-9_]+", step.key), step


def test_the_representative_designs_cover_every_kind_of_step(steps):
    written = _keys_the_engine_writes()
    assert len(written) > 30  # the scan found the engine's calls, not nothing
    # The grid port takes the manufacturer's breaker only for an inverter whose catalogue row
    # names one; test_installation covers that step.
    assert written - {s.key for s in steps} == {"circuit.manufacturer_breaker"}


def test_every_step_has_its_english_step_value_and_basis(steps):
    for step in steps:
        assert step.step_en and step.value_en and step.basis_en, step


def test_no_english_step_contains_dutch_words(steps):
    for step in steps:
        for dutch, english in zip(step.in_language("nl"), step.in_language("en"), strict=True):
            leaked = _words(english) & DUTCH_WORDS
            assert not leaked, (english, leaked)
            if _words(dutch) & DUTCH_WORDS:
                assert english != dutch


def test_english_values_write_a_decimal_point_where_dutch_writes_a_comma(steps):
    decimals = 0
    for step in steps:
        assert not DECIMAL_COMMA_EN.search(step.value_en), step.value_en
        assert not DECIMAL_COMMA_EN.search(step.step_en), step.step_en
        assert not DECIMAL_POINT_NL.search(step.value), step.value
        dutch = sorted(parse(n, "nl") for n in FIGURE_NL.findall(step.value))
        assert dutch == sorted(parse(n, "en") for n in FIGURE_EN.findall(step.value_en)), step
        decimals += bool(DECIMAL_COMMA.search(step.value))
    assert decimals > 20  # the comparison saw real decimals, not only whole numbers


def test_the_dutch_basis_of_a_design_rule_is_dutch(steps):
    selectivity = next(s for s in steps if s.key == "board.selectivity")
    assert selectivity.basis.startswith("Nederlandse vuistregel")
    assert "hoofdzekering / 1,6" in selectivity.basis
    assert selectivity.basis_en.startswith("Dutch rule of thumb")
    loaded = next(s for s in steps if s.key == "cable.loaded_conductors")
    assert "bijlage B" in loaded.basis and "Annex B" in loaded.basis_en


def test_a_final_circuit_names_its_rcd_with_the_phase_in_capitals(steps):
    final = next(s for s in steps if s.key == "board.final_circuit")
    assert re.search(r"achter aardlekschakelaar \d \(L[123]\)$", final.value), final.value
    assert re.search(r"behind RCD \d \(L[123]\)$", final.value_en), final.value_en


def test_the_hot_loft_run_shows_its_factor_in_both_languages(catalog):
    loft = run(catalog, T20, BAT93, 4, main_fuse_a=40, ac_cable=HOT_LOFT)
    grid = next(c for c in loft.circuits if c.name == "ac_grid")
    temperature = next(s for s in grid.trace if s.key == "cable.k_temp")
    assert temperature.value == "0,79 (45 °C in lucht; referentie 30 °C)"
    assert temperature.value_en == "0.79 (45 °C in air; reference 30 °C)"
    assert temperature.basis == "IEC 60364-5-52:2009 tabel B.52.14, PVC, 45 °C"
    assert temperature.basis_en == "IEC 60364-5-52:2009 Table B.52.14, PVC, 45 °C"


def test_a_step_saved_before_the_trace_spoke_english_falls_back_to_dutch():
    old = TraceStep.model_validate({"step": "Kabel", "value": "VD 2,5 mm²", "basis": "opgave"})
    assert old.in_language("en") == ("Kabel", "VD 2,5 mm²", "opgave")
    both = old.model_copy(update={"step_en": "Cable"})
    assert both.in_language("en") == ("Cable", "VD 2,5 mm²", "opgave")
    assert both.in_language("nl") == ("Kabel", "VD 2,5 mm²", "opgave")


def test_a_single_cluster_inverter_says_one_cluster_not_max_1_equal_clusters(catalog):
    clusters = next(
        s for s in run(catalog, S5, BAT93, 2, phases=1).trace if s.key == "battery.clusters"
    )
    assert "één cluster, niet parallel" in clusters.basis
    assert "one cluster, not in parallel" in clusters.basis_en
    assert "1 gelijke clusters" not in clusters.basis
