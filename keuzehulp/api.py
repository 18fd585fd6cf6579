"""JSON API over the engine's entry points: the same pydantic contract as the commands.

POST /api/design/       DesignRequest → Design        (200; the Design says valid or not)
POST /api/cable/        CableRequest  → CableResult   (200)
POST /api/suggest/      Site          → [Suggestion]  (200)
GET  /api/schema/       the JSON Schemas of all of them
GET  /api/openapi.json  the OpenAPI 3.1 document (keuzehulp/openapi.py)
Every refusal is JSON {"error": …, "fields": [{"field", "message"}]}: 400 unreadable input
(parsed by keuzehulp.jsoninput, as in the commands) or a design request the catalogue refuses
(a cable type its insulation or method contradicts, sizing.cable.types), 405 a wrong method,
411 a chunked body the server does not end, 413 a body over MAX_BODY_BYTES, 415 a wrong
content type; urls.py wraps the POST views in keuzehulp.security's rate limit (429).
No state, no session: CSRF-exempt.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, JsonResponse, UnreadablePostError
from django.views.decorators.csrf import csrf_exempt
from pydantic import BaseModel

from keuzehulp import jsoninput
from keuzehulp.openapi import SUGGESTIONS, ApiError, FieldProblem, json_schemas, openapi_document
from sizing.schema import CableRequest, DesignRequest, Site

MAX_BODY_BYTES = 64 * 1024
REFUSED = "the request contradicts the catalogue"
# A number that cannot be written as JSON (NaN, Infinity) raises instead of leaving as text
# that no client can parse.
_DUMPS = {"ensure_ascii": False, "allow_nan": False}


class _Refusal(Exception):
    def __init__(self, status: int, message: str, fields: list[tuple[str, str]] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.fields = fields or []


def _error(status: int, message: str, fields: list[tuple[str, str]] | None = None) -> JsonResponse:
    body = ApiError(
        error=message, fields=[FieldProblem(field=f, message=m) for f, m in fields or []]
    )
    return JsonResponse(body.model_dump(), status=status, json_dumps_params=_DUMPS)


def _wrong_method(allowed: str) -> JsonResponse:
    response = _error(405, f"use {allowed.split(',')[0]}")
    response["Allow"] = allowed
    return response


def _read_body(request: HttpRequest) -> bytes:
    """The body, never more than MAX_BODY_BYTES + 1 bytes of it read."""
    length = request.META.get("CONTENT_LENGTH")
    if length:
        try:
            size = int(length)
        except ValueError:
            size = -1
        if size < 0:
            raise _Refusal(400, "the Content-Length header is not a number of bytes")
        if size > MAX_BODY_BYTES:
            raise _Refusal(413, f"the request is larger than {MAX_BODY_BYTES} bytes")
        try:
            body = request.body
        except RequestDataTooBig as exc:
            raise _Refusal(413, f"the request is larger than {MAX_BODY_BYTES} bytes") from exc
        except (UnreadablePostError, OSError) as exc:
            raise _Refusal(400, "the request body could not be read") from exc
    elif request.META.get("wsgi.input_terminated"):
        # A chunked body has no Content-Length; Django then reads it as empty. Servers that
        # end the stream themselves (gunicorn) say so with this flag, so reading to its end
        # cannot hang.
        body = request.META["wsgi.input"].read(MAX_BODY_BYTES + 1)
    elif "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower():
        raise _Refusal(411, "send the body with a Content-Length")
    else:
        body = b""
    if len(body) > MAX_BODY_BYTES:
        raise _Refusal(413, f"the request is larger than {MAX_BODY_BYTES} bytes")
    return body


def _json_endpoint(
    model: type[BaseModel],
    compute: Callable[[Any], Any],
    refuse: Callable[[Any], list[tuple[str, str]]] | None = None,
) -> Callable[[HttpRequest], JsonResponse]:
    @csrf_exempt
    def view(request: HttpRequest) -> JsonResponse:
        if request.method != "POST":
            return _wrong_method("POST")
        if request.content_type != "application/json":
            return _error(415, "send the request as application/json")
        try:
            parsed = jsoninput.parse_model(_read_body(request), model)
        except _Refusal as exc:
            return _error(exc.status, exc.message, exc.fields)
        except jsoninput.UnreadableInput as exc:
            return _error(400, exc.message, exc.fields)
        # What the schema cannot decide alone (a cable type against the catalogue) is refused
        # like a field the schema refused.
        if refuse is not None and (fields := refuse(parsed)):
            return _error(400, REFUSED, fields)
        return JsonResponse(compute(parsed), safe=False, json_dumps_params=_DUMPS)

    return view


def _catalog() -> Any:
    from catalog.services import load_catalog

    return load_catalog()


def _design(request: DesignRequest) -> Any:
    from sizing.engine import design

    return design(request, _catalog()).model_dump(mode="json")


def _refuse_design(request: DesignRequest) -> list[tuple[str, str]]:
    from sizing.cable.types import field_errors

    return field_errors(request, _catalog())


def _cable(request: CableRequest) -> Any:
    from sizing.cable.size import size_cable

    return size_cable(request).model_dump(mode="json")


def _suggest(site: Site) -> Any:
    from sizing.engine import suggest

    return SUGGESTIONS.dump_python(suggest(site, _catalog()), mode="json")


design_view = _json_endpoint(DesignRequest, _design, _refuse_design)
cable_view = _json_endpoint(CableRequest, _cable)
suggest_view = _json_endpoint(Site, _suggest)


@csrf_exempt
def schema_view(request: HttpRequest) -> JsonResponse:
    if request.method not in ("GET", "HEAD"):
        return _wrong_method("GET, HEAD")
    return JsonResponse(json_schemas(), json_dumps_params=_DUMPS)


@csrf_exempt
def openapi_view(request: HttpRequest) -> JsonResponse:
    if request.method not in ("GET", "HEAD"):
        return _wrong_method("GET, HEAD")
    document = openapi_document(MAX_BODY_BYTES, jsoninput.MAX_DEPTH)
    return JsonResponse(document, json_dumps_params=_DUMPS)
