"""A catalogue import stays small and short: oversized files are refused before they are read,
and other users' saves wait for a running import instead of failing.

The attack: a 2 MB CSV of 50 000 rows ran past the worker timeout, and while its preview held
the database every wizard save answered 500 "database is locked".
"""

from __future__ import annotations

import csv
import io
import threading
from typing import Any

import openpyxl
import pytest
from django.conf import settings
from django.db import OperationalError, connection, connections
from django.db.backends.sqlite3.base import DatabaseWrapper
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from catalog.models import Inverter
from tests.catalog.admin_helpers import exported_and_edited, upload_for_preview, user_in

WRITES = ("BEGIN", "SAVEPOINT", "INSERT", "UPDATE", "DELETE")
# Longer than the 5 s Python's sqlite3 waits for a lock by default, as the reported import ran;
# well within the largest import allowed now.
IMPORT_SECONDS = 6


@pytest.fixture
def editor_client() -> Client:
    client = Client()
    client.force_login(user_in("Catalogusbeheer", "beheer"))
    return client


def inverter_rows(count: int) -> bytes:
    """An inverter export grown to `count` rows, each a new system code."""
    # Read as CSV: a description such as "3,68 kW" holds the delimiter inside quotes.
    exported = exported_and_edited(Inverter, "system_code", "", "", "").decode()
    header, *rows = list(csv.reader(io.StringIO(exported)))
    code = rows[0][header.index("system_code")]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for i in range(count):  # the inverter code holds the system code: both become new
        writer.writerow([cell.replace(code, f"X-{i:05d}") for cell in rows[i % len(rows)]])
    return out.getvalue().encode()


def price_list(count: int) -> bytes:
    """The reported file: a bare price list of `count` rows, 40 bytes each."""
    lines = ["system_code,price_eur,name_nl"]
    lines += [f"SMILE-G3-T10-{i:05d},1.00,Omvormer {i:05d} 10 kW" for i in range(count)]
    return "\n".join(lines).encode()


def refused(response: Any) -> str:
    assert response.status_code == 200
    assert response.context.get("confirm_form") is None
    return " ".join(response.context["form"].errors["import_file"]).replace("\xa0", " ")


def writes(queries: CaptureQueriesContext) -> list[str]:
    return [q["sql"] for q in queries.captured_queries if q["sql"].upper().startswith(WRITES)]


@pytest.mark.django_db
def test_it_refuses_a_two_megabyte_csv_before_reading_it(editor_client: Client) -> None:
    content = price_list(50_000)
    assert len(content) > 2_000_000
    with CaptureQueriesContext(connection) as queries:
        response = upload_for_preview(editor_client, "inverter", content)
    assert "een import mag hoogstens 1,0 MB zijn" in refused(response)
    assert writes(queries) == []  # no transaction, so nobody waits for it
    assert not Inverter.objects.filter(system_code__startswith="SMILE-G3-T10-").exists()


@pytest.mark.django_db
def test_it_refuses_more_rows_than_an_import_may_have(editor_client: Client) -> None:
    content = inverter_rows(settings.CATALOG_IMPORT_MAX_ROWS + 1)
    assert len(content) < settings.CATALOG_IMPORT_MAX_BYTES
    with CaptureQueriesContext(connection) as queries:
        response = upload_for_preview(editor_client, "inverter", content)
    assert "meer dan 500 rijen" in refused(response)
    assert writes(queries) == []


@pytest.mark.django_db
def test_it_refuses_an_xlsx_that_unpacks_far_beyond_its_size(editor_client: Client) -> None:
    book = openpyxl.Workbook()
    book.active.append(["system_code", "name_nl"])
    for row in range(200):
        book.active.append([f"X-{row}", "x" * 30_000])
    packed = io.BytesIO()
    book.save(packed)
    assert len(packed.getvalue()) < settings.CATALOG_IMPORT_MAX_BYTES
    response = upload_for_preview(editor_client, "inverter", packed.getvalue(), "xlsx")
    message = refused(response)
    assert "Het werkblad is uitgepakt" in message
    assert "een import mag hoogstens 3,8 MB zijn" in message


@pytest.mark.django_db
@pytest.mark.parametrize("column", ["system_code", "name_nl"])
def test_it_refuses_a_nul_character_in_a_cell_naming_row_and_column(
    editor_client: Client, column: str
) -> None:
    # PostgreSQL stores no NUL: one in the key column answered 503 'database unavailable'.
    content = exported_and_edited(Inverter, "system_code", "SMILE-G3-T10", column, "T10\x00")
    response = upload_for_preview(editor_client, "inverter", content)
    message = refused(response)
    assert "NUL-teken" in message and f"kolom {column}" in message


@pytest.mark.django_db
@override_settings(CATALOG_IMPORT_MAX_ROWS=10)
def test_a_file_of_exactly_the_maximum_rows_still_previews(editor_client: Client) -> None:
    assert Inverter.objects.count() == 10
    content = exported_and_edited(Inverter, "system_code", "SMILE-G3-T10", "price_eur", "2222")
    response = upload_for_preview(editor_client, "inverter", content)
    assert response.context["confirm_form"] is not None
    assert response.context["result"].totals["update"] == 1


def shared_file_database(name: str) -> dict[str, Any]:
    """The project's database settings (OPTIONS included) on a file two connections share."""
    return {**connections["default"].settings_dict, "NAME": name}


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="SQLite's single write lock; PostgreSQL locks rows",
)
def test_a_save_during_a_running_import_waits_for_it_instead_of_failing(
    tmp_path: Any, django_db_blocker: Any
) -> None:
    assert connections["default"].settings_dict["OPTIONS"].get("timeout", 5) > IMPORT_SECONDS
    with django_db_blocker.unblock():
        outcome, saved = save_during_import(shared_file_database(str(tmp_path / "shared.sqlite3")))
    assert outcome == ["saved"]
    assert saved == ["import row", "configuration"]


def save_during_import(database: dict[str, Any]) -> tuple[list[str], list[str]]:
    setup = DatabaseWrapper(database, alias="setup")
    setup.cursor().execute("CREATE TABLE saved (id INTEGER PRIMARY KEY, what TEXT)")
    setup.close()

    # The import: one transaction that has written and goes on for a while.
    importer = DatabaseWrapper(database, alias="importer")
    importer.set_autocommit(False)
    importer.cursor().execute("INSERT INTO saved (what) VALUES ('import row')")

    outcome: list[str] = []

    def wizard_save() -> None:
        # The wizard: a transaction that reads (the session) before it writes.
        wizard = DatabaseWrapper(database, alias="wizard")
        try:
            wizard.set_autocommit(False)
            wizard.cursor().execute("SELECT count(*) FROM saved")
            wizard.cursor().execute("INSERT INTO saved (what) VALUES ('configuration')")
            wizard.commit()
            outcome.append("saved")
        except OperationalError as error:
            outcome.append(str(error))
            wizard.rollback()
        finally:
            wizard.close()

    wizard = threading.Thread(target=wizard_save)
    wizard.start()
    wizard.join(timeout=IMPORT_SECONDS)  # the wizard saves while the import runs
    importer.commit()
    importer.close()
    wizard.join()

    check = DatabaseWrapper(database, alias="check")
    with check.cursor() as cursor:
        cursor.execute("SELECT what FROM saved ORDER BY id")
        saved = [row[0] for row in cursor.fetchall()]
    check.close()
    return outcome, saved
