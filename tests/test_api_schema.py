"""The served JSON Schemas and the OpenAPI document: standard validators apply every bound."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from jsonschema import Draft202012Validator, ValidationError
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from sizing.text import UNPRINTABLE_PATTERN, unprintable

pytestmark = pytest.mark.django_db

# Pydantic's own names for bounds; in a schema no validator knows them and each is ignored.
PYDANTIC_BOUNDS = {"gt", "ge", "lt", "le", "multiple_of"}


def _keys(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield key
            if key not in ("properties", "$defs", "schemas"):
                yield from _keys(value)
            else:
                for item in value.values():
                    yield from _keys(item)
    elif isinstance(node, list):
        for item in node:
            yield from _keys(item)


def _errors(schema: dict[str, Any], instance: Any) -> set[str]:
    """Where a 2020-12 validator finds the instance wrong, down into the branches of anyOf."""
    paths: set[str] = set()

    def visit(errors: Iterable[ValidationError]) -> None:
        for error in errors:
            if error.context:
                visit(error.context)
            else:
                paths.add(".".join(str(part) for part in error.absolute_path))

    visit(Draft202012Validator(schema).iter_errors(instance))
    return paths


def test_no_served_schema_carries_a_bound_that_validators_ignore(client: Client) -> None:
    schemas = client.get(reverse("api_schema")).json()
    document = client.get(reverse("api_openapi")).json()
    assert not PYDANTIC_BOUNDS & set(_keys(schemas))
    assert not PYDANTIC_BOUNDS & set(_keys(document))


def test_every_served_schema_is_a_valid_2020_12_schema(client: Client) -> None:
    schemas = client.get(reverse("api_schema")).json()
    for endpoint in schemas.values():
        for schema in endpoint.values():
            Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize(
    ("endpoint", "instance", "field"),
    [
        ("cable", {"current_a": 10, "length_m": 5, "breaker_a": -16}, "breaker_a"),
        ("cable", {"current_a": 10, "length_m": 5, "csa_mm2": 0}, "csa_mm2"),
        ("cable", {"current_a": 10, "length_m": 5, "voltage_v": 5e-324}, "voltage_v"),
        (
            "cable",
            {"current_a": 10, "length_m": 5, "soil_resistivity_km_w": 11},
            "soil_resistivity_km_w",
        ),
        (
            "design",
            {
                "connection": {"phases": 3, "main_fuse_a": 25},
                "inverter": "SMILE-G3-T10",
                "batteries": [{"module": "SMILE-G3-BAT-9.3S", "count": 8}],
                "ac_cable": {"length_m": 12, "breaker_a": -1},
            },
            "ac_cable.breaker_a",
        ),
        (
            "design",
            {
                "connection": {"phases": 3, "main_fuse_a": 25},
                "inverter": "SMILE-G3-T10",
                "batteries": [{"module": "SMILE-G3-BAT-9.3S", "count": 8}],
                "max_voltage_drop_pct": 9,
            },
            "max_voltage_drop_pct",
        ),
        (
            "suggest",
            {"connection": {"phases": 1, "main_fuse_a": 25}, "min_ambient_c": -99},
            "min_ambient_c",
        ),
    ],
)
def test_a_validator_refuses_an_optional_value_out_of_bounds_by_the_served_schema(
    client: Client, endpoint: str, instance: dict[str, Any], field: str
) -> None:
    schema = client.get(reverse("api_schema")).json()[endpoint]["request"]
    assert field in _errors(schema, instance)
    response = client.post(reverse(f"api_{endpoint}"), instance, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["fields"][0]["field"] == field


def test_a_real_design_validates_against_the_served_response_schema(client: Client) -> None:
    request = {
        "connection": {"phases": 3, "main_fuse_a": 25, "earthing": "TN-C-S"},
        "inverter": "SMILE-G3-T10",
        "batteries": [{"module": "SMILE-G3-BAT-9.3S", "count": 8}],
        "backup": "backup_box",
        "ac_cable": {"length_m": 12},
    }
    design = client.post(reverse("api_design"), request, content_type="application/json")
    schema = client.get(reverse("api_schema")).json()["design"]["response"]
    assert design.json()["bom"]
    assert _errors(schema, design.json()) == set()


def _openapi_validator(document: dict[str, Any], name: str) -> Draft202012Validator:
    registry = Registry().with_resource("urn:openapi", DRAFT202012.create_resource(document))
    return Draft202012Validator(
        {"$ref": f"urn:openapi#/components/schemas/{name}"}, registry=registry
    )


def test_the_openapi_document_documents_every_refusal_of_every_endpoint(client: Client) -> None:
    response = client.get(reverse("api_openapi"))
    document = response.json()
    assert response.status_code == 200
    assert document["openapi"].startswith("3.1")
    for path in ("/api/design/", "/api/cable/", "/api/suggest/"):
        responses = document["paths"][path]["post"]["responses"]
        assert set(responses) == {"200", "400", "405", "411", "413", "415", "429"}
        error = responses["400"]["content"]["application/json"]["schema"]["$ref"]
        assert error == "#/components/schemas/ApiError"
    rate_limited = _openapi_validator(document, "RateLimited")
    assert rate_limited.is_valid({"error": "too many requests", "retry_after": 30})
    assert not rate_limited.is_valid({"error": "too many requests"})


def test_an_api_error_answer_matches_the_documented_error_schema(client: Client) -> None:
    document = client.get(reverse("api_openapi")).json()
    answer = client.post(
        reverse("api_cable"), json.dumps({"length_m": 5}), content_type="application/json"
    )
    assert answer.status_code == 400
    assert list(_openapi_validator(document, "ApiError").iter_errors(answer.json())) == []


def test_the_openapi_document_is_built_from_the_same_models_as_the_schemas(client: Client) -> None:
    schemas = client.get(reverse("api_schema")).json()
    components = client.get(reverse("api_openapi")).json()["components"]["schemas"]
    assert set(components["CableRequest"]["properties"]) == set(
        schemas["cable"]["request"]["properties"]
    )


@pytest.mark.usefixtures("one_rate_window")
@override_settings(RATE_API="1/m")
def test_a_rate_limited_answer_matches_the_documented_429(client: Client) -> None:
    document = client.get(reverse("api_openapi")).json()
    body = json.dumps({"current_a": 10, "length_m": 5})
    answers = [
        client.post(reverse("api_cable"), body, content_type="application/json", REMOTE_ADDR=ip)
        for ip in ("192.0.2.44", "192.0.2.44")
    ]
    assert [a.status_code for a in answers] == [200, 429]
    assert list(_openapi_validator(document, "RateLimited").iter_errors(answers[1].json())) == []
    assert answers[1]["Retry-After"]


def test_the_published_text_rule_refuses_exactly_the_characters_the_validator_refuses() -> None:
    published = re.compile(UNPRINTABLE_PATTERN)
    for point in (*range(0xD800), *range(0xE000, 0x10000)):
        char = chr(point)
        assert bool(published.search(char)) == bool(unprintable(char)), f"U+{point:04X}"


def test_a_validator_refuses_a_control_character_in_the_project_reference(client: Client) -> None:
    schema = client.get(reverse("api_schema")).json()["design"]["request"]
    request = {
        "connection": {"phases": 1, "main_fuse_a": 35},
        "inverter": "SMILE-G3-S5",
        "batteries": [{"module": "SMILE-G3-BAT-9.3S", "count": 2}],
    }
    assert _errors(schema, request) == set()
    assert "project_reference" in _errors(schema, request | {"project_reference": "Fam.\fJansen"})
    assert "project_reference" in _errors(schema, request | {"project_reference": "Jansen\n"})


def _numbers(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every numeric leaf of a schema with its dotted path, branches of anyOf included."""
    if isinstance(node, dict):
        if node.get("type") in ("number", "integer"):
            yield path, node
        for key, value in node.items():
            if key in ("properties", "$defs"):
                for name, item in value.items():
                    yield from _numbers(item, f"{path}.{name}" if path else name)
            elif isinstance(value, dict | list):
                yield from _numbers(value, path)
    elif isinstance(node, list):
        for item in node:
            yield from _numbers(item, path)


def test_every_number_a_request_accepts_has_an_upper_bound(client: Client) -> None:
    # An unbounded number lets a client send 1.8e308, and the arithmetic behind it overflows to
    # infinity: the fuzzer found a breaker_a that did, and the answer was a 500.
    schemas = client.get(reverse("api_schema")).json()
    unbounded = [
        f"{name}:{path}"
        for name, endpoint in schemas.items()
        for path, node in _numbers(endpoint["request"])
        if "maximum" not in node
        and "exclusiveMaximum" not in node
        and "enum" not in node
        and "const" not in node
    ]
    assert unbounded == []


def test_a_design_echoes_a_typed_run_the_way_its_own_schema_allows(client: Client) -> None:
    # Found by the fuzzer on PostgreSQL: a YMvK run without a method was echoed with the
    # default B1, which the schema's rules forbid for a multi-core cable (its column is B2).
    body = {
        "connection": {"phases": 1, "main_fuse_a": 40},
        "inverter": "SMILE-G3-S5",
        "batteries": [{"module": "SMILE-G3-BAT-9.3S", "count": 2}],
        "ac_cable": {"cable_type": "YMvK", "length_m": 12},
    }
    response = client.post(reverse("api_design"), body, content_type="application/json")
    assert response.status_code == 200
    echoed = response.json()["request"]["ac_cable"]
    assert (echoed["method"], echoed["insulation"]) == ("B2", "PVC")
    schema = client.get(reverse("api_schema")).json()["design"]["response"]
    assert _errors(schema, response.json()) == set()
