"""Saved configurations: save, share link, read-only recomputation, differences, copy."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from django.test import Client

from catalog.models import BatteryModule
from keuzehulp.models import Configuration
from keuzehulp.wizard import draft as drafts

from .conftest import text, walk

pytestmark = pytest.mark.django_db


def save(client: Client, action: str = "save") -> Configuration:
    walk(client)
    response = client.post("/wizard/opslaan/", {"action": action})
    assert response.status_code == 302
    config = Configuration.objects.get()
    expected = f"/configuratie/{config.pk}/" + ("#delen" if action == "share" else "")
    assert response["Location"] == expected
    return config


def test_saving_stores_the_request_the_engine_version_and_a_snapshot(client: Client) -> None:
    config = save(client)
    assert config.request["inverter"] == "SMILE-G3-S5"
    assert config.request["batteries"] == [{"module": "SMILE-G3-BAT-9.3S", "count": 2}]
    assert config.project_reference == "Fam. de Vries"
    assert config.engine_version and config.catalog_version
    assert config.snapshot["hash"] == config.snapshot_hash
    assert config.snapshot["totals"]["incl_vat_eur"]
    assert isinstance(config.pk, uuid.UUID) and config.pk.version == 4


def test_the_shared_page_shows_the_same_result_read_only(client: Client) -> None:
    config = save(client, action="share")
    response = Client().get(f"/configuratie/{config.pk}/")  # another browser, no session
    page = text(response)
    assert response.status_code == 200
    assert "Het resultaat is gelijk aan toen het werd opgeslagen." in page
    assert "Fam. de Vries" in page and "18,6 kWh bruikbaar" in page
    assert f"/configuratie/{config.pk}/" in response.content.decode()  # the share link
    assert "<form" in response.content.decode()  # only the copy/lang forms, no step inputs
    assert 'name="inverter"' not in response.content.decode()


def test_a_price_change_since_saving_is_named(client: Client) -> None:
    config = save(client)
    module = BatteryModule.objects.get(code="SMILE-G3-BAT-9.3S")
    module.price_eur = Decimal("3100.00")
    module.save()
    page = text(Client().get(f"/configuratie/{config.pk}/"))
    assert "Het resultaat wijkt af van toen het werd opgeslagen" in page
    assert "was € 2.950,00, nu € 3.100,00" in page
    assert "Totaal incl. btw was" in page


def test_an_unknown_share_link_is_a_404_page(client: Client) -> None:
    response = client.get(f"/configuratie/{uuid.uuid4()}/")
    assert response.status_code == 404
    assert "Dit ontwerp bestaat niet" in text(response)


def test_a_stored_request_this_version_cannot_read_is_said_not_crashed(client: Client) -> None:
    config = save(client)
    config.request = {"connection": "??"}
    config.save()
    response = client.get(f"/configuratie/{config.pk}/")
    assert response.status_code == 200
    assert "kan niet opnieuw worden berekend" in text(response)


def test_copy_and_edit_opens_a_new_draft_with_every_answer(client: Client) -> None:
    config = save(client)
    other = Client()
    response = other.post(f"/configuratie/{config.pk}/kopie/", follow=True)
    assert response.redirect_chain[-1][0] == "/wizard/overzicht/"
    assert "Een kopie staat klaar om te bewerken" in text(response)
    draft = drafts.load(other.session)
    assert draft is not None and draft.copied_from == str(config.pk)
    assert draft.battery is not None and draft.battery.count == 2
    assert Configuration.objects.count() == 1  # the original is untouched


def test_saving_without_a_draft_restarts_with_a_message(client: Client) -> None:
    response = client.post("/wizard/opslaan/", {"action": "save"}, follow=True)
    assert "Uw sessie was verlopen" in text(response)
    assert Configuration.objects.count() == 0
