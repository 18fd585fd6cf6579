"""The rows the application cannot work without, put back after every migrate and flush.

The migrations make them once (catalog 0002, sales 0002). A ``flush`` (an admin's reset, or
the test runner emptying the database after a transactional test) deletes them and then sends
``post_migrate``, as it does for content types and permissions; this handler makes them again.

Only what is missing is made: a group an admin narrowed, or a VAT rate an admin corrected,
stays as the admin left it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

EDITOR = "Catalogusbeheer"
SALES = "Verkoop"

BATTERY_SOURCE = (
    "Belastingdienst, 'Btw en de thuisbatterij' (belastingdienst.nl, btw/thuisbatterij): "
    "het nultarief voor zonnepanelen geldt niet voor thuisbatterijen; 21 %."
)
PV_SOURCE = (
    "Wet OB tabel I post a.6 (nultarief zonnepanelen op of bij een woning, sinds 1-1-2023); "
    "aanpassing groepenkast voor de panelen valt eronder, vervanging van de hele kast niet "
    "(Belastingdienst Q&A na verzoek VEH, april 2023)."
)
VAT_CATEGORIES = {
    "hoog": {
        "name": "Algemeen tarief (batterij, installatie)",
        "rate": Decimal("0.2100"),
        "source": BATTERY_SOURCE,
        "is_default": True,
    },
    "pv-nul": {
        "name": "Nultarief zonnepanelen en PV-aanpassing",
        "rate": Decimal("0.0000"),
        "source": PV_SOURCE,
        "is_default": False,
    },
}


def ensure(using: str = "default", apps: Any = None, **kwargs: Any) -> None:
    """Make the missing groups (with their rights), VAT categories and letterhead row.

    Connected to ``post_migrate`` for the sales app, the last of ours: by then the permissions
    of the catalogue and sales apps exist. ``apps`` is the migrated state as ``migrate`` gives
    it; ``flush`` gives none, and then the models are the current ones.
    """
    if apps is None:
        from django.apps import apps
    try:
        group_model = apps.get_model("auth", "Group")
        permission_model = apps.get_model("auth", "Permission")
        vat_model = apps.get_model("sales", "VatCategory")
        seller_model = apps.get_model("sales", "SellerSettings")
    except LookupError:  # migrated to a point before these models: nothing to make yet
        return
    groups = group_model.objects.using(using)
    permissions = permission_model.objects.using(using)
    # The catalogue's products; its version row is the application's own bookkeeping.
    catalogue = permissions.filter(content_type__app_label="catalog").exclude(
        content_type__model="catalogversion"
    )
    editor, made = groups.get_or_create(name=EDITOR)
    if made:
        editor.permissions.set(catalogue)
    sales, made = groups.get_or_create(name=SALES)
    if made:
        sales.permissions.set(
            [
                *catalogue.filter(codename__startswith="view_"),
                *permissions.filter(content_type__app_label="sales"),
            ]
        )
    for code, fields in VAT_CATEGORIES.items():
        vat_model.objects.using(using).get_or_create(code=code, defaults=fields)
    seller_model.objects.using(using).get_or_create(pk=1)
