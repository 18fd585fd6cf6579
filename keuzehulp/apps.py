from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KeuzehulpConfig(AppConfig):
    name = "keuzehulp"
    verbose_name = _("Keuzehulp")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in
        from django.core import checks

        from catalog import versioning
        from keuzehulp import checks as keuzehulp_checks
        from keuzehulp.documents import refresh

        versioning.on_bump(refresh.catalogue_changed)

        user_logged_in.connect(shorten_account_session, dispatch_uid="keuzehulp.account_session")
        checks.register(
            keuzehulp_checks.shared_cache_in_production, checks.Tags.caches, deploy=True
        )


def shorten_account_session(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """A signed-in account (staff, sales) keeps its session a working day, not a week:
    its rights are worth more than a wizard visitor's draft."""
    from django.conf import settings

    if request is not None and hasattr(request, "session"):
        request.session.set_expiry(settings.ACCOUNT_SESSION_AGE)
