"""Abuse limits: who the client is, how often it may do an expensive thing, and the 429.

django-ratelimit counts (in the shared cache) and django-axes counts failed logins (in the
database); this module holds what both need from us: the client's address behind our
proxies, and answers that say how long to wait, as JSON for the API and as a page for
people.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django_ratelimit.core import get_usage


def client_ip(request: HttpRequest) -> str:
    """The client's address: the connection's, or the one our trusted proxies recorded.

    Only the last ``TRUSTED_PROXY_COUNT`` hops of X-Forwarded-For are ours; anything to their
    left was written by the client and is ignored, so a forged header cannot pick a bucket.
    """
    remote = request.META.get("REMOTE_ADDR") or "0.0.0.0"
    hops = settings.TRUSTED_PROXY_COUNT
    if hops <= 0:
        return remote
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < hops:
        return remote
    candidate = forwarded[-hops]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def wait_seconds(request: HttpRequest, group: str, rate: str) -> int:
    """Count one use of ``group`` by this client; seconds to wait if over ``rate``, else 0."""
    usage = get_usage(request, group=group, key="ip", rate=rate, increment=True)
    if usage is None or not usage["should_limit"]:
        return 0
    return max(1, int(usage["time_left"]))


def too_many_json(seconds: int) -> JsonResponse:
    response = JsonResponse(
        {
            "error": f"too many requests from this client; try again in {seconds} s",
            "fields": [],
            "retry_after": seconds,
        },
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response


def too_many_page(request: HttpRequest, seconds: int) -> HttpResponse:
    # Rendered at once (not a TemplateResponse): django-axes returns it from its middleware.
    response = render(
        request, "too_many_requests.html", {"minutes": max(1, -(-seconds // 60))}, status=429
    )
    response["Retry-After"] = str(seconds)
    return response


def api_rate_limited(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The API view, answering 429 with a JSON body once a client passes ``RATE_API``."""

    @wraps(view)
    def limited(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        seconds = wait_seconds(request, "api", settings.RATE_API)
        if seconds:
            return too_many_json(seconds)
        return view(request, *args, **kwargs)

    return limited


def login_locked_out(
    request: HttpRequest, original_response: Any = None, credentials: Any = None
) -> HttpResponse:
    """django-axes' answer to a locked-out client: a page with the wait, status 429."""
    cool_off = settings.AXES_COOLOFF_TIME
    seconds = int(cool_off.total_seconds()) if isinstance(cool_off, timedelta) else 900
    return too_many_page(request, seconds)
