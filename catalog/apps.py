from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    name = "catalog"
    verbose_name = _("Productcatalogus")

    def ready(self) -> None:
        from catalog import models as m
        from catalog import services, versioning

        versioning.connect(services.PRODUCT_MODELS, (m.Accessory.compatible_inverters.through,))
