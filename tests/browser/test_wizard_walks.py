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


def test_a_single_phase_s3_6_with_a_distribution_unit_on_the_existing_board(
    page: Any, site_url: str
) -> None:
    walk = Walk(page, site_url, "a-s3-6-1x35")
    walk.start()
    page.wait_for_load_state("networkidle")
    first_load = page.evaluate(FIRST_LOAD_BYTES)
    assert first_load < 100_000, f"first page load is {first_load} bytes"
    walk.site("1x35", reference="Fam. de Vries")
    # three-phase inverters are shown, disabled, with the reason in one line
    t10 = page.locator('input[name=inverter][value="SMILE-G3-T10"]')
    expect(t10).to_be_disabled()
    expect(page.locator("#inv-smile-g3-t10-why")).to_contain_text("driefase-omvormer")
    # The S3.6 passes 7.36 kW through to the distribution unit: B32 fits 1 × 35 A (an S5
    # would need B50, larger than the main fuse).
    walk.inverter("SMILE-G3-S3.6")
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
    # a target ranks the cards live (htmx swaps the cards, the page stays)
    page.fill("#id_target_usable_kwh", "70")
    page.fill("#id_target_power_kw", "10")
    expect(page.locator(".card .best").first).to_contain_text("dichtst bij uw doel")
    # Leaving the kWh box previews at once and the power box 300 ms later: wait for the last.
    expect(page.locator("input[name=inverter]").first).to_have_attribute("value", "SMILE-G3-T10")
    walk.inverter("SMILE-G3-T10")
    walk.battery("SMILE-G3-BAT-9.3S", 8, "74,4 kWh")
    expect(page.locator("main")).to_contain_text("Noodstroom")
    walk.backup("backup_box", kit=True)
    walk.new_board(8)
    # Clipped direct (C) is for cable, not for VD wires: the walk picks YMvK first.
    walk.cabling("15", method="C", backup_length="3", cable_type="YMvK")
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
    walk.inverter("SMILE-G3-S3.6")
    walk.battery("SMILE-G3-BAT-9.3S", 2, "18.6 kWh")  # English number notation
    walk.backup("distribution_unit")
    walk.existing_board([3, 3], 6)
    walk.cabling("12.5", backup_length="4")
    main = page.locator("main")
    expect(main).to_contain_text("register it with the grid operator at energieleveren.nl")
    expect(main).to_contain_text("18.6 kWh")
    assert re.fullmatch(r"€\s[\d,]+\.\d\d", total_incl_vat(page))
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_the_wizard_works_with_the_keyboard_and_shows_where_the_focus_is(
    page: Any, site_url: str
) -> None:
    page.goto(f"{site_url}/wizard/aansluiting/")
    reached = set()
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => { const e = document.activeElement;
                 const style = getComputedStyle(e);
                 return [e.id || e.name || e.tagName, style.outlineStyle, style.outlineWidth]; }"""
        )
        reached.add(focused[0])
        if focused[0] not in {"BODY"}:
            assert focused[1] != "none" and focused[2] != "0px", f"no visible focus on {focused[0]}"
    for control in (
        "id_project_reference",
        "id_main_fuse",
        "id_earthing_2",
        "id_location_0",
        "id_min_ambient_c",
        "next",
    ):
        assert control in reached, control
    page.keyboard.press("Escape")
    page.focus("#id_main_fuse")
    page.select_option("#id_main_fuse", "3x25")
    page.locator("button[name=next]").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/wizard/omvormer/"))


def test_an_expired_session_mid_wizard_starts_clean_with_a_message(
    page: Any, site_url: str
) -> None:
    walk = Walk(page, site_url, "f-expired")
    walk.start()
    walk.site("1x35")
    page.check('input[name=inverter][value="SMILE-G3-S5"]')
    expect(page.locator("#live")).to_contain_text("SMILE-G3-S5")  # the live preview has landed
    # The session ends between the choice and Volgende; the CSRF cookie stays. Ending it before
    # the choice sends a live preview and the submit into two restarts at once, and on a busy
    # machine the page shown can be the one whose message the other request already consumed.
    page.context.clear_cookies(name="sessionid")
    page.locator("button[name=next]").click()
    page.wait_for_url(re.compile(r"/wizard/aansluiting/"))
    expect(page.locator(".messages")).to_contain_text("sessie was verlopen")
    screenshot(page, "f-expired-session")
