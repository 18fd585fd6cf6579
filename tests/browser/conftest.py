"""Playwright in Debian's headless Chromium against pytest-django's live server.

The live server makes every browser test transactional, which empties the
database after each test; the seeded catalogue (and anything else a test
after these relies on) is put back from a snapshot taken before the first.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # sync Playwright inside pytest-django

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
# A Dutch installer's phone: the Accept-Language header decides the first language shown.
PHONE = {
    "viewport": {"width": 375, "height": 812},
    "has_touch": True,
    "is_mobile": True,
    "locale": "nl-NL",
}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (make test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def _database_snapshot(django_db_setup: Any, django_db_blocker: Any) -> Iterator[str]:
    from django.db import connection

    with django_db_blocker.unblock():
        data = connection.creation.serialize_db_to_string()
    yield data
    with django_db_blocker.unblock():
        _restore(data)


def _restore(data: str) -> None:
    from django.core.management import call_command
    from django.db import connection

    from catalog.models import Inverter

    if Inverter.objects.exists():
        return
    # The flush after a transactional test re-creates content types and permissions with new
    # ids; clear them too, so the snapshot goes back exactly as it was.
    call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)
    connection.creation.deserialize_db_from_string(data)
    if not Inverter.objects.exists():
        call_command("seed_catalog", "--force", verbosity=0)


@pytest.fixture
def site_url(_database_snapshot: str, live_server: Any) -> str:
    """The live server's address, with the catalogue in its database."""
    from keuzehulp.wizard import options

    _restore(_database_snapshot)
    options.clear_cache()
    return str(live_server.url)


def policy_refusals(tab: Any) -> list[str]:
    """What the Content-Security-Policy refuses in ``tab`` from now on, as it happens.

    Anything it refuses (an inline style htmx injects, an inline handler) is a silent
    breakage, so every walk asserts this list stays empty.
    """
    refused: list[str] = []
    tab.on(
        "console",
        lambda message: (
            refused.append(f"{tab.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return refused


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(**PHONE)
    context.set_default_timeout(15_000)
    tab = context.new_page()
    refused = policy_refusals(tab)
    yield tab
    context.close()
    assert not refused, refused


def screenshot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def assert_accessible(page: Any, where: str) -> None:
    """axe-core: no serious or critical violations."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']} – "
        + "; ".join(n["target"][0] for n in v["nodes"][:3])
        for v in results.response["violations"]
        if v.get("impact") in {"serious", "critical"}
    ]
    assert not bad, f"{where}: " + " | ".join(bad)
