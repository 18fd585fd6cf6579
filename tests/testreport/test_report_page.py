"""The test report page: limits beside every field, pass/fail at once, save, finalise, revise."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from django.test import Client

from keuzehulp.models import MeasurementReport
from tests.testreport.conftest import LARGE, TT, configuration, owner

pytestmark = pytest.mark.django_db

SIGNED = {
    "measured_by": "J. Jansen",
    "measured_on": date.today().isoformat(),
    "instrument_model": "Fluke 1664 FC",
    "instrument_serial": "SN-4471",
}


def good_values(client: Client, url: str) -> dict[str, str]:
    """Every field of the page, filled with a value inside its limit (Dutch commas)."""
    html = client.get(url).content.decode()
    typical = {"t1_ms": "24", "t5_ms": "12", "riso_mohm": ">999", "zs_ohm": "0,35"}
    data: dict[str, str] = {}
    for name in re.findall(r'name="((?:rcd|circuit)-[^"]+)"', html):
        data[name] = typical.get(name.rsplit("-", 1)[-1], "")
    # Each device's trip current: halfway its window, read from the limit printed beside it.
    for block in re.finditer(
        r'eis: <span class="limit">([\d,]+)–([\d,]+) mA.*?name="([^"]+-trip_ma)"', html, re.S
    ):
        low, high = (float(x.replace(",", ".")) for x in block.group(1, 2))
        data[block.group(3)] = f"{(low + high) / 2:g}".replace(".", ",")
    for name, value in {"ra_ohm": "40", "ems_kw": "0", "reserve_soc_pct": "20"}.items():
        if f'name="{name}"' in html:
            data[name] = value
    if 'name="backup_enabled"' in html:
        data["backup_enabled"] = "on"
    return data


def url_of(config: Any) -> str:
    return f"/configuratie/{config.pk}/meetrapport/"


def test_every_field_shows_its_limit_and_a_blank_report_fails_as_not_measured() -> None:
    config = configuration()
    html = owner(config).get(url_of(config)).content.decode()
    assert 'eis: <span class="limit">15–30 mA (0,5–1 × IΔn)</span>' in html
    assert "≤ 300 ms" in html and "≤ 40 ms" in html
    assert "≥ 1 MΩ (bij 500 V DC)" in html
    assert re.search(r"≤ \d,\d+ Ω", html)  # the engine's Zs limit of the battery's group
    assert "De installatie voldoet (nog) niet" in html
    assert "metingen zijn nog niet ingevuld" in html


def test_values_inside_their_limits_pass_and_saving_keeps_them() -> None:
    config = configuration()
    client = owner(config)
    data = good_values(client, url_of(config))
    response = client.post(url_of(config), {**data, **SIGNED, "action": "save"})
    assert response.status_code == 302
    report = MeasurementReport.objects.get(configuration=config)
    assert report.revision == 1 and not report.is_final
    assert report.values["circuit-ac_grid-zs_ohm"] == 0.35  # the Dutch comma was read
    html = client.get(url_of(config)).content.decode()
    assert "Alle metingen voldoen" in html
    assert 'value="0,35"' in html


def test_a_value_outside_its_limit_is_saved_and_the_report_says_why_it_fails() -> None:
    config = configuration()
    client = owner(config)
    data = good_values(client, url_of(config))
    data["rcd-0-t1_ms"] = "412"
    client.post(url_of(config), {**data, **SIGNED, "action": "save"})
    assert MeasurementReport.objects.get().values["rcd-0-t1_ms"] == 412
    html = client.get(url_of(config)).content.decode()
    assert "De installatie voldoet (nog) niet" in html
    assert "Aanspreektijd bij IΔn: gemeten 412 ms, eis ≤ 300 ms" in html


def test_the_live_check_answers_with_verdicts_and_saves_nothing() -> None:
    config = configuration()
    client = owner(config)
    response = client.post(
        url_of(config) + "?live=1",
        {"rcd-0-t1_ms": "301", "rcd-0-trip_ma": "22,5"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert '<div id="verdict-summary"' in html and "<html" not in html
    assert re.search(r'id="v-rcd-0-t1_ms" hx-swap-oob="true">✗ voldoet niet', html)
    assert re.search(r'id="v-rcd-0-trip_ma" hx-swap-oob="true">✓ voldoet', html)
    assert not MeasurementReport.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "status"),
    [
        ("rcd-0-t1_ms", "300", "pass"),
        ("rcd-0-t1_ms", "300,1", "fail"),
        ("rcd-0-trip_ma", "15", "pass"),
        ("rcd-0-trip_ma", "14,9", "fail"),
        ("rcd-0-trip_ma", "30", "pass"),
        ("rcd-0-trip_ma", "30,01", "fail"),
        ("rcd-0-t5_ms", "40", "pass"),
        ("circuit-ac_grid-riso_mohm", "1", "pass"),
        ("circuit-ac_grid-riso_mohm", "0,99", "fail"),
    ],
)
def test_a_limit_holds_up_to_and_including_its_boundary(
    field: str, value: str, status: str
) -> None:
    config = configuration()
    html = (
        owner(config)
        .post(url_of(config) + "?live=1", {field: value}, HTTP_HX_REQUEST="true")
        .content.decode()
    )
    assert re.search(rf'id="v-{field}" hx-swap-oob="true">{"✓" if status == "pass" else "✗"}', html)


@pytest.mark.parametrize(
    "hostile",
    ["abc", "-5", "1e400", "NaN", "inf", "1.234,5", "12" * 30, "\x00", "<script>", "∞"],
)
def test_hostile_input_re_renders_the_form_with_a_message(hostile: str) -> None:
    config = configuration()
    client = owner(config)
    response = client.post(
        url_of(config),
        {"rcd-0-t1_ms": hostile, "rcd-0-t5_ms": "12", "measured_by": "a\x07b", "action": "save"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Niet opgeslagen" in html
    assert 'value="12"' in html  # what was typed stays, valid or not
    assert "Vul een getal in" in html or "tekens" in html
    assert "<script>" not in html.split("<main")[1]
    assert not MeasurementReport.objects.exists()


def test_a_date_that_is_not_a_date_is_refused_with_a_message() -> None:
    config = configuration()
    response = owner(config).post(url_of(config), {"measured_on": "31-02-2026", "action": "save"})
    assert response.status_code == 200 and "Niet opgeslagen" in response.content.decode()


def test_finalising_needs_who_when_and_which_instrument() -> None:
    config = configuration()
    response = owner(config).post(url_of(config), {"action": "finalise"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vul het serienummer van het meetinstrument in." in html
    assert not MeasurementReport.objects.exists()


def test_finalising_freezes_revision_1_and_an_edit_after_makes_revision_2() -> None:
    config = configuration()
    client = owner(config)
    data = good_values(client, url_of(config))
    response = client.post(url_of(config), {**data, **SIGNED, "action": "finalise"})
    assert response["Location"] == f"/configuratie/{config.pk}/meetrapport/1/"
    first = MeasurementReport.objects.get(revision=1)
    frozen = (first.values, first.sheet, first.finalised_at)
    assert first.is_final and first.sheet["statuses"]["rcd-0-t1_ms"] == "pass"

    data["rcd-0-t1_ms"] = "350"
    client.post(url_of(config), {**data, **SIGNED, "action": "save"})
    first.refresh_from_db()
    assert (first.values, first.sheet, first.finalised_at) == frozen  # revision 1 unchanged
    second = MeasurementReport.objects.get(revision=2)
    assert not second.is_final and second.values["rcd-0-t1_ms"] == 350

    client.post(url_of(config), {**data, **SIGNED, "action": "finalise"})
    second.refresh_from_db()
    assert second.is_final and second.sheet["statuses"]["rcd-0-t1_ms"] == "fail"
    old = client.get(f"/configuratie/{config.pk}/meetrapport/1/").content.decode()
    assert "Dit is een eerdere revisie; revisie 2 vervangt haar." in old
    assert "Alle metingen voldoen" in old
    new = client.get(f"/configuratie/{config.pk}/meetrapport/2/").content.decode()
    assert "gemeten 350 ms, eis ≤ 300 ms" in new


def test_a_draft_revision_has_no_read_only_page() -> None:
    config = configuration()
    client = owner(config)
    client.post(url_of(config), {"action": "save"})
    assert client.get(f"/configuratie/{config.pk}/meetrapport/1/").status_code == 404


def test_the_large_case_asks_for_every_rcd_and_group_and_the_backup_settings() -> None:
    config = configuration(LARGE)
    html = owner(config).get(url_of(config)).content.decode()
    assert "Backup-beveiliging · 100 mA type A" in html
    assert "Thuisbatterij (netpoort) · 30 mA type B" in html
    assert html.count('-riso_mohm"') >= 14  # ac_grid, backup and 12 final circuits
    assert 'name="backup_enabled"' in html and 'name="backup_priorities"' in html


def test_a_tt_installation_asks_for_ra_against_50_v_over_the_largest_rcd() -> None:
    config = configuration(TT)
    client = owner(config)
    html = client.get(url_of(config)).content.decode()
    assert "Hoofdaardlekschakelaar · 300 mA type A S" in html
    assert "130–500 ms" in html and "50–150 ms" in html
    assert "≤ 166,67 Ω" in html
    live = client.post(url_of(config) + "?live=1", {"ra_ohm": "170"}, HTTP_HX_REQUEST="true")
    assert re.search(r'id="v-ra_ohm" hx-swap-oob="true">✗', live.content.decode())


def test_the_page_is_in_english_for_an_english_browser() -> None:
    config = configuration()
    client = owner(config)
    client.cookies["django_language"] = "en"
    html = client.get(url_of(config)).content.decode()
    assert "Test report" in html and "Tripping time at IΔn" in html


@pytest.mark.parametrize("typed", ["0,000001", "1234567", "0,35", "12,5"])
def test_a_saved_value_comes_back_as_typed_and_saves_again_unchanged(typed: str) -> None:
    config = configuration()
    client = owner(config)
    client.post(url_of(config), {"circuit-ac_grid-riso_mohm": typed, "action": "save"})
    html = client.get(url_of(config)).content.decode()
    assert f'value="{typed}"' in html
    shown = re.search(r'name="circuit-ac_grid-riso_mohm" value="([^"]+)"', html)
    assert shown is not None
    client.post(url_of(config), {"circuit-ac_grid-riso_mohm": shown.group(1), "action": "save"})
    stored = MeasurementReport.objects.get().values["circuit-ac_grid-riso_mohm"]
    assert stored == float(typed.replace(",", "."))
