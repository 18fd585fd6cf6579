"""Saved configurations to report on, and a browser that has them in its Mijn ontwerpen."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.core import signing
from django.test import Client

from keuzehulp.designs import COOKIE, SALT
from keuzehulp.models import Configuration, SavedDesign
from sales import services
from sizing.schema import DesignRequest

SMALL = {
    "connection": {"phases": 1, "main_fuse_a": 35, "earthing": "TN-C-S"},
    "inverter": "SMILE-G3-S5",
    "batteries": [{"module": "SMILE-G3-BAT-9.3S", "count": 2}],
    "backup": "none",
    "location": "indoor",
    "ac_cable": {"length_m": 12},
    "board": {"mode": "existing", "rcds": [{"groups": 3}, {"groups": 3}], "free_modules": 6},
    "project_reference": "Fam. de Vries",
}
# The large case: T20, 12 modules, BackupBox, a new board with 12 groups.
LARGE = {
    "connection": {"phases": 3, "main_fuse_a": 40, "earthing": "TN-C-S"},
    "inverter": "SMILE-G3-T20",
    "batteries": [{"module": "SMILE-G3-BAT-9.3S", "count": 12}],
    "backup": "backup_box",
    "location": "indoor",
    "ac_cable": {"length_m": 10},
    "board": {"mode": "new", "household_circuits": 12},
    "project_reference": "Molenweg 12",
}
TT = {
    **SMALL,
    "connection": {"phases": 1, "main_fuse_a": 35, "earthing": "TT", "ra_ohm": 60},
    "board": {
        "mode": "existing",
        "main_rcd": {"type": "A", "sensitivity_ma": 300, "selective": True},
        "rcds": [{"groups": 3}, {"groups": 3}],
        "free_modules": 6,
    },
    "project_reference": "Polder 1 (TT)",
}


def configuration(request: dict[str, Any] = SMALL) -> Configuration:
    design_request = DesignRequest.model_validate(request)
    design = services.design_of(design_request.model_dump(mode="json"))
    assert design is not None
    return services.save_configuration(design_request, design, "nl")


def owner(config: Configuration, client: Client | None = None) -> Client:
    """A browser with ``config`` in its list, as if it had saved the design itself."""
    client = client or Client()
    key = secrets.token_urlsafe(32)
    client.cookies[COOKIE] = signing.get_cookie_signer(salt=COOKIE + SALT).sign(key)
    SavedDesign.objects.create(
        browser=hashlib.sha256(key.encode()).hexdigest(), configuration=config
    )
    return client
