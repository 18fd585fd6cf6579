"""An installer on a phone names the household groups of the groepenkast step."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import PHONE, assert_accessible, screenshot
from .wizard_pages import Walk

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def to_the_board(page: Any, site_url: str, name: str) -> Walk:
    walk = Walk(page, site_url, name)
    walk.start()
    walk.site("3x25")
    walk.inverter("SMILE-G3-T10")
    walk.battery("SMILE-G3-BAT-9.3S", 4, "37,2 kWh")
    walk.backup("backup_box")
    return walk


def kept_until(page: Any, *values: str) -> None:
    """Wait until the unsaved inputs the server keeps hold every value (the preview landed)."""
    for _attempt in range(100):
        cookie = next((c for c in page.context.cookies() if c["name"] == "kh_unsaved"), None)
        if cookie and all(value in cookie["value"] for value in values):
            return
        page.wait_for_timeout(200)
    raise AssertionError(f"the live preview never kept {values}")


def rows(page: Any) -> Any:
    return page.locator("#group-list .board-new .group-row:visible")


def test_an_installer_names_the_groups_of_a_new_board_on_a_phone(page: Any, site_url: str) -> None:
    walk = to_the_board(page, site_url, "groups-new")
    page.check('input[name=mode][value="new"]')
    page.fill("#id_household_circuits", "2")
    page.check('input[name=describe][value="list"]')
    expect(rows(page)).to_have_count(2)  # the number became two rows to fill in
    page.fill("#id_groups-0-name", "Keuken")
    page.select_option("#id_groups-0-kind", "cooking")
    phases = page.locator("#id_groups-0-phases")
    expect(phases).to_be_visible()  # a kookgroep: 2- or 3-phase
    expect(phases.locator('option[value="1"]')).to_be_disabled()
    phases.select_option("3")
    page.fill("#id_groups-1-name", "Oprit")
    page.select_option("#id_groups-1-kind", "ev_charger")
    page.locator("#id_groups-1-phases").select_option("3")
    page.fill("#id_groups-1-rating_a", "16")
    page.locator("#add-groups").click()
    expect(rows(page)).to_have_count(3)
    expect(page.locator("#id_groups-2-name")).to_be_focused()
    expect(page.locator("#id_household_circuits")).to_have_value("3")
    page.locator("#id_groups-2-name").fill("Woonkamer")
    expect(page.locator("#id_groups-2-phases")).to_be_hidden()  # lighting: no choice
    page.check("#id_groups-2-backed_up")
    expect(page.locator("#id_groups-0-name")).to_have_value("Keuken")  # kept through the add
    assert_accessible(page, "groups-new/groepenkast")
    screenshot(page, "groups-new-groepenkast")
    walk.next("bekabeling")
    expect(page.locator("#live")).to_contain_text("nieuw, 3 eindgroepen")
    walk.cabling("12", backup_length="5")
    circuits = page.locator(".result-circuits")
    for name in ("Keuken", "Oprit", "Woonkamer"):  # by group number, with the installer's name
        expect(circuits).to_contain_text(re.compile(rf"Groep \d+: {name}"))
    page.goto(f"{site_url}/wizard/groepenkast/")  # back: the stored groups come back
    expect(page.locator("#id_groups-1-name")).to_have_value("Oprit")
    expect(page.locator("#id_groups-1-kind")).to_have_value("ev_charger")
    expect(page.locator("#id_groups-2-backed_up")).to_be_checked()


def test_a_wrong_row_says_so_in_that_row_and_the_fast_path_keeps_the_list(
    page: Any, site_url: str
) -> None:
    to_the_board(page, site_url, "groups-errors")
    page.check('input[name=mode][value="new"]')
    page.fill("#id_household_circuits", "2")
    page.check('input[name=describe][value="list"]')
    expect(rows(page)).to_have_count(2)
    page.fill("#id_groups-0-name", "Sauna")
    page.fill("#id_groups-1-rating_a", "99")
    page.locator("button[name=next]").click()
    expect(page.locator("#id_groups-1-rating_a_error")).to_contain_text("63")
    expect(page.locator("#id_groups-0-name_error")).to_be_empty()
    page.fill("#id_groups-1-rating_a", "20")
    expect(page.locator("#id_groups-1-rating_a_error")).to_be_empty()
    # Just a number after all, and back: nothing typed is lost.
    page.check('input[name=describe][value="count"]')
    expect(page.locator("#group-list")).to_be_hidden()
    page.check('input[name=describe][value="list"]')
    expect(page.locator("#id_groups-0-name")).to_have_value("Sauna")
    assert_accessible(page, "groups-errors/groepenkast")


def test_switching_language_on_the_board_step_keeps_the_groups(page: Any, site_url: str) -> None:
    to_the_board(page, site_url, "groups-language")
    page.check('input[name=mode][value="existing"]')
    page.fill("#id_rcd_1_groups", "2")
    page.fill("#id_free_modules", "6")
    page.check('input[name=describe][value="list"]')
    behind_first = page.locator("#group-list .board-existing .group-row:visible")
    expect(behind_first).to_have_count(2)
    page.fill("#id_rcd1-0-name", "Keuken")
    page.select_option("#id_rcd1-1-kind", "laundry")
    kept_until(page, "Keuken", "laundry")  # the live preview has sent the last input
    page.locator('.lang button[value="en"]').click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("#id_rcd1-0-name")).to_have_value("Keuken")
    expect(page.locator("#id_rcd1-1-kind")).to_have_value("laundry")
    expect(page.locator('input[name=describe][value="list"]')).to_be_checked()
    expect(page.locator("#group-list")).to_contain_text("Behind RCD 1")
    expect(page.locator(".error:not(:empty)")).to_have_count(0)
    assert_accessible(page, "groups-language/groepenkast-en")


def test_without_javascript_a_row_is_added_with_a_plain_submit(browser: Any, site_url: str) -> None:
    context = browser.new_context(**PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/wizard/aansluiting/")
    page.select_option("#id_main_fuse", "1x35")
    page.locator("button[name=next]").click()
    page.check('input[name=inverter][value="SMILE-G3-S5"]')
    page.locator("button[name=next]").click()
    page.check('input[name=module][value="SMILE-G3-BAT-9.3S"]')
    page.locator("button[name=refresh]").click()
    page.locator('input[name=count][value="2"]').check()
    page.locator("button[name=next]").click()
    page.check('input[name=backup][value="none"]')
    page.locator("button[name=next]").click()
    page.wait_for_url(re.compile(r"/wizard/groepenkast/"))
    page.check('input[name=mode][value="new"]')
    page.check('input[name=describe][value="list"]')
    page.locator("#add-groups").click()
    page.fill("#id_groups-0-name", "Keuken")
    page.locator("#add-groups").click()
    expect(page.locator("#id_household_circuits")).to_have_value("2")
    expect(page.locator("#id_groups-0-name")).to_have_value("Keuken")
    expect(page.locator("#id_groups-1-name")).to_be_visible()
    assert page.locator("[name$=backed_up]").count() == 0  # no backup chosen
    page.locator("button[name=next]").click()
    page.wait_for_url(re.compile(r"/wizard/bekabeling/"))
    context.close()
