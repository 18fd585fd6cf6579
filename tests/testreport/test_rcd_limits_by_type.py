"""The report judges each RCD by its own kind: a time-delayed (S) main RCD ahead of the board
(IEC 60364-5-53 535.3) by the S-type windows, every other RCD by the general limits, and the
trip current by its own IΔn, whatever its type (A, F, B)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from tests.testreport.conftest import SMALL, configuration, owner
from tests.testreport.test_report_page import url_of

pytestmark = pytest.mark.django_db


def with_main_rcd(rcd_type: str, ma: int, selective: bool) -> dict[str, Any]:
    board = {**SMALL["board"], "main_rcd": {"type": rcd_type, "sensitivity_ma": ma}}
    board["main_rcd"]["selective"] = selective
    return {**SMALL, "board": board}


def judged(client: Client, config: Any, values: dict[str, str]) -> dict[str, str]:
    """The verdict mark per field as the live check answers it: ✓ or ✗."""
    html = client.post(url_of(config) + "?live=1", values, HTTP_HX_REQUEST="true")
    found = re.findall(r'id="v-([^"]+)" hx-swap-oob="true">([✓✗])', html.content.decode())
    return {key: mark for key, mark in found if key in values}


@pytest.mark.parametrize(("rcd_type", "ma"), [("A", 100), ("B", 300), ("F", 500)])
def test_an_s_type_main_rcd_must_wait_130_ms_and_may_take_500_where_the_others_may_not(
    rcd_type: str, ma: int
) -> None:
    config = configuration(with_main_rcd(rcd_type, ma, selective=True))
    client = owner(config)
    html = client.get(url_of(config)).content.decode()
    assert f"Hoofdaardlekschakelaar · {ma} mA type {rcd_type} S" in html
    assert "130–500 ms" in html and "50–150 ms" in html
    assert f"{ma // 2}–{ma} mA" in html  # the trip current window of its own IΔn
    marks = judged(client, config, {"rcd-main-t1_ms": "350", "rcd-0-t1_ms": "350"})
    assert marks == {"rcd-main-t1_ms": "✓", "rcd-0-t1_ms": "✗"}  # 30 mA general: ≤ 300 ms
    too_fast = judged(client, config, {"rcd-main-t1_ms": "100", "rcd-main-t5_ms": "45"})
    assert too_fast == {"rcd-main-t1_ms": "✗", "rcd-main-t5_ms": "✗"}  # not selective then
    in_window = judged(client, config, {"rcd-main-t1_ms": "130", "rcd-main-t5_ms": "150"})
    assert in_window == {"rcd-main-t1_ms": "✓", "rcd-main-t5_ms": "✓"}


@pytest.mark.parametrize(("rcd_type", "ma"), [("A", 30), ("B", 100), ("A", 300)])
def test_a_main_rcd_without_delay_is_held_to_300_and_40_ms(rcd_type: str, ma: int) -> None:
    config = configuration(with_main_rcd(rcd_type, ma, selective=False))
    client = owner(config)
    html = client.get(url_of(config)).content.decode()
    assert re.search(rf"Hoofdaardlekschakelaar · {ma} mA type {rcd_type}(?! S)", html)
    assert "130–500 ms" not in html
    marks = judged(client, config, {"rcd-main-t1_ms": "350", "rcd-main-t5_ms": "40"})
    assert marks == {"rcd-main-t1_ms": "✗", "rcd-main-t5_ms": "✓"}


@pytest.mark.parametrize("ma", [30, 100, 300])
def test_the_trip_current_window_is_half_to_all_of_each_rating(ma: int) -> None:
    config = configuration(with_main_rcd("B", ma, selective=ma > 30))
    client = owner(config)
    half, over = f"{ma / 2:g}".replace(".", ","), f"{ma * 1.01:g}".replace(".", ",")
    assert judged(client, config, {"rcd-main-trip_ma": half}) == {"rcd-main-trip_ma": "✓"}
    assert judged(client, config, {"rcd-main-trip_ma": over}) == {"rcd-main-trip_ma": "✗"}
