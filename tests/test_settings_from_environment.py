"""DATABASE_URL picks the database, CACHE_URL the shared cache; a wrong URL is named, not traced."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SHOW = (
    "import django, json; django.setup(); from django.conf import settings; "
    "from django.db import connection; db = settings.DATABASES['default']; "
    "print(json.dumps({'engine': db['ENGINE'], 'name': db['NAME'], 'host': db['HOST'], "
    "'options': db.get('OPTIONS', {}), 'driver': connection.Database.__name__}))"
)


CACHE = (
    "import django, json; django.setup(); from django.conf import settings; "
    "print(json.dumps(settings.CACHES['default']))"
)
ROOT = Path(__file__).resolve().parents[1]


def run(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    dropped = {"DATABASE_URL", "CACHE_URL", "REDIS_URL"}
    base = {k: v for k, v in os.environ.items() if k not in dropped}
    return subprocess.run(
        [sys.executable, *(["-c", code] if code else ["manage.py", "check"])],
        cwd=ROOT,
        env={**base, "DJANGO_SETTINGS_MODULE": "keuzehulp.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def database_settings(url: str) -> dict:
    return json.loads(run(SHOW, DATABASE_URL=url).stdout)


def cache_settings(**env: str) -> dict:
    return json.loads(run(CACHE, **env).stdout)


def test_a_postgres_url_runs_on_psycopg_without_sqlites_lock_options() -> None:
    db = database_settings("postgres://keuzehulp:geheim@db.internal:5432/keuzehulp")
    assert db["engine"] == "django.db.backends.postgresql"
    assert (db["name"], db["host"]) == ("keuzehulp", "db.internal")
    assert db["driver"] == "psycopg"  # the driver is installed: the URL no longer fails at once
    assert "transaction_mode" not in db["options"]


def test_a_sqlite_url_waits_for_the_write_lock_instead_of_failing() -> None:
    db = database_settings("sqlite:////tmp/keuzehulp-settings-test.sqlite3")
    assert db["engine"] == "django.db.backends.sqlite3"
    assert db["options"]["transaction_mode"] == "IMMEDIATE"


def test_without_a_cache_url_each_process_keeps_its_own_cache() -> None:
    assert cache_settings()["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


def test_a_redis_cache_url_is_shared_by_every_worker() -> None:
    cache = cache_settings(CACHE_URL="redis://cache.internal:6379/1")
    assert cache["BACKEND"] == "django_redis.cache.RedisCache"
    assert cache["LOCATION"] == "redis://cache.internal:6379/1"
    # tests/test_cache_outage.py: what IGNORE_EXCEPTIONS and the timeouts buy in an outage.
    assert cache["OPTIONS"] == {
        "IGNORE_EXCEPTIONS": True,
        "SOCKET_CONNECT_TIMEOUT": 0.5,
        "SOCKET_TIMEOUT": 1.0,
    }


def test_the_redis_timeouts_come_from_the_environment() -> None:
    cache = cache_settings(
        CACHE_URL="redis://cache.internal:6379/1",
        CACHE_CONNECT_TIMEOUT_S="0.2",
        CACHE_TIMEOUT_S="0.3",
    )
    assert cache["OPTIONS"]["SOCKET_CONNECT_TIMEOUT"] == 0.2
    assert cache["OPTIONS"]["SOCKET_TIMEOUT"] == 0.3


def test_the_database_can_be_the_shared_cache() -> None:
    cache = cache_settings(CACHE_URL="db://keuzehulp_cache")
    assert cache == {
        "BACKEND": "keuzehulp.dbcache.AtomicDatabaseCache",
        "LOCATION": "keuzehulp_cache",
    }


def test_redis_url_still_works_and_cache_url_wins_over_it() -> None:
    assert cache_settings(REDIS_URL="redis://old:6379/0")["LOCATION"] == "redis://old:6379/0"
    both = cache_settings(REDIS_URL="redis://old:6379/0", CACHE_URL="db://")
    assert both["BACKEND"] == "keuzehulp.dbcache.AtomicDatabaseCache"


def test_a_cache_url_of_an_unknown_kind_stops_the_start_with_a_message() -> None:
    done = run("", CACHE_URL="memcached://cache:11211", DEBUG="1")
    assert done.returncode == 2
    assert "CACHE_URL must start with redis://" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_redis_timeout_that_is_not_a_number_stops_the_start_with_a_message() -> None:
    for wrong in ["soon", "0", "-1", "nan", "inf"]:
        done = run("", CACHE_URL="redis://cache:6379/0", CACHE_TIMEOUT_S=wrong, DEBUG="1")
        assert done.returncode == 2, wrong
        assert "CACHE_TIMEOUT_S must be a positive number of seconds" in done.stderr
        assert "Traceback" not in done.stderr


def test_a_whole_number_setting_that_is_not_one_stops_the_start_with_a_message() -> None:
    done = run("", TRUSTED_PROXY_COUNT="two", DEBUG="1")
    assert done.returncode == 2
    assert "TRUSTED_PROXY_COUNT must be a whole number, not 'two'" in done.stderr
    assert "Traceback" not in done.stderr
