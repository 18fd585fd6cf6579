"""Keuzehulp sizing engine: pure Python (pydantic + pint), no Django.

One entry point per action (shared/design.md): ``sizing.design(request, catalog)`` and
``sizing.size_cable(request)``; ``sizing.engine.suggest(site, catalog)`` lists valid systems
and ``sizing.engine.suggest_with_reasons(site, catalog)`` adds why the others are not
offered (``sizing.system.suggest`` is the module that implements both).
"""

from __future__ import annotations

from typing import Any

ENGINE_VERSION = "0.1.0"

_ENTRY_POINTS = {
    "design": "sizing.engine",
    "size_cable": "sizing.cable.size",
}


def __getattr__(name: str) -> Any:
    # Imported on first use: the engine modules themselves import ENGINE_VERSION from here.
    if name in _ENTRY_POINTS:
        import importlib

        return getattr(importlib.import_module(_ENTRY_POINTS[name]), name)
    raise AttributeError(f"module 'sizing' has no attribute {name!r}")
