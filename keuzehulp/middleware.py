"""Dutch first (the language middleware), and a clear answer when the database fails: 503 when
it is away, 400 when it refuses a value."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.db import DatabaseError, DataError
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
        session = getattr(request, "session", None)
        if session is not None:
            session.modified = False
        if isinstance(exception, DataError):
            return self._refused_data(request, exception)
        logger.error("database unavailable on %s", request.path, exc_info=exception)
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

    @staticmethod
    def _refused_data(request: HttpRequest, exception: DataError) -> HttpResponse:
        """A value the database refuses to store (a NUL byte, a number out of its range): the
        database is up, so this is no outage to page anyone for and no reason to try again
        later. It is input our validation let through, logged as such, and answered 400."""
        logger.error("database refused the data of %s", request.path, exc_info=exception)
        if request.path.startswith("/api/"):
            return JsonResponse(
                {"error": "the request holds a value that cannot be stored", "fields": []},
                status=400,
            )
        html = loader.get_template("data_refused.html").render({})
        return HttpResponse(html, status=400)
