"""``manage.py dossier FILE|- -o OUT.pdf``: exit 0 / 1 / 2 like ``design``, nothing saved."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from keuzehulp.models import Configuration

from .conftest import INVALID, SINGLE_PHASE_EXISTING

pytestmark = pytest.mark.django_db


def run(*args: str, stdin: str | None = None, monkeypatch=None) -> tuple[int, str]:
    err = io.StringIO()
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    try:
        call_command("dossier", *args, stdout=io.StringIO(), stderr=err)
        code = 0
    except SystemExit as exc:
        code = int(exc.code)
    return code, err.getvalue()


def test_a_valid_design_writes_the_pdf_and_exits_0(tmp_path):
    source = tmp_path / "request.json"
    source.write_text(json.dumps(SINGLE_PHASE_EXISTING))
    out, svg, order = tmp_path / "dossier.pdf", tmp_path / "schema.svg", tmp_path / "lijst.csv"
    code, err = run(str(source), "-o", str(out), "--svg", str(svg), "--csv", str(order))
    assert (code, err) == (0, "")
    assert out.read_bytes().startswith(b"%PDF")
    assert svg.read_text().startswith("<svg")
    assert order.read_bytes().startswith(b"\xef\xbb\xbf")
    assert Configuration.objects.count() == 0


def test_a_design_with_errors_still_writes_the_dossier_and_exits_1(tmp_path, monkeypatch):
    out = tmp_path / "dossier.pdf"
    code, _ = run("-", "-o", str(out), stdin=json.dumps(INVALID), monkeypatch=monkeypatch)
    assert code == 1
    assert out.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["missing.json", "-o", "x.pdf"], None, "file not found"),
        (["-", "-o", "x.pdf"], "{not json", "invalid JSON"),
        (["-", "-o", "x.pdf"], '{"connection": {"phases": 2}}', "connection.phases"),
        (["-"], json.dumps(INVALID), "-o OUT.pdf"),
        ([], None, "give a JSON file"),
    ],
)
def test_unreadable_input_exits_2_with_a_message(args, stdin, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, err = run(*args, stdin=stdin, monkeypatch=monkeypatch)
    assert code == 2
    assert message in err
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        ('{"connection": ' + "[" * 1000 + "]" * 1000 + "}", "nested deeper than"),
        ('{"connection": {"phases": 3, "main_fuse_a": ' + "9" * 4301 + "}}", "4301 digits"),
        ('{"connection": {"phases": 3, "main_fuse_a": Infinity}}', "connection.main_fuse_a"),
    ],
)
def test_hostile_json_exits_2_with_one_line_and_writes_nothing(
    stdin, message, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    code, err = run("-", "-o", "x.pdf", stdin=stdin, monkeypatch=monkeypatch)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x.pdf").exists()
