"""/health/ tells the truth: a database that reads but cannot write is unhealthy."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import DataError, OperationalError, connection
from django.test import Client
from django.urls import reverse

from tests.wizard.conftest import walk

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def refuse_writes(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
    """What a full disk or a read-only database does: reads answer, every write fails."""
    if sql.lstrip().upper().startswith(WRITES):
        raise OperationalError("attempt to write a readonly database")
    return execute(sql, params, many, context)


@pytest.fixture
def read_only_database() -> Iterator[None]:
    with connection.execute_wrapper(refuse_writes):
        yield


@pytest.mark.django_db
def test_health_is_ok_when_the_database_reads_and_writes(client: Client) -> None:
    response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database_read": True, "database_write": True}
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_health_reports_503_when_the_database_refuses_writes(
    client: Client, read_only_database: None
) -> None:
    response = client.get(reverse("health"))
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database_read": True, "database_write": False}


@pytest.mark.django_db
def test_saving_a_design_on_a_read_only_database_answers_503_not_500(client: Client) -> None:
    walk(client)
    with connection.execute_wrapper(refuse_writes):
        response = client.post(reverse("wizard:save"))
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "Tijdelijk niet beschikbaar" in response.content.decode()


@pytest.mark.django_db
def test_logging_in_on_a_read_only_database_answers_503_not_500(client: Client) -> None:
    User.objects.create_user("verkoper", password="Verkoop-2026!")
    with connection.execute_wrapper(refuse_writes):
        response = client.post(
            reverse("login"), {"username": "verkoper", "password": "Verkoop-2026!"}
        )
    assert response.status_code == 503


def api_design_raising(client: Client, monkeypatch: pytest.MonkeyPatch, error: Exception) -> Any:
    """An API design request while reading the catalogue raises ``error``."""
    from keuzehulp import api

    def failing() -> None:
        raise error

    monkeypatch.setattr(api, "_catalog", failing)
    return client.post(
        reverse("api_design"),
        {
            "connection": {"phases": 1, "main_fuse_a": 35},
            "inverter": "SMILE-G3-S5",
            "batteries": [{"module": "SMILE-G3-BAT-9.3S", "count": 2}],
        },
        content_type="application/json",
    )


@pytest.mark.django_db
def test_the_api_answers_a_json_503_when_the_database_is_unavailable(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    response = api_design_raising(client, monkeypatch, OperationalError("database is locked"))
    assert response.status_code == 503
    assert response.json()["error"].startswith("the service cannot reach its database")


def refuse_data(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
    """What PostgreSQL answers to a NUL byte or a number beyond its column."""
    if sql.lstrip().upper().startswith("INSERT"):
        raise DataError("invalid byte sequence for encoding UTF8: 0x00")
    return execute(sql, params, many, context)


@pytest.mark.django_db
def test_a_value_the_database_refuses_is_a_400_not_an_outage(
    client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    """Only a database that is down is a 503 with 'try again later'; refused data is input our
    validation let through, logged as that, and the operator is not paged for an outage."""
    walk(client)
    with connection.execute_wrapper(refuse_data):
        response = client.post(reverse("wizard:save"))
    assert response.status_code == 400
    assert "Retry-After" not in response
    assert "Invoer niet opgeslagen" in response.content.decode()
    messages = [r.getMessage() for r in caplog.records if r.name == "keuzehulp.middleware"]
    assert messages == ["database refused the data of /wizard/opslaan/"]


@pytest.mark.django_db
def test_the_api_answers_a_json_400_for_a_value_the_database_refuses(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    response = api_design_raising(client, monkeypatch, DataError("value out of range"))
    assert response.status_code == 400
    assert response.json() == {
        "error": "the request holds a value that cannot be stored",
        "fields": [],
    }
