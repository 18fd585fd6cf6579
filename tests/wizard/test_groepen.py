"""Step 5, groepenkast: household groups described by name and kind, or just counted."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from keuzehulp.models import Configuration
from keuzehulp.wizard import draft as drafts
from sizing.schema import Board, HouseholdGroup

from .conftest import SITE, htmx, text, url, walk

pytestmark = pytest.mark.django_db

THREE_PHASE = {
    "aansluiting": {**SITE, "main_fuse": "3x25"},
    "omvormer": {"inverter": "SMILE-G3-T10"},
    "batterij": {"module": "SMILE-G3-BAT-9.3S", "count": "4"},
}


def rows(prefix: str, *groups: dict[str, str], total: int | None = None) -> dict[str, str]:
    """The posted rows of one list of groups, with the formset's counts as the page sends them."""
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(groups) if total is None else total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "60",
    }
    for i, group in enumerate(groups):
        data.update({f"{prefix}-{i}-{name}": value for name, value in group.items()})
    return data


def new_board(*groups: dict[str, str], describe: str = "list", **extra: str) -> dict[str, str]:
    return {
        "mode": "new",
        "household_circuits": str(len(groups)),
        "describe": describe,
        **rows("groups", *groups),
        **extra,
    }


def stored_board(client: Client) -> Board:
    draft = drafts.load(client.session)
    assert draft is not None and draft.board is not None
    request = draft.to_request()
    assert request is not None and request.board is not None
    assert request.board == draft.board.board  # what the engine gets
    return draft.board.board


KITCHEN = {"name": "Keuken", "kind": "cooking", "phases": "3"}
CHARGER = {"name": "Laadpaal oprit", "kind": "ev_charger", "phases": "3", "rating_a": "16"}
LIVING = {"name": "Woonkamer", "kind": "lighting_sockets", "backed_up": "on"}


def test_the_named_groups_of_a_new_board_reach_the_design_request_with_their_kinds(
    client: Client,
) -> None:
    walk(client, until="groepenkast", **THREE_PHASE)
    response = client.post(url("groepenkast"), new_board(KITCHEN, CHARGER, LIVING))
    assert response.status_code == 302, text(response)
    board = stored_board(client)
    assert board.household_circuits == 3
    assert board.household_groups == [
        HouseholdGroup(name="Keuken", kind="cooking", phases=3),
        HouseholdGroup(name="Laadpaal oprit", kind="ev_charger", phases=3, rating_a=16),
        HouseholdGroup(name="Woonkamer", kind="lighting_sockets", backed_up=True),
    ]


def test_just_a_number_stays_a_number_whatever_rows_the_page_still_holds(client: Client) -> None:
    walk(client, until="groepenkast")
    data = {**new_board(KITCHEN, LIVING, describe="count"), "household_circuits": "8"}
    response = client.post(url("groepenkast"), data)
    assert response.status_code == 302
    board = stored_board(client)
    assert board.household_circuits == 8 and board.household_groups == []


def test_an_existing_board_lists_its_groups_behind_each_rcd_in_board_order(
    client: Client,
) -> None:
    walk(client, until="groepenkast")
    data = {
        "mode": "existing",
        "describe": "list",
        "free_modules": "6",
        "rcd_1_groups": "2",
        "rcd_1_poles": "2P",
        "rcd_3_groups": "1",
        "rcd_3_poles": "2P",
        **rows("rcd1", {"name": "Keuken", "kind": "cooking"}, {"name": "Boven", "kind": "other"}),
        **rows("rcd3", {"name": "Wasmachine", "kind": "laundry"}),
    }
    response = client.post(url("groepenkast"), data)
    assert response.status_code == 302, text(response)
    board = stored_board(client)
    assert [r.groups for r in board.rcds] == [2, 1]
    assert [(g.name, g.kind) for g in board.household_groups] == [
        ("Keuken", "cooking"),
        ("Boven", "other"),
        ("Wasmachine", "laundry"),
    ]


def test_the_rows_of_an_existing_board_follow_the_count_of_each_rcd(client: Client) -> None:
    walk(client, until="groepenkast")
    data = {
        "mode": "existing",
        "describe": "list",
        "free_modules": "6",
        "rcd_1_groups": "3",
        "refresh": "1",
        **rows("rcd1", {"name": "Keuken", "kind": "cooking"}),
    }
    html = client.post(url("groepenkast"), data).content.decode()
    assert 'name="rcd1-TOTAL_FORMS" value="3"' in html
    assert 'name="rcd1-0-name" value="Keuken"' in html
    assert 'name="rcd1-2-kind"' in html


def test_op_noodstroom_is_only_offered_and_kept_with_a_backup_solution(client: Client) -> None:
    walk(client, until="groepenkast", noodstroom={"backup": "none"})
    page = client.get(url("groepenkast")).content.decode()
    assert "backed_up" not in page
    response = client.post(url("groepenkast"), new_board(LIVING))
    assert response.status_code == 302
    assert stored_board(client).household_groups[0].backed_up is False


def test_op_noodstroom_is_offered_per_group_with_the_backupbox(client: Client) -> None:
    walk(client, until="groepenkast")
    data = new_board(LIVING, describe="count", refresh="1")
    page = text(client.post(url("groepenkast"), data))
    assert "Op noodstroom" in page


def test_a_wrong_row_is_refused_in_that_row_with_the_values_kept(client: Client) -> None:
    walk(client, until="groepenkast", **THREE_PHASE)
    wrong = {"name": "Oprit", "kind": "ev_charger", "phases": "2", "rating_a": "99"}
    response = client.post(url("groepenkast"), new_board(KITCHEN, wrong))
    assert response.status_code == 200
    page = text(response)
    assert "Controleer de gemarkeerde groepen." in page
    assert "Een laadpaal is 1-fase of 3-fase." in page
    assert "Vul hoogstens 63 A in." in page
    html = response.content.decode()
    assert 'name="groups-1-name" value="Oprit"' in html and 'value="99"' in html
    assert 'id="id_groups-1-phases_error">Een laadpaal' in html
    assert drafts.load(client.session).board is None  # type: ignore[union-attr]


def test_a_name_with_control_characters_is_refused_not_stored(client: Client) -> None:
    walk(client, until="groepenkast")
    response = client.post(url("groepenkast"), new_board({"name": "Keu\x07ken"}))
    assert response.status_code == 200
    assert "De naam bevat onzichtbare stuurtekens (U+0007)" in text(response)


@pytest.mark.parametrize(
    "forged",
    [
        {"groups-TOTAL_FORMS": "abc"},
        {"groups-TOTAL_FORMS": "100000"},
        {"groups-TOTAL_FORMS": "-1"},
        {"groups-INITIAL_FORMS": ""},
    ],
)
def test_a_forged_list_of_groups_is_a_clear_error_not_a_server_error(
    client: Client, forged: dict[str, str]
) -> None:
    walk(client, until="groepenkast")
    response = client.post(url("groepenkast"), {**new_board(KITCHEN, LIVING), **forged})
    assert response.status_code == 200
    assert "De lijst met groepen kwam onvolledig of gewijzigd aan." in text(response)
    assert 'name="household_circuits" value="2"' in response.content.decode()


def test_a_count_that_is_no_number_gets_one_message_not_two(client: Client) -> None:
    walk(client, until="groepenkast")
    data = {**new_board(KITCHEN, LIVING, describe="count"), "household_circuits": "abc"}
    page = text(client.post(url("groepenkast"), data))
    assert "Voer een geheel getal in." in page
    assert "Vul het aantal eindgroepen in." not in page


def test_a_list_without_its_counts_is_a_clear_error(client: Client) -> None:
    walk(client, until="groepenkast")
    data = {"mode": "new", "describe": "list", "household_circuits": "2", "groups-0-name": "X"}
    response = client.post(url("groepenkast"), data)
    assert response.status_code == 200
    assert "De lijst met groepen kwam onvolledig of gewijzigd aan." in text(response)


def test_groep_toevoegen_adds_a_row_to_type_in_and_stores_nothing(client: Client) -> None:
    walk(client, until="groepenkast")
    response = client.post(url("groepenkast"), new_board(KITCHEN, LIVING, add_group="groups"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="household_circuits" value="3"' in html
    assert (
        'name="groups-2-name"' in html and "autofocus" in html.split('name="groups-2-name"')[1][:80]
    )
    assert drafts.load(client.session).board is None  # type: ignore[union-attr]


def test_verwijderen_takes_out_that_row_and_keeps_the_others(client: Client) -> None:
    walk(client, until="groepenkast", **THREE_PHASE)
    data = new_board(KITCHEN, CHARGER, LIVING, remove_group="groups-0")
    html = htmx(client, url("groepenkast"), data).content.decode()
    assert 'name="household_circuits" value="2"' in html
    assert 'name="groups-0-name" value="Laadpaal oprit"' in html
    assert 'name="groups-1-name" value="Woonkamer"' in html
    assert "Keuken" not in html
    response = client.post(url("groepenkast"), new_board(CHARGER, LIVING))
    assert response.status_code == 302
    assert [g.name for g in stored_board(client).household_groups] == [
        "Laadpaal oprit",
        "Woonkamer",
    ]


def test_switching_to_the_list_draws_as_many_rows_as_the_number(client: Client) -> None:
    walk(client, until="groepenkast")
    before = {"mode": "new", "describe": "count", "household_circuits": "4", **rows("groups")}
    signature = "new|False|0"
    live: dict[str, Any] = {**before, "describe": "list", "groups_for": signature}
    response = htmx(client, url("groepenkast") + "?live=1", live)
    html = response.content.decode()
    assert 'id="group-list" class="group-list" hx-swap-oob="true"' in html
    assert html.count('name="groups-') >= 4 * 3 and 'name="groups-3-kind"' in html


def test_a_live_redraw_keeps_the_rows_on_the_page_and_sends_only_new_ones_to_fill(
    client: Client,
) -> None:
    # The page's rows may hold what was typed after the preview was sent: the redraw marks them
    # to be kept as they are (hx-preserve) and says on each row's slot whether it counts.
    walk(client, until="groepenkast")
    live = {**new_board(KITCHEN, LIVING), "household_circuits": "1", "groups_for": "new|True|2"}
    html = htmx(client, url("groepenkast") + "?live=1", live).content.decode()
    assert 'id="row-groups-0" hx-preserve' in html and 'id="row-groups-1" hx-preserve' in html
    assert (
        '<div class="group-slot" hidden>\n    <fieldset class="group-row" id="row-groups-1"' in html
    )
    page = client.get(url("groepenkast")).content.decode()
    assert "hx-preserve" not in page  # a page or a row action draws every row afresh


def test_a_live_preview_sent_with_the_add_button_adds_no_row(client: Client) -> None:
    # htmx sends the button last clicked with the form's own preview; the row is the button's.
    walk(client, until="groepenkast")
    live = {**new_board(KITCHEN, LIVING), "groups_for": "new|True|2", "add_group": "groups"}
    html = htmx(client, url("groepenkast") + "?live=1", live).content.decode()
    assert 'id="group-list"' not in html  # same rows: nothing to redraw
    removed = {**live, "remove_group": "groups-0"}
    removed.pop("add_group")
    assert (
        'id="group-list"'
        not in htmx(client, url("groepenkast") + "?live=1", removed).content.decode()
    )
    back = client.get(url("groepenkast")).content.decode()
    assert 'value="Keuken"' in back and 'name="groups-2-name"' not in back


def test_the_phases_are_asked_only_on_a_three_phase_connection(client: Client) -> None:
    walk(client, until="groepenkast")
    page = client.post(url("groepenkast"), new_board(KITCHEN, refresh="1")).content.decode()
    assert "groups-0-phases" not in page
    response = client.post(url("groepenkast"), new_board(KITCHEN))
    assert response.status_code == 302
    assert stored_board(client).household_groups[0].phases is None


def test_the_listed_groups_are_saved_with_the_configuration_and_come_back(
    client: Client,
) -> None:
    walk(client, groepenkast=new_board(KITCHEN, LIVING, describe="list"))
    assert client.post("/wizard/opslaan/", {"action": "save"}).status_code == 302
    config = Configuration.objects.get()
    assert [g["name"] for g in config.request["board"]["household_groups"]] == [
        "Keuken",
        "Woonkamer",
    ]
    other = Client()
    other.post(f"/configuratie/{config.pk}/kopie/")
    html = other.get(url("groepenkast")).content.decode()
    assert 'name="groups-0-name" value="Keuken"' in html
    assert re.search(r'name="describe" value="list"[^>]*checked', html)


def test_a_reload_or_a_language_switch_keeps_the_groups_typed_so_far(client: Client) -> None:
    walk(client, until="groepenkast")
    htmx(client, url("groepenkast") + "?live=1", {**new_board(KITCHEN, LIVING), "touched": ""})
    client.post("/i18n/setlang/", {"language": "en", "next": url("groepenkast")})
    response = client.get(url("groepenkast"))
    html = response.content.decode()
    assert 'name="groups-0-name" value="Keuken"' in html
    assert 'name="groups-1-name" value="Woonkamer"' in html
    assert re.search(r'name="describe" value="list"[^>]*checked', html)
    assert "Name the circuits" in text(response)
    assert "Check the marked" not in text(response)


def test_groups_op_noodstroom_count_only_while_a_backup_solution_is_chosen(
    client: Client,
) -> None:
    walk(client, until="groepenkast")
    assert client.post(url("groepenkast"), new_board(LIVING)).status_code == 302
    client.post(url("noodstroom"), {"backup": "none"})
    draft = drafts.load(client.session)
    assert draft is not None and draft.to_request() is not None
    assert draft.to_request().board.household_groups[0].backed_up is False  # type: ignore[union-attr]
    client.post(url("noodstroom"), {"backup": "backup_box"})
    draft = drafts.load(client.session)
    assert draft.to_request().board.household_groups[0].backed_up is True  # type: ignore[union-attr]
