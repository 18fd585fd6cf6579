"""Pages outside the wizard, at phone width: the home page and the price list login."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import assert_accessible, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_the_home_page_is_accessible_and_lists_the_range_at_phone_width(
    page: Any, site_url: str
) -> None:
    page.goto(site_url + "/")
    assert page.locator("table.range tbody tr").count() == 13
    # The model codes stay whole; the table scrolls sideways instead of squeezing them.
    lines = page.locator('th[scope="row"]', has_text="SMILE-G3-S3.6").evaluate(
        "th => { const r = document.createRange(); r.selectNodeContents(th);"
        " return new Set([...r.getClientRects()].map(rect => Math.round(rect.top))).size; }"
    )
    assert lines == 1
    screenshot(page, "home")
    assert_accessible(page, "home")
    page.get_by_role("button", name="EN").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", name="Inverters").is_visible()
    assert_accessible(page, "home (en)")


def test_the_login_page_is_accessible(page: Any, site_url: str) -> None:
    page.goto(site_url + "/prijslijst/")
    assert "/inloggen/" in page.url
    assert page.get_by_label("Gebruikersnaam").is_visible()
    assert_accessible(page, "login")
