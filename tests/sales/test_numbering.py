"""Quote numbers: OFF-2026-00042, one series per year, no gap and no duplicate."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction

from sales import numbering
from tests.sales.conftest import make_configuration, make_customer, make_quote

pytestmark = pytest.mark.django_db


def take(series: str = numbering.QUOTE, today: date | None = None) -> str:
    with transaction.atomic():
        return numbering.next_number(series, today)


def test_numbers_count_up_per_year_with_five_digits() -> None:
    assert take(today=date(2026, 3, 1)) == "OFF-2026-00001"
    assert take(today=date(2026, 12, 31)) == "OFF-2026-00002"
    assert take(today=date(2027, 1, 1)) == "OFF-2027-00001"


def test_requests_quotes_and_orders_each_have_their_own_series() -> None:
    assert take(numbering.REQUEST, date(2026, 5, 1)) == "AANV-2026-00001"
    assert take(numbering.ORDER, date(2026, 5, 1)) == "ORD-2026-00001"
    assert take(numbering.QUOTE, date(2026, 5, 1)) == "OFF-2026-00001"


def test_a_quote_that_fails_to_save_gives_its_number_back() -> None:
    first = make_quote()
    customer = make_customer(name="Tweede klant")
    config = make_configuration()
    with pytest.raises(RuntimeError), transaction.atomic():
        numbering.next_number(numbering.QUOTE)
        raise RuntimeError("the save fails after the number was taken")
    from sales import services

    second = services.create_quote(config, customer)
    assert int(second.number[-5:]) == int(first.number[-5:]) + 1


WORKER = """
import django, sys
django.setup()
from django.db import transaction
from sales.numbering import next_number
for _ in range(int(sys.argv[1])):
    with transaction.atomic():
        print(next_number("OFF"), flush=True)
"""


def test_two_processes_taking_numbers_at_once_get_no_duplicate_and_leave_no_gap(
    tmp_path: Path,
) -> None:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'numbers.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "keuzehulp.settings",
    }
    base = Path(settings.BASE_DIR)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "sequences", "-v0"],
        cwd=base,
        env=env,
        check=True,
    )
    count = 40
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(count)],
            cwd=base,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    numbers = []
    for worker in workers:
        out, _err = worker.communicate(timeout=120)
        assert worker.returncode == 0
        numbers += out.split()
    sequence = sorted(int(number.rsplit("-", 1)[1]) for number in numbers)
    assert sequence == list(range(1, 2 * count + 1))
