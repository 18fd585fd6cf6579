"""The installer who does not know what to pick: 15 kWh on 3×25 A, on a phone."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import assert_accessible, screenshot
from .wizard_pages import Walk

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_fifteen_kwh_on_3x25_takes_the_recommendation_to_the_overview(
    page: Any, site_url: str
) -> None:
    walk = Walk(page, site_url, "recommend-15kwh")
    walk.start()
    walk.site("3x25")
    page.fill("#id_target_usable_kwh", "15")
    box = page.locator(".recommendation")
    expect(box).to_contain_text("Aanbevolen voor uw doel")
    expect(box).to_contain_text("het dichtst bij uw doel van 15 kWh")
    expect(box.locator(".rec-reasons li")).to_have_count(4)
    expect(page.locator(".card .trade-off").first).to_be_visible()
    assert_accessible(page, "recommend/omvormer")
    screenshot(page, "recommend-omvormer")
    system = box.locator(".rec-system").inner_text()
    box.locator("button[name=recommended]").click()
    page.wait_for_url(re.compile(r"/wizard/batterij/"))
    # module and count arrive pre-selected, the capacity shows, and they can still change
    expect(page.locator("input[name=module]:checked")).to_have_count(1)
    expect(page.locator("#count-field input[name=count]:checked")).to_have_count(1)
    module = page.locator("input[name=module]:checked").get_attribute("value")
    count = page.locator("#count-field input[name=count]:checked").get_attribute("value")
    assert f"{count} × {module.removeprefix('SMILE-G3-')}" in system
    expect(page.locator("#battery-live")).to_contain_text("kWh")
    walk.check_page("batterij")
    walk.next("noodstroom")
    walk.backup("none")
    walk.new_board(6)
    walk.cabling("12")
    expect(page.locator("main")).to_contain_text(f"{count} × {module}")


def test_enter_in_the_target_box_is_volgende_not_the_recommendation(
    page: Any, site_url: str
) -> None:
    walk = Walk(page, site_url, "recommend-enter")
    walk.start()
    walk.site("3x25")
    page.fill("#id_target_usable_kwh", "15")
    expect(page.locator(".recommendation")).to_be_visible()
    page.locator("#id_target_usable_kwh").press("Enter")
    expect(page.locator("#id_inverter_error")).to_contain_text("Kies een omvormer.")
    assert "/wizard/omvormer/" in page.url
