"""The database cache's increment (CACHE_URL=db://): the rate limits' counter loses no request,
also when requests arrive together."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, connections
from django.test import override_settings

from keuzehulp.dbcache import AtomicDatabaseCache

ALIAS = "counters"
TABLE = "test_counters_cache"


@pytest.fixture
def counters(transactional_db: Any) -> Iterator[AtomicDatabaseCache]:
    backend = {"BACKEND": "keuzehulp.dbcache.AtomicDatabaseCache", "LOCATION": TABLE}
    with override_settings(CACHES={"default": backend, ALIAS: backend}):
        call_command("createcachetable", verbosity=0)
        cache = caches[ALIAS]
        assert isinstance(cache, AtomicDatabaseCache)
        try:
            yield cache
        finally:
            cache.close()
            with connection.cursor() as cursor:
                cursor.execute(f"DROP TABLE {connection.ops.quote_name(TABLE)}")


def test_add_then_increment_counts_like_the_rate_limit_does(counters):
    assert counters.add("login:203.0.113.7", 1, 60)
    assert not counters.add("login:203.0.113.7", 1, 60)  # already counting
    assert counters.incr("login:203.0.113.7") == 2
    assert counters.incr("login:203.0.113.7", 5) == 7
    assert counters.decr("login:203.0.113.7", 2) == 5
    assert counters.get("login:203.0.113.7") == 5  # stored as Django's own backend stores it


def test_a_missing_or_expired_counter_is_a_value_error_as_django_ratelimit_expects(counters):
    with pytest.raises(ValueError, match="not found"):
        counters.incr("never-set")
    counters.set("short-lived", 3, 0)  # a timeout of 0: expired at once (Django's meaning)
    with pytest.raises(ValueError, match="not found"):
        counters.incr("short-lived")


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite (make run) allows one writer at a time; the race is a server database's",
)
def test_parallel_increments_lose_no_count(counters):
    counters.set("burst", 0, 300)
    threads, rounds = 8, 25
    start = threading.Barrier(threads)
    errors: list[BaseException] = []

    def hammer() -> None:
        try:
            start.wait()
            for _ in range(rounds):
                caches[ALIAS].incr("burst")
        except BaseException as exc:  # reported below, not lost in the thread
            errors.append(exc)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=hammer) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    assert counters.get("burst") == threads * rounds
