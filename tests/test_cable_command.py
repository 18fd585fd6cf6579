"""The cable command: JSON in, JSON out, the same exit codes as design."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

MANAGE = Path(__file__).resolve().parents[1] / "manage.py"


def _run(*args: str, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    try:
        call_command("cable", *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue(), err.getvalue()


def test_it_sizes_a_cable_from_a_file(tmp_path):
    # 14.5 A three-phase at 40 m: 6 mm² for the 1 % drop (0.0225 × 40 / 6 × 14.5 = 2.175 V).
    path = tmp_path / "cable.json"
    path.write_text(json.dumps({"current_a": 14.5, "phases": 3, "length_m": 40}))
    code, out, _ = _run(str(path))
    result = json.loads(out)
    assert code == 0
    assert (result["breaker_a"], result["csa_mm2"]) == (16, 6)
    assert result["trace"]


def test_it_reads_stdin_with_odd_units(monkeypatch):
    request = {"current_a": "14500 mA", "phases": 3, "length_m": "0.04 km"}
    code, out, _ = _run("-", stdin=json.dumps(request), monkeypatch=monkeypatch)
    assert code == 0
    assert json.loads(out)["csa_mm2"] == 6


def test_a_result_with_an_error_exits_1_and_still_prints_it(monkeypatch):
    request = {"current_a": 21.7, "length_m": 1, "csa_mm2": 2.5}
    code, out, _ = _run("-", stdin=json.dumps(request), monkeypatch=monkeypatch)
    assert code == 1
    assert "cable.undersized" in {f["code"] for f in json.loads(out)["findings"]}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "invalid JSON"),
        ('{"length_m": 10}', "current_a"),
        ('{"current_a": 10, "length_m": "ten metres"}', "length_m"),
        ('{"current_a": 10, "length_m": 10, "colour": "red"}', "colour"),
    ],
)
def test_unreadable_input_exits_2_with_the_field_on_stderr(monkeypatch, text, message):
    code, out, err = _run("-", stdin=text, monkeypatch=monkeypatch)
    assert code == 2
    assert out == ""
    assert message in err


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"current_a": ' + "[" * 1000 + "]" * 1000 + "}", "nested deeper than"),
        ('{"current_a": ' + "9" * 4301 + ', "length_m": 10}', "current_a: a number of 4301 digits"),
        ('{"current_a": 10, "length_m": 10, "breaker_a": Infinity}', "breaker_a: Infinity"),
        ('{"current_a": 10, "length_m": -Infinity}', "length_m: -Infinity"),
        ('{"current_a": 10, "length_m": 10, "cos_phi": NaN}', "cos_phi: NaN"),
        ('{"current_a": 10, "length_m": "1e999 m"}', "length_m"),
    ],
)
def test_hostile_json_exits_2_with_one_line_naming_the_problem(monkeypatch, text, message):
    code, out, err = _run("-", stdin=text, monkeypatch=monkeypatch)
    assert code == 2
    assert out == ""
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_a_missing_file_exits_2():
    code, _, err = _run("/no/such/file.json")
    assert code == 2
    assert "not found" in err


def test_it_prints_the_json_schema_of_request_and_result():
    code, out, _ = _run("--schema")
    schema = json.loads(out)
    assert code == 0
    assert "current_a" in schema["request"]["properties"]
    assert "csa_mm2" in schema["result"]["properties"]


def test_manage_py_passes_the_exit_code_to_the_shell():
    request = json.dumps({"current_a": 21.7, "length_m": 1, "csa_mm2": 2.5})
    done = subprocess.run(
        [sys.executable, str(MANAGE), "cable", "-"],
        input=request,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert json.loads(done.stdout)["csa_mm2"] == 2.5
