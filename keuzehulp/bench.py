"""pytest plugin behind ``make bench``: budgets, p95 and a same-run baseline for pytest-benchmark.

pytest-benchmark times the benchmarks in ``benchmarks/`` (calibration, rounds, warm-up, its
table, ``--benchmark-json``). This adds what it has no notion of:

- a budget per benchmark, ``@pytest.mark.budget(2.0)`` in milliseconds on the median, or
  ``budget(50.0, on="p95")`` where an occasional slow response is what a user would notice;
  ``--check`` fails the run when a benchmark is over its budget;
- the 95th percentile of the rounds;
- each median as a multiple of a fixed pure-Python workload timed in the same run: on a busy
  machine the milliseconds grow and the ratio stays, so a slow change can be told from a slow
  machine;
- ``@pytest.mark.relative_to("test_name")``: this benchmark's median as a multiple of another
  benchmark's median from the same run (the largest dossier against a one-page WeasyPrint
  document: the renderer's own speed, and the machine's, divide out);
- for a benchmark of one request, the SQL queries it makes (:func:`record_queries`): a query
  more is a round trip more on every request, whatever the machine.

Loaded for every pytest run (``-p keuzehulp.bench`` in pyproject.toml). In ``make test`` the
benchmarks run once each as plain tests (``--benchmark-disable``) and nothing is timed.
"""

from __future__ import annotations

import statistics
import timeit
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any

import pytest

BUDGET_ON = ("median", "p95")
BASELINE_WORKLOAD = "formatting and sorting 5000 numbers"


@dataclass(frozen=True)
class Result:
    name: str
    rounds: int
    median_ms: float
    p95_ms: float
    baseline_ratio: float
    budget_ms: float | None
    budget_on: str
    relative_to: str | None = None
    queries: int | None = None

    @property
    def over_budget(self) -> bool:
        if self.budget_ms is None:
            return False
        figure = self.p95_ms if self.budget_on == "p95" else self.median_ms
        return figure > self.budget_ms


RESULTS = pytest.StashKey[list[Result]]()
BASELINE_MS = pytest.StashKey[float]()


def p95(timings: list[float]) -> float:
    """The 95th percentile; the inclusive method never reaches beyond the slowest round."""
    if len(timings) < 2:
        return timings[0]
    return statistics.quantiles(timings, n=20, method="inclusive")[-1]


def reference_workload() -> list[str]:
    """Interpreter work of the engine's kind (a loop, string formatting, a sort); no I/O."""
    return sorted(f"{(i * 7919) % 10007:05d}" for i in range(5000))


def baseline_ms(repeat: int = 200) -> float:
    return statistics.median(timeit.Timer(reference_workload).repeat(repeat, number=1)) * 1000


def record_queries(benchmark: Any, call: Callable[[], Any]) -> Any:
    """Call ``call`` once more, outside the timing, and keep its SQL query count for the table."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        result = call()
    benchmark.extra_info["queries"] = len(queries)
    return result


def budget_of(item: pytest.Item) -> tuple[float | None, str]:
    marker = item.get_closest_marker("budget")
    if marker is None:
        return None, "median"
    ms = marker.args[0] if marker.args else marker.kwargs.get("ms")
    on = marker.kwargs.get("on", "median")
    if not isinstance(ms, int | float) or ms <= 0 or on not in BUDGET_ON:
        raise ValueError(f"budget needs milliseconds > 0 and on= one of {BUDGET_ON}: {marker}")
    return float(ms), on


def relative_to(item: pytest.Item) -> str | None:
    marker = item.get_closest_marker("relative_to")
    if marker is None:
        return None
    if len(marker.args) != 1 or not isinstance(marker.args[0], str):
        raise ValueError(f"relative_to needs one benchmark name: {marker}")
    return str(marker.args[0])


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.getgroup("benchmark").addoption(
        "--check",
        action="store_true",
        help="fail the run when a benchmark is over its budget (@pytest.mark.budget)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "budget(ms, on='median'): the most a benchmark may take; --check fails the run above it",
    )
    config.addinivalue_line(
        "markers",
        "relative_to(name): print this benchmark's median as a multiple of benchmark name's",
    )
    config.stash[RESULTS] = []
    disabled = config.getoption("benchmark_disable") and not config.getoption("benchmark_enable")
    if config.getoption("check") and disabled:
        raise pytest.UsageError("--check needs timed benchmarks: add --benchmark-enable")


def pytest_runtest_setup(item: pytest.Item) -> None:
    budget_of(item)  # a malformed budget fails before the benchmark spends its time
    relative_to(item)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None]:
    report = yield
    if call.when == "call" and call.excinfo is None:
        _record(item)
    return report


def _record(item: pytest.Item) -> None:
    fixture = getattr(item, "funcargs", {}).get("benchmark")
    metadata = getattr(fixture, "stats", None)
    if fixture is None or not metadata:  # not a benchmark, or disabled: nothing was timed
        return
    config = item.config
    if BASELINE_MS not in config.stash:
        config.stash[BASELINE_MS] = baseline_ms()
    budget_ms, budget_on = budget_of(item)
    stats = metadata.stats
    result = Result(
        name=item.name,
        rounds=len(stats.data),
        median_ms=stats.median * 1000,
        p95_ms=p95(stats.data) * 1000,
        baseline_ratio=stats.median * 1000 / config.stash[BASELINE_MS],
        budget_ms=budget_ms,
        budget_on=budget_on,
        relative_to=relative_to(item),
        queries=fixture.extra_info.get("queries"),
    )
    fixture.extra_info.update(  # lands in --benchmark-json beside the library's figures
        p95_ms=result.p95_ms,
        baseline_ratio=result.baseline_ratio,
        budget_ms=budget_ms,
        budget_on=budget_on,
        over_budget=result.over_budget,
    )
    config.stash[RESULTS].append(result)


def pytest_sessionfinish(session: pytest.Session) -> None:
    config = session.config
    if config.getoption("check") and any(r.over_budget for r in config.stash[RESULTS]):
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    results = config.stash[RESULTS]
    if not results:
        return
    write = terminalreporter.write_line
    terminalreporter.section("benchmark budgets")
    write(
        f"baseline: {BASELINE_WORKLOAD}, median {config.stash[BASELINE_MS]:.3f} ms "
        "(× baseline = median / baseline median, measured in this run)"
    )
    width = max(len(r.name) for r in results) + 2
    write(
        f"{'benchmark':<{width}}{'rounds':>7}{'median ms':>12}{'p95 ms':>12}"
        f"{'× baseline':>12}{'queries':>9}{'budget ms':>14}"
    )
    for r in sorted(results, key=lambda r: r.name):
        budget = f"{'-':>14}"
        if r.budget_ms is not None:
            budget = f"{r.budget_ms:>9.2f} {'p95' if r.budget_on == 'p95' else 'med':>4}"
        verdict = "  OVER BUDGET" if r.over_budget else ("  ok" if r.budget_ms else "")
        queries = f"{r.queries:>9d}" if r.queries is not None else f"{'-':>9}"
        write(
            f"{r.name:<{width}}{r.rounds:>7}{r.median_ms:>12.3f}{r.p95_ms:>12.3f}"
            f"{r.baseline_ratio:>12.2f}{queries}{budget}{verdict}",
            red=r.over_budget,
        )
    by_name = {r.name: r for r in results}
    for r in sorted(results, key=lambda r: r.name):
        other = by_name.get(r.relative_to or "")
        if other is not None:
            write(
                f"{r.name}: median {r.median_ms:.1f} ms = {r.median_ms / other.median_ms:.2f} × "
                f"{other.name} (median {other.median_ms:.1f} ms, same run)"
            )
    slow = [r.name for r in results if r.over_budget]
    if slow:
        write(f"over budget: {', '.join(slow)}", red=True)
