"""Step 5, groepenkast: the existing board (RCDs, free places) or a new one."""

from __future__ import annotations

import pytest
from django.test import Client

from keuzehulp.wizard import draft as drafts

from .conftest import text, url, walk

pytestmark = pytest.mark.django_db


def test_an_existing_board_without_any_rcd_is_refused_with_the_values_kept(client: Client) -> None:
    walk(client, until="groepenkast")
    response = client.post(url("groepenkast"), {"mode": "existing", "free_modules": "7"})
    assert response.status_code == 200
    assert "Vul bij minstens één aardlekschakelaar het aantal groepen in." in text(response)
    assert 'value="7"' in response.content.decode()


def test_an_existing_board_keeps_each_rcd_and_its_groups(client: Client) -> None:
    walk(client, until="groepenkast")
    response = client.post(
        url("groepenkast"),
        {
            "mode": "existing",
            "rcd_1_groups": "4",
            "rcd_1_poles": "2P",
            "rcd_3_groups": "2",
            "rcd_3_poles": "4P",
            "free_modules": "5",
        },
    )
    assert response.status_code == 302 and response["Location"] == url("bekabeling")
    draft = drafts.load(client.session)
    assert draft is not None and draft.board is not None
    board = draft.board.board
    assert [(r.groups, r.poles) for r in board.rcds] == [(4, "2P"), (2, "4P")]
    assert board.free_modules == 5


def test_a_new_board_needs_the_number_of_household_circuits(client: Client) -> None:
    walk(client, until="groepenkast")
    missing = client.post(url("groepenkast"), {"mode": "new"})
    assert missing.status_code == 200
    assert "Vul het aantal eindgroepen in." in text(missing)
    response = client.post(url("groepenkast"), {"mode": "new", "household_circuits": "8"})
    assert response.status_code == 302
    draft = drafts.load(client.session)
    assert draft is not None and draft.board is not None
    assert draft.board.board.mode == "new" and draft.board.board.household_circuits == 8


def test_negative_numbers_are_refused(client: Client) -> None:
    walk(client, until="groepenkast")
    response = client.post(url("groepenkast"), {"mode": "new", "household_circuits": "-3"})
    assert response.status_code == 200
    assert 'value="-3"' in response.content.decode()


EXISTING = {"mode": "existing", "rcd_1_groups": "4", "rcd_1_poles": "2P", "free_modules": "5"}


def test_the_main_rcd_ahead_of_the_board_reaches_the_design_and_its_selectivity_check(
    client: Client,
) -> None:
    answer = {**EXISTING, "main_rcd": "B", "main_rcd_ma": "300"}
    walk(client, groepenkast=answer)
    draft = drafts.load(client.session)
    assert draft is not None and draft.board is not None
    main = draft.board.board.main_rcd
    assert main is not None and (main.type, main.sensitivity_ma, main.selective) == (
        "B",
        300,
        False,
    )
    overview = text(client.get(url("overzicht")))
    # Not time-delayed: a fault behind a household RCD can trip the whole house.
    assert "niet selectief" in overview
    # The step shows what is stored when the installer comes back.
    again = client.get(url("groepenkast")).content.decode()
    assert 'value="B" selected' in again and 'value="300" selected' in again


def test_a_type_a_main_rcd_ahead_of_the_batterys_type_b_is_refused_with_the_reason(
    client: Client,
) -> None:
    walk(client, until="groepenkast")
    response = client.post(url("groepenkast"), {**EXISTING, "main_rcd": "A", "main_rcd_ma": "300"})
    assert response.status_code == 200
    assert "Gladde gelijkstroom kan de voorliggende type A verblinden" in text(response)
    assert 'value="A" selected' in response.content.decode()


def test_a_selective_main_rcd_is_kept_as_s_type(client: Client) -> None:
    walk(client, until="groepenkast")
    answer = {**EXISTING, "main_rcd": "B", "main_rcd_ma": "300", "main_rcd_selective": "on"}
    assert client.post(url("groepenkast"), answer).status_code == 302
    draft = drafts.load(client.session)
    assert draft is not None and draft.board is not None
    assert draft.board.board.main_rcd is not None and draft.board.board.main_rcd.selective


def test_no_main_rcd_leaves_the_board_without_one(client: Client) -> None:
    walk(client, until="groepenkast")
    assert client.post(url("groepenkast"), {**EXISTING, "main_rcd": ""}).status_code == 302
    draft = drafts.load(client.session)
    assert draft is not None and draft.board is not None
    assert draft.board.board.main_rcd is None


@pytest.mark.parametrize(("field", "value"), [("main_rcd", "Z"), ("main_rcd_ma", "7")])
def test_a_forged_main_rcd_is_refused_in_words_with_the_values_kept(
    client: Client, field: str, value: str
) -> None:
    walk(client, until="groepenkast")
    response = client.post(url("groepenkast"), {**EXISTING, "main_rcd": "B", field: value})
    assert response.status_code == 200
    assert "geldige keuze" in text(response)
    assert 'value="5"' in response.content.decode()
