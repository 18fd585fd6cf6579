"""The test report on a phone (375 px): filled in on site, judged as typed, finalised."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import assert_accessible, screenshot
from .wizard_pages import Walk

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

TYPICAL = {"t1_ms": "24", "t5_ms": "12", "riso_mohm": ">999", "zs_ohm": "0,35"}


def test_an_installer_fills_in_the_test_report_on_a_phone_and_finalises_it(
    page: Any, site_url: str
) -> None:
    walk = Walk(page, site_url, "report")
    walk.start()
    walk.site("1x35", reference="Kerkstraat 3")
    walk.inverter("SMILE-G3-S5")
    walk.battery("SMILE-G3-BAT-9.3S", 2, "18,6 kWh")
    walk.backup("none")
    walk.new_board(4)
    walk.cabling("10")
    walk.save()

    page.get_by_role("link", name="Meetrapport invullen of bekijken").click()
    page.wait_for_url(re.compile(r"/meetrapport/$"))
    expect(page.locator("h1")).to_contain_text("Meetrapport")

    # A trip time over its limit is judged while typing, before anything is saved.
    page.fill("#id_rcd-0-t1_ms", "412")
    expect(page.locator("#v-rcd-0-t1_ms")).to_contain_text("voldoet niet")
    expect(page.locator("#verdict-summary")).to_contain_text("gemeten 412 ms, eis ≤ 300 ms")
    page.fill("#id_rcd-0-t1_ms", "24")
    expect(page.locator("#v-rcd-0-t1_ms")).to_contain_text("✓ voldoet")

    page.fill("#id_measured_by", "J. Jansen")
    page.fill("#id_measured_on", "2026-11-30")
    page.fill("#id_instrument_model", "Fluke 1664 FC")
    page.fill("#id_instrument_serial", "SN-4471")
    for field in page.locator("input[inputmode=decimal]").all():
        name = field.get_attribute("name") or ""
        if name.endswith("trip_ma"):
            limit = field.locator("xpath=preceding-sibling::p[1]//span[@class='limit']")
            low, high = re.findall(r"[\d,]+", limit.inner_text())[:2]
            middle = (float(low.replace(",", ".")) + float(high.replace(",", "."))) / 2
            field.fill(f"{middle:g}".replace(".", ","))
        elif name == "ems_kw":
            field.fill("0")
        else:
            field.fill(TYPICAL.get(name.rsplit("-", 1)[-1], "1"))
    expect(page.locator("#verdict-summary")).to_contain_text("Alle metingen voldoen")

    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the page scrolls sideways at 375 px ({width} px)"
    finish = page.get_by_role("button", name="Afronden")
    box = finish.bounding_box()
    assert box is not None and box["height"] >= 44  # a touch target
    assert_accessible(page, "report/form")
    screenshot(page, "report-form")

    finish.click()
    page.wait_for_url(re.compile(r"/meetrapport/1/$"))
    expect(page.locator(".report-verdict")).to_contain_text("Alle metingen voldoen")
    expect(page.locator("main")).to_contain_text("0,35 Ω")
    expect(page.locator("main")).to_contain_text("SN-4471")
    assert_accessible(page, "report/revision")
    screenshot(page, "report-revision")
