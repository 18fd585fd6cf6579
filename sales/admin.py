"""Admin for what is configured once: the letterhead, the VAT categories, and customers.

Requests, quotes and orders live in the sales area (/verkoop/), not here: a sent version is
frozen and its rows must not be edited by hand. The number counters of django-sequences are
not shown either, since a counter set back by hand would hand out a number twice.
"""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest
from sequences.models import Sequence

from sales.logo import SellerSettingsForm
from sales.models import Customer, SellerSettings, VatCategory


@admin.register(SellerSettings)
class SellerSettingsAdmin(admin.ModelAdmin):
    """One row, made by the migration (and again by SellerSettings.load() if deleted)."""

    form = SellerSettingsForm

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(VatCategory)
class VatCategoryAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "rate", "is_default"]


@admin.register(Customer)
class CustomerAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "email", "default_discount_pct"]
    search_fields = ["name", "email", "contact_name"]


if admin.site.is_registered(Sequence):
    admin.site.unregister(Sequence)
