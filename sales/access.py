"""Who may use the sales area: signed-in users with the sales rights (group Verkoop).

Anyone else signed in gets a 403 page, not the login form again: they are who they say,
they just may not see prices, customers and quotes. Anonymous visitors go to the login.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

SALES_PERMISSION = "sales.change_quote"


def may_sell(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active and user.has_perm(SALES_PERMISSION))


def sales_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not may_sell(request.user):
            return TemplateResponse(request, "sales/forbidden.html", {}, status=403)
        response = view(request, *args, **kwargs)
        # Prices and customers' details: never in a shared cache or the back/forward cache.
        response["Cache-Control"] = "private, no-store"
        return response

    return guarded
