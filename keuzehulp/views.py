"""Pages that are not part of the wizard: home, price list, health."""

from __future__ import annotations

import logging
from typing import Any

from django.contrib.auth.decorators import permission_required
from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils import timezone
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
from keuzehulp import designs
from keuzehulp.models import HealthProbe
from sizing.text import one_line

logger = logging.getLogger(__name__)


def home(request: HttpRequest, *, rename: dict[str, Any] | None = None) -> HttpResponse:
    """The home page; ``rename`` is a refused new name, shown again in its row as typed."""
    inverters = Inverter.objects.filter(active=True).prefetch_related("compatibilities__module")
    modules = BatteryModule.objects.filter(active=True)
    # A NUL byte is refused by PostgreSQL inside the search; control characters match nothing.
    query = one_line(request.GET.get("q", ""))[:120]
    context = {
        "inverters": inverters,
        "modules": modules,
        "query": query,
        "designs": designs.rows(request, query),
        "has_designs": designs.listed(request).exists(),
        "rename": rename,
    }
    return TemplateResponse(request, "home.html", context)


def health(request: HttpRequest) -> JsonResponse:
    """For the container HEALTHCHECK and load balancers: the database answers and writes.

    A read-only or full database still answers ``SELECT 1``, while saving a design or logging
    in fails; so the probe also commits one row. Never cached, never rate-limited.
    """
    checks = {"database_read": False, "database_write": False}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database_read"] = True
        with transaction.atomic():
            HealthProbe.objects.update_or_create(pk=1, defaults={"checked_at": timezone.now()})
        checks["database_write"] = True
    except Exception:  # any database failure means unhealthy, whatever its type
        logger.exception("health check failed")
    healthy = all(checks.values())
    response = JsonResponse({"status": "ok" if healthy else "error", **checks})
    response.status_code = 200 if healthy else 503
    response["Cache-Control"] = "no-store"
    return response


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
