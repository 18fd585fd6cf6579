"""Document benchmarks for ``manage.py bench``: the dossier PDF fresh and from the cache.

The largest configuration the brochure allows: a T20 with 12 × BAT-9.3S in two
clusters, a BackupBox with the afschakelset, and a new board with 12 household
groups (the most circuits, trace steps, BoM lines and diagram elements).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from keuzehulp.bench import register

LARGEST_REQUEST: dict[str, Any] = {
    "connection": {"phases": 3, "main_fuse_a": 35, "earthing": "TN-C-S"},
    "inverter": "SMILE-G3-T20",
    "batteries": [{"module": "SMILE-G3-BAT-9.3S", "count": 12}],
    "backup": "backup_box",
    "shutdown_kit": True,
    "location": "indoor",
    "existing_pv": {"power_kw": 6.0, "phase": "3P"},
    "ac_cable": {"length_m": 15, "method": "B1", "insulation": "PVC", "ambient_c": 30},
    "backup_cable": {"length_m": 5, "method": "B1"},
    "board": {"mode": "new", "household_circuits": 12},
    "project_reference": "Benchmark T20 12 modules",
}


def _largest() -> Any:
    from sizing.schema import DesignRequest

    return DesignRequest.model_validate(LARGEST_REQUEST)


@register("dossier_pdf", runs=10, budget_ms=1500.0)
def _dossier_pdf() -> Callable[[], Any]:
    """Dossier PDF, largest configuration (T20, 12 modules, BackupBox, 12 groups) + render."""
    from catalog.services import load_catalog
    from keuzehulp.documents.render import render_dossier
    from sizing.engine import design

    catalog = load_catalog()
    request = _largest()
    return lambda: render_dossier(design(request, catalog), "pdf", lang="nl")


@register("dossier_svg", runs=200, budget_ms=50.0)
def _dossier_svg() -> Callable[[], Any]:
    """Single-line diagram SVG of the largest configuration (design + drawing)."""
    from catalog.services import load_catalog
    from keuzehulp.documents.render import render_dossier
    from sizing.engine import design

    catalog = load_catalog()
    request = _largest()
    return lambda: render_dossier(design(request, catalog), "svg", lang="nl")


@register("dossier_pdf_cached", runs=200, budget_ms=25.0)
def _dossier_pdf_cached() -> Callable[[], Any]:
    """Dossier PDF download of an unchanged configuration, served from the cache (view)."""
    from django.contrib.sessions.backends.signed_cookies import SessionStore
    from django.test import RequestFactory

    from keuzehulp.documents.views import serve

    request = _largest()

    def download() -> Any:
        http = RequestFactory().get("/configuratie/bench/dossier.pdf")
        http.session = SessionStore()
        response = serve(http, request, "pdf", "bench")
        assert response.status_code == 200
        return response

    download()  # fills the cache: the timed calls are hits
    return download
