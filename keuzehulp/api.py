"""JSON API over the engine's entry points: the same pydantic contract as the commands.

POST /api/design/   DesignRequest → Design        (200; the Design says valid or not)
POST /api/cable/    CableRequest  → CableResult   (200)
POST /api/suggest/  Site          → [Suggestion]  (200)
GET  /api/schema/   the JSON Schemas of all of them
Unreadable input answers 400 with {"error": …, "fields": [{"field", "message"}]}; a wrong
method 405 and a wrong content type 415, also as JSON. No state, no session: CSRF-exempt.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from pydantic import BaseModel, TypeAdapter, ValidationError

from sizing.schema import CableRequest, CableResult, Design, DesignRequest, Site, Suggestion

MAX_BODY_BYTES = 64 * 1024


def _error(status: int, message: str, fields: list[dict[str, str]] | None = None) -> JsonResponse:
    return JsonResponse({"error": message, "fields": fields or []}, status=status)


def _json_endpoint(
    model: type[BaseModel], compute: Callable[[Any], Any]
) -> Callable[[HttpRequest], JsonResponse]:
    @csrf_exempt
    def view(request: HttpRequest) -> JsonResponse:
        if request.method != "POST":
            response = _error(405, "use POST with a JSON body")
            response["Allow"] = "POST"
            return response
        if request.content_type != "application/json":
            return _error(415, "send the request as application/json")
        if len(request.body) > MAX_BODY_BYTES:
            return _error(413, f"the request is larger than {MAX_BODY_BYTES} bytes")
        try:
            data = json.loads(request.body)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            return _error(400, f"invalid JSON: {exc}")
        if not isinstance(data, dict):
            return _error(400, "expected a JSON object")
        try:
            parsed = model.model_validate(data)
        except ValidationError as exc:
            fields = [
                {"field": ".".join(str(p) for p in e["loc"]) or "(request)", "message": e["msg"]}
                for e in exc.errors()
            ]
            return _error(400, f"invalid {model.__name__}", fields)
        return JsonResponse(compute(parsed), safe=False, json_dumps_params={"ensure_ascii": False})

    return view


def _catalog() -> Any:
    from catalog.services import load_catalog

    return load_catalog()


def _design(request: DesignRequest) -> Any:
    from sizing.engine import design

    return design(request, _catalog()).model_dump(mode="json")


def _cable(request: CableRequest) -> Any:
    from sizing.cable import size_cable

    return size_cable(request).model_dump(mode="json")


_SUGGESTIONS = TypeAdapter(list[Suggestion])


def _suggest(site: Site) -> Any:
    from sizing.engine import suggest

    return _SUGGESTIONS.dump_python(suggest(site, _catalog()), mode="json")


design_view = _json_endpoint(DesignRequest, _design)
cable_view = _json_endpoint(CableRequest, _cable)
suggest_view = _json_endpoint(Site, _suggest)


def schema_view(request: HttpRequest) -> JsonResponse:
    return JsonResponse(
        {
            "design": {
                "request": DesignRequest.model_json_schema(),
                "response": Design.model_json_schema(),
            },
            "cable": {
                "request": CableRequest.model_json_schema(),
                "response": CableResult.model_json_schema(),
            },
            "suggest": {
                "request": Site.model_json_schema(),
                "response": _SUGGESTIONS.json_schema(),
            },
        }
    )
