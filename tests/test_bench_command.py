"""``manage.py bench``: named benchmarks, each timed many times, median and p95 printed."""

from __future__ import annotations

import io
import json
import time

import pytest
from django.core.management import call_command

from keuzehulp import bench


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("bench", *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def registry(monkeypatch):
    """A registry of its own, so test benchmarks never leak into `make bench`."""
    isolated = dict(bench.REGISTRY)
    monkeypatch.setattr(bench, "REGISTRY", isolated)
    return isolated


def test_the_engine_benchmarks_are_registered():
    assert {"design", "suggest", "size_cable"} <= set(bench.REGISTRY)
    assert bench.REGISTRY["design"].budget_ms == 2.0
    assert bench.REGISTRY["suggest"].budget_ms == 50.0


def test_a_registered_benchmark_is_prepared_once_and_timed_every_run(registry):
    calls = {"prepare": 0, "run": 0}

    @bench.register("counting", runs=7)
    def prepare():
        calls["prepare"] += 1

        def run():
            calls["run"] += 1

        return run

    result = bench.measure(registry["counting"], warmup=3)
    assert calls == {"prepare": 1, "run": 10}
    assert result.runs == 7
    assert result.min_ms <= result.median_ms <= result.p95_ms <= result.max_ms


def test_p95_is_the_nearest_rank():
    timings = [float(i) for i in range(1, 21)]
    assert bench.percentile(timings, 0.95) == 19.0
    assert bench.percentile([4.0], 0.95) == 4.0


@pytest.mark.django_db
def test_it_prints_median_and_p95_of_design_and_suggest_against_the_live_catalogue():
    code, out, _ = _run("design", "suggest", "--runs", "20")
    lines = out.splitlines()
    assert code == 0
    assert "median ms" in lines[0]
    assert "p95 ms" in lines[0]
    rows = {line.split()[0]: line.split() for line in lines[1:]}
    assert rows["design"][1] == "20"
    assert float(rows["design"][2]) > 0
    assert rows["suggest"][-1] == "ok"


@pytest.mark.django_db
def test_it_reports_json_for_machines():
    code, out, _ = _run("design_rejected", "--runs", "5", "--json")
    (row,) = json.loads(out)
    assert code == 0
    assert row["name"] == "design_rejected"
    assert row["runs"] == 5
    assert row["over_budget"] is False


def test_check_exits_1_when_a_median_is_over_budget(registry):
    bench.register("slow", runs=3, budget_ms=0.001)(lambda: lambda: time.sleep(0.002))
    code, out, err = _run("slow", "--check")
    assert code == 1
    assert "OVER BUDGET" in out
    assert "over budget: slow" in err


def test_an_unknown_benchmark_exits_2_and_lists_the_known_ones():
    code, _, err = _run("nope")
    assert code == 2
    assert "unknown benchmark: nope" in err
    assert "design" in err


def test_list_shows_each_benchmark_with_its_budget():
    code, out, _ = _run("--list")
    assert code == 0
    assert "design" in out
    assert "budget 50 ms" in out
