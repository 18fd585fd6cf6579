"""System checks of our own (shown by `manage.py check`, the deploy ones with --deploy)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks

PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


def shared_cache_in_production(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Rate limits and the document cache only hold across workers in a shared cache."""
    backend = settings.CACHES["default"]["BACKEND"]
    if settings.DEBUG or backend not in PER_PROCESS_CACHES:
        return []
    return [
        checks.Warning(
            "The cache is kept per process: every worker counts rate limits and caches "
            "documents on its own.",
            hint="Set CACHE_URL to a Redis server (redis://) or the database (db://) that every "
            "web worker reaches.",
            id="keuzehulp.W001",
        )
    ]
