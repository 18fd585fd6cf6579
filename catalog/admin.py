"""Catalogue admin: search, filters, history of every change, CSV/XLSX import and export."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources
from import_export.admin import ImportExportModelAdmin
from import_export.instance_loaders import CachedInstanceLoader
from import_export.widgets import ManyToManyWidget
from simple_history.admin import SimpleHistoryAdmin

from catalog import models as m
from catalog.spreadsheets import (
    CATALOGUE_FORMATS,
    CatalogueExportForm,
    CatalogueImportForm,
    ImportRefused,
)

PRODUCT_SEARCH = ("article", "model_code", "name_nl", "name_en")
PRODUCT_FILTERS: tuple[Any, ...] = ("active", "is_generic", "price_is_example", "source")
PRODUCT_FIELDSET = (
    _("Product"),
    {
        "fields": (
            ("article", "is_generic"),
            "model_code",
            ("name_nl", "name_en"),
            ("description_nl", "description_en"),
            ("price_eur", "vat_rate", "price_is_example"),
            "active",
        )
    },
)
SOURCE_FIELDSET = (
    _("Herkomst"),
    {"fields": ("source", "verified_on", "ambiguity_note")},
)


class ProductResource(resources.ModelResource):
    """Import/export rows keyed by article number so a re-import updates, never duplicates."""

    class Meta:
        import_id_fields = ("article",)
        # One query for the file's existing rows instead of one per row: the import's
        # transaction, which other writers wait for, stays short.
        instance_loader_class = CachedInstanceLoader
        skip_unchanged = True
        report_skipped = True
        # The admin's model validation (full_clean) runs on every imported row too: no
        # impossible values by spreadsheet.
        clean_model_instances = True
        exclude = ("id", "updated_at")


def resource_for(model: type, **extra: Any) -> type[resources.ModelResource]:
    meta = type("Meta", (ProductResource.Meta,), {"model": model, **extra})
    return type(f"{model.__name__}Resource", (ProductResource,), {"Meta": meta})


class CatalogueEditorsOnly:
    """Only catalogue editors see the catalogue in admin.

    Sales staff (group Verkoop) may read the catalogue through the application,
    but the admin is where prices change, so viewing there needs change rights.
    """

    def has_view_permission(self, request: Any, obj: Any = None) -> bool:
        return self.has_change_permission(request, obj)  # type: ignore[attr-defined]

    def has_module_permission(self, request: Any) -> bool:
        return bool(request.user.is_active and request.user.is_staff) and any(
            request.user.has_perm(f"catalog.change_{model._meta.model_name}")
            for model in (m.Inverter, m.BatteryModule, m.Accessory)
        )


class CatalogAdmin(CatalogueEditorsOnly, ImportExportModelAdmin, SimpleHistoryAdmin):
    search_fields: tuple[str, ...] = PRODUCT_SEARCH
    list_filter: tuple[Any, ...] = PRODUCT_FILTERS
    list_display: tuple[str, ...] = ("article", "name_nl", "price_eur", "active", "is_generic")
    list_editable: tuple[str, ...] = ()
    save_on_top = True
    formats = CATALOGUE_FORMATS
    import_form_class = CatalogueImportForm
    export_form_class = CatalogueExportForm

    def has_import_permission(self, request: Any) -> bool:
        # An import adds rows and changes prices: it needs the rights of both admin forms.
        return (
            super().has_import_permission(request)
            and self.has_add_permission(request)
            and self.has_change_permission(request)
        )

    def has_export_permission(self, request: Any) -> bool:
        # Whoever may not see the catalogue in the admin may not download it from there either.
        return super().has_export_permission(request) and self.has_view_permission(request)

    def add_data_read_fail_error_to_form(self, form: Any, e: Exception) -> None:
        if isinstance(e, ImportRefused):
            form.add_error("import_file", str(e))
        else:
            super().add_data_read_fail_error_to_form(form, e)


class CompatibilityInline(admin.TabularInline):
    model = m.Compatibility
    extra = 0
    fields = ("module", "allowed_counts", "max_per_cluster", "max_clusters", "source", "note")


@admin.register(m.Inverter)
class InverterAdmin(CatalogAdmin):
    resource_classes = [resource_for(m.Inverter, import_id_fields=("system_code",))]
    list_display = (
        "system_code",
        "article",
        "phases",
        "coupling",
        "nominal_power_kw",
        "grid_input_power_kw",
        "max_ac_current_a",
        "rcd_type",
        "price_eur",
        "active",
    )
    list_filter = ("phases", "coupling", "family", *PRODUCT_FILTERS)
    search_fields = ("system_code", "inverter_code", *PRODUCT_SEARCH)
    inlines = [CompatibilityInline]
    fieldsets = (
        PRODUCT_FIELDSET,
        (
            _("Systeem"),
            {
                "fields": (
                    ("system_code", "inverter_code", "family"),
                    ("phases", "coupling", "nominal_voltage_v"),
                    ("nominal_power_kw", "max_charge_power_kw", "max_battery_current_a"),
                    ("grid_port_current_a", "backup_port_current_a", "grid_input_power_kw"),
                )
            },
        ),
        (
            _("PV-ingang"),
            {
                "fields": (
                    ("pv_max_power_kw", "pv_max_voltage_v"),
                    ("mppt_min_voltage_v", "mppt_max_voltage_v"),
                    ("mppt_count", "strings_per_mppt"),
                    ("pv_max_current_per_mppt_a", "pv_short_circuit_current_per_mppt_a"),
                )
            },
        ),
        (
            _("Installatiegegevens fabrikant"),
            {
                "description": _(
                    "Uit de installatiehandleiding van AlphaESS. Leeg = onbekend: de software "
                    "rekent dan met een conservatieve aanname en meldt dat."
                ),
                "fields": (
                    ("max_ac_current_a", "recommended_ac_breaker_a"),
                    ("rcd_type", "recommended_rcd_sensitivity_ma"),
                    "ac_terminal_max_mm2",
                ),
            },
        ),
        (
            _("Mechanisch"),
            {
                "classes": ("collapse",),
                "fields": (
                    ("efficiency_max_pct", "efficiency_eu_pct"),
                    ("width_mm", "depth_mm", "height_mm", "weight_kg"),
                    ("ip_rating", "noise_db", "cooling"),
                    "grid_codes",
                ),
            },
        ),
        SOURCE_FIELDSET,
    )


@admin.register(m.BatteryModule)
class BatteryModuleAdmin(CatalogAdmin):
    resource_classes = [resource_for(m.BatteryModule, import_id_fields=("code",))]
    list_display = (
        "code",
        "article",
        "nominal_kwh",
        "usable_kwh",
        "max_current_a",
        "ip_rating",
        "price_eur",
        "active",
    )
    list_filter = ("ip_rating", *PRODUCT_FILTERS)
    search_fields = ("code", *PRODUCT_SEARCH)
    fieldsets = (
        PRODUCT_FIELDSET,
        (
            _("Batterij"),
            {
                "fields": (
                    "code",
                    ("nominal_kwh", "usable_kwh", "dod_pct"),
                    ("nominal_voltage_v", "max_current_a"),
                    ("min_temperature_c", "max_temperature_c", "ip_rating"),
                    ("width_mm", "depth_mm", "height_mm", "weight_kg", "cycles"),
                )
            },
        ),
        SOURCE_FIELDSET,
    )


@admin.register(m.Compatibility)
class CompatibilityAdmin(CatalogueEditorsOnly, SimpleHistoryAdmin):
    list_display = ("inverter", "module", "allowed_counts", "max_per_cluster", "max_clusters")
    list_filter = ("inverter__family", "module")
    search_fields = ("inverter__system_code", "module__code")


class AccessoryResource(ProductResource):
    compatible_inverters = fields.Field(
        attribute="compatible_inverters",
        column_name="compatible_inverters",
        widget=ManyToManyWidget(m.Inverter, field="system_code", separator=","),
    )

    class Meta(ProductResource.Meta):
        model = m.Accessory


@admin.register(m.Accessory)
class AccessoryAdmin(CatalogAdmin):
    resource_classes = [AccessoryResource]
    list_display = ("article", "name_nl", "kind", "phases", "ip_rating", "price_eur", "active")
    list_filter = ("kind", "phases", *PRODUCT_FILTERS)
    filter_horizontal = ("compatible_inverters",)
    fieldsets = (
        PRODUCT_FIELDSET,
        (
            _("Accessoire"),
            {
                "fields": (
                    ("kind", "phases", "ip_rating"),
                    ("rating_a", "curve", "rcd_sensitivity_ma", "breaking_capacity_ka"),
                    "compatible_inverters",
                )
            },
        ),
        SOURCE_FIELDSET,
    )


@admin.register(m.CableType)
class CableTypeAdmin(CatalogueEditorsOnly, SimpleHistoryAdmin):
    list_display = ("code", "name_nl", "insulation", "construction", "methods", "source")
    list_filter = ("insulation", "construction")
    search_fields = ("code", "name_nl", "name_en")


@admin.register(m.Cable)
class CableAdmin(CatalogAdmin):
    resource_classes = [resource_for(m.Cable)]
    list_display = ("article", "name_nl", "cable_type", "cores", "csa_mm2", "price_eur", "active")
    list_filter = ("cable_type", "cores", "insulation", *PRODUCT_FILTERS)


@admin.register(m.CircuitBreaker)
class CircuitBreakerAdmin(CatalogAdmin):
    resource_classes = [resource_for(m.CircuitBreaker)]
    list_display = ("article", "name_nl", "rating_a", "curve", "poles", "price_eur", "active")
    list_filter = ("curve", "poles", *PRODUCT_FILTERS)


@admin.register(m.ResidualCurrentDevice)
class ResidualCurrentDeviceAdmin(CatalogAdmin):
    resource_classes = [resource_for(m.ResidualCurrentDevice)]
    list_display = (
        "article",
        "name_nl",
        "is_rcbo",
        "rcd_type",
        "sensitivity_ma",
        "rating_a",
        "poles",
        "module_width",
        "price_eur",
        "active",
    )
    list_filter = ("is_rcbo", "rcd_type", "sensitivity_ma", "poles", *PRODUCT_FILTERS)


@admin.register(m.MainSwitch)
class MainSwitchAdmin(CatalogAdmin):
    resource_classes = [resource_for(m.MainSwitch)]
    list_display = ("article", "name_nl", "rating_a", "poles", "price_eur", "active")
    list_filter = ("poles", *PRODUCT_FILTERS)


@admin.register(m.Enclosure)
class EnclosureAdmin(CatalogAdmin):
    resource_classes = [resource_for(m.Enclosure)]
    list_display = ("article", "name_nl", "rows", "modules_per_row", "price_eur", "active")
    list_filter = ("rows", *PRODUCT_FILTERS)


@admin.register(m.InstallationMaterial)
class InstallationMaterialAdmin(CatalogAdmin):
    resource_classes = [resource_for(m.InstallationMaterial)]
    list_display = (
        "article",
        "name_nl",
        "kind",
        "phases",
        "size_mm",
        "unit",
        "price_eur",
        "active",
    )
    list_filter = ("kind", "unit", *PRODUCT_FILTERS)
