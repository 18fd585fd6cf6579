"""Sales test helpers: a saved design, users by role, and a quote at each stage."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from keuzehulp.models import Configuration
from sales import services
from sales.models import Customer, Quote, QuoteRequest, QuoteVersion
from sizing.schema import DesignRequest

REQUEST = {
    "connection": {"phases": 1, "main_fuse_a": 35, "earthing": "TN-C-S"},
    "inverter": "SMILE-G3-S5",
    "batteries": [{"module": "SMILE-G3-BAT-9.3S", "count": 2}],
    "backup": "none",
    "location": "indoor",
    "ac_cable": {"length_m": 12},
    "board": {"mode": "existing", "rcds": [{"groups": 3}, {"groups": 3}], "free_modules": 6},
    "project_reference": "Fam. de Vries",
}
PASSWORD = "Verkoop-2026!"
ACCEPT_URL = "https://keuzehulp.example/offerte/token/"


def make_configuration() -> Configuration:
    request = DesignRequest.model_validate(REQUEST)
    design = services.design_of(request.model_dump(mode="json"))
    assert design is not None and design.valid
    return services.save_configuration(request, design, "nl")


def make_user(role: str) -> User | None:
    """anonymous, staff_without_group, sales, catalogue_editor or superuser."""
    if role == "anonymous":
        return None
    if role == "superuser":
        return User.objects.create_superuser(role, f"{role}@example.nl", PASSWORD)
    user = User.objects.create_user(role, f"{role}@example.nl", PASSWORD, is_staff=role != "sales")
    group = {"sales": "Verkoop", "catalogue_editor": "Catalogusbeheer"}.get(role)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def logged_in(role: str) -> Client:
    client = Client()
    user = make_user(role)
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def configuration(db: Any) -> Configuration:
    return make_configuration()


@pytest.fixture
def sales_client(db: Any) -> Client:
    return logged_in("sales")


def make_customer(kind: str = "business", **fields: Any) -> Customer:
    return Customer.objects.create(
        kind=kind,
        name=fields.pop("name", "Installatiebedrijf Jansen"),
        email="inkoop@jansen.nl",
        **fields,
    )


def make_quote(kind: str = "business", **fields: Any) -> Quote:
    return services.create_quote(make_configuration(), make_customer(kind, **fields))


def send(quote: Quote) -> QuoteVersion:
    return services.send(quote.latest, user=None, accept_url=ACCEPT_URL)


def make_request(configuration: Configuration) -> QuoteRequest:
    from django.db import transaction

    with transaction.atomic():
        return services.create_request(
            configuration,
            {
                "company": "Jansen Elektro",
                "contact_name": "Piet Jansen",
                "email": "piet@jansen.nl",
                "project_address": "Dorpsstraat 1, Utrecht",
            },
            "nl",
        )
