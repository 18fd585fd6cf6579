"""The recommended system for a kWh or kW target: the engine's first suggestion, one click away."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from catalog.services import load_catalog
from keuzehulp.wizard.draft import load
from sizing.engine import suggest_with_reasons
from sizing.schema import Connection, Site

from .conftest import SITE, htmx, text, url, walk

pytestmark = pytest.mark.django_db

THREE_PHASE = {**SITE, "main_fuse": "3x25"}
TARGET = {"target_usable_kwh": "15", "target_power_kw": ""}


def engine_first(kwh: float) -> tuple[str, str, int]:
    site = Site(
        connection=Connection(phases=3, main_fuse_a=25, earthing="TN-C-S"),
        target_usable_kwh=kwh,
    )
    first = suggest_with_reasons(site, load_catalog()).suggestions[0]
    return first.inverter, first.module, first.count


def recommended(html: str) -> str:
    box = html.split('class="recommendation"')[1].split("</div>")[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", box))


def test_the_recommendation_is_the_engines_first_suggestion(client: Client) -> None:
    walk(client, until="omvormer", aansluiting=THREE_PHASE)
    response = htmx(client, url("omvormer") + "?live=1", {**TARGET, "cards_for": "None|None"})
    inverter, module, count = engine_first(15)
    box = recommended(response.content.decode())
    short = module.removeprefix("SMILE-G3-")
    assert f"{inverter.removeprefix('SMILE-G3-')} met {count} × {short}" in box
    assert "Past bij uw aansluiting van 3×25 A." in box
    assert "het dichtst bij uw doel van 15 kWh" in box
    assert "excl. btw" in box


def test_each_reason_is_one_line_of_its_own(client: Client) -> None:
    walk(client, until="omvormer", aansluiting=THREE_PHASE)
    html = client.post(url("omvormer"), TARGET).content.decode()
    reasons = re.findall(
        r"<li>([^<]+)</li>", html.split('class="rec-reasons"')[1].split("</ul>")[0]
    )
    assert len(reasons) == 4  # connection, target, room to grow, price
    assert any(r.startswith("Ruimte om te groeien") or "maximum" in r for r in reasons)


def test_choosing_it_prefills_the_battery_step_without_storing_it(client: Client) -> None:
    walk(client, until="omvormer", aansluiting=THREE_PHASE)
    response = client.post(url("omvormer"), {**TARGET, "recommended": "1"})
    assert response.status_code == 302 and response["Location"] == url("batterij")
    inverter, module, count = engine_first(15)
    draft = load(client.session)
    assert draft is not None and draft.inverter is not None and draft.battery is None
    assert draft.inverter.inverter == inverter and draft.inverter.target_usable_kwh == 15
    html = client.get(url("batterij")).content.decode()
    assert re.search(rf'value="{re.escape(module)}" id="[^"]+"\s+checked', html)
    assert f'value="{count}" id="count-{count}" checked' in html


def test_a_live_preview_that_lands_after_the_choice_keeps_the_prefill(client: Client) -> None:
    """Leaving the target box to click "Kies dit systeem" fires one more live preview; its
    answer may come after the button's redirect and must not erase the proposed battery."""
    walk(client, until="omvormer", aansluiting=THREE_PHASE)
    late = htmx(client, url("omvormer") + "?live=1", {**TARGET, "cards_for": "None|None"})
    client.post(url("omvormer"), {**TARGET, "recommended": "1"})
    client.cookies.update(late.cookies)  # the preview's Set-Cookie arrives last
    _inverter, module, count = engine_first(15)
    html = client.get(url("batterij")).content.decode()
    assert re.search(rf'value="{re.escape(module)}" id="[^"]+"\s+checked', html)
    assert f'value="{count}" id="count-{count}" checked' in html


def test_the_prefilled_choice_can_be_changed_before_it_is_stored(client: Client) -> None:
    walk(client, until="omvormer", aansluiting=THREE_PHASE)
    client.post(url("omvormer"), {**TARGET, "recommended": "1"})
    _inverter, module, count = engine_first(15)
    html = client.get(url("batterij")).content.decode()
    offered = [int(n) for n in re.findall(r'name="count" value="(\d+)"', html)]
    other = next(n for n in offered if n != count)
    response = client.post(url("batterij"), {"module": module, "count": str(other)})
    assert response.status_code == 302
    draft = load(client.session)
    assert draft is not None and draft.battery is not None
    assert (draft.battery.module, draft.battery.count) == (module, other)


def test_the_recommended_inverter_wins_over_a_checked_card(client: Client) -> None:
    walk(client, until="omvormer", aansluiting=THREE_PHASE)
    client.post(url("omvormer"), {**TARGET, "inverter": "SMILE-G3-T20", "recommended": "1"})
    draft = load(client.session)
    assert draft is not None and draft.inverter is not None
    assert draft.inverter.inverter == engine_first(15)[0]


def test_without_a_target_nothing_is_recommended(client: Client) -> None:
    walk(client, until="omvormer", aansluiting=THREE_PHASE)
    html = client.get(url("omvormer")).content.decode()
    assert 'class="recommendation"' not in html


def test_choosing_it_without_a_target_asks_for_an_inverter(client: Client) -> None:
    walk(client, until="omvormer", aansluiting=THREE_PHASE)
    response = client.post(url("omvormer"), {"recommended": "1", "target_usable_kwh": "veel"})
    assert response.status_code == 200
    assert "Kies een omvormer." in text(response)


def test_the_alternatives_say_what_they_trade_off(client: Client) -> None:
    walk(client, until="omvormer", aansluiting=THREE_PHASE)
    page = text(client.post(url("omvormer"), TARGET))
    assert "De aanbeveling." in page
    assert "Tegenover de aanbeveling:" in page
    assert re.search(r"Tegenover de aanbeveling: [^.]*(duurder|goedkoper|meer|minder)", page)


def test_a_live_preview_sent_with_the_recommendation_button_chooses_nothing(
    client: Client,
) -> None:
    # htmx sends the button last clicked along with the form's own previews.
    walk(client, until="omvormer", aansluiting=THREE_PHASE)
    live = url("omvormer") + "?live=1"
    plain = htmx(client, live, {**TARGET, "cards_for": "None|None"}).content.decode()
    pressed = htmx(client, live, {**TARGET, "cards_for": "None|None", "recommended": "1"})
    assert pressed.content.decode() == plain
    assert not re.search(r'name="inverter"[^>]*checked', plain)
    draft = load(client.session)
    assert draft is None or draft.inverter is None
