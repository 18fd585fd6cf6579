"""RCDs in series (issue 11 point 8, IEC 60364-5-53 535.3) and island operation (point 9)."""

from __future__ import annotations

import pytest

from sizing.findings import Phrase
from sizing.installation.rcd_selectivity import Device, blinded, selective

from .engine_helpers import codes, errors, finding, run

EXISTING = {"mode": "existing", "rcds": [{"groups": 3}, {"groups": 3}], "free_modules": 8}


def device(rcd_type: str, ma: float, s: bool = False) -> Device:
    return Device(Phrase("x", "x"), rcd_type, ma, s)


@pytest.mark.parametrize(
    ("upstream", "downstream", "expected"),
    [
        (device("A", 300, s=True), device("A", 30), True),  # S and 10 ×
        (device("A", 100, s=True), device("A", 30), True),  # S and 3,33 ×
        (device("A", 300), device("A", 30), False),  # not time-delayed
        (device("A", 60, s=True), device("A", 30), False),  # only 2 ×
    ],
)
def test_selectivity_needs_a_delayed_device_with_three_times_the_sensitivity(
    upstream, downstream, expected
):
    assert selective(upstream, downstream) is expected


def test_a_type_a_ahead_of_a_type_b_is_blinded_and_a_type_b_ahead_is_not():
    assert blinded(device("A", 300), device("B", 30))
    assert blinded(device("F", 300), device("B", 30))
    assert not blinded(device("B", 300), device("B", 30))
    assert not blinded(device("B", 300), device("A", 30))


def test_it_refuses_a_type_a_main_rcd_ahead_of_the_batterys_type_b(catalog):
    board = {**EXISTING, "main_rcd": {"type": "A", "sensitivity_ma": 300}}
    result = run(catalog, board=board)
    assert "rcd.type_a_upstream_of_b" in errors(result)
    assert "thuisbatterij" in finding(result, "rcd.type_a_upstream_of_b").message


def test_it_warns_once_when_a_plain_main_rcd_is_not_selective(catalog):
    board = {**EXISTING, "main_rcd": {"type": "B", "sensitivity_ma": 300}}
    result = run(catalog, board=board)
    assert [f.code for f in result.findings].count("rcd.not_selective") == 1
    assert "rcd.type_a_upstream_of_b" not in codes(result)


def test_a_delayed_type_b_main_rcd_of_300_ma_is_selective_and_silent(catalog):
    board = {**EXISTING, "main_rcd": {"type": "B", "sensitivity_ma": 300, "selective": True}}
    result = run(catalog, board=board)
    assert not {"rcd.not_selective", "rcd.type_a_upstream_of_b"} & codes(result)
    assert any(s.key == "rcd.main" for s in result.trace)


def test_the_backup_protection_behind_the_grid_port_is_explained_not_refused(catalog):
    result = run(catalog, backup="backup_box")
    note = finding(result, "rcd.backup_not_selective")
    assert note.severity == "info"
    backup = next(c for c in result.circuits if c.name == "backup")
    keys = {s.key for s in backup.trace}
    assert {
        "rcd.series_backup",
        "island.n_pe",
        "island.disconnection",
        "island.no_parallel",
    } <= keys


def test_island_mode_states_what_it_relies_on_as_a_default(catalog):
    result = run(catalog, backup="backup_box")
    backup = next(c for c in result.circuits if c.name == "backup")
    bond = next(s for s in backup.trace if s.key == "island.n_pe")
    assert bond.is_default
    assert "551.4" in bond.basis


def test_no_island_steps_without_backup(catalog):
    result = run(catalog)
    assert not any(s.key.startswith("island.") for c in result.circuits for s in c.trace)
