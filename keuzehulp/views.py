"""Pages that are not part of the wizard: home and health."""

from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse

from catalog.models import BatteryModule, Inverter


def home(request: HttpRequest) -> HttpResponse:
    inverters = Inverter.objects.filter(active=True).prefetch_related("compatibilities__module")
    modules = BatteryModule.objects.filter(active=True)
    return TemplateResponse(request, "home.html", {"inverters": inverters, "modules": modules})


def health(request: HttpRequest) -> JsonResponse:
    """For the container HEALTHCHECK and load balancers: the database answers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # any database failure means unhealthy, whatever its type
        return JsonResponse({"status": "error"}, status=503)
    return JsonResponse({"status": "ok"})
