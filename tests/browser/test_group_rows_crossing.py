"""The group rows keep what an installer types while an answer from the server is on its way.

Each walk holds one answer back (Playwright's router), types, and only then lets it land: the
crossing happens every run, not when the machine happens to be slow.
"""

from __future__ import annotations

import contextlib
from typing import Any

import pytest
from playwright.sync_api import Error, expect

from .test_household_groups import kept_until, rows, to_the_board

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

BOARD = "**/wizard/groepenkast/"
PREVIEW = "**/wizard/groepenkast/?live=1"


class Held:
    """The first request to ``url`` from now on, answered by the server but held in the browser."""

    def __init__(self, page: Any, url: str) -> None:
        self.page, self.url, self.routes = page, url, []
        page.route(url, self.hold, times=1)

    def hold(self, route: Any) -> None:
        self.routes.append(route)

    def answered(self) -> Any:
        for _attempt in range(100):
            if self.routes:
                return self.routes[0].fetch()
            self.page.wait_for_timeout(100)
        raise AssertionError(f"the page never sent {self.url}")

    def land(self, answer: Any) -> None:
        with contextlib.suppress(Error):  # the page gave up on it: nothing to land
            self.routes[0].fulfill(response=answer)


def a_list_of_two(page: Any, site_url: str, name: str) -> None:
    to_the_board(page, site_url, name)
    page.check('input[name=mode][value="new"]')
    page.fill("#id_household_circuits", "2")
    page.check('input[name=describe][value="list"]')
    expect(rows(page)).to_have_count(2)


def test_a_name_typed_while_a_new_number_of_rows_is_on_its_way_is_kept(
    page: Any, site_url: str
) -> None:
    a_list_of_two(page, site_url, "crossing-preview")
    preview = Held(page, PREVIEW)
    page.fill("#id_household_circuits", "3")
    answer = preview.answered()  # three rows, drawn from what was sent before the typing below
    page.fill("#id_groups-0-name", "Keuken")
    preview.land(answer)
    expect(rows(page)).to_have_count(3)
    expect(page.locator("#id_groups-0-name")).to_have_value("Keuken")
    expect(page.locator("#id_groups-0-name")).to_be_focused()
    kept_until(page, "Keuken")


def test_a_kookgroep_chosen_while_the_preview_is_on_its_way_keeps_its_phases(
    page: Any, site_url: str
) -> None:
    a_list_of_two(page, site_url, "crossing-kind")
    preview = Held(page, PREVIEW)
    page.fill("#id_household_circuits", "3")
    answer = preview.answered()
    page.select_option("#id_groups-1-kind", "cooking")
    preview.land(answer)
    expect(rows(page)).to_have_count(3)
    expect(page.locator("#id_groups-1-kind")).to_have_value("cooking")
    phases = page.locator("#id_groups-1-phases")
    expect(phases).to_be_visible()
    expect(phases.locator('option[value="1"]')).to_be_disabled()
    phases.select_option("2")
    kept_until(page, "cooking")


def test_typing_fast_across_groep_toevoegen_loses_neither_the_row_nor_the_text(
    page: Any, site_url: str
) -> None:
    a_list_of_two(page, site_url, "crossing-add")
    page.fill("#id_groups-0-name", "Keuken")
    page.locator("#add-groups").click()  # before the preview of "Keuken" has gone out
    expect(rows(page)).to_have_count(3)
    expect(page.locator("#id_household_circuits")).to_have_value("3")
    expect(page.locator("#id_groups-0-name")).to_have_value("Keuken")
    # And typing while the added row is still on its way.
    action = Held(page, BOARD)
    page.locator("#add-groups").click()
    answer = action.answered()
    page.fill("#id_groups-1-name", "Oprit")
    action.land(answer)
    expect(rows(page)).to_have_count(4)
    expect(page.locator("#id_groups-3-name")).to_be_focused()
    expect(page.locator("#id_groups-1-name")).to_have_value("Oprit")
    kept_until(page, "Keuken", "Oprit")


def test_a_name_typed_below_a_row_being_removed_moves_up_with_its_row(
    page: Any, site_url: str
) -> None:
    a_list_of_two(page, site_url, "crossing-remove")
    page.fill("#id_groups-0-name", "Zolder")
    kept_until(page, "Zolder")
    action = Held(page, BOARD)
    page.locator('button[name=remove_group][value="groups-0"]').click()
    answer = action.answered()
    page.fill("#id_groups-1-name", "Garage")
    action.land(answer)
    expect(rows(page)).to_have_count(1)
    expect(page.locator("#id_household_circuits")).to_have_value("1")
    expect(page.locator("#id_groups-0-name")).to_have_value("Garage")
    kept_until(page, "Garage")
