"""The requests of a walk that the wizard's own benchmarks leave out, with their SQL queries.

Starting, saving, the saved design's downloads and the JSON API: each benchmark is one request
through the whole stack (middleware, session, engine, templates) with the test client, as in
``test_wizard.py``. A request's CPU is what a web worker cannot give to the next user:
at 50 users on two workers the p95 of a wizard response stays under 300 ms only while a
request costs some 20 to 30 ms, so that is the budget, on the p95.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from pytest_benchmark.fixture import BenchmarkFixture

from benchmarks.test_wizard import ANSWERS
from keuzehulp.bench import record_queries
from keuzehulp.models import Configuration

pytestmark = [pytest.mark.django_db, pytest.mark.budget(30.0, on="p95")]

# The loadtest's integrator (benchmarks/load/locustfile.py): a T10 with four modules.
API_DESIGN: dict[str, Any] = {
    "connection": {"phases": 3, "main_fuse_a": 25, "earthing": "TN-C-S"},
    "inverter": "SMILE-G3-T10",
    "batteries": [{"module": "SMILE-G3-BAT-9.3S", "count": 4}],
    "backup": "none",
    "location": "indoor",
    "ac_cable": {"length_m": 12, "method": "B1", "insulation": "PVC", "ambient_c": 30},
}


@pytest.fixture
def walked(client: Client) -> Client:
    """A client whose session holds the complete draft."""
    for slug, data in ANSWERS.items():
        assert client.post(f"/wizard/{slug}/", data).status_code == 302, slug
    return client


@pytest.fixture
def saved(walked: Client) -> str:
    """The walked design saved, its documents made once: the URL of its page."""
    response = walked.post("/wizard/opslaan/", {"action": "save"})
    assert response.status_code == 302
    config = Configuration.objects.get(project_reference="bench")
    return f"/configuratie/{config.pk}/"


def test_wizard_start(benchmark: BenchmarkFixture, walked: Client) -> None:
    """Where the installer left off: the draft checked step by step, then a redirect."""
    response = benchmark(walked.get, "/wizard/")
    assert response.status_code == 302
    record_queries(benchmark, lambda: walked.get("/wizard/"))


def test_save(benchmark: BenchmarkFixture, walked: Client) -> None:
    """A new saved configuration each round, with its snapshot and the browser's list."""
    response = benchmark(walked.post, "/wizard/opslaan/", {"action": "save"})
    assert response.status_code == 302
    record_queries(benchmark, lambda: walked.post("/wizard/opslaan/", {"action": "save"}))


@pytest.mark.parametrize("document", ["dossier.pdf", "schema.svg", "bestellijst.csv"])
def test_download_of_a_made_document(
    benchmark: BenchmarkFixture, saved: str, document: str
) -> None:
    """A second download: the stored bytes, nothing made again."""
    reader = Client()
    url = saved + document
    assert reader.get(url).status_code == 200  # made (the immediate task backend) and kept
    response = benchmark(reader.get, url)
    assert response["X-Document-Cache"] == "hit"
    record_queries(benchmark, lambda: reader.get(url))


def test_api_design(benchmark: BenchmarkFixture, client: Client) -> None:
    body = json.dumps(API_DESIGN)

    def post() -> Any:
        return client.post("/api/design/", body, content_type="application/json")

    response = benchmark(post)
    assert response.status_code == 200
    assert response.json()["valid"]
    record_queries(benchmark, post)
