"""`make bench`: pytest-benchmark plus budgets, p95 and a baseline ratio (keuzehulp/bench.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from keuzehulp.bench import p95

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parent.parent

# A clock the benchmark moves itself, so the figures are exact and nothing real is timed.
FAKE_CLOCK = """
now = 0.0

def clock():
    return now

def spend(seconds):
    global now
    now += seconds
"""

# Every tenth call "takes" 4 ms, the others 0.1 ms: the median is 0.1 ms, the p95 is 4 ms.
SPIKY = """
import fakeclock
import pytest

calls = []

def spiky():
    calls.append(1)
    fakeclock.spend(0.004 if len(calls) % 10 == 0 else 0.0001)

@pytest.mark.budget({budget})
def test_spiky(benchmark):
    benchmark.pedantic(spiky, rounds=40)
    print("calls:", len(calls))
"""


@pytest.fixture
def bench_run(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch):
    """Run a benchmark file through pytest with the plugin, outside any xdist worker."""
    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)
    pytester.makepyfile(fakeclock=FAKE_CLOCK)
    pytester.syspathinsert()

    def run(budget: str, *args: str) -> pytest.RunResult:
        pytester.makepyfile(test_toy=SPIKY.format(budget=budget))
        plugins = ("-p", "keuzehulp.bench", "-p", "no:randomly", "-p", "no:django", "-s")
        return pytester.runpytest_inprocess(*plugins, "--benchmark-timer=fakeclock.clock", *args)

    return run


def test_a_benchmark_over_its_budget_fails_the_run_with_check(bench_run):
    result = bench_run("0.05", "--benchmark-enable", "--check")
    assert result.ret == 1
    result.stdout.fnmatch_lines(["*test_spiky*OVER BUDGET*", "over budget: test_spiky"])


def test_without_check_an_over_budget_benchmark_is_reported_and_the_run_passes(bench_run):
    result = bench_run("0.05", "--benchmark-enable")
    assert result.ret == 0
    result.stdout.fnmatch_lines(["*test_spiky*OVER BUDGET*"])


def test_a_budget_on_the_p95_catches_the_slow_calls_a_median_budget_lets_pass(bench_run):
    on_median = bench_run("2.0", "--benchmark-enable", "--check")
    on_p95 = bench_run("2.0, on='p95'", "--benchmark-enable", "--check")
    assert on_median.ret == 0
    on_median.stdout.fnmatch_lines(["test_spiky *40 *0.100 *4.000 *2.00  med  ok"])
    assert on_p95.ret == 1
    on_p95.stdout.fnmatch_lines(["test_spiky *40 *0.100 *4.000 *2.00  p95  OVER BUDGET"])


def test_the_table_has_median_p95_and_the_ratio_to_a_baseline_of_the_same_run(bench_run):
    result = bench_run("2.0", "--benchmark-enable")
    result.stdout.fnmatch_lines(
        [
            "baseline: formatting and sorting 5000 numbers, median * ms*",
            "benchmark*rounds*median ms*p95 ms*× baseline*budget ms",
        ]
    )


def test_in_make_test_a_benchmark_runs_once_and_nothing_is_timed(bench_run):
    result = bench_run("0.05", "--benchmark-disable")
    assert result.ret == 0
    result.stdout.fnmatch_lines(["*calls: 1"])
    result.stdout.no_fnmatch_line("*benchmark budgets*")


def test_check_without_timed_benchmarks_is_refused(bench_run):
    result = bench_run("2.0", "--benchmark-disable", "--check")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--check needs timed benchmarks*"])


def test_a_budget_without_milliseconds_is_an_error_before_anything_is_timed(bench_run):
    result = bench_run("on='p95'", "--benchmark-enable")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*budget needs milliseconds*"])


def test_p95_of_twenty_rounds_lies_between_the_nineteenth_and_the_slowest():
    assert p95([float(i) for i in range(1, 21)]) == pytest.approx(19.05)
    assert p95([4.0]) == 4.0


def _own_database_env(name: str) -> dict[str, str]:
    """The environment for a `make bench` run of its own: on PostgreSQL its test database gets
    its own name, so two such runs on two xdist workers never drop each other's database."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    url = env.get("DATABASE_URL")
    if url:
        parts = urlsplit(url)
        env["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{name}"))
    return env


def test_make_bench_times_design_and_suggest_against_the_live_catalogue_with_their_budgets():
    env = _own_database_env("bench_engine")
    command = [
        *(sys.executable, "-m", "pytest", "benchmarks/test_engine.py", "-p", "no:randomly"),
        *("-k", "design_of_a_t10 or suggest and three_phase", "--benchmark-enable"),
        *("--benchmark-max-time=0.05", "--benchmark-min-rounds=5"),
    ]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    rows = {line.split()[0]: line for line in done.stdout.splitlines() if line.startswith("test_")}
    assert "2.00  med" in rows["test_design_of_a_t10_with_backup_box_kit_cable_and_a_new_board"]
    assert "50.00  med" in rows["test_suggest[three_phase_20_kwh]"]


RELATIVE = """
import fakeclock
import pytest


def test_small(benchmark):
    benchmark.pedantic(lambda: fakeclock.spend(0.002), rounds=10)


@pytest.mark.relative_to("test_small")
def test_large(benchmark):
    benchmark.pedantic(lambda: fakeclock.spend(0.013), rounds=10)
"""


def test_a_benchmark_is_printed_as_a_multiple_of_the_one_it_is_relative_to(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)
    pytester.makepyfile(fakeclock=FAKE_CLOCK, test_pair=RELATIVE)
    pytester.syspathinsert()
    plugins = ("-p", "keuzehulp.bench", "-p", "no:randomly", "-p", "no:django")
    result = pytester.runpytest_inprocess(
        *plugins, "--benchmark-timer=fakeclock.clock", "--benchmark-enable"
    )
    assert result.ret == 0
    result.stdout.fnmatch_lines(
        ["test_large: median 13.0 ms = 6.50 × test_small (median 2.0 ms, same run)"]
    )


def test_make_bench_prints_the_sql_queries_of_a_request_beside_its_timing():
    env = _own_database_env("bench_requests")
    command = [
        *(sys.executable, "-m", "pytest", "benchmarks/test_requests.py", "-p", "no:randomly"),
        *("-k", "api_design", "--benchmark-enable"),
        *("--benchmark-max-time=0.05", "--benchmark-min-rounds=5"),
    ]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert any("queries" in line and "× baseline" in line for line in done.stdout.splitlines())
    # The budgets table comes after pytest-benchmark's own: its row is the last of the name.
    row = [line for line in done.stdout.splitlines() if line.startswith("test_api_design")][-1]
    # name, rounds, median, p95, × baseline, queries, budget
    assert row.split()[5].isdigit(), row
