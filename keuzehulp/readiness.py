"""/ready/: may the load balancer send this web host traffic, and will its work get done?

/health/ says the process and the database are alive (restart when not). Readiness adds
what a visitor needs beyond that: the shared cache answers (rate limits, documents), and the
document queue moves. A queue whose oldest waiting render is older than
``READY_MAX_QUEUE_AGE_S`` means no worker runs or the workers cannot keep up; downloads would
wait on "wordt gemaakt…" for ever, so the host reports not ready and the operator is paged.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


def _database() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return True


def _cache() -> bool:
    probe = f"keuzehulp:ready:{uuid.uuid4().hex}"
    cache.set(probe, "1", 10)
    ok = cache.get(probe) == "1"
    cache.delete(probe)
    return ok


def _queue() -> dict[str, Any]:
    """How many renders wait and how long the oldest has; ok unless it waited too long."""
    if settings.TASKS_BACKEND != "database":
        return {"ok": True, "backend": settings.TASKS_BACKEND}
    from django_tasks_db.models import DBTaskResult

    # Re-renders after a catalogue change wait below priority 0, behind every download; a
    # long sweep is work in hand, not a stuck queue.
    waiting = DBTaskResult.objects.ready().filter(priority__gte=0)
    oldest = waiting.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    age = (timezone.now() - oldest).total_seconds() if oldest else 0.0
    return {
        "ok": age <= settings.READY_MAX_QUEUE_AGE_S,
        "backend": "database",
        "waiting": waiting.count(),
        "oldest_waiting_s": round(age, 1),
    }


def _passed(check: Any) -> bool:
    return bool(check["ok"] if isinstance(check, dict) else check)


@never_cache
def ready(request: HttpRequest) -> JsonResponse:
    checks: dict[str, Any] = {}
    for name, probe in (("database", _database), ("cache", _cache), ("queue", _queue)):
        try:
            checks[name] = probe()
        except Exception:  # whatever broke, the host is not ready; the log says what
            logger.exception("readiness check %s failed", name)
            checks[name] = False
        else:
            # A Redis cache that is down answers None instead of raising (django-redis
            # IGNORE_EXCEPTIONS; its own log line says why): a failure all the same.
            if not _passed(checks[name]):
                logger.error("readiness check %s failed", name)
    ok = all(_passed(value) for value in checks.values())
    response = JsonResponse({"status": "ok" if ok else "error", **checks})
    response.status_code = 200 if ok else 503
    return response
