"""Dossiers rendered by a background worker and served from the document store.

Here the task backend is the database queue of production, and the worker runs only when a
test runs it (``db_worker --batch``): what a visitor sees in between is what a visitor on a
busy site sees while the worker is still at it.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from keuzehulp.documents import tasks
from keuzehulp.models import Configuration, StoredDocument
from sizing.schema import DesignRequest

from .conftest import SINGLE_PHASE_EXISTING

pytestmark = pytest.mark.django_db

QUEUED = override_settings(
    TASKS_BACKEND="database",
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}},
)


def saved() -> Configuration:
    return Configuration.objects.create(
        request=DesignRequest.model_validate(SINGLE_PHASE_EXISTING).model_dump(mode="json"),
        engine_version="0",
        catalog_version="0",
    )


def run_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    """What ``manage.py db_worker`` does on a worker host, until the queue is empty."""
    # Between tasks the worker drops connections that are not in autocommit mode: inside the
    # test's transaction, on PostgreSQL, that would be the test's own connection.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


@pytest.fixture
def fake_renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A stand-in renderer: these tests are about who renders when, not about the PDF."""
    renders: list[str] = []

    def fake(
        kind: str,
        request: Any,
        *,
        lang: str,
        installer: str = "",
        today: Any = None,
        report_json: str = "",
    ) -> bytes:
        renders.append(installer)
        return b"%PDF-1.7 " + installer.encode()

    monkeypatch.setattr(tasks, "render_document", fake)
    return renders


@QUEUED
def test_a_dossier_not_made_yet_answers_at_once_that_it_is_being_made(
    client: Client, fake_renders: list[str]
) -> None:
    url = reverse("documents:configuration_pdf", args=[saved().pk])
    first = client.get(url)
    again = client.get(url)
    assert first.status_code == again.status_code == 202
    assert "Het dossier wordt gemaakt" in first.content.decode()
    assert fake_renders == []  # the web request rendered nothing
    assert DBTaskResult.objects.count() == 1  # and two downloads queued one render


@QUEUED
def test_the_waiting_page_reloads_itself_without_javascript_and_polls_with_htmx(
    client: Client, fake_renders: list[str]
) -> None:
    url = reverse("documents:configuration_pdf", args=[saved().pk])
    page = client.get(url, {"installateur": "Elektro Jansen"}).content.decode()
    assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in page
    assert 'hx-trigger="every 2s"' in page
    assert "installateur=Elektro" in page  # the poll asks for the same dossier
    poll = client.get(url, {"installateur": "Elektro Jansen"}, HTTP_HX_REQUEST="true")
    assert poll.status_code == 202
    assert "<html" not in poll.content.decode()  # the status block only, for htmx to swap


@QUEUED
def test_once_the_worker_is_done_the_download_serves_the_stored_dossier(
    client: Client, fake_renders: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = reverse("documents:configuration_pdf", args=[saved().pk])
    client.get(url, {"installateur": "Elektro Jansen"})
    run_worker(monkeypatch)
    poll = client.get(url, {"installateur": "Elektro Jansen"}, HTTP_HX_REQUEST="true")
    assert poll["HX-Redirect"] == f"{url}?installateur=Elektro+Jansen"
    cache.clear()  # another web host, with a cache of its own, serves the same file
    pdf = client.get(url, {"installateur": "Elektro Jansen"})
    assert pdf.status_code == 200
    assert pdf.content == b"%PDF-1.7 Elektro Jansen"
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["X-Document-Cache"] == "hit"
    assert fake_renders == ["Elektro Jansen"]


@QUEUED
def test_saving_a_configuration_has_its_dossier_made_before_anyone_asks(
    client: Client, fake_renders: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.wizard.conftest import walk

    walk(client)
    client.post("/wizard/opslaan/", {"action": "save"})
    config = Configuration.objects.get()
    assert StoredDocument.objects.get().status == StoredDocument.Status.PENDING
    run_worker(monkeypatch)
    pdf = client.get(reverse("documents:configuration_pdf", args=[config.pk]))
    assert pdf.status_code == 200
    assert pdf["X-Document-Cache"] == "hit"
    assert fake_renders == [""]


def test_a_dossier_that_could_not_be_made_says_so_and_the_next_download_tries_again(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> bytes:
        raise RuntimeError("the renderer fell over")

    url = reverse("documents:configuration_pdf", args=[saved().pk])
    with monkeypatch.context() as patch:
        patch.setattr(tasks, "render_document", broken)
        failed = client.get(url)
        poll = client.get(url, HTTP_HX_REQUEST="true")
    assert failed.status_code == 503
    assert failed["Retry-After"] == "60"
    assert "Het dossier kon niet worden gemaakt" in failed.content.decode()
    assert "hx-trigger" not in poll.content.decode()  # htmx stops asking
    retried = client.get(url)
    assert retried.status_code == 200
    assert retried.content.startswith(b"%PDF")
