"""Shared test setup: the live catalogue loaded once from fixtures/ into the test database."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command
from hypothesis import settings as hypothesis_settings

# CI runs the same examples every time (a red CI must be reproducible); local runs explore new
# ones, and what they find goes into a regression test.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    """Every test database starts with the brochure catalogue, as after `make run`."""
    with django_db_blocker.unblock():
        call_command("seed_catalog", "--force", verbosity=0)
    yield


@pytest.fixture(scope="session")
def catalog(django_db_setup: Any, django_db_blocker: Any) -> Any:
    """The live catalogue (sizing.domain.Catalog) built with to_domain() from the fixtures."""
    from catalog.services import load_catalog

    with django_db_blocker.unblock():
        return load_catalog()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that uses the catalogue needs the test database, also when it runs alone.

    pytest-django creates the test database only for a session with a test marked
    django_db; without one, ``catalog`` would read (and seed) the development database.
    """
    for item in items:
        if "catalog" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.django_db)
