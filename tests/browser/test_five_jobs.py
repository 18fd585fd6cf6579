"""The five jobs of issue 13 as a new installer does them, on a phone (375 px) and on a desktop.

a. 1×35 A rijtjeshuis with existing PV; b. 3×25 A with BackupBox and a new board;
c. 3×63 A T20 with 12 modules; d. "I don't know, 15 kWh on 3×25 A" (the recommendation);
e. wrong inputs in every kind of field. Each walk asserts what the installer would notice:
what is shown, what is hidden, what the Dutch says, and axe on every page (on the phone; the
desktop walks check the pages whose layout changes with the width).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import PHONE, assert_accessible, policy_refusals
from .wizard_pages import Walk

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

DESKTOP = {"viewport": {"width": 1280, "height": 900}, "locale": "nl-NL"}

# What a Dutch reader should never meet: rule codes, file names, "(s)"/"(en)" plurals, a decimal
# point before a unit (a thousands point has three digits after it) and English source lines.
SMELLS = re.compile(
    r"\[[a-z_]+\.[a-z_.]+\]|\w+\.md\b|\w\((?:s|en)\)"
    r"|\d\.(?:\d{1,2}|\d{4,})\s?(?:kWh|kW|mm²|mm|A|V|m|%)(?!\w)"
    r"|\b(?:the|with|must|Table|Annex|manual|practice|grade|conduit)\b"
)
BROKEN = re.compile(r"htmx:(?:oobErrorNoTarget|targetError|swapError|responseError)")
# Every cell's right edge inside the screen: nothing hidden off to the side.
CELLS_OFF_SCREEN = """(width) => [...document.querySelectorAll('table.stack td, table.stack th')]
    .filter(c => c.offsetParent !== null)
    .filter(c => {
        const r = c.getBoundingClientRect();
        return r.right > width + 0.5 || r.left < 0;
    })
    .map(c => c.textContent.trim().slice(0, 40))"""


class Job(Walk):
    """A walk that runs axe on every page on the phone (no screenshots: they cost seconds)."""

    def __init__(self, page: Any, base_url: str, name: str, *, phone: bool) -> None:
        super().__init__(page, base_url, name)
        self.phone = phone

    def check_page(self, slug: str) -> None:
        expect(self.page.locator("h1")).to_be_visible()
        if self.phone:
            assert_accessible(self.page, f"{self.name}/{slug}")


@pytest.fixture(params=["phone", "desktop"])
def device(request: Any, browser: Any) -> Iterator[tuple[Any, bool]]:
    phone = request.param == "phone"
    context = browser.new_context(**(PHONE if phone else DESKTOP))
    context.set_default_timeout(15_000)
    tab = context.new_page()
    refused = policy_refusals(tab)
    errors: list[str] = []
    # A script error, or an htmx swap that finds no target (a message that never shows), is a
    # silent breakage; htmx's own notes on a preview replaced by a newer one are not.
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.on("console", lambda m: errors.append(m.text) if BROKEN.match(m.text) else None)
    failures: list[str] = []
    tab.on("response", lambda r: failures.append(r.url) if r.status >= 500 else None)
    yield tab, phone
    context.close()
    assert not refused, refused
    assert not errors, errors
    assert not failures, failures


def overview_checks(page: Any, phone: bool) -> str:
    """What every overview must give: plain Dutch (hidden details too) and, on a phone, every
    table value on screen; tables stay tables on a wide screen."""
    text = re.sub(r"\s+", " ", page.evaluate("document.querySelector('main').textContent"))
    assert SMELLS.findall(text) == []
    if phone:
        assert page.evaluate(CELLS_OFF_SCREEN, 375) == []
        cable = page.locator('.result-circuits td[data-label="Kabel"]').first
        cable.scroll_into_view_if_needed()
        expect(cable).to_be_in_viewport(ratio=1)
    else:
        expect(page.locator(".bom thead")).to_be_visible()
        assert_accessible(page, "overzicht (desktop)")
    return str(text)


def test_a_rijtjeshuis_on_1x35_with_existing_pv(device: tuple[Any, bool], site_url: str) -> None:
    page, phone = device
    walk = Job(page, site_url, "job-a", phone=phone)
    walk.start()
    page.fill("#id_project_reference", "Rijtjeshuis Jansen")
    page.select_option("#id_main_fuse", "1x35")
    page.check("input[name=pv][value=yes]")
    page.fill("#id_pv_kw", "3,6")
    # A single-phase connection has one phase: nothing to choose for the PV.
    expect(page.locator("#id_pv_phase")).to_be_hidden()
    expect(page.locator("#live")).to_contain_text("PV 3,6 kW")
    walk.check_page("aansluiting")
    walk.next("omvormer")
    # The existing PV and a single-phase inverter together exceed 5 kW on L1: said on the card.
    expect(page.locator("#inv-smile-g3-s36-warn")).to_contain_text("scheefvoeding")
    expect(page.locator("#inv-smile-g3-t10-why")).to_contain_text("driefase-omvormer")
    walk.inverter("SMILE-G3-S3.6")
    walk.battery("SMILE-G3-BAT-9.3S", 1, "9,3 kWh")
    expect(page.locator("#live .total")).to_contain_text("Geschat totaal")
    walk.backup("none")
    walk.existing_board([4, 3], 4)
    walk.cabling("8")
    text = overview_checks(page, phone)
    assert "uit te breiden tot 4 × 9,3 kWh = 37,2 kWh" in text
    assert "Bestaande PV-installatie" in text
    expect(page.locator(".bom")).to_contain_text("batterijmodule 9,3 kWh")


def test_a_backup_box_and_a_new_board_on_3x25(device: tuple[Any, bool], site_url: str) -> None:
    page, phone = device
    walk = Job(page, site_url, "job-b", phone=phone)
    walk.start()
    walk.site("3x25")
    expect(page.locator("label[for=inv-smile-g3-t10]")).to_contain_text("noodstroom 10 kW")
    walk.inverter("SMILE-G3-T10")
    walk.battery("SMILE-G3-BAT-9.3S", 4, "37,2 kWh")
    walk.backup("backup_box")
    walk.new_board(10)
    # Half-way through the cable step the installer switches to English and back: kept.
    page.fill("#id_ac_length_m", "10")
    page.fill("#id_backup_length_m", "3")
    expect(page.locator("#live .total")).not_to_contain_text("Geschat")
    page.locator('.lang button[value="en"]').click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("#id_ac_length_m")).to_have_value("10")
    page.locator('.lang button[value="nl"]').click()
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    page.reload()
    expect(page.locator("#id_backup_length_m")).to_have_value("3")
    expect(page.locator(".error:not(:empty)")).to_have_count(0)
    walk.cabling("10", backup_length="3")
    text = overview_checks(page, phone)
    assert "Noodstroompoort naar BackupBox" in text
    assert "nieuwe groepenkast" in text
    expect(page.locator(".bom")).to_contain_text("AlphaESS BackupBox 63A BB Plus")


def test_a_t20_with_twelve_modules_on_3x63(device: tuple[Any, bool], site_url: str) -> None:
    page, phone = device
    walk = Job(page, site_url, "job-c", phone=phone)
    walk.start()
    walk.site("3x63")
    walk.inverter("SMILE-G3-T20")
    page.check('input[name=module][value="SMILE-G3-BAT-9.3S"]')
    # The brochure's counts for the T20: 2–6, then in two clusters 8, 10 and 12.
    counts = page.locator("#count-field input[name=count]")
    expect(counts).to_have_count(8)
    walk.battery("SMILE-G3-BAT-9.3S", 12, "111,6 kWh")
    walk.backup("none")
    walk.new_board(12)
    walk.cabling("20")
    text = overview_checks(page, phone)
    assert "12 × SMILE-G3-BAT-9.3S" in text
    assert "2 clusters (6 + 6)" in text and "maximum bereikt" in text


def test_fifteen_kwh_on_3x25_recommends_one_system_and_fills_the_battery_step(
    device: tuple[Any, bool], site_url: str
) -> None:
    page, phone = device
    walk = Job(page, site_url, "job-d", phone=phone)
    walk.start()
    walk.site("3x25")
    page.fill("#id_target_usable_kwh", "15")
    box = page.locator(".recommendation")
    expect(box).to_contain_text("Aanbevolen voor uw doel")
    reasons = box.locator(".rec-reasons li")
    expect(reasons.first).to_be_visible()
    for reason in reasons.all_inner_texts():
        assert "\n" not in reason.strip() and reason.strip().endswith(".")
    # Every other allowed card weighs itself against the recommendation.
    expect(page.locator(".card .trade-off").nth(1)).to_contain_text("Tegenover de aanbeveling")
    expect(page.locator("#id_inverter_error")).to_be_empty()  # no "Kies een omvormer." yet
    walk.check_page("omvormer")
    system = box.locator(".rec-system").inner_text()
    box.locator("button[name=recommended]").click()
    page.wait_for_url(re.compile(r"/wizard/batterij/"))
    module = page.locator("input[name=module]:checked").get_attribute("value") or ""
    count = page.locator("#count-field input[name=count]:checked").get_attribute("value")
    assert f"{count} × {module.removeprefix('SMILE-G3-')}" in system
    expect(page.locator("#battery-live")).to_contain_text("kWh")
    walk.check_page("batterij")
    walk.next("noodstroom")
    walk.backup("none")
    walk.new_board(6)
    walk.cabling("10")
    overview_checks(page, phone)
    expect(page.locator("main")).to_contain_text(f"{count} × {module}")


def test_wrong_inputs_get_clear_messages_and_keep_what_was_typed(
    device: tuple[Any, bool], site_url: str
) -> None:
    page, phone = device
    walk = Job(page, site_url, "job-e", phone=phone)
    walk.start()
    page.check("input[name=pv][value=yes]")
    page.select_option("#id_main_fuse", "3x25")
    expect(page.locator("#id_pv_phase")).to_be_visible()  # three phases: which one?
    cases = [
        ("veel", "koud", "heet", ["Voer een getal in."] * 3),
        ("-3", "-99", "999", ["Vul minstens 0,1 kW in.", "Vul minstens -40 °C in.",
                              "Vul hoogstens 70 °C in."]),
        ("", "10", "5", ["Vul het vermogen van de bestaande PV in.", "",
                         "De hoogste temperatuur is lager dan de laagste."]),
    ]  # fmt: skip
    for pv, low, high, said in cases:
        page.fill("#id_pv_kw", pv)
        page.fill("#id_min_ambient_c", low)
        page.fill("#id_max_ambient_c", high)
        page.locator("button[name=next]").click()
        expect(page.locator("#form-errors")).to_contain_text("Controleer de gemarkeerde velden.")
        for field, value, message in zip(
            ("pv_kw", "min_ambient_c", "max_ambient_c"), (pv, low, high), said, strict=True
        ):
            expect(page.locator(f"#id_{field}")).to_have_value(value)
            slot = page.locator(f"#id_{field}_error")
            if message:
                expect(slot).to_have_text(message)
            else:
                expect(slot).to_be_empty()
        assert "/wizard/aansluiting/" in page.url
    walk.check_page("aansluiting-fouten")
    page.fill("#id_pv_kw", "1e9")
    page.locator("#id_min_ambient_c").focus()  # leaving the field says it at once
    expect(page.locator("#id_pv_kw_error")).to_have_text("Vul hoogstens 100 kW in.")
    page.fill("#id_pv_kw", "4,5")
    expect(page.locator("#id_pv_kw_error")).to_be_empty()  # gone as soon as it is valid
    page.fill("#id_min_ambient_c", "")
    page.fill("#id_max_ambient_c", "")
    walk.next("omvormer")

    page.fill("#id_budget_excl_vat_eur", "-100")
    page.fill("#id_target_usable_kwh", "99999")
    page.locator("#id_target_power_kw").focus()
    expect(page.locator("#id_target_usable_kwh_error")).to_have_text("Vul hoogstens 200 kWh in.")
    expect(page.locator("#id_budget_excl_vat_eur_error")).to_have_text("Vul minstens € 1,00 in.")
    expect(page.locator("#id_inverter_error")).to_be_empty()  # not reached yet
    # A forged choice (the page offers no such inverter) is refused in words.
    page.locator("input[name=inverter]").first.evaluate("e => e.value = 'SMILE-G3-X99'")
    page.locator("input[name=inverter]").first.check(force=True)
    page.fill("#id_target_usable_kwh", "")
    page.fill("#id_budget_excl_vat_eur", "")
    page.locator("button[name=next]").click()
    expect(page.locator("#form-errors")).to_contain_text("Kies een omvormer uit de lijst.")
    assert "/wizard/omvormer/" in page.url
    walk.check_page("omvormer-fouten")
    walk.inverter("SMILE-G3-T10")

    # A forged count the brochure does not allow.
    page.check('input[name=module][value="SMILE-G3-BAT-9.3S"]')
    forged = page.locator('#count-field input[name=count][value="4"]')
    forged.evaluate("e => { e.value = '7'; e.checked = true; }")
    page.locator("button[name=next]").click()
    expect(page.locator("#form-errors")).to_contain_text("7 × SMILE-G3-BAT-9.3S kan niet")
    assert "/wizard/batterij/" in page.url
    walk.check_page("batterij-fouten")
