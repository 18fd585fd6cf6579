"""Admin for what sales configure once: the letterhead and the VAT categories.

Quotes and orders are worked on in the sales area (/verkoop/); the admin only reads them,
because a sent version is frozen and its rows must not be edited by hand.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from sales.models import Customer, Order, Quote, QuoteRequest, SellerSettings, VatCategory


@admin.register(SellerSettings)
class SellerSettingsAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return not SellerSettings.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(VatCategory)
class VatCategoryAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "rate", "is_default"]


@admin.register(Customer)
class CustomerAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "email", "default_discount_pct"]
    search_fields = ["name", "email", "contact_name"]


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(QuoteRequest)
class QuoteRequestAdmin(ReadOnlyAdmin):
    list_display = ["reference", "company", "contact_name", "status", "created_at"]


@admin.register(Quote)
class QuoteAdmin(ReadOnlyAdmin):
    list_display = ["number", "customer", "created_at"]


@admin.register(Order)
class OrderAdmin(ReadOnlyAdmin):
    list_display = ["number", "status", "created_at"]
