"""/ready/ tells the load balancer whether this host's work gets done, the task queue included."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client, override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from keuzehulp.settings import cache_from_url

pytestmark = pytest.mark.django_db

QUEUED = override_settings(
    TASKS_BACKEND="database",
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}},
    READY_MAX_QUEUE_AGE_S=120,
)
# The settings CACHE_URL gives for a Redis where nothing listens (port 1).
BROKEN_CACHE = override_settings(CACHES={"default": cache_from_url("redis://127.0.0.1:1/0")})


def queued_render(waited_s: int) -> None:
    task = DBTaskResult.objects.create(
        task_path="keuzehulp.documents.tasks.render_stored_document",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        run_after=timezone.now(),
    )
    enqueued = timezone.now() - timedelta(seconds=waited_s)
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=enqueued)


def test_a_host_whose_database_cache_and_queue_work_is_ready(client: Client) -> None:
    response = client.get("/ready/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] is True and body["cache"] is True
    assert "no-cache" in response["Cache-Control"]


@QUEUED
def test_renders_waiting_briefly_do_not_make_the_host_unready(client: Client) -> None:
    queued_render(waited_s=5)
    response = client.get("/ready/")
    assert response.status_code == 200
    assert response.json()["queue"]["waiting"] == 1


@QUEUED
def test_a_render_waiting_longer_than_allowed_means_no_worker_keeps_up(client: Client) -> None:
    queued_render(waited_s=600)
    response = client.get("/ready/")
    assert response.status_code == 503
    queue = response.json()["queue"]
    assert queue["ok"] is False
    assert queue["oldest_waiting_s"] >= 600


@BROKEN_CACHE
def test_a_cache_that_does_not_answer_makes_the_host_unready_without_a_traceback(
    client: Client,
) -> None:
    response = client.get("/ready/")
    assert response.status_code == 503
    assert response.json()["cache"] is False
    assert "Traceback" not in response.content.decode()
