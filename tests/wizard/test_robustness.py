"""Whatever an installer types, the wizard answers with a page, never an error page."""

from __future__ import annotations

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from keuzehulp.wizard.forms import CABLE_TYPES, MAIN_FUSES, METHODS

from .conftest import url, walk

pytestmark = pytest.mark.django_db

numbers = st.one_of(
    st.sampled_from(["", "0", "-1", "0,5", "1e9", "abc", "12.5", "12,5", "999", "-40"]),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)
SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(
    fuse=st.sampled_from([*MAIN_FUSES, "", "2x10"]),
    location=st.sampled_from(["indoor", "outdoor", "roof"]),
    temperature=numbers,
    pv_kw=numbers,
)
def test_any_connection_answer_gives_a_page(
    client: Client, fuse: str, location: str, temperature: str, pv_kw: str
) -> None:
    response = client.post(
        url("aansluiting"),
        {
            "main_fuse": fuse,
            "earthing": "TT",
            "pv": "yes",
            "pv_kw": pv_kw,
            "pv_phase": "3P",
            "location": location,
            "min_ambient_c": temperature,
        },
    )
    assert response.status_code in {200, 302}
    if response.status_code == 302:
        assert client.get(response["Location"]).status_code == 200


@SETTINGS
@given(
    method=st.sampled_from([m for m, _ in METHODS]),
    cable_type=st.sampled_from([c for c, _ in CABLE_TYPES]),
    length=numbers,
    ambient=numbers,
    grouped=st.sampled_from(["1", "20", "0", "x"]),
    drop=numbers,
)
def test_any_cable_answer_gives_a_page(
    client: Client,
    method: str,
    cable_type: str,
    length: str,
    ambient: str,
    grouped: str,
    drop: str,
) -> None:
    if not client.session.get("wizard_draft"):
        walk(client, until="bekabeling")
    data = {"max_voltage_drop_pct": drop}
    for run in ("ac", "backup"):
        data |= {
            f"{run}_length_m": length,
            f"{run}_method": method,
            f"{run}_cable_type": cable_type,
            f"{run}_ambient_c": ambient,
            f"{run}_grouped_circuits": grouped,
        }
    response = client.post(url("bekabeling"), data)
    assert response.status_code in {200, 302}
    overview = client.get("/wizard/overzicht/")
    assert overview.status_code in {200, 302}
