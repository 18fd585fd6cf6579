"""Wizard responses for ``manage.py bench``: every step's page, submit and live update.

Each benchmark is one request through the whole Django stack (middleware,
session in the database, engine, templates) with the test client, so the
figure is the server time of that response. A T10 with a BackupBox on a new
board is the heaviest walk: the most circuits and findings to render.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from keuzehulp.bench import register

BUDGET_MS = 50.0
RUNS = 200

SITE = {
    "project_reference": "bench",
    "main_fuse": "3x25",
    "earthing": "TN-C-S",
    "pv": "yes",
    "pv_kw": "4",
    "pv_phase": "3P",
    "location": "indoor",
    "min_ambient_c": "5",
}


def _cable(run: str, length: str) -> dict[str, str]:
    return {
        f"{run}_length_m": length,
        f"{run}_method": "B1",
        f"{run}_cable_type": "VD",
        f"{run}_ambient_c": "30",
        f"{run}_grouped_circuits": "2",
    }


ANSWERS: dict[str, dict[str, str]] = {
    "aansluiting": SITE,
    "omvormer": {"inverter": "SMILE-G3-T10", "target_usable_kwh": "40"},
    "batterij": {"module": "SMILE-G3-BAT-9.3S", "count": "8"},
    "noodstroom": {"backup": "backup_box", "shutdown_kit": "on"},
    "groepenkast": {"mode": "new", "household_circuits": "8"},
    "bekabeling": {"max_voltage_drop_pct": "1", **_cable("ac", "15"), **_cable("backup", "3")},
}
# What a live (htmx) update sends: the step's inputs plus the markers of the swappable regions.
LIVE_EXTRA = {
    "omvormer": {"cards_for": "40.0|None"},
    "batterij": {"count_for": "SMILE-G3-BAT-9.3S"},
}


def _client() -> Any:
    """A test client whose session holds the complete draft."""
    from django.test import Client

    client = Client()
    for slug, data in ANSWERS.items():
        response = client.post(f"/wizard/{slug}/", data)
        if response.status_code != 302:
            raise RuntimeError(f"bench walk stopped at {slug}: {response.status_code}")
    return client


def _timed(call: Callable[[], Any], expected: int) -> Callable[[], Any]:
    def run() -> Any:
        response = call()
        if response.status_code != expected:
            raise RuntimeError(f"unexpected status {response.status_code}")
        return response

    return run


def _register_step(slug: str) -> None:
    path = f"/wizard/{slug}/"

    @register(
        f"wizard.{slug}.get",
        runs=RUNS,
        budget_ms=BUDGET_MS,
        budget_on="p95",
        description=f"GET {path} with a complete draft",
    )
    def page() -> Callable[[], Any]:
        client = _client()
        return _timed(lambda: client.get(path), 200)

    @register(
        f"wizard.{slug}.post",
        runs=RUNS,
        budget_ms=BUDGET_MS,
        budget_on="p95",
        description=f"POST {path}: valid answers, stored, redirect",
    )
    def submit() -> Callable[[], Any]:
        client = _client()
        return _timed(lambda: client.post(path, ANSWERS[slug]), 302)

    @register(
        f"wizard.{slug}.live",
        runs=RUNS,
        budget_ms=BUDGET_MS,
        budget_on="p95",
        description=f"htmx POST {path}?live=1: the summary partial",
    )
    def live() -> Callable[[], Any]:
        client = _client()
        data = {**ANSWERS[slug], **LIVE_EXTRA.get(slug, {})}
        return _timed(lambda: client.post(f"{path}?live=1", data, HTTP_HX_REQUEST="true"), 200)


for _slug in ANSWERS:
    _register_step(_slug)


@register("wizard.overzicht.get", runs=RUNS, budget_ms=BUDGET_MS, budget_on="p95")
def _overview() -> Callable[[], Any]:
    """GET /wizard/overzicht/: findings, circuits with their trace, bill of materials."""
    client = _client()
    return _timed(lambda: client.get("/wizard/overzicht/"), 200)


@register("wizard.configuratie.get", runs=RUNS, budget_ms=BUDGET_MS, budget_on="p95")
def _configuration() -> Callable[[], Any]:
    """GET /configuratie/<uuid>/: recomputed against the catalogue and compared with the save."""
    from django.test import Client

    from keuzehulp.models import Configuration

    saved = Configuration.objects.filter(project_reference="bench").first()
    if saved is None:
        client = _client()
        client.post("/wizard/opslaan/", {"action": "save"})
        saved = Configuration.objects.filter(project_reference="bench").first()
    assert saved is not None
    reader = Client()
    return _timed(lambda: reader.get(f"/configuratie/{saved.pk}/"), 200)
