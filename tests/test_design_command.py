"""``manage.py design``: a DesignRequest as JSON in, the Design as JSON out, exit 0 / 1 / 2."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

MANAGE = Path(__file__).resolve().parents[1] / "manage.py"

VALID = {
    "connection": {"phases": 3, "main_fuse_a": 35},
    "inverter": "SMILE-G3-T10",
    "batteries": [{"module": "SMILE-G3-BAT-9.3S", "count": 8}],
    "backup": "backup_box",
}
SEVEN_ON_A_T10 = {**VALID, "batteries": [{"module": "SMILE-G3-BAT-9.3S", "count": 7}]}


def _run(*args: str, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    try:
        call_command("design", *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_a_valid_design_from_a_file_exits_0(tmp_path):
    path = tmp_path / "request.json"
    path.write_text(json.dumps(VALID))
    code, out, err = _run(str(path))
    design = json.loads(out)
    assert code == 0
    assert err == ""
    assert design["valid"] is True
    assert design["battery"]["clusters"] == [4, 4]
    assert "242263" in {line["article"] for line in design["bom"]}


@pytest.mark.django_db
def test_a_design_with_errors_exits_1_and_still_prints_the_design(monkeypatch):
    code, out, _ = _run("-", stdin=json.dumps(SEVEN_ON_A_T10), monkeypatch=monkeypatch)
    design = json.loads(out)
    assert code == 1
    assert design["valid"] is False
    assert "battery.count_not_allowed" in {f["code"] for f in design["findings"]}


@pytest.mark.django_db
def test_the_output_names_the_live_catalogue_version(monkeypatch):
    from catalog.services import load_catalog

    _, out, _ = _run("-", stdin=json.dumps(VALID), monkeypatch=monkeypatch)
    assert json.loads(out)["catalog_version"] == load_catalog().version


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "invalid JSON at line 1"),
        ("[1, 2]", "expected a JSON object"),
        ('{"inverter": "SMILE-G3-T10", "batteries": [{"module": "X", "count": 1}]}', "connection"),
        (
            json.dumps({**VALID, "batteries": [{"module": "X", "count": "many"}]}),
            "batteries.0.count",
        ),
        (
            json.dumps({**VALID, "connection": {"phases": 2, "main_fuse_a": 25}}),
            "connection.phases",
        ),
        (json.dumps({**VALID, "backup": "generator"}), "backup"),
        (json.dumps({**VALID, "colour": "red"}), "colour"),
    ],
)
def test_unreadable_input_exits_2_and_names_the_field_on_stderr(monkeypatch, text, message):
    code, out, err = _run("-", stdin=text, monkeypatch=monkeypatch)
    assert code == 2
    assert out == ""
    assert message in err


HOSTILE = [
    ('{"connection": ' + "[" * 1000 + "]" * 1000 + "}", "nested deeper than"),
    ('{"connection": {"phases": 3, "main_fuse_a": ' + "9" * 4301 + "}}", "connection.main_fuse_a"),
    ('{"connection": {"phases": 3, "main_fuse_a": Infinity}}', "connection.main_fuse_a"),
    ('{"connection": {"phases": 3, "main_fuse_a": NaN}}', "NaN is not a JSON number"),
    ('{"connection": {"phases": 3, "main_fuse_a": 1e999}}', "beyond the range"),
]


@pytest.mark.parametrize(("text", "message"), HOSTILE)
def test_hostile_json_exits_2_with_one_line_naming_the_problem(monkeypatch, text, message):
    code, out, err = _run("-", stdin=text, monkeypatch=monkeypatch)
    assert code == 2
    assert out == ""
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_a_missing_file_exits_2():
    code, _, err = _run("/no/such/request.json")
    assert code == 2
    assert "file not found" in err


def test_no_source_at_all_exits_2_and_says_what_to_give():
    code, _, err = _run()
    assert code == 2
    assert "'-'" in err


def test_it_prints_the_json_schema_of_request_and_response():
    code, out, _ = _run("--schema")
    schema = json.loads(out)
    assert code == 0
    assert "batteries" in schema["request"]["properties"]
    assert "findings" in schema["response"]["properties"]


def _manage(*args: str, stdin: str, env: dict[str, str] | None = None):
    return subprocess.run(
        [sys.executable, str(MANAGE), *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
    )


def test_manage_py_exits_2_for_bad_input_without_touching_the_database():
    done = _manage("design", "-", stdin='{"inverter": "SMILE-G3-T10"}')
    assert done.returncode == 2
    assert "connection: Field required" in done.stderr
    assert done.stdout == ""


@pytest.fixture(scope="module")
def seeded_database(tmp_path_factory) -> dict[str, str]:
    """A throwaway SQLite database with the brochure catalogue, for the real manage.py."""
    env = {"DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('db') / 'design.sqlite3'}"}
    for command in (["migrate", "--noinput", "-v0"], ["seed_catalog"]):
        assert _manage(*command, stdin="", env=env).returncode == 0
    return env


def test_manage_py_passes_exit_codes_0_and_1_to_the_shell(seeded_database):
    valid = _manage("design", "-", stdin=json.dumps(VALID), env=seeded_database)
    invalid = _manage("design", "-", stdin=json.dumps(SEVEN_ON_A_T10), env=seeded_database)
    assert (valid.returncode, invalid.returncode) == (0, 1)
    assert json.loads(invalid.stdout)["battery"]["count"] == 7


def test_a_project_reference_with_a_form_feed_exits_2_naming_the_field(monkeypatch):
    text = json.dumps({**VALID, "project_reference": 'x\x0c";}body{display:none}'})
    code, out, err = _run("-", stdin=text, monkeypatch=monkeypatch)
    assert code == 2
    assert out == ""
    assert "project_reference: must be one line of printable text" in err
    assert "U+000C" in err


def test_manage_py_answers_deep_nesting_with_exit_2_and_no_traceback():
    done = _manage("design", "-", stdin="[" * 100_000 + "]" * 100_000)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "nested deeper than" in done.stderr


@pytest.mark.django_db
def test_a_cable_type_its_insulation_contradicts_exits_2_naming_the_field(monkeypatch):
    # Issue 11's reproducer: YMvK (PVC) said to be XLPE would be rated from the XLPE table.
    request = {
        "connection": {"phases": 3, "main_fuse_a": 40},
        "inverter": "SMILE-G3-T20",
        "batteries": [{"module": "SMILE-G3-BAT-9.3S", "count": 3}],
        "ac_cable": {"length_m": 9, "insulation": "XLPE", "cable_type": "YMvK"},
    }
    code, out, err = _run("-", stdin=json.dumps(request), monkeypatch=monkeypatch)
    assert code == 2
    assert out == ""
    assert "ac_cable.insulation" in err and "YMvK has PVC insulation" in err
