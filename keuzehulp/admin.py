"""Saved configurations in the admin: find a design by project reference and open its page."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult

from keuzehulp.models import Configuration


@admin.register(Configuration)
class ConfigurationAdmin(admin.ModelAdmin):
    list_display = ("project_reference", "created_at", "engine_version", "catalog_version", "link")
    search_fields = ("project_reference", "id")
    date_hierarchy = "created_at"
    readonly_fields = (
        "id",
        "project_reference",
        "request",
        "engine_version",
        "catalog_version",
        "snapshot",
        "snapshot_hash",
        "language",
        "created_at",
        "link",
    )

    @admin.display(description=_("pagina"))
    def link(self, obj: Configuration) -> str:
        url = reverse("wizard:configuration", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("openen"))

    def has_add_permission(self, request: Any) -> bool:
        # Configurations come from the wizard; the stored request is what the share page recomputes.
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False


# django-tasks-db registers its task results, read-only even for superusers, and its change
# page fails for any result whose backend is not the database one (the immediate backend of
# `make run`). Operators watch the queue through /ready/ and the workers' logs instead.
admin.site.unregister(DBTaskResult)
