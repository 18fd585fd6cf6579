"""Generic RCBOs are ordered as 6 kA devices, as the generic breakers already are.

A generic article is a specification to order by, not a maker's part: its breaking capacity
is what the order asks for (IEC 61009-1 Icn ≥ 6 kA, the documented default Ik,max), so the
fault check no longer calls it unknown on every design. Only rows still without a figure and
still generic are touched; an admin's own figure stays.
"""

import secrets
from decimal import Decimal

from django.db import migrations
from django.db.models import F
from django.utils import timezone


def forwards(apps, schema_editor):
    rcds = apps.get_model("catalog", "ResidualCurrentDevice")
    changed = rcds.objects.filter(
        is_rcbo=True, is_generic=True, article__startswith="GEN-", breaking_capacity_ka__isnull=True
    ).update(breaking_capacity_ka=Decimal("6"))
    if changed:
        # Designs and stored documents are keyed by the catalogue version: a new one, as every
        # catalogue change makes (catalog/versioning.py), without the app's signals here.
        versions = apps.get_model("catalog", "CatalogVersion")
        versions.objects.filter(pk=1).update(
            counter=F("counter") + 1, changed_at=timezone.now(), token=secrets.token_hex(4)
        )


class Migration(migrations.Migration):
    dependencies = [("catalog", "0007_breaking_capacity_of_rcbos")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
