"""Stumbles a new installer met on a phone: early errors, lost choices, cut-off tables."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import assert_accessible, screenshot
from .wizard_pages import Walk

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

# Every cell's right edge must be inside the 375 px screen: nothing hidden off to the side.
CELLS_OFF_SCREEN = """(width) => [...document.querySelectorAll('table.stack td, table.stack th')]
    .filter(c => c.offsetParent !== null)
    .filter(c => {
        const r = c.getBoundingClientRect();
        return r.right > width + 0.5 || r.left < 0;
    })
    .map(c => c.textContent.trim().slice(0, 40))"""


def test_errors_wait_until_a_field_is_left_and_go_as_soon_as_it_is_valid(
    page: Any, site_url: str
) -> None:
    walk = Walk(page, site_url, "stumbles-errors")
    walk.start()
    walk.site("3x25")
    target = page.locator("#id_target_usable_kwh")
    target.fill("veel")
    expect(page.locator("#id_inverter_error")).to_be_empty()
    page.locator("#id_target_power_kw").focus()  # leave the field
    expect(page.locator("#id_target_usable_kwh_error")).not_to_be_empty()
    expect(page.locator("#id_inverter_error")).to_be_empty()  # not reached yet
    assert target.get_attribute("aria-invalid") == "true"
    target.fill("15")
    expect(page.locator("#id_target_usable_kwh_error")).to_be_empty()
    expect(target).not_to_have_attribute("aria-invalid", "true")
    assert_accessible(page, "stumbles/omvormer")
    walk.inverter("SMILE-G3-T10")
    # Submitting without a count shows the error; choosing a count takes it away at once.
    page.check('input[name=module][value="SMILE-G3-BAT-9.3S"]')
    expect(page.locator("#count-field input[name=count]").first).to_be_visible()
    page.locator("button[name=next]").click()
    expect(page.locator("#id_count_error")).to_contain_text("Kies het aantal modules.")
    page.locator('#count-field input[name=count][value="4"]').check()
    expect(page.locator("#live")).to_contain_text("Toegestaan")
    expect(page.locator("#id_count_error")).to_be_empty()
    expect(page.locator("#form-errors")).to_be_empty()
    screenshot(page, "stumbles-errors-batterij")


def test_switching_language_mid_step_keeps_the_choices(page: Any, site_url: str) -> None:
    walk = Walk(page, site_url, "stumbles-language")
    walk.start()
    walk.site("1x35")
    walk.inverter("SMILE-G3-S5")
    page.check('input[name=module][value="SMILE-G3-BAT-9.3S"]')
    page.locator('#count-field input[name=count][value="2"]').check()
    expect(page.locator("#battery-live")).to_contain_text("18,6 kWh")
    page.locator('.lang button[value="en"]').click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator('input[name=module][value="SMILE-G3-BAT-9.3S"]')).to_be_checked()
    expect(page.locator('#count-field input[name=count][value="2"]')).to_be_checked()
    expect(page.locator("#battery-live")).to_contain_text("18.6 kWh")
    expect(page.locator(".error:not(:empty)")).to_have_count(0)
    page.reload()
    expect(page.locator('#count-field input[name=count][value="2"]')).to_be_checked()
    assert_accessible(page, "stumbles/batterij-en")


def test_the_overview_shows_every_circuit_and_price_on_a_phone(page: Any, site_url: str) -> None:
    walk = Walk(page, site_url, "stumbles-phone")
    walk.start()
    walk.site("3x25")
    walk.inverter("SMILE-G3-T10")
    walk.battery("SMILE-G3-BAT-9.3S", 4, "37,2 kWh")
    walk.backup("backup_box")
    walk.new_board(6)
    walk.cabling("12", backup_length="5")
    assert page.viewport_size["width"] == 375
    assert page.evaluate(CELLS_OFF_SCREEN, 375) == []
    bom = page.locator(".bom tbody tr").first
    expect(bom.locator('td[data-label="Totaal"]')).to_contain_text("€")
    circuit = page.locator(".result-circuits tbody tr").first
    expect(circuit.locator('td[data-label="Kabel"]')).to_contain_text("mm²")
    cable = circuit.locator('td[data-label="Kabel"]')
    cable.scroll_into_view_if_needed()
    expect(cable).to_be_in_viewport(ratio=1)
    # The column name is on screen before each value, where the table header was.
    label = page.evaluate(
        "getComputedStyle(document.querySelector('.bom td[data-label]'), '::before').content"
    )
    assert label == '"Artikel"'
    screenshot(page, "stumbles-phone-overview")


def test_the_overview_keeps_its_tables_on_a_wide_screen(browser: Any, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    walk = Walk(page, site_url, "stumbles-desktop")
    walk.start()
    walk.site("1x35")
    walk.inverter("SMILE-G3-S5")
    walk.battery("SMILE-G3-BAT-9.3S", 2, "18,6 kWh")
    walk.backup("none")
    walk.new_board(4)
    walk.cabling("10")
    expect(page.locator(".bom thead")).to_be_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('.bom td')).display") == (
        "table-cell"
    )
    context.close()
