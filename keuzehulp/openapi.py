"""The OpenAPI 3.1 document of the JSON API, built from the engine's own pydantic models.

Nothing here restates a field: the component schemas are pydantic's JSON Schemas of the
contract (requests as they are validated, results as they are written), so the document
cannot drift from what the views accept and answer. The error bodies are models too, and
the views build their errors from them.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import BaseModel, Field, TypeAdapter
from pydantic.json_schema import JsonSchemaMode, models_json_schema

from sizing import ENGINE_VERSION
from sizing.schema import CableRequest, CableResult, Design, DesignRequest, Site, Suggestion

REF = "#/components/schemas/{model}"


class FieldProblem(BaseModel):
    field: str = Field(description="dotted path to the value, '(request)' for the whole body")
    message: str


class ApiError(BaseModel):
    """The body of every 4xx answer of the API."""

    error: str
    fields: list[FieldProblem] = Field(default_factory=list)


class RateLimited(ApiError):
    """The body of a 429 (keuzehulp.security): too many requests from one client address."""

    retry_after: int = Field(ge=0, description="seconds to wait, as in the Retry-After header")


SUGGESTIONS = TypeAdapter(list[Suggestion])

# (path, operationId, summary, request model, response model, response is a list)
_OPERATIONS: list[tuple[str, str, str, type[BaseModel], type[BaseModel], bool]] = [
    ("/api/design/", "design", "Check a configuration", DesignRequest, Design, False),
    ("/api/cable/", "cable", "Size a cable and its breaker", CableRequest, CableResult, False),
    ("/api/suggest/", "suggest", "Suggest systems for a site", Site, Suggestion, True),
]

_DESCRIPTION = (
    "The Keuzehulp engine's contract over HTTP: no session, no CSRF token. A design with "
    "error findings is still a 200; its `valid` is false. Numbers whose name carries a unit "
    "(`length_m`, `current_a`) also accept a quantity string in a compatible unit "
    '(`"12000 mm"`, `"14500 mA"`); the schemas show the plain number in the named unit. '
    "Bodies are JSON objects of at most {max_bytes} bytes, nested at most {max_depth} levels."
)


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"application/json": {"schema": schema}}


def _error(description: str, schema: str = "ApiError") -> dict[str, Any]:
    return {"description": description, "content": _json({"$ref": REF.format(model=schema)})}


def _post_responses(result: dict[str, Any]) -> dict[str, Any]:
    return {
        "200": {"description": "the result", "content": _json(result)},
        "400": _error("unreadable input; `fields` names what is wrong where"),
        "405": {
            **_error("a method other than POST"),
            "headers": {"Allow": {"required": True, "schema": {"type": "string"}}},
        },
        "411": _error("a chunked body the server cannot bound; send a Content-Length"),
        "413": _error("a body larger than the API reads"),
        "415": _error("a body that is not application/json"),
        "429": {
            **_error("too many requests from this client address", schema="RateLimited"),
            "headers": {
                "Retry-After": {"required": True, "schema": {"type": "integer", "minimum": 0}}
            },
        },
    }


def _get_responses(description: str) -> dict[str, Any]:
    return {
        "200": {"description": description, "content": _json({"type": "object"})},
        "405": {
            **_error("a method other than GET"),
            "headers": {"Allow": {"required": True, "schema": {"type": "string"}}},
        },
    }


@cache
def openapi_document(max_bytes: int, max_depth: int) -> dict[str, Any]:
    keys: list[tuple[type[BaseModel], JsonSchemaMode]] = [(ApiError, "serialization")]
    keys.append((RateLimited, "serialization"))
    for _, _, _, request, response, _ in _OPERATIONS:
        keys += [(request, "validation"), (response, "serialization")]
    refs, top = models_json_schema(keys, ref_template=REF)
    paths: dict[str, Any] = {}
    for path, operation_id, summary, request, response, is_list in _OPERATIONS:
        result = refs[(response, "serialization")]
        paths[path] = {
            "post": {
                "operationId": operation_id,
                "summary": summary,
                "requestBody": {"required": True, "content": _json(refs[(request, "validation")])},
                "responses": _post_responses(
                    {"type": "array", "items": result} if is_list else result
                ),
            }
        }
    paths["/api/schema/"] = {
        "get": {
            "operationId": "schemas",
            "summary": "The JSON Schemas of every request and result",
            "responses": _get_responses("request and response schema per endpoint"),
        }
    }
    paths["/api/openapi.json"] = {
        "get": {
            "operationId": "openapi",
            "summary": "This document",
            "responses": _get_responses("the OpenAPI 3.1 document"),
        }
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Keuzehulp API",
            "version": ENGINE_VERSION,
            "description": _DESCRIPTION.format(max_bytes=max_bytes, max_depth=max_depth),
        },
        "paths": paths,
        "components": {"schemas": top["$defs"]},
    }


@cache
def json_schemas() -> dict[str, Any]:
    """Request and response schema per endpoint, as /api/schema/ and the commands serve them."""
    return {
        "design": {
            "request": DesignRequest.model_json_schema(),
            "response": Design.model_json_schema(mode="serialization"),
        },
        "cable": {
            "request": CableRequest.model_json_schema(),
            "response": CableResult.model_json_schema(mode="serialization"),
        },
        "suggest": {
            "request": Site.model_json_schema(),
            "response": SUGGESTIONS.json_schema(mode="serialization"),
        },
    }
