"""Groups: Catalogusbeheer edits the catalogue, Verkoop reads it."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR = "Catalogusbeheer"
SALES = "Verkoop"


def create_groups(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now so the groups get them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    catalogue = Permission.objects.filter(content_type__app_label="catalog")
    editor, _ = Group.objects.get_or_create(name=EDITOR)
    editor.permissions.set(catalogue)
    sales, _ = Group.objects.get_or_create(name=SALES)
    sales.permissions.set(catalogue.filter(codename__startswith="view_"))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITOR, SALES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
