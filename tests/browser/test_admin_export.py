"""The catalogue admin's export page in headless Chromium, under the site's strict CSP.

django-import-export's "select all" toggle runs its handler from an inline onchange attribute,
which the policy refuses; the toggle silently did nothing until a static script bound it. The
refused attribute is still reported when the page loads: the library's template writes it.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

PASSWORD = "Catalogus-beheer-42"


def test_the_select_all_toggle_of_the_export_page_works_under_the_policy(
    browser: Any, site_url: str
) -> None:
    from django.contrib.auth.models import User

    User.objects.create_superuser("beheer", "beheer@vekto.example", PASSWORD)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    tab = context.new_page()
    refused: list[str] = []
    tab.on(
        "console",
        lambda message: (
            refused.append(message.text.split(" violates")[0])
            if "Content Security Policy" in message.text
            else None
        ),
    )
    tab.goto(f"{site_url}/admin/login/?next=/admin/catalog/inverter/export/")
    tab.locator("#id_username").fill("beheer")
    tab.locator("#id_password").fill(PASSWORD)
    tab.locator("input[type=submit]").click()
    tab.wait_for_url(re.compile(r"/admin/catalog/inverter/export/$"))
    fields = tab.locator(".selectable-field-export-row input[type=checkbox]")
    assert fields.count() > 10
    expect(fields.first).to_be_checked()

    tab.locator("input.select-toggle").uncheck()
    assert [fields.nth(i).is_checked() for i in range(fields.count())] == [False] * fields.count()
    tab.locator("input.select-toggle").check()
    assert all(fields.nth(i).is_checked() for i in range(fields.count()))
    # What the policy refuses on this page is the library's markup, and only that: its two style
    # attributes (a bold label, no padding) and the handler attribute the script replaces.
    assert sorted(refused) == [
        "Applying inline style",
        "Applying inline style",
        "Executing inline event handler",
    ]
    context.close()
