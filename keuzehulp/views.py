"""Pages that are not part of the wizard: home, price list, health."""

from __future__ import annotations

from django.contrib.auth.decorators import permission_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from catalog.models import (
    Accessory,
    BatteryModule,
    Cable,
    CircuitBreaker,
    Enclosure,
    Inverter,
    MainSwitch,
    ResidualCurrentDevice,
)


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


@permission_required("catalog.view_inverter", raise_exception=False)
def price_list(request: HttpRequest) -> HttpResponse:
    """The catalogue with prices, for sales staff (group Verkoop) and catalogue admins."""
    sections = [
        (_("Omvormers"), Inverter.objects.filter(active=True)),
        (_("Batterijmodules"), BatteryModule.objects.filter(active=True)),
        (_("Accessoires"), Accessory.objects.filter(active=True)),
        (_("Kabels"), Cable.objects.filter(active=True)),
        (_("Installatieautomaten"), CircuitBreaker.objects.filter(active=True)),
        (
            _("Aardlekschakelaars en aardlekautomaten"),
            ResidualCurrentDevice.objects.filter(active=True),
        ),
        (_("Hoofdschakelaars"), MainSwitch.objects.filter(active=True)),
        (_("Groepenkasten"), Enclosure.objects.filter(active=True)),
    ]
    return TemplateResponse(request, "catalog/price_list.html", {"sections": sections})


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A lost or expired security cookie: explain and offer the way back, no bare 403 page."""
    return TemplateResponse(request, "csrf_failure.html", {"reason": reason}, status=403)
