"""After a catalogue change the workers make the saved configurations' dossiers again.

The database queue of production, its worker run by the test (see test_stored_documents):
a price change in the admin must neither render in the admin's request nor leave a saved
configuration's download serving the dossier with the old prices.
"""

from __future__ import annotations

import io
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from catalog.models import BatteryModule
from catalog.services import catalog_version
from keuzehulp.documents import refresh, tasks
from keuzehulp.models import Configuration, StoredDocument

from .test_stored_documents import QUEUED, run_worker, saved

pytestmark = pytest.mark.django_db


@pytest.fixture
def versioned_renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A stand-in renderer that prints the catalogue version it was made with."""
    renders: list[str] = []

    def fake(
        kind: str, request: Any, *, lang: str, installer: str = "", today: Any = None, **_: Any
    ):
        renders.append(catalog_version())
        return f"%PDF-1.7 catalogus {catalog_version()}".encode()

    monkeypatch.setattr(tasks, "render_document", fake)
    return renders


def change_a_price() -> None:
    module = BatteryModule.objects.get(code="SMILE-G3-BAT-3.8S")
    module.price_eur += Decimal("10.00")
    module.save()


def download(client: Client, config: Configuration) -> Any:
    return client.get(reverse("documents:configuration_pdf", args=[config.pk]))


@QUEUED
def test_a_catalogue_change_has_the_worker_make_saved_dossiers_again(
    client: Client,
    versioned_renders: list[str],
    monkeypatch: pytest.MonkeyPatch,
    django_capture_on_commit_callbacks: Any,
) -> None:
    config = saved()
    download(client, config)
    run_worker(monkeypatch)
    old = catalog_version()
    assert download(client, config).content == f"%PDF-1.7 catalogus {old}".encode()

    with django_capture_on_commit_callbacks(execute=True):
        change_a_price()
        change_a_price()  # one transaction, two rows: one sweep
    new = catalog_version()
    assert versioned_renders == [old]  # nothing rendered in the admin's request
    assert DBTaskResult.objects.filter(status="READY").count() == 1

    run_worker(monkeypatch)
    pdf = download(client, config)
    assert pdf.status_code == 200
    assert pdf["X-Document-Cache"] == "hit"  # made by the worker before anyone asked
    assert pdf.content == f"%PDF-1.7 catalogus {new}".encode()
    assert versioned_renders == [old, new]


@QUEUED
def test_after_a_catalogue_change_the_old_dossier_is_not_served(
    client: Client, versioned_renders: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    config = saved()
    download(client, config)
    run_worker(monkeypatch)
    old = download(client, config)
    change_a_price()  # the sweep has not run yet
    waiting = download(client, config)
    assert waiting.status_code == 202
    assert "Het dossier wordt gemaakt" in waiting.content.decode()
    run_worker(monkeypatch)
    assert download(client, config).content not in {b"", old.content}


@QUEUED
def test_re_renders_wait_behind_downloads_and_do_not_make_the_host_unready(
    client: Client, versioned_renders: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    config = saved()
    change_a_price()
    refresh.rerender_saved_dossiers.call(catalog_version())
    queued = DBTaskResult.objects.get()
    assert queued.priority < 0
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(hours=1))
    assert client.get("/ready/").status_code == 200
    run_worker(monkeypatch)
    assert StoredDocument.objects.get().status == StoredDocument.Status.READY
    assert download(client, config).status_code == 200


@QUEUED
def test_a_sweep_for_a_version_already_replaced_queues_nothing(
    versioned_renders: list[str],
) -> None:
    saved()
    assert refresh.rerender_saved_dossiers.call("20260101.000000-gone") == 0
    assert DBTaskResult.objects.count() == 0


@QUEUED
@override_settings(DOCUMENT_REFRESH_DAYS=30)
def test_configurations_saved_long_ago_are_made_on_their_next_download(
    versioned_renders: list[str],
) -> None:
    recent, old = saved(), saved()
    Configuration.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=31))
    assert refresh.rerender_saved_dossiers.call(catalog_version()) == 1
    assert recent.pk  # the one queued; the other waits for a download


def test_without_workers_a_catalogue_change_renders_nothing(
    versioned_renders: list[str], django_capture_on_commit_callbacks: Any
) -> None:
    saved()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        change_a_price()
    assert callbacks == []
    assert versioned_renders == []


@QUEUED
def test_after_a_restore_without_documents_a_command_has_the_workers_make_them_again(
    client: Client, versioned_renders: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    config = saved()
    out = io.StringIO()
    call_command("refresh_documents", stdout=out)
    assert "Queued" in out.getvalue()
    assert versioned_renders == []
    run_worker(monkeypatch)
    assert download(client, config)["X-Document-Cache"] == "hit"


def test_without_workers_the_refresh_command_refuses_with_a_reason() -> None:
    with pytest.raises(CommandError, match="TASKS_BACKEND=database"):
        call_command("refresh_documents")
