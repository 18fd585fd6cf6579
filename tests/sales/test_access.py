"""Who may open which page of the quote flow: every URL of sales.urls, every role.

The attack: a signed-in colleague who is not in Verkoop (a catalogue editor, staff without a
group) reading customers and prices, or sending, editing or ordering a quote. The URLs are
read from sales.urls, so a new URL without a row here fails the test until it gets one.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from sales import services
from sales.models import Order, QuoteVersion
from sales.urls import urlpatterns
from tests.sales.conftest import logged_in, make_quote, make_request, send

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "staff_without_group", "catalogue_editor", "sales", "superuser"]
SELLERS = {"sales", "superuser"}
PUBLIC = {"request_draft", "request_configuration", "request_done", "acceptance", "acceptance_pdf"}
POST_ONLY = {"line_add", "line_update", "line_delete", "send", "new_version", "order_create"}
POST_ONLY |= {"version_update"}


def world() -> dict[str, Any]:
    """A request, a draft quote, and an accepted quote with its order."""
    draft = make_quote()
    accepted = send(make_quote(name="Bakker"))
    services.decide(accepted, accept=True, name="B", email="b@b.nl", ip="127.0.0.1", user_agent="")
    order = services.create_order(accepted)
    request = make_request(draft.configuration)
    line = draft.latest.lines.first()
    assert line is not None
    return {"draft": draft, "accepted": accepted, "order": order, "request": request, "line": line}


def args_for(name: str, w: dict[str, Any]) -> list[Any]:
    quote, version = w["draft"], w["accepted"]
    table: dict[str, list[Any]] = {
        "request_draft": [],
        "request_configuration": [quote.configuration_id],
        "request_done": [],
        "acceptance": [version.token],
        "acceptance_pdf": [version.token],
        "inbox": [],
        "request_detail": [w["request"].pk],
        "quote_list": [],
        "quote_new": [],
        "quote_detail": [quote.pk],
        "version_update": [quote.pk],
        "line_add": [quote.pk],
        "line_update": [quote.pk, w["line"].pk],
        "line_delete": [quote.pk, w["line"].pk],
        "send": [quote.pk],
        "new_version": [quote.pk],
        "version_detail": [version.quote_id, 1],
        "version_pdf": [version.quote_id, 1],
        "version_dossier": [version.quote_id, 1],
        "order_create": [version.quote_id],
        "order_list": [],
        "customer_list": [],
        "customer_detail": [quote.customer_id],
        "order_detail": [w["order"].pk],
        "order_csv": [w["order"].pk],
        "order_xlsx": [w["order"].pk],
    }
    assert name in table, f"no row in the access matrix for sales:{name}"
    return table[name]


def sales_pages(w: dict[str, Any]) -> list[tuple[str, str]]:
    pages = []
    for pattern in urlpatterns:
        name = str(pattern.name)
        url = reverse(f"sales:{name}", args=args_for(name, w))
        if name == "quote_new":
            url += f"?aanvraag={w['request'].pk}"
        if name not in PUBLIC:
            pages.append((name, url))
    return pages


@pytest.mark.parametrize("role", ROLES)
def test_every_sales_page_answers_each_role_by_the_access_rule(role: str) -> None:
    w = world()
    client = logged_in(role)
    wrong = []
    for name, url in sales_pages(w):
        response = client.get(url)
        if role == "anonymous":
            expected = 302
        elif role not in SELLERS:
            expected = 403
        else:
            expected = 405 if name in POST_ONLY else 200
        if response.status_code != expected:
            wrong.append((url, response.status_code, expected))
        elif expected == 302:
            assert response["Location"].startswith(reverse("login")), url
    assert wrong == [], "\n".join(f"{url}: {got}, should be {want}" for url, got, want in wrong)


@pytest.mark.parametrize("role", ["anonymous", "staff_without_group", "catalogue_editor"])
def test_a_colleague_outside_verkoop_can_neither_send_edit_nor_order(role: str) -> None:
    w = world()
    client = logged_in(role)
    for name, url in sales_pages(w):
        if name in POST_ONLY:
            assert client.post(url, {"status": "cancelled"}).status_code in {302, 403}, url
    draft = w["draft"].latest
    assert draft.status == QuoteVersion.Status.DRAFT and draft.lines.filter(pk=w["line"].pk)
    assert Order.objects.count() == 1


@pytest.mark.parametrize("role", ROLES)
def test_the_public_pages_answer_everyone_alike(role: str) -> None:
    w = world()
    client = logged_in(role)
    version = w["accepted"]
    assert client.get(reverse("sales:acceptance", args=[version.token])).status_code == 200
    assert client.get(reverse("sales:acceptance_pdf", args=[version.token])).status_code == 200
    form = reverse("sales:request_configuration", args=[w["draft"].configuration_id])
    assert client.get(form).status_code == 200


def test_sales_pages_are_never_cached() -> None:
    w = world()
    client = logged_in("sales")
    response = client.get(reverse("sales:quote_detail", args=[w["draft"].pk]))
    assert "no-store" in response["Cache-Control"]
