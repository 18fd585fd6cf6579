"""An edit typed on a version a colleague sent (or replaced) meanwhile: nothing saved, nothing lost.

Before, the edit redirected to the editor with a message and what the seller typed was gone;
an edit of the settings typed on v1 after a colleague made v2 was written into v2 unseen.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from sales import services
from sales.models import Quote, QuoteLine, VatCategory
from tests.sales.conftest import make_quote, send

pytestmark = pytest.mark.django_db


def shown_version(client: Client, quote: Quote) -> str:
    """The version number the editor's forms carry, as the reader's browser would post it."""
    html = client.get(f"/verkoop/offertes/{quote.pk}/").content.decode()
    numbers = set(re.findall(r'name="version" value="([^"]*)"', html))
    assert len(numbers) == 1, numbers
    return numbers.pop()


def settings_typed(version: str) -> dict[str, Any]:
    return {
        "version": version,
        "introduction": "Zoals besproken op de bouwplaats: montage in de garage.",
        "payment_terms": "30 dagen",
        "deposit_pct": "0",
        "validity_days": "30",
        "discount_kind": "",
        "discount_value": "0",
    }


def test_every_editor_form_carries_the_version_it_shows(sales_client: Client) -> None:
    quote = make_quote()
    html = sales_client.get(f"/verkoop/offertes/{quote.pk}/").content.decode()
    lines = quote.latest.lines.count()
    # each line's change and delete form, the new line, the settings, and send
    assert html.count('name="version" value="1"') == 2 * lines + 3


def test_settings_typed_on_a_version_sent_meanwhile_come_back_unsaved(
    sales_client: Client,
) -> None:
    quote = make_quote()
    version = shown_version(sales_client, quote)
    sent = send(quote)  # a colleague sends it while this page is open

    response = sales_client.post(
        f"/verkoop/offertes/{quote.pk}/instellingen/", settings_typed(version)
    )

    html = response.content.decode()
    assert response.status_code == 409
    assert f"Offerte {sent.label} is verstuurd; uw wijziging is niet opgeslagen" in html
    assert "Niet opgeslagen: wat u typte" in html
    assert "Zoals besproken op de bouwplaats: montage in de garage." in html
    sent.refresh_from_db()
    assert "bouwplaats" not in sent.introduction


def test_settings_typed_on_v1_do_not_land_in_the_v2_a_colleague_made(
    sales_client: Client,
) -> None:
    quote = make_quote()
    version = shown_version(sales_client, quote)
    send(quote)
    second = services.new_version(quote)  # the colleague also made v2

    response = sales_client.post(
        f"/verkoop/offertes/{quote.pk}/instellingen/", settings_typed(version)
    )

    html = response.content.decode()
    assert response.status_code == 409
    assert f"Er is intussen een nieuwe versie, {second.label}" in html
    assert "Zoals besproken op de bouwplaats" in html
    second.refresh_from_db()
    assert "bouwplaats" not in second.introduction
    # Typed on v2's own page, the same edit is saved.
    again = sales_client.post(
        f"/verkoop/offertes/{quote.pk}/instellingen/",
        settings_typed(shown_version(sales_client, quote)),
    )
    assert again.status_code == 302
    second.refresh_from_db()
    assert "bouwplaats" in second.introduction


def test_a_line_change_typed_on_a_sent_version_comes_back_with_its_choices_by_name(
    sales_client: Client,
) -> None:
    quote = make_quote()
    version = shown_version(sales_client, quote)
    line = quote.latest.lines.first()
    assert line is not None
    send(quote)
    prefix = f"line{line.pk}-"
    data = {
        "version": version,
        prefix + "group": line.group,
        prefix + "kind": line.kind,
        prefix + "description": "Omvormer, montage op de zolder",
        prefix + "quantity": "2",
        prefix + "unit": "st",
        prefix + "unit_price": "1234,50",
        prefix + "discount_kind": "",
        prefix + "discount_value": "0",
        prefix + "vat_category": VatCategory.default().pk,
    }

    response = sales_client.post(f"/verkoop/offertes/{quote.pk}/regels/{line.pk}/", data)

    html = response.content.decode()
    assert response.status_code == 409
    unsaved = html.split("Niet opgeslagen: wat u typte", 1)[1].split("</section>", 1)[0]
    assert "Omvormer, montage op de zolder" in unsaved
    assert "1234,50" in unsaved
    assert VatCategory.default().name in unsaved  # the category by its name, not its number
    line.refresh_from_db()
    assert line.description != "Omvormer, montage op de zolder"


def test_a_line_added_on_a_replaced_version_is_not_added_to_the_new_one(
    sales_client: Client,
) -> None:
    quote = make_quote()
    version = shown_version(sales_client, quote)
    send(quote)
    second = services.new_version(quote)
    lines = second.lines.count()
    data = {
        "version": version, "group": "other", "kind": "provisional",
        "description": "Stelpost graafwerk", "quantity": "1", "unit": "st",
        "unit_price": "300", "discount_kind": "", "discount_value": "0",
        "vat_category": VatCategory.default().pk,
    }  # fmt: skip

    response = sales_client.post(f"/verkoop/offertes/{quote.pk}/regels/", data)

    assert response.status_code == 409
    assert "Stelpost graafwerk" in response.content.decode()
    assert second.lines.count() == lines


def test_deleting_a_line_of_a_replaced_version_says_why_nothing_happened(
    sales_client: Client,
) -> None:
    quote = make_quote()
    version = shown_version(sales_client, quote)
    first_line = quote.latest.lines.first()
    assert first_line is not None
    send(quote)
    second = services.new_version(quote)
    copy = second.lines.get(position=first_line.position)

    response = sales_client.post(
        f"/verkoop/offertes/{quote.pk}/regels/{copy.pk}/verwijderen/",
        {"version": version},
        follow=True,
    )

    assert "de regel is niet verwijderd" in response.content.decode()
    assert second.lines.filter(pk=copy.pk).exists()


def test_send_from_a_page_of_v1_does_not_send_the_v2_nobody_has_seen(
    sales_client: Client,
) -> None:
    quote = make_quote()
    version = shown_version(sales_client, quote)
    send(quote)
    second = services.new_version(quote)

    response = sales_client.post(
        f"/verkoop/offertes/{quote.pk}/versturen/", {"version": version}, follow=True
    )

    assert "bekijk die voordat u verstuurt" in response.content.decode()
    second.refresh_from_db()
    assert second.sent_at is None


@pytest.mark.parametrize("version", ["", "abc", "1\x00", "9" * 40])
def test_a_hostile_version_number_saves_nothing_and_answers_a_page(
    sales_client: Client, version: str
) -> None:
    quote = make_quote()
    response = sales_client.post(
        f"/verkoop/offertes/{quote.pk}/instellingen/", settings_typed(version)
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Dit formulier hoort niet bij versie" in html
    assert "Zoals besproken op de bouwplaats" in html  # kept, as typed
    quote.latest.refresh_from_db()
    assert "bouwplaats" not in quote.latest.introduction


def form_fields(html: str, action: str) -> dict[str, str]:
    """The hidden inputs of the form that posts to ``action``, as the browser would send them."""
    form = html.split(f'action="{action}"', 1)[1].split("</form>", 1)[0]
    return dict(re.findall(r'<input type="hidden" name="(version|seen)" value="([^"]*)"', form))


def test_two_sellers_on_one_draft_the_second_save_does_not_overwrite_the_first(
    sales_client: Client,
) -> None:
    quote = make_quote()
    colleague_user = User.objects.create_user("collega", "collega@example.nl", "x")
    colleague_user.groups.add(Group.objects.get(name="Verkoop"))
    colleague = Client()
    colleague.force_login(colleague_user)
    action = f"/verkoop/offertes/{quote.pk}/instellingen/"
    mine = form_fields(sales_client.get(f"/verkoop/offertes/{quote.pk}/").content.decode(), action)
    theirs = form_fields(colleague.get(f"/verkoop/offertes/{quote.pk}/").content.decode(), action)
    assert mine == theirs and len(mine["seen"]) == 20

    saved = colleague.post(action, settings_typed(theirs["version"]) | theirs | {
        "introduction": "Inleiding van de collega."
    })  # fmt: skip
    assert saved.status_code == 302

    response = sales_client.post(action, settings_typed(mine["version"]) | mine)
    html = response.content.decode()
    assert response.status_code == 409
    assert "Een collega heeft dit intussen gewijzigd" in html
    assert "Zoals besproken op de bouwplaats" in html  # what I typed, to carry over
    version = quote.latest
    assert version.introduction == "Inleiding van de collega."
    # The page now carries the colleague's state: saved from it, my edit goes in.
    again = form_fields(html, action)
    assert again["seen"] != mine["seen"]
    assert sales_client.post(action, settings_typed(again["version"]) | again).status_code == 302
    version.refresh_from_db()
    assert "bouwplaats" in version.introduction


def test_a_line_a_colleague_changed_meanwhile_is_not_overwritten(sales_client: Client) -> None:
    quote = make_quote()
    line = quote.latest.lines.first()
    assert line is not None
    action = f"/verkoop/offertes/{quote.pk}/regels/{line.pk}/"
    hidden = form_fields(
        sales_client.get(f"/verkoop/offertes/{quote.pk}/").content.decode(), action
    )
    theirs = line.unit_price + 100
    QuoteLine.objects.filter(pk=line.pk).update(unit_price=theirs)  # the colleague's change
    prefix = f"line{line.pk}-"
    data = hidden | {
        prefix + "group": line.group, prefix + "kind": line.kind,
        prefix + "description": "Mijn omschrijving", prefix + "quantity": "1",
        prefix + "unit": "st", prefix + "unit_price": "10", prefix + "discount_kind": "",
        prefix + "discount_value": "0", prefix + "vat_category": VatCategory.default().pk,
    }  # fmt: skip

    response = sales_client.post(action, data)

    assert response.status_code == 409
    assert "Mijn omschrijving" in response.content.decode()
    line.refresh_from_db()
    assert line.description != "Mijn omschrijving"
    assert line.unit_price == theirs


def test_saving_a_line_twice_from_the_refreshed_page_is_no_conflict(sales_client: Client) -> None:
    quote = make_quote()
    line = quote.latest.lines.first()
    assert line is not None
    action = f"/verkoop/offertes/{quote.pk}/regels/{line.pk}/"
    prefix = f"line{line.pk}-"
    for price in ("10", "20"):
        hidden = form_fields(
            sales_client.get(f"/verkoop/offertes/{quote.pk}/").content.decode(), action
        )
        data = hidden | {
            prefix + "group": line.group, prefix + "kind": line.kind,
            prefix + "description": line.description, prefix + "quantity": "1",
            prefix + "unit": "st", prefix + "unit_price": price, prefix + "discount_kind": "",
            prefix + "discount_value": "0", prefix + "vat_category": VatCategory.default().pk,
        }  # fmt: skip
        assert sales_client.post(action, data).status_code == 302
    line.refresh_from_db()
    assert line.unit_price == 20
