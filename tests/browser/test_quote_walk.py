"""The quote path in headless Chromium: installer requests, sales quote and send, the customer
accepts in a fresh context, sales download the order list. Screenshots at phone and desktop
width land in artifacts/screenshots/ (gitignored)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import PHONE, assert_accessible, policy_refusals, screenshot
from .wizard_pages import Walk

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

DESKTOP = {"viewport": {"width": 1280, "height": 900}, "locale": "nl-NL"}
PASSWORD = "Zon-op-het-dak-42"


def installer_requests_a_quote(page: Any, site_url: str) -> str:
    walk = Walk(page, site_url, "quote-walk")
    walk.start()
    walk.site("1x35", reference="Fam. de Vries")
    # The S3.6 passes 7.36 kW through to the distribution unit: B32 fits 1 × 35 A (an S5
    # would need B50, larger than the main fuse).
    walk.inverter("SMILE-G3-S3.6")
    walk.battery("SMILE-G3-BAT-9.3S", 2, "18,6 kWh")
    walk.backup("distribution_unit")
    walk.existing_board([3, 3], 6)
    walk.cabling("12,5", backup_length="4")
    page.get_by_role("link", name="Offerte aanvragen / bestellen").click()
    page.get_by_label("Bedrijf").fill("Jansen Elektro")
    page.get_by_label("Contactpersoon").fill("Piet Jansen")
    page.get_by_label("E-mail").fill("piet@jansen.nl")
    page.get_by_label("Projectadres").fill("Dorpsstraat 1, Utrecht")
    page.get_by_label(re.compile("privacyverklaring")).check()
    screenshot(page, "quote-1-request-phone")
    page.get_by_role("button", name="Aanvraag versturen").click()
    expect(page.locator("h1")).to_contain_text("Aanvraag ontvangen")
    assert_accessible(page, "request received")
    return str(page.locator("main strong").first.inner_text())


def sales_log_in(page: Any, site_url: str) -> None:
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user("verkoper", "verkoop@vekto.example", PASSWORD)
    user.groups.add(Group.objects.get(name="Verkoop"))
    page.goto(f"{site_url}/verkoop/")
    page.locator("#id_username").fill("verkoper")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(r"/verkoop/$"))


def test_request_quote_send_accept_and_download_the_order_list(
    page: Any, browser: Any, site_url: str
) -> None:
    reference = installer_requests_a_quote(page, site_url)
    assert reference.startswith("AANV-")

    sales = browser.new_context(**DESKTOP).new_page()
    refused = policy_refusals(sales)  # the sales pages run under the same strict policy
    sales_log_in(sales, site_url)
    sales.get_by_role("link", name=reference).click()
    sales.get_by_role("link", name="Offerte maken").click()
    expect(sales.get_by_label("Naam of bedrijf")).to_have_value("Jansen Elektro")
    sales.get_by_role("button", name="Offerte maken").click()
    expect(sales.locator("h1")).to_contain_text("OFF-")
    screenshot(sales, "quote-2-editor-desktop")
    assert_accessible(sales, "quote editor")
    total_before = sales.locator("table.totals .grand td").last.inner_text()
    add = sales.locator("form", has=sales.get_by_role("button", name="Toevoegen"))
    add.get_by_label("Soort").select_option("provisional")
    add.get_by_label("Omschrijving").fill("Aanpassing groepenkast na inspectie")
    add.get_by_label("Aantal").fill("1")
    add.get_by_label("Stukprijs excl. btw").fill("250")
    add.get_by_role("button", name="Toevoegen").click()
    expect(sales.locator("#lines")).to_contain_text("Aanpassing groepenkast na inspectie")
    expect(sales.locator("table.totals .grand td").last).not_to_have_text(total_before)
    sales.get_by_role("button", name="Versturen").click()
    expect(sales.locator(".messages")).to_contain_text("is verstuurd")
    link = sales.locator("code").inner_text()
    assert "/offerte/" in link

    customer = browser.new_context(**PHONE).new_page()
    refused_to_customer = policy_refusals(customer)
    customer.goto(link)
    expect(customer.locator("h1")).to_contain_text("OFF-")
    screenshot(customer, "quote-3-acceptance-phone")
    assert_accessible(customer, "acceptance page")
    customer.get_by_label("Uw naam").fill("Piet Jansen")
    customer.get_by_label("Uw e-mailadres").fill("piet@jansen.nl")
    customer.get_by_label(re.compile("Ik ga akkoord")).check()
    customer.get_by_role("button", name="Accepteren").click()
    expect(customer.locator(".msg.success")).to_contain_text("Geaccepteerd door Piet Jansen")
    customer.context.close()

    sales.reload()
    expect(sales.locator("h1")).to_contain_text("geaccepteerd")
    sales.get_by_role("button", name="Order maken").click()
    expect(sales.locator("h1")).to_contain_text("ORD-")
    screenshot(sales, "quote-4-order-desktop")
    with sales.expect_download() as csv_download:
        sales.get_by_role("link", name="Bestellijst (CSV)").click()
    text = Path(csv_download.value.path()).read_text(encoding="utf-8-sig")
    assert "242248" in text and ";2;st;" in text
    with sales.expect_download() as xlsx_download:
        sales.get_by_role("link", name="Bestellijst (Excel)").click()
    from sales.orders import parse_xlsx

    rows = parse_xlsx(Path(xlsx_download.value.path()).read_bytes())
    assert ("242248", Decimal(2)) in [(r["article"], r["quantity"]) for r in rows]
    sales.context.close()
    assert refused + refused_to_customer == []


def test_settings_typed_while_a_colleague_sends_come_back_on_the_page(
    browser: Any, site_url: str
) -> None:
    from sales.models import QuoteVersion
    from tests.sales.conftest import make_quote, send

    quote = make_quote()
    sales = browser.new_context(**DESKTOP).new_page()
    refused = policy_refusals(sales)
    sales_log_in(sales, site_url)
    sales.goto(f"{site_url}/verkoop/offertes/{quote.pk}/")
    sales.get_by_label("Inleiding").fill("Montage in de garage, zoals besproken.")
    send(quote)  # a colleague sends the quote meanwhile
    sales.get_by_role("button", name="Opslaan", exact=True).click()
    # The page (a 409 answer, swapped in by htmx) says why and shows what was typed.
    unsaved = sales.locator("section", has_text="Niet opgeslagen: wat u typte")
    expect(unsaved).to_contain_text("Montage in de garage, zoals besproken.")
    expect(sales.locator(".messages")).to_contain_text("uw wijziging is niet opgeslagen")
    expect(sales.get_by_role("button", name="Nieuwe versie")).to_be_visible()
    screenshot(sales, "quote-5-not-saved-desktop")
    assert_accessible(sales, "edit not saved")
    sales.context.close()
    sent = QuoteVersion.objects.get(quote=quote, version=1)
    assert "garage" not in sent.introduction
    assert refused == []
