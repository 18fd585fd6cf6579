"""Two submits of one form page at the same moment make one thing (PostgreSQL: real threads)."""

from __future__ import annotations

import re
import threading
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.test import Client

from sales.models import Quote
from tests.sales.conftest import make_configuration, make_request, make_user

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite (make run) takes one writer at a time; the race is a server database's",
)


# Committed rows (the threads have connections of their own), so a transactional test. It may
# follow another one in its worker, whose flush emptied the seeded catalogue (the groups and
# VAT categories come back by themselves: sales/reference_data.py), so it seeds it again.
@pytest.mark.django_db(transaction=True)
def test_a_double_click_on_new_quote_makes_one_quote() -> None:
    call_command("seed_catalog", "--force", verbosity=0)
    user = make_user("sales")
    assert user is not None
    request = make_request(make_configuration())
    url = f"/verkoop/offertes/nieuw/?aanvraag={request.pk}"
    first = Client()
    first.force_login(user)
    key = re.search(r'name="once" value="([0-9a-f]{32})"', first.get(url).content.decode())
    assert key is not None
    data = {
        "once": key.group(1), "kind": "business", "name": "Jansen Elektro",
        "email": "piet@jansen.nl", "default_discount_pct": "0", "language": "nl",
    }  # fmt: skip
    start = threading.Barrier(2)
    answers: list[Any] = []

    def click() -> None:
        client = Client()
        client.force_login(user)  # a session of its own: it never sees the other's
        try:
            start.wait()
            answers.append(client.post(url, data))
        except BaseException as exc:  # reported below, not lost in the thread
            answers.append(exc)
        finally:
            connections.close_all()

    clicks = [threading.Thread(target=click) for _ in range(2)]
    for thread in clicks:
        thread.start()
    for thread in clicks:
        thread.join()
    quote = Quote.objects.get()
    assert [getattr(a, "status_code", a) for a in answers] == [302, 302]
    assert {a["Location"] for a in answers} == {f"/verkoop/offertes/{quote.pk}/"}
