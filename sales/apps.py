from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SalesConfig(AppConfig):
    name = "sales"
    verbose_name = _("Verkoop")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from sales import reference_data

        # After every migrate and flush: the groups, VAT categories and letterhead row again.
        post_migrate.connect(reference_data.ensure, sender=self, dispatch_uid="sales.reference")
