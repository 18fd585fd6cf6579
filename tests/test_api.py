"""The JSON API: the engine's contract over HTTP; bad input answers 4xx with a JSON body."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

T10 = {
    "connection": {"phases": 3, "main_fuse_a": 25, "earthing": "TN-C-S"},
    "inverter": "SMILE-G3-T10",
    "batteries": [{"module": "SMILE-G3-BAT-9.3S", "count": 8}],
    "backup": "backup_box",
    "ac_cable": {"length_m": 12, "method": "B1"},
}


def post(client: Client, name: str, body: Any) -> Any:
    data = body if isinstance(body, str) else json.dumps(body)
    return client.post(reverse(name), data, content_type="application/json")


def test_a_valid_design_comes_back_with_clusters_circuits_and_a_priced_bom(client: Client) -> None:
    response = post(client, "api_design", T10)
    design = response.json()
    assert response.status_code == 200
    assert design["valid"] is True
    assert design["battery"]["clusters"] == [4, 4]
    assert {c["name"] for c in design["circuits"]} >= {"ac_grid", "backup"}
    assert "242263" in {line["article"] for line in design["bom"]}
    assert design["totals"]["incl_vat_eur"]


def test_a_design_with_errors_is_still_a_200_with_its_findings(client: Client) -> None:
    body = T10 | {"batteries": [{"module": "SMILE-G3-BAT-9.3S", "count": 7}]}
    design = post(client, "api_design", body).json()
    assert design["valid"] is False
    assert "battery.count_not_allowed" in {f["code"] for f in design["findings"]}


def test_a_missing_field_answers_400_naming_the_field(client: Client) -> None:
    body = {key: value for key, value in T10.items() if key != "inverter"}
    response = post(client, "api_design", body)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert {"field": "inverter", "message": "Field required"} in response.json()["fields"]


@pytest.mark.parametrize(
    ("body", "status"),
    [("{not json", 400), ("[1, 2]", 400), ({"connection": {"phases": 2}}, 400)],
)
def test_unreadable_input_answers_400_with_a_json_error(
    client: Client, body: Any, status: int
) -> None:
    response = post(client, "api_design", body)
    assert response.status_code == status
    assert response.json()["error"]


def test_a_get_answers_405_and_a_form_post_415(client: Client) -> None:
    assert client.get(reverse("api_design")).status_code == 405
    assert client.post(reverse("api_design"), {"a": "b"}).status_code == 415


def test_cable_sizing_over_http_matches_the_units_of_the_request(client: Client) -> None:
    plain = post(client, "api_cable", {"current_a": 14.5, "phases": 3, "length_m": 25}).json()
    odd = post(client, "api_cable", {"current_a": "14500 mA", "phases": 3, "length_m": "0.025 km"})
    assert odd.status_code == 200
    assert odd.json()["csa_mm2"] == plain["csa_mm2"]
    assert odd.json()["breaker_a"] == plain["breaker_a"] == 16


def test_suggest_lists_only_single_phase_systems_for_a_single_phase_connection(
    client: Client,
) -> None:
    site = {"connection": {"phases": 1, "main_fuse_a": 35}, "target_usable_kwh": 10}
    suggestions = post(client, "api_suggest", site).json()
    assert suggestions
    assert {s["phases"] for s in suggestions} == {1}
    assert abs(suggestions[0]["usable_kwh"] - 10) <= abs(suggestions[-1]["usable_kwh"] - 10)


def test_the_schema_describes_all_three_endpoints(client: Client) -> None:
    schema = client.get(reverse("api_schema")).json()
    assert set(schema) == {"design", "cable", "suggest"}
    assert "connection" in schema["design"]["request"]["properties"]


def test_a_project_reference_with_control_characters_answers_400_naming_the_field(
    client: Client,
) -> None:
    response = post(client, "api_design", T10 | {"project_reference": "Fam.\x01de\x0cVries\x1f"})
    assert response.status_code == 400
    (field,) = response.json()["fields"]
    assert field["field"] == "project_reference"
    assert "U+0001, U+000C, U+001F" in field["message"]


# --------------------------------------------------------------------------- hostile input

CABLE = {"current_a": 14.5, "phases": 3, "length_m": 25}
ENDPOINTS = ["api_design", "api_cable", "api_suggest"]


@pytest.mark.parametrize("name", ENDPOINTS)
def test_a_thousand_levels_of_nesting_answer_400_not_a_server_error(client: Client, name: str):
    response = post(client, name, '{"connection": ' + "[" * 1000 + "]" * 1000 + "}")
    assert response.status_code == 400
    assert "nested deeper than" in response.json()["fields"][0]["message"]


@pytest.mark.parametrize("name", ENDPOINTS)
def test_nesting_a_little_too_deep_is_refused_at_the_field_it_starts_in(client: Client, name):
    response = post(client, name, {"connection": [[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]})
    assert response.status_code == 400
    assert response.json()["fields"][0]["field"].startswith("connection.0.0")


@pytest.mark.parametrize("name", ENDPOINTS)
def test_an_integer_of_4301_digits_answers_400_naming_the_field(client: Client, name: str):
    body = '{"connection": {"phases": 3, "main_fuse_a": ' + "9" * 4301 + "}}"
    response = post(client, name, body)
    assert response.status_code == 400
    assert response.json()["fields"] == [
        {
            "field": "connection.main_fuse_a",
            "message": "a number of 4301 digits; at most 30 are read",
        }
    ]


def test_an_integer_too_large_for_a_float_answers_400(client: Client) -> None:
    response = post(client, "api_cable", CABLE | {"current_a": int("9" * 400)})
    assert response.status_code == 400
    assert response.json()["fields"][0]["field"] == "current_a"


@pytest.mark.parametrize(
    ("literal", "message"),
    [
        ("Infinity", "Infinity is not a JSON number"),
        ("-Infinity", "-Infinity is not a JSON number"),
        ("NaN", "NaN is not a JSON number"),
        ("1e999", "1e999 is beyond the range of a number"),
    ],
)
def test_infinity_and_nan_for_a_breaker_answer_400_naming_the_field(client, literal, message):
    body = json.dumps(CABLE)[:-1] + f', "breaker_a": {literal}}}'
    response = post(client, "api_cable", body)
    assert response.status_code == 400
    assert response.json()["fields"] == [{"field": "breaker_a", "message": message}]


def test_an_infinite_quantity_string_is_refused_too(client: Client) -> None:
    response = post(client, "api_cable", CABLE | {"breaker_a": "1e999 A"})
    assert response.status_code == 400
    assert response.json()["fields"][0]["field"] == "breaker_a"


def test_the_largest_finite_breaker_answers_400_naming_the_field(client: Client) -> None:
    # Found by the schema fuzzer: 1.8e308 A passed the contract, and the fault-loop arithmetic
    # behind it overflowed to infinity, which no formatter can print (a 500).
    response = post(client, "api_cable", CABLE | {"breaker_a": 1.7976931348623157e308})
    assert response.status_code == 400
    assert response.json()["fields"][0]["field"] == "breaker_a"


def test_every_forced_figure_at_its_upper_bound_still_answers_with_a_result(client: Client):
    body = CABLE | {
        "current_a": 1000,
        "length_m": 1000,
        "breaker_a": 1000,
        "csa_mm2": 1000,
        "cos_phi": 0.01,
    }
    response = post(client, "api_cable", body)
    assert response.status_code == 200
    assert response.json()["breaker_a"] == 1000


def test_a_boolean_is_no_integer(client: Client) -> None:
    response = post(client, "api_cable", CABLE | {"grouped_circuits": False})
    assert response.status_code == 400
    assert response.json()["fields"][0]["field"] == "grouped_circuits"


def test_a_whole_number_written_with_a_decimal_point_is_an_integer(client: Client) -> None:
    response = post(client, "api_cable", CABLE | {"grouped_circuits": 2.0})
    assert response.status_code == 200


@pytest.mark.parametrize("name", ENDPOINTS)
def test_a_body_over_the_upload_limit_answers_413_in_json(client: Client, name: str) -> None:
    response = post(client, name, '{"project_reference": "' + "x" * 3_000_000 + '"}')
    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    assert "larger than" in response.json()["error"]


def _chunked(
    client: Client, body: bytes, *, terminated: bool = True, name: str = "api_cable"
) -> Any:
    # What gunicorn hands Django for Transfer-Encoding: chunked: no Content-Length, and a
    # stream that ends with the body (announced by wsgi.input_terminated).
    environ = {
        "CONTENT_TYPE": "application/json",
        "HTTP_TRANSFER_ENCODING": "chunked",
        "wsgi.input": io.BytesIO(body),
    }
    if terminated:
        environ["wsgi.input_terminated"] = True
    return client.generic("POST", reverse(name), **environ)


def test_a_chunked_body_is_read_not_taken_for_empty(client: Client) -> None:
    response = _chunked(client, json.dumps(CABLE).encode())
    assert response.status_code == 200
    assert response.json()["breaker_a"] == 16


@pytest.mark.parametrize("name", ENDPOINTS)
def test_a_chunked_body_over_the_limit_answers_413(client: Client, name: str) -> None:
    response = _chunked(client, b'{"x": "' + b"x" * 3_000_000 + b'"}', name=name)
    assert response.status_code == 413
    assert "larger than" in response.json()["error"]


@pytest.mark.parametrize("name", ENDPOINTS)
def test_a_chunked_body_of_deep_nesting_answers_400_in_json(client: Client, name: str) -> None:
    response = _chunked(client, b'{"connection": ' + b"[" * 1000 + b"]" * 1000 + b"}", name=name)
    assert response.status_code == 400
    assert "nested deeper than" in response.json()["fields"][0]["message"]


def test_a_chunked_body_on_a_server_that_does_not_end_it_asks_for_a_length(client: Client):
    response = _chunked(client, json.dumps(CABLE).encode(), terminated=False)
    assert response.status_code == 411
    assert response.json()["error"]


def test_bytes_that_are_not_utf8_answer_400(client: Client) -> None:
    response = client.post(reverse("api_cable"), b'{"\x81": 1}', content_type="application/json")
    assert response.status_code == 400
    assert "UTF-8" in response.json()["error"]


def test_the_schema_endpoints_answer_other_methods_with_405_in_json(client: Client) -> None:
    for name in ("api_schema", "api_openapi"):
        response = client.post(reverse(name), "{}", content_type="application/json")
        assert response.status_code == 405
        assert response["Allow"] == "GET, HEAD"
        assert response.json()["error"]


def test_a_cable_type_its_insulation_contradicts_answers_400_naming_the_field(
    client: Client,
) -> None:
    # Issue 11's reproducer: YMvK (PVC) said to be XLPE would be rated from the XLPE table.
    body = {
        "connection": {"phases": 3, "main_fuse_a": 40},
        "inverter": "SMILE-G3-T20",
        "batteries": [{"module": "SMILE-G3-BAT-9.3S", "count": 3}],
        "ac_cable": {"length_m": 9, "insulation": "XLPE", "cable_type": "YMvK"},
    }
    response = post(client, "api_design", body)
    assert response.status_code == 400
    fields = response.json()["fields"]
    assert [f["field"] for f in fields] == ["ac_cable.insulation"]
    assert "YMvK has PVC insulation, not XLPE" in fields[0]["message"]


def test_vd_laid_in_the_ground_answers_400_naming_the_method(client: Client) -> None:
    body = {**T10, "ac_cable": {"length_m": 12, "method": "D2", "cable_type": "VD"}}
    response = post(client, "api_design", body)
    assert response.status_code == 400
    assert [f["field"] for f in response.json()["fields"]] == ["ac_cable.method"]
