"""Wizard responses: every step's page, submit and live update, the overview, a saved design.

Each benchmark is one request through the whole Django stack (middleware, session in the
database, engine, templates) with the test client, so the figure is the server time of that
response. A T10 with a BackupBox on a new board is the heaviest walk: the most circuits and
findings to render. Budgets are on the p95: an occasional slow response is what an installer
typing in the field notices.
"""

from __future__ import annotations

import pytest
from django.test import Client
from pytest_benchmark.fixture import BenchmarkFixture

from keuzehulp.bench import record_queries
from keuzehulp.models import Configuration

pytestmark = [pytest.mark.django_db, pytest.mark.budget(50.0, on="p95")]

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


@pytest.fixture
def walked(client: Client) -> Client:
    """A client whose session holds the complete draft."""
    for slug, data in ANSWERS.items():
        response = client.post(f"/wizard/{slug}/", data)
        assert response.status_code == 302, slug
    return client


@pytest.mark.parametrize("slug", ANSWERS)
def test_wizard_step_page(benchmark: BenchmarkFixture, walked: Client, slug: str) -> None:
    response = benchmark(walked.get, f"/wizard/{slug}/")
    assert response.status_code == 200
    record_queries(benchmark, lambda: walked.get(f"/wizard/{slug}/"))


@pytest.mark.parametrize("slug", ANSWERS)
def test_wizard_step_submit(benchmark: BenchmarkFixture, walked: Client, slug: str) -> None:
    response = benchmark(walked.post, f"/wizard/{slug}/", ANSWERS[slug])
    assert response.status_code == 302
    record_queries(benchmark, lambda: walked.post(f"/wizard/{slug}/", ANSWERS[slug]))


@pytest.mark.parametrize("slug", ANSWERS)
def test_wizard_step_live_summary(benchmark: BenchmarkFixture, walked: Client, slug: str) -> None:
    data = {**ANSWERS[slug], **LIVE_EXTRA.get(slug, {})}
    response = benchmark(walked.post, f"/wizard/{slug}/?live=1", data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    record_queries(
        benchmark, lambda: walked.post(f"/wizard/{slug}/?live=1", data, HTTP_HX_REQUEST="true")
    )


def test_wizard_overview(benchmark: BenchmarkFixture, walked: Client) -> None:
    """Findings, circuits with their trace, bill of materials."""
    response = benchmark(walked.get, "/wizard/overzicht/")
    assert response.status_code == 200
    record_queries(benchmark, lambda: walked.get("/wizard/overzicht/"))


def test_saved_configuration_page(benchmark: BenchmarkFixture, walked: Client) -> None:
    """Recomputed against the catalogue and compared with the saved snapshot."""
    walked.post("/wizard/opslaan/", {"action": "save"})
    saved = Configuration.objects.get(project_reference="bench")
    reader = Client()
    response = benchmark(reader.get, f"/configuratie/{saved.pk}/")
    assert response.status_code == 200
    record_queries(benchmark, lambda: reader.get(f"/configuratie/{saved.pk}/"))
