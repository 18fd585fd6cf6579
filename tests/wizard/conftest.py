"""Wizard test helpers: valid answers per step and a walk up to any step."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from keuzehulp.wizard import options

SITE = {
    "project_reference": "Fam. de Vries",
    "main_fuse": "1x35",
    "earthing": "TN-C-S",
    "pv": "none",
    "pv_phase": "L1",
    "location": "indoor",
    "min_ambient_c": "",
}
INVERTER = {"inverter": "SMILE-G3-S5"}
BATTERY = {"module": "SMILE-G3-BAT-9.3S", "count": "2"}
BACKUP = {"backup": "backup_box"}
BOARD = {
    "mode": "existing",
    "rcd_1_groups": "3",
    "rcd_1_poles": "2P",
    "rcd_2_groups": "3",
    "rcd_2_poles": "2P",
    "free_modules": "6",
}


def cable(run: str, length: str = "12") -> dict[str, str]:
    return {
        f"{run}_length_m": length,
        f"{run}_method": "B1",
        f"{run}_cable_type": "VD",
        f"{run}_ambient_c": "30",
        f"{run}_grouped_circuits": "1",
    }


CABLING = {
    "max_voltage_drop_pct": "1",
    **cable("ac"),
    "backup_own_cable": "on",
    **cable("backup", "5"),
}

ANSWERS: list[tuple[str, dict[str, str]]] = [
    ("aansluiting", SITE),
    ("omvormer", INVERTER),
    ("batterij", BATTERY),
    ("noodstroom", BACKUP),
    ("groepenkast", BOARD),
    ("bekabeling", CABLING),
]


def url(slug: str) -> str:
    return f"/wizard/{slug}/"


def walk(client: Client, until: str | None = None, **overrides: dict[str, str]) -> None:
    """Answer every step before ``until`` (all steps when None) with valid answers."""
    for slug, data in ANSWERS:
        if slug == until:
            return
        response = client.post(url(slug), {**data, **overrides.get(slug, {})})
        assert response.status_code == 302, (slug, response.content.decode()[:3000])


def htmx(client: Client, path: str, data: dict[str, Any] | None = None) -> Any:
    if data is None:
        return client.get(path, HTTP_HX_REQUEST="true")
    return client.post(path, data, HTTP_HX_REQUEST="true")


def text(response: Any) -> str:
    """The response as one line of text, tags stripped: what a reader sees."""
    import html
    import re

    body = response.content.decode()
    body = re.sub(r"<script.*?</script>", " ", body, flags=re.S)
    body = re.sub(r"<[^>]+>", " ", body)
    return re.sub(r"\s+", " ", html.unescape(body)).replace("\xa0", " ")


@pytest.fixture(autouse=True)
def _fresh_option_cache() -> None:
    """Each test sees the catalogue of its own database, not a cached answer from another."""
    options.clear_cache()


@pytest.fixture
def design_calls(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The requests the wizard hands to ``design()`` (cached ones are not handed again)."""
    calls: list[Any] = []
    real = options.design

    def counted(request: Any, catalog: Any) -> Any:
        calls.append(request)
        return real(request, catalog)

    monkeypatch.setattr(options, "design", counted)
    return calls
