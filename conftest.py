"""Setup shared by the tests and the benchmarks: a test database holding the brochure catalogue."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> None:
    """Every test database starts with the brochure catalogue, as after `make run`."""
    with django_db_blocker.unblock():
        call_command("seed_catalog", "--force", verbosity=0)


@pytest.fixture(autouse=True)
def _dutch_first() -> Iterator[None]:
    """Every test starts in Dutch and leaves no language behind.

    The locale middleware activates the reader's language for the rest of the thread, as
    Django's own does; after a test that asked for English, a test whose code runs outside a
    request (an admin export, a command) would otherwise speak English.
    """
    from django.conf import settings
    from django.utils import translation

    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def _no_request_left_open() -> Iterator[None]:
    """Every test starts and ends outside a request.

    The catalogue version is remembered for the length of a request (catalog.versioning), and
    a request ends when its response is closed. A WSGI server always closes it; a test's WSGI
    client may not (schemathesis's fuzz leaves the last response open), and the next test in
    that worker would then read a remembered version instead of the database.
    """
    from catalog import versioning

    versioning._request_finished()
    yield
    versioning._request_finished()


@pytest.fixture
def one_rate_window() -> Iterator[None]:
    """The clock stands still for a test that counts requests against a rate limit.

    django-ratelimit counts in fixed windows that end at a moment of its own choosing (a
    per-client offset into each minute or hour). A test whose requests straddle that moment
    sees the count start again, so "2 allowed, then 429" would fail about once in a few
    hundred runs (seen in CI: four requests all allowed, the window having turned between the
    second and the third). With the clock stopped every request of the test falls in one
    window. Only the wall clock stops; time.monotonic, which deadlines use, runs on.
    """
    import time

    import time_machine

    with time_machine.travel(time.time(), tick=False):
        yield


@pytest.fixture(scope="session")
def catalog(django_db_setup: Any, django_db_blocker: Any) -> Any:
    """The live catalogue (sizing.domain.Catalog) built with to_domain() from the fixtures."""
    from catalog.services import load_catalog

    with django_db_blocker.unblock():
        return load_catalog()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that uses the catalogue needs the test database, even if it never queries it.

    pytest-django creates the test database only when some collected test is marked django_db.
    A file of engine tests run on its own has none, so ``catalog`` would read (and seed) the
    database in the settings, the developer's own, instead of a test database.
    """
    for item in items:
        uses_catalog = "catalog" in getattr(item, "fixturenames", ())
        if uses_catalog and item.get_closest_marker("django_db") is None:
            item.add_marker(pytest.mark.django_db)
