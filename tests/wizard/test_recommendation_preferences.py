"""A budget and "must have backup" refine the recommendation; the engine still ranks."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from catalog.services import load_catalog
from keuzehulp.wizard.draft import load
from keuzehulp.wording import money
from sizing.engine import suggest, suggest_with_reasons
from sizing.schema import Connection, Site, Suggestion

from .conftest import SITE, htmx, text, url, walk

pytestmark = pytest.mark.django_db

THREE_PHASE = {**SITE, "main_fuse": "3x25"}
TARGET = {"target_usable_kwh": "15", "target_power_kw": ""}


def engine_first(**preferences: Any) -> Suggestion:
    site = Site(
        connection=Connection(phases=3, main_fuse_a=25, earthing="TN-C-S"),
        target_usable_kwh=15,
        **preferences,
    )
    return suggest_with_reasons(site, load_catalog()).suggestions[0]


def recommended(html: str) -> str:
    box = html.split('class="recommendation"')[1].split("</div>")[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", box))


def system_of(s: Suggestion) -> str:
    inverter, module = s.inverter.removeprefix("SMILE-G3-"), s.module.removeprefix("SMILE-G3-")
    return f"{inverter} met {s.count} × {module}"


def plain(amount: str) -> str:
    """Money as the page text reads it: the non-breaking space as a space."""
    return amount.replace("\u00a0", " ")


def test_with_a_budget_the_recommendation_is_the_engines_first_within_it(client: Client) -> None:
    budget = Decimal("6000")
    first = engine_first(budget_excl_vat_eur=budget)
    assert first.price_excl_vat_eur <= budget
    walk(client, until="omvormer", aansluiting=THREE_PHASE)
    html = client.post(url("omvormer"), {**TARGET, "budget_excl_vat_eur": "6000"}).content.decode()
    box = recommended(html)
    assert system_of(first) in box
    assert "binnen uw budget van € 6.000,00" in box


def test_a_budget_can_move_the_pick_to_a_cheaper_system(client: Client) -> None:
    unlimited = engine_first()
    tight = engine_first(budget_excl_vat_eur=unlimited.price_excl_vat_eur - Decimal("0.01"))
    assert (tight.inverter, tight.module, tight.count) != (
        unlimited.inverter,
        unlimited.module,
        unlimited.count,
    ) or tight.backup != unlimited.backup
    assert tight.price_excl_vat_eur < unlimited.price_excl_vat_eur


def test_a_budget_below_every_system_says_so_with_the_cheapest_price(client: Client) -> None:
    site = Site(connection=Connection(phases=3, main_fuse_a=25), target_usable_kwh=15)
    cheapest = min(s.price_excl_vat_eur for s in suggest(site, load_catalog()))
    walk(client, until="omvormer", aansluiting=THREE_PHASE)
    page = text(client.post(url("omvormer"), {**TARGET, "budget_excl_vat_eur": "100"}))
    assert "Uw budget van € 100,00 excl. btw ligt onder elk passend systeem" in page
    assert f"het goedkoopste kost {plain(money(cheapest))}" in page
    assert (
        'class="recommendation"'
        not in client.post(
            url("omvormer"), {**TARGET, "budget_excl_vat_eur": "100"}
        ).content.decode()
    )


def test_a_budget_does_not_grey_out_the_inverters_it_excludes(client: Client) -> None:
    walk(client, until="omvormer", aansluiting=THREE_PHASE)
    html = client.post(url("omvormer"), {**TARGET, "budget_excl_vat_eur": "100"}).content.decode()
    without = client.post(url("omvormer"), TARGET).content.decode()
    assert html.count('class="card disabled"') == without.count('class="card disabled"')


def test_must_have_backup_changes_the_pick_and_includes_the_backup_price(client: Client) -> None:
    without, backed = engine_first(), engine_first(must_have_backup=True)
    assert without.backup == "none" and backed.backup != "none"
    assert backed.price_excl_vat_eur > without.price_excl_vat_eur
    walk(client, until="omvormer", aansluiting=THREE_PHASE)
    box = recommended(
        client.post(url("omvormer"), {**TARGET, "must_have_backup": "on"}).content.decode()
    )
    assert "Met noodstroom:" in box
    assert "voor omvormer, modules en noodstroom" in box
    assert plain(money(backed.price_excl_vat_eur)) in box


def test_every_suggestion_has_backup_when_backup_is_a_must(catalog: Any) -> None:
    site = Site(connection=Connection(phases=1, main_fuse_a=35), must_have_backup=True)
    found = suggest(site, catalog)
    assert found and all(s.backup != "none" for s in found)


def test_the_preferences_are_kept_with_the_choice(client: Client) -> None:
    walk(client, until="omvormer", aansluiting=THREE_PHASE)
    client.post(
        url("omvormer"),
        {**TARGET, "budget_excl_vat_eur": "7500,50", "must_have_backup": "on", "recommended": "1"},
    )
    draft = load(client.session)
    assert draft is not None and draft.inverter is not None
    assert draft.inverter.budget_excl_vat_eur == Decimal("7500.50")
    assert draft.inverter.must_have_backup is True
    assert (
        draft.inverter.inverter
        == engine_first(budget_excl_vat_eur=Decimal("7500.50"), must_have_backup=True).inverter
    )


def test_a_changed_budget_redraws_the_cards_live(client: Client) -> None:
    walk(client, until="omvormer", aansluiting=THREE_PHASE)
    response = htmx(
        client,
        url("omvormer") + "?live=1",
        {**TARGET, "budget_excl_vat_eur": "100", "cards_for": "15.0|None|None|False"},
    )
    assert "ligt onder elk passend systeem" in response.content.decode()


def test_a_budget_that_is_not_a_number_gets_a_message_not_an_error(client: Client) -> None:
    walk(client, until="omvormer", aansluiting=THREE_PHASE)
    response = client.post(
        url("omvormer"), {**TARGET, "inverter": "SMILE-G3-T10", "budget_excl_vat_eur": "veel"}
    )
    assert response.status_code == 200
    assert "budget" in text(response).lower()


def test_taking_the_recommended_system_with_backup_preselects_its_backup(client: Client) -> None:
    first = engine_first(must_have_backup=True)
    assert first.backup != "none"
    walk(client, until="omvormer", aansluiting=THREE_PHASE)
    client.post(url("omvormer"), {**TARGET, "must_have_backup": "on", "recommended": "1"})
    client.post(url("batterij"), {"module": first.module, "count": str(first.count)})
    html = client.get(url("noodstroom")).content.decode()
    assert re.search(rf'value="{first.backup}"[^>]*checked', html)
    assert not re.search(r'value="none"[^>]*checked', html)
    assert "Voorgeselecteerd: het aanbevolen systeem met noodstroom" in html
    # A proposal, not an answer: the installer still chooses, and may choose none.
    response = client.post(url("noodstroom"), {"backup": "none"})
    assert response.status_code == 302
    draft = load(client.session)
    assert draft is not None and draft.backup is not None and draft.backup.backup == "none"
    html = client.get(url("noodstroom")).content.decode()
    assert re.search(r'value="none"[^>]*checked', html) and "Voorgeselecteerd" not in html


def test_another_system_than_the_recommended_one_gets_no_backup_proposal(client: Client) -> None:
    first = engine_first(must_have_backup=True)
    walk(client, until="omvormer", aansluiting=THREE_PHASE)
    client.post(url("omvormer"), {**TARGET, "must_have_backup": "on", "recommended": "1"})
    html = client.get(url("batterij")).content.decode()
    offered = [int(n) for n in re.findall(r'name="count" value="(\d+)"', html)]
    other = next(n for n in offered if n != first.count)
    client.post(url("batterij"), {"module": first.module, "count": str(other)})
    html = client.get(url("noodstroom")).content.decode()
    assert re.search(r'value="none"[^>]*checked', html) and "Voorgeselecteerd" not in html
