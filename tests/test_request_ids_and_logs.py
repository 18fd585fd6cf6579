"""Every answer carries a request id, and the log lines of that request carry the same one."""

from __future__ import annotations

import io
import json
import logging
import os
import runpy
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django_guid.log_filters import CorrelationId
from pythonjsonlogger.json import JsonFormatter

from keuzehulp.settings import cache_from_url

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def json_log() -> Iterator[io.StringIO]:
    """The console handler's filter and formatter from settings.LOGGING, writing to a buffer."""
    options = {k: v for k, v in settings.LOGGING["formatters"]["json"].items() if k != "()"}
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(CorrelationId())
    handler.setFormatter(JsonFormatter(**options))
    logger = logging.getLogger("keuzehulp")
    logger.addHandler(handler)
    try:
        yield stream
    finally:
        logger.removeHandler(handler)


def test_every_answer_names_its_request_id(client: Client) -> None:
    first = client.get("/health/")["X-Request-ID"]
    second = client.get("/health/")["X-Request-ID"]
    assert uuid.UUID(first) != uuid.UUID(second)


def test_a_proxys_request_id_is_kept_and_a_forged_one_replaced(client: Client) -> None:
    theirs = str(uuid.uuid4())
    assert client.get("/health/", HTTP_X_REQUEST_ID=theirs)["X-Request-ID"].replace("-", "") == (
        theirs.replace("-", "")
    )
    forged = client.get("/health/", HTTP_X_REQUEST_ID="x\r\nSet-Cookie: sessionid=stolen")
    assert "Set-Cookie" not in forged["X-Request-ID"]
    uuid.UUID(forged["X-Request-ID"])


# A Redis where nothing listens (port 1): the readiness check logs its verdict.
@override_settings(CACHES={"default": cache_from_url("redis://127.0.0.1:1/0")})
def test_a_log_line_is_one_json_object_with_the_request_id_of_its_answer(
    client: Client, json_log: io.StringIO
) -> None:
    response = client.get("/ready/")
    line = json.loads(json_log.getvalue().splitlines()[0])
    assert line["level"] == "ERROR"
    assert line["logger"] == "keuzehulp.readiness"
    assert line["message"] == "readiness check cache failed"
    assert line["request_id"].replace("-", "") == response["X-Request-ID"].replace("-", "")


def test_gunicorn_takes_worker_count_class_and_timeouts_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, value in {
        "WEB_CONCURRENCY": "5",
        "GUNICORN_WORKER_CLASS": "gthread",
        "GUNICORN_THREADS": "4",
        "GUNICORN_TIMEOUT": "12",
        "GUNICORN_MAX_REQUESTS": "300",
        "PORT": "9000",
    }.items():
        monkeypatch.setenv(name, value)
    conf = runpy.run_path(str(ROOT / "keuzehulp" / "gunicorn_conf.py"))
    assert (conf["workers"], conf["worker_class"], conf["threads"]) == (5, "gthread", 4)
    assert (conf["timeout"], conf["max_requests"], conf["bind"]) == (12, 300, "0.0.0.0:9000")
    assert "request_id" in conf["access_log_format"]


def test_without_settings_gunicorn_runs_one_sync_worker_per_core_plus_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    monkeypatch.delenv("GUNICORN_WORKER_CLASS", raising=False)
    conf = runpy.run_path(str(ROOT / "keuzehulp" / "gunicorn_conf.py"))
    assert conf["workers"] == (os.cpu_count() or 1) + 1
    assert conf["worker_class"] == "sync"


def test_gunicorn_imports_the_project_once_in_the_master_unless_told_not_to(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("GUNICORN_PRELOAD", raising=False)
    assert runpy.run_path(str(ROOT / "keuzehulp" / "gunicorn_conf.py"))["preload_app"] is True
    monkeypatch.setenv("GUNICORN_PRELOAD", "0")
    assert runpy.run_path(str(ROOT / "keuzehulp" / "gunicorn_conf.py"))["preload_app"] is False
