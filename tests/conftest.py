"""Shared test setup: the live catalogue loaded once from fixtures/ into the test database."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command


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
