"""Steps of the wizard as an installer does them in the browser, language-independent."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect

from .conftest import assert_accessible, screenshot


class Walk:
    """Fills each step, checks it with axe and saves a phone screenshot on the way."""

    def __init__(self, page: Any, base_url: str, name: str) -> None:
        self.page = page
        self.base = base_url
        self.name = name
        self.shot = 0

    def check_page(self, slug: str) -> None:
        self.shot += 1
        expect(self.page.locator("h1")).to_be_visible()
        assert_accessible(self.page, f"{self.name}/{slug}")
        screenshot(self.page, f"{self.name}-{self.shot}-{slug}")

    def next(self, expected_slug: str) -> None:
        self.page.locator("button[name=next]").click()
        self.page.wait_for_url(re.compile(rf"/wizard/{expected_slug}/"))

    def start(self) -> None:
        self.page.goto(f"{self.base}/wizard/aansluiting/")

    def site(
        self, fuse: str, *, outdoor: bool = False, min_temp: str = "", reference: str = ""
    ) -> None:
        p = self.page
        if reference:
            p.fill("#id_project_reference", reference)
        p.select_option("#id_main_fuse", fuse)
        p.check('input[name=earthing][value="TN-C-S"]')
        p.check(f'input[name=location][value="{"outdoor" if outdoor else "indoor"}"]')
        if min_temp:
            p.fill("#id_min_ambient_c", min_temp)
        expect(p.locator("#live")).to_contain_text(fuse.replace("x", "×"))  # live summary
        self.check_page("aansluiting")
        self.next("omvormer")

    def inverter(self, code: str) -> None:
        p = self.page
        p.check(f'input[name=inverter][value="{code}"]')
        expect(p.locator("#live")).to_contain_text(code)
        self.check_page("omvormer")
        self.next("batterij")

    def battery(self, module: str, count: int, usable: str) -> None:
        p = self.page
        p.check(f'input[name=module][value="{module}"]')
        p.locator(f'#count-field input[name=count][value="{count}"]').check()
        expect(p.locator("#battery-live")).to_contain_text(usable)
        self.check_page("batterij")
        self.next("noodstroom")

    def backup(self, choice: str, kit: bool = False) -> None:
        p = self.page
        p.check(f'input[name=backup][value="{choice}"]')
        if kit:
            p.check("#id_shutdown_kit")
        self.check_page("noodstroom")
        self.next("groepenkast")

    def existing_board(self, rcd_groups: list[int], free: int) -> None:
        p = self.page
        p.check('input[name=mode][value="existing"]')
        for i, groups in enumerate(rcd_groups, start=1):
            p.fill(f"#id_rcd_{i}_groups", str(groups))
        p.fill("#id_free_modules", str(free))
        self.check_page("groepenkast")
        self.next("bekabeling")

    def new_board(self, circuits: int) -> None:
        p = self.page
        p.check('input[name=mode][value="new"]')
        p.fill("#id_household_circuits", str(circuits))
        self.check_page("groepenkast")
        self.next("bekabeling")

    def cabling(
        self,
        length: str,
        method: str = "B1",
        backup_length: str | None = None,
        cable_type: str | None = None,
    ) -> None:
        p = self.page
        p.fill("#id_ac_length_m", length)
        if cable_type is not None:  # first: the type decides which methods are offered
            p.select_option("#id_ac_cable_type", cable_type)
        p.select_option("#id_ac_method", method)
        if backup_length is not None:
            own = p.locator("#id_backup_own_cable")
            if own.count():  # the distribution unit: an own cable instead of its fixed one
                own.check()
            p.fill("#id_backup_length_m", backup_length)
        self.check_page("bekabeling")
        self.page.locator("button[name=next]").click()
        self.page.wait_for_url(re.compile(r"/wizard/overzicht/"))
        self.check_page("overzicht")

    def save(self, share: bool = False) -> str:
        value = "share" if share else "save"
        self.page.locator(f'button[name=action][value="{value}"]').click()
        self.page.wait_for_url(re.compile(r"/configuratie/[0-9a-f-]{36}/"))
        self.check_page("opgeslagen")
        return str(self.page.url.split("#")[0])
