"""The suggest endpoint takes a budget and "must have backup" (additive fields of Site)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

SITE = {"connection": {"phases": 3, "main_fuse_a": 25}, "target_usable_kwh": 15}


def suggest(client: Client, body: dict[str, object]) -> object:
    return client.post(reverse("api_suggest"), body, content_type="application/json")


def test_a_budget_keeps_only_the_systems_within_it(client: Client) -> None:
    everything = suggest(client, SITE).json()
    budget = Decimal(everything[0]["price_excl_vat_eur"]) - 1
    within = suggest(client, {**SITE, "budget_excl_vat_eur": float(budget)}).json()
    assert within
    assert all(Decimal(s["price_excl_vat_eur"]) <= budget for s in within)
    assert len(within) < len(everything)


def test_must_have_backup_answers_only_systems_with_a_backup_solution(client: Client) -> None:
    found = suggest(client, {**SITE, "must_have_backup": True}).json()
    assert found and {s["backup"] for s in found} <= {"distribution_unit", "backup_box"}


def test_a_budget_below_every_system_answers_an_empty_list(client: Client) -> None:
    response = suggest(client, {**SITE, "budget_excl_vat_eur": 1})
    assert response.status_code == 200
    assert response.json() == []


@pytest.mark.parametrize("budget", [-5, 0, "veel", "5000", True])
def test_a_budget_that_is_not_a_positive_amount_is_refused_with_the_field(
    client: Client, budget: object
) -> None:
    response = suggest(client, {**SITE, "budget_excl_vat_eur": budget})
    assert response.status_code == 400
    assert "budget_excl_vat_eur" in str(response.json()["fields"])
