"""The whole wizard in headless Chromium at phone width, with axe on every step.

Screenshots of every step land in artifacts/screenshots/ (a test artefact, gitignored).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import PHONE, assert_accessible, screenshot
from .wizard_pages import Walk

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


# Bytes over the wire for the page and everything it loaded (HTML, CSS, JS).
FIRST_LOAD_BYTES = """() => [...performance.getEntriesByType('navigation'),
    ...performance.getEntriesByType('resource')]
    .reduce((sum, e) => sum + (e.transferSize || e.encodedBodySize || 0), 0)"""


def total_incl_vat(page: Any) -> str:
    return str(page.locator(".bom tfoot .grand td").inner_text())


def test_a_single_phase_s5_with_a_distribution_unit_on_the_existing_board(
    page: Any, site_url: str
) -> None:
    walk = Walk(page, site_url, "a-s5-1x35")
    walk.start()
    page.wait_for_load_state("networkidle")
    first_load = page.evaluate(FIRST_LOAD_BYTES)
    assert first_load < 100_000, f"first page load is {first_load} bytes"
    walk.site("1x35", reference="Fam. de Vries")
    # three-phase inverters are shown, disabled, with the reason in one line
    t10 = page.locator('input[name=inverter][value="SMILE-G3-T10"]')
    expect(t10).to_be_disabled()
    expect(page.locator("#inv-smile-g3-t10-why")).to_contain_text("driefase-omvormer")
    walk.inverter("SMILE-G3-S5")
    walk.battery("SMILE-G3-BAT-9.3S", 2, "18,6 kWh")
    walk.backup("distribution_unit")
    walk.existing_board([3, 3], 6)
    walk.cabling("12,5", backup_length="4")
    overview = page.locator("main")
    expect(overview).to_contain_text("2 × SMILE-G3-BAT-9.3S")
    expect(overview).to_contain_text("Noodstroom verdeelunit 1 fase IP54 2 meter")
    expect(overview).to_contain_text("Netpoort omvormer naar groepenkast")
    assert re.fullmatch(r"€\s[\d.]+,\d\d", total_incl_vat(page))
    # the calculation of a circuit opens on demand
    trace = page.locator(".trace-row details").first
    trace.locator("summary").click()
    expect(trace.locator(".trace")).to_be_visible()
    walk.save()
    expect(page.locator("#unchanged")).to_be_visible()


def test_a_t10_with_eight_modules_and_a_backup_box_on_a_new_board_shared_with_a_colleague(
    page: Any, browser: Any, site_url: str
) -> None:
    walk = Walk(page, site_url, "b-t10-3x25")
    walk.start()
    walk.site("3x25")
    walk.inverter("SMILE-G3-T10")
    walk.battery("SMILE-G3-BAT-9.3S", 8, "74,4 kWh")
    expect(page.locator("main")).to_contain_text("Noodstroom")
    walk.backup("backup_box", kit=True)
    walk.new_board(8)
    walk.cabling("15", method="C", backup_length="3")
    expect(page.locator("main")).to_contain_text("8 × SMILE-G3-BAT-9.3S")
    expect(page.locator("main")).to_contain_text("4 + 4")  # two clusters
    total = total_incl_vat(page)
    shared = walk.save(share=True)

    # (d) the share link in a fresh browser context: same result, read-only
    colleague = browser.new_context(**PHONE)
    other = colleague.new_page()
    other.goto(shared)
    expect(other.locator("#unchanged")).to_be_visible()
    assert total_incl_vat(other) == total
    expect(other.locator("main")).to_contain_text("AlphaESS BackupBox 63A BB Plus")
    assert other.locator("input[name=inverter]").count() == 0
    assert_accessible(other, "d-shared")
    screenshot(other, "d-shared-link")
    colleague.close()


def test_outdoors_the_indoor_module_is_refused_and_the_installer_takes_the_9_3(
    page: Any, site_url: str
) -> None:
    walk = Walk(page, site_url, "c-outdoor")
    walk.start()
    walk.site("1x40", outdoor=True, min_temp="-15")
    walk.inverter("SMILE-G3-S5")
    refused = page.locator('input[name=module][value="SMILE-G3-BAT-3.8S"]')
    expect(refused).to_be_disabled()
    expect(page.locator("#mod-smile-g3-bat-38s-why")).to_contain_text("IP21")
    expect(page.locator("#mod-smile-g3-bat-38s-why")).to_contain_text("alleen binnen")
    screenshot(page, "c-outdoor-3-refused")
    page.check('input[name=module][value="SMILE-G3-BAT-4.5S"]')
    expect(page.locator('#count-field input[name=count][value="4"]')).to_be_visible()
    walk.battery("SMILE-G3-BAT-9.3S", 2, "18,6 kWh")
    walk.backup("none")
    walk.existing_board([4], 4)
    walk.cabling("8")
    expect(page.locator("main")).to_contain_text("2 × SMILE-G3-BAT-9.3S")


def test_the_same_walk_in_english(page: Any, site_url: str) -> None:
    walk = Walk(page, site_url, "e-english")
    walk.start()
    page.locator('.lang button[value="en"]').click()
    page.wait_for_load_state("load")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    walk.site("1x35")
    walk.inverter("SMILE-G3-S5")
    walk.battery("SMILE-G3-BAT-9.3S", 2, "18.6 kWh")  # English number notation
    walk.backup("distribution_unit")
    walk.existing_board([3, 3], 6)
    walk.cabling("12.5", backup_length="4")
    main = page.locator("main")
    expect(main).to_contain_text("register it with the grid operator at energieleveren.nl")
    expect(main).to_contain_text("18.6 kWh")
    assert re.fullmatch(r"€\s[\d,]+\.\d\d", total_incl_vat(page))
    expect(page.locator("html")).to_have_attribute("lang", "en")
