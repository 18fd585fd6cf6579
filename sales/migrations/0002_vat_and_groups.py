"""VAT categories with their sources, the letterhead row, and the Verkoop group's rights."""

from decimal import Decimal

from django.contrib.auth.management import create_permissions
from django.db import migrations

BATTERY_SOURCE = (
    "Belastingdienst, 'Btw en de thuisbatterij' (belastingdienst.nl, btw/thuisbatterij): "
    "het nultarief voor zonnepanelen geldt niet voor thuisbatterijen; 21 %."
)
PV_SOURCE = (
    "Wet OB tabel I post a.6 (nultarief zonnepanelen op of bij een woning, sinds 1-1-2023); "
    "aanpassing groepenkast voor de panelen valt eronder, vervanging van de hele kast niet "
    "(Belastingdienst Q&A na verzoek VEH, april 2023)."
)


def forwards(apps, schema_editor):
    VatCategory = apps.get_model("sales", "VatCategory")
    VatCategory.objects.update_or_create(
        code="hoog",
        defaults={
            "name": "Algemeen tarief (batterij, installatie)",
            "rate": Decimal("0.2100"),
            "source": BATTERY_SOURCE,
            "is_default": True,
        },
    )
    VatCategory.objects.update_or_create(
        code="pv-nul",
        defaults={
            "name": "Nultarief zonnepanelen en PV-aanpassing",
            "rate": Decimal("0.0000"),
            "source": PV_SOURCE,
            "is_default": False,
        },
    )
    apps.get_model("sales", "SellerSettings").objects.get_or_create(pk=1)
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    sales, _ = Group.objects.get_or_create(name="Verkoop")
    sales.permissions.add(*Permission.objects.filter(content_type__app_label="sales"))


def backwards(apps, schema_editor):
    apps.get_model("sales", "VatCategory").objects.filter(code__in=["hoog", "pv-nul"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("sales", "0001_initial"),
        ("catalog", "0002_groups"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
