from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KeuzehulpConfig(AppConfig):
    name = "keuzehulp"
    verbose_name = _("Keuzehulp")
