"""Step 4, noodstroom: none, distribution unit or BackupBox, each explained; the shutdown kit."""

from __future__ import annotations

import pytest
from django.test import Client

from keuzehulp.wizard import draft as drafts

from .conftest import htmx, text, url, walk

pytestmark = pytest.mark.django_db


def test_the_three_choices_are_explained_from_the_catalogue(client: Client) -> None:
    walk(client, until="noodstroom")
    page = text(client.get(url("noodstroom")))
    assert "Geen noodstroom" in page
    assert "Noodstroom zonder BackupBox: sluit aan op de backup-poort" in page
    assert "schakelt bij stroomuitval binnen 10 ms over" in page
    assert "Noodstroom verdeelunit 1 fase IP54 2 meter" in page  # the single-phase article
    assert "spanningsloos" in page  # the shutdown kit


def test_a_backup_box_with_the_kit_advances_and_is_kept(client: Client) -> None:
    walk(client, until="noodstroom")
    response = client.post(url("noodstroom"), {"backup": "backup_box", "shutdown_kit": "on"})
    assert response.status_code == 302 and response["Location"] == url("groepenkast")
    draft = drafts.load(client.session)
    assert draft is not None and draft.backup is not None
    assert draft.backup.backup == "backup_box" and draft.backup.shutdown_kit
    back = client.get(url("noodstroom")).content.decode()
    assert 'value="backup_box"' in back and "checked" in back


def test_an_unknown_choice_re_renders_with_a_message(client: Client) -> None:
    walk(client, until="noodstroom")
    response = client.post(url("noodstroom"), {"backup": "generator"})
    assert response.status_code == 200
    assert "geldige keuze" in text(response)


def test_the_live_summary_prices_the_backup_choice(client: Client) -> None:
    walk(client, until="noodstroom")
    response = htmx(client, url("noodstroom") + "?live=1", {"backup": "distribution_unit"})
    assert "<html" not in response.content.decode()
    assert "noodstroom verdeelunit" in text(response)
