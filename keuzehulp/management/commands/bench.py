"""``python manage.py bench [NAME ...]``: time the registered benchmarks (keuzehulp.bench).

Prints, per benchmark, the number of runs, the median and the 95th percentile
in milliseconds and the budget when there is one. ``--check`` exits 1 when a
median (or, where the budget says so, a p95) is over its budget, for CI.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from keuzehulp import bench
from keuzehulp.cli import EXIT_BAD_INPUT, EXIT_FINDINGS


class Command(BaseCommand):
    help = "Time the registered benchmarks and print median and p95 in milliseconds."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
        parser.add_argument("--runs", type=int, help="runs per benchmark (default: its own)")
        parser.add_argument("--list", action="store_true", help="list the benchmarks and stop")
        parser.add_argument("--json", action="store_true", help="print the results as JSON")
        parser.add_argument(
            "--check", action="store_true", help="exit 1 when a median is over its budget"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        bench.autodiscover()
        registry = bench.REGISTRY
        if options["list"]:
            for item in registry.values():
                budget = f" (budget {item.budget_ms:g} ms)" if item.budget_ms else ""
                self.stdout.write(f"{item.name:<24} {item.description}{budget}")
            return
        names = options["names"] or list(registry)
        unknown = [n for n in names if n not in registry]
        if unknown:
            self.stderr.write(
                f"unknown benchmark: {', '.join(unknown)}; known: {', '.join(registry)}"
            )
            raise SystemExit(EXIT_BAD_INPUT)
        if options["runs"] is not None and options["runs"] < 1:
            self.stderr.write("--runs must be at least 1")
            raise SystemExit(EXIT_BAD_INPUT)

        results = []
        if not options["json"]:
            self.stdout.write(
                f"{'benchmark':<28}{'runs':>7}{'median ms':>12}{'p95 ms':>12}{'budget ms':>13}"
            )
        for name in names:
            result = bench.measure(registry[name], runs=options["runs"])
            results.append(result)
            if not options["json"]:
                self.stdout.write(self._row(result))
        if options["json"]:
            rows = [
                {
                    "name": r.name,
                    "runs": r.runs,
                    "median_ms": round(r.median_ms, 4),
                    "p95_ms": round(r.p95_ms, 4),
                    "min_ms": round(r.min_ms, 4),
                    "max_ms": round(r.max_ms, 4),
                    "budget_ms": r.budget_ms,
                    "budget_on": r.budget_on,
                    "over_budget": r.over_budget,
                }
                for r in results
            ]
            self.stdout.write(json.dumps(rows, indent=2))
        if options["check"] and any(r.over_budget for r in results):
            slow = ", ".join(r.name for r in results if r.over_budget)
            self.stderr.write(f"over budget: {slow}")
            raise SystemExit(EXIT_FINDINGS)

    @staticmethod
    def _row(result: bench.Result) -> str:
        budget = f"{'-':>13}"
        if result.budget_ms is not None:
            stat = "p95" if result.budget_on == "p95" else "med"
            budget = f"{result.budget_ms:>9.2f} {stat}"
        verdict = "  OVER BUDGET" if result.over_budget else ("  ok" if result.budget_ms else "")
        return (
            f"{result.name:<28}{result.runs:>7}{result.median_ms:>12.3f}"
            f"{result.p95_ms:>12.3f}{budget}{verdict}"
        )
