"""DATABASE_URL picks the database; SQLite's own options never reach PostgreSQL."""

from __future__ import annotations

import json
import os
import subprocess
import sys

SHOW = (
    "import django, json; django.setup(); from django.conf import settings; "
    "from django.db import connection; db = settings.DATABASES['default']; "
    "print(json.dumps({'engine': db['ENGINE'], 'name': db['NAME'], 'host': db['HOST'], "
    "'options': db.get('OPTIONS', {}), 'driver': connection.Database.__name__}))"
)


def database_settings(url: str) -> dict:
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "keuzehulp.settings"}
    out = subprocess.run(
        [sys.executable, "-c", SHOW], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


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
