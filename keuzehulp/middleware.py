"""Dutch first (the language middleware), and a clear 503 when the database is away."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.utils import translation

logger = logging.getLogger(__name__)
RETRY_AFTER_S = 60


class DutchFirstLocaleMiddleware:
    """Activate the language from the language cookie (set by the switch), else Dutch.

    Django's LocaleMiddleware would follow the browser's Accept-Language, so an
    installer with an English-language phone would get English first. Here only
    an explicit choice changes the language.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language  # type: ignore[attr-defined]
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class DatabaseUnavailableMiddleware:
    """A database that refuses to answer or to write (full disk, read-only, restarting):
    a 503 that says to try again, JSON for the API, a page for people, never a bare 500.

    The page is rendered without the request's context processors, which would read the
    session from the same database; the session is not saved either, for the same reason.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, DatabaseError):
            return None
        logger.error("database unavailable on %s", request.path, exc_info=exception)
        session = getattr(request, "session", None)
        if session is not None:
            session.modified = False
        response: HttpResponse
        if request.path.startswith("/api/"):
            response = JsonResponse(
                {"error": "the service cannot reach its database; try again later", "fields": []},
                status=503,
            )
        else:
            html = loader.get_template("database_unavailable.html").render({})
            response = HttpResponse(html, status=503)
        response["Retry-After"] = str(RETRY_AFTER_S)
        return response
