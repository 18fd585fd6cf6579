"""Schemathesis fuzzes the API from its own OpenAPI document, in process through WSGI.

Each operation gets schema-valid and schema-violating requests (plus the boundary values of
every bound); the default checks then demand no 5xx, only documented status codes, bodies
that match the documented schemas, valid input accepted and invalid input refused. Bounded
in count; CI runs it derandomized (tests/conftest.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import override_settings
from hypothesis import HealthCheck, settings
from schemathesis import Case

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


def test_the_openapi_document_is_valid_openapi_3_1() -> None:
    schema.validate()
    assert schema.raw_schema["openapi"] == "3.1.0"


@contextmanager
def connections_kept_open() -> Iterator[None]:
    """What Django's test client does around each request: the WSGI handler closes the
    connections it finds outside autocommit, which inside the test's transaction on PostgreSQL
    is the test's own connection (SQLite's in-memory one survives being closed)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _fuzz(operation_id: str) -> Callable[..., None]:
    """One test per operation: schemathesis gives every operation of one test the same node id,
    and pytest-xdist's --dist loadgroup (make test) then runs only one of them."""

    @pytest.mark.django_db
    @schema.include(operation_id=operation_id).parametrize()
    @settings(
        max_examples=30,
        deadline=None,
        # Designing is slower than Hypothesis likes and most generated bodies are refused
        # early; neither is a fault of the API.
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    def fuzz(case: Case) -> None:
        # Hundreds of requests a minute from one address: under the production rate every
        # answer after the 60th would be a (documented) 429, and the fuzz would test nothing.
        with override_settings(RATE_API="100000/m"), connections_kept_open():
            case.call_and_validate()

    return fuzz


test_no_generated_design_request_gets_a_server_error_or_an_undocumented_answer = _fuzz("design")
test_no_generated_cable_request_gets_a_server_error_or_an_undocumented_answer = _fuzz("cable")
test_no_generated_suggest_request_gets_a_server_error_or_an_undocumented_answer = _fuzz("suggest")
test_no_request_for_the_schemas_gets_a_server_error_or_an_undocumented_answer = _fuzz("schemas")
test_no_request_for_this_document_gets_a_server_error_or_an_undocumented_answer = _fuzz("openapi")
