"""Mijn ontwerpen on a phone: a saved design is on the home page, found, renamed, reopened."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import assert_accessible, screenshot
from .wizard_pages import Walk

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_a_saved_design_is_listed_renamed_and_opened_from_the_home_page(
    page: Any, site_url: str
) -> None:
    walk = Walk(page, site_url, "my-designs")
    walk.start()
    walk.site("1x35", reference="Kerkstraat 3")
    walk.inverter("SMILE-G3-S5")
    walk.battery("SMILE-G3-BAT-9.3S", 2, "18,6 kWh")
    walk.backup("none")
    walk.new_board(4)
    walk.cabling("10")
    saved = walk.save()

    page.goto(f"{site_url}/")
    mine = page.locator("#mijn-ontwerpen")
    expect(mine.locator(".design-name")).to_have_text("Kerkstraat 3")
    expect(mine).to_contain_text("SMILE-G3-S5 · 2 × BAT-9.3S")
    assert_accessible(page, "my-designs/home")

    mine.locator(".rename summary").click()
    mine.locator("input[name=name]").fill("Jansen, met warmtepomp")
    mine.locator(".rename button[type=submit]").click()
    expect(mine.locator(".design-name")).to_have_text("Jansen, met warmtepomp")
    expect(mine).to_contain_text("Kerkstraat 3")  # the project reference stays

    page.fill("#design-search", "zandpad")
    page.locator("#mijn-ontwerpen form[role=search] button").click()
    expect(mine).to_contain_text("Geen ontwerp gevonden")
    page.fill("#design-search", "jansen")
    page.locator("#mijn-ontwerpen form[role=search] button").click()
    expect(mine.locator(".design-name")).to_have_count(1)
    screenshot(page, "my-designs-home")
    assert_accessible(page, "my-designs/search")

    mine.locator(".design-name").click()
    page.wait_for_url(saved)
    expect(page.locator("main")).to_contain_text("2 × SMILE-G3-BAT-9.3S")
