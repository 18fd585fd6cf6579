"""The product catalogue: what can be ordered, with every figure and where it came from.

Each model maps to a plain domain object in :mod:`sizing.domain` through
``to_domain()``; the engine never sees these classes. Natural keys (article
number, model code) make fixtures and imports line up with admins' edits.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from catalog.counts import format_counts, parse_counts
from catalog.versioning import CatalogVersion  # noqa: F401  (a model of this app)
from sizing import domain
from sizing.cable.types import allowed_methods

NON_NEGATIVE = [MinValueValidator(0)]
POSITIVE = [MinValueValidator(Decimal("0.001"))]


def _f(value: Decimal | None) -> float | None:
    """A stored figure for the engine: a float in the unit its field name carries."""
    return None if value is None else float(value)


class DataSource(models.TextChoices):
    BROCHURE = "brochure", _("Brochure")
    MANUAL = "manual", _("Handleiding fabrikant")
    PUBLIC = "public", _("Openbare pagina")
    ADMIN = "admin", _("Beheerder")


class ArticleManager(models.Manager):
    def get_by_natural_key(self, article: str) -> Any:
        return self.get(article=article)


class Product(models.Model):
    """Common product data of everything orderable."""

    article = models.CharField(
        _("artikelnummer"),
        max_length=40,
        unique=True,
        help_text=_("Vekto-artikelnummer; zonder bekend nummer een generieke code (GEN-…)."),
    )
    is_generic = models.BooleanField(
        _("generiek artikel"),
        default=False,
        help_text=_("Geen Vekto-artikelnummer bekend: de code is een generieke aanduiding."),
    )
    model_code = models.CharField(_("typecode fabrikant"), max_length=64, blank=True)
    name_nl = models.CharField(_("naam (NL)"), max_length=200)
    name_en = models.CharField(_("naam (EN)"), max_length=200, blank=True)
    description_nl = models.TextField(_("omschrijving (NL)"), blank=True)
    description_en = models.TextField(_("omschrijving (EN)"), blank=True)
    price_eur = models.DecimalField(
        _("prijs excl. btw (EUR)"),
        max_digits=10,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=NON_NEGATIVE,
    )
    price_is_example = models.BooleanField(
        _("voorbeeldprijs"),
        default=True,
        help_text=_("Prijs is een voorbeeld, nog niet door de beheerder bevestigd."),
    )
    vat_rate = models.DecimalField(
        _("btw-tarief"),
        max_digits=4,
        decimal_places=3,
        default=Decimal("0.210"),
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("Als fractie: 0,21 voor 21 %."),
    )
    active = models.BooleanField(_("actief"), default=True)
    source = models.CharField(
        _("bron"), max_length=16, choices=DataSource.choices, default=DataSource.BROCHURE
    )
    ambiguity_note = models.TextField(
        _("opmerking over onduidelijkheid"),
        blank=True,
        help_text=_("Wat in de bron onduidelijk is en welke lezing is gekozen."),
    )
    verified_on = models.DateField(_("gecontroleerd op"), null=True, blank=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    objects: ClassVar[Any] = ArticleManager()

    class Meta:
        abstract = True
        ordering = ["article"]

    def __str__(self) -> str:
        return f"{self.article} {self.name_nl}"

    def natural_key(self) -> tuple[str]:
        return (self.article,)

    def clean(self) -> None:
        super().clean()
        if self.article and self.article.upper().startswith("GEN-") and not self.is_generic:
            raise ValidationError(
                {"is_generic": _("Een GEN-code is geen Vekto-nummer: vink 'generiek artikel' aan.")}
            )

    def product_fields(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "is_generic": self.is_generic,
            "model_code": self.model_code,
            "name_nl": self.name_nl,
            "name_en": self.name_en,
            "price_eur": self.price_eur,
            "vat_rate": self.vat_rate,
            "price_is_example": self.price_is_example,
            "source": domain.DataSource(self.source),
            "ambiguity_note": self.ambiguity_note,
        }


def power_field(verbose: Any, **kwargs: Any) -> models.DecimalField:
    return models.DecimalField(
        verbose, max_digits=8, decimal_places=3, validators=NON_NEGATIVE, **kwargs
    )


def optional(field_factory: Any, verbose: Any, help_text: Any = "") -> Any:
    return field_factory(verbose, null=True, blank=True, help_text=help_text)


class InverterManager(models.Manager):
    def get_by_natural_key(self, system_code: str) -> Any:
        return self.get(system_code=system_code)


class ModuleManager(models.Manager):
    def get_by_natural_key(self, code: str) -> Any:
        return self.get(code=code)


class Inverter(Product):
    class Coupling(models.TextChoices):
        HYBRID = "hybrid", _("Hybride")
        AC = "ac", _("AC-gekoppeld")

    class RcdType(models.TextChoices):
        UNKNOWN = "", _("Onbekend")
        A_PERMITTED = "A", _("Type A toegestaan (6 mA-verklaring fabrikant)")
        B_REQUIRED = "B", _("Type B vereist")

    system_code = models.CharField(_("systeemcode"), max_length=40, unique=True)
    inverter_code = models.CharField(_("omvormercode"), max_length=40, unique=True)
    family = models.CharField(
        _("familie"),
        max_length=16,
        help_text=_("Familie voor de batterijregels: S (1-fase), T (T4–T10), TH (T15/T20)."),
    )
    phases = models.PositiveSmallIntegerField(_("fasen"), choices=[(1, "1"), (3, "3")])
    coupling = models.CharField(_("koppeling"), max_length=8, choices=Coupling.choices)
    nominal_power_kw = power_field(_("nominaal uitgangsvermogen (kW)"))
    max_charge_power_kw = power_field(_("max. laad-/ontlaadvermogen (kW)"))
    max_battery_current_a = power_field(_("max. laad-/ontlaadstroom batterij (A)"))
    grid_port_current_a = optional(power_field, _("nominale uitgangsstroom net-poort (A)"))
    backup_port_current_a = optional(power_field, _("nominale uitgangsstroom noodstroompoort (A)"))
    grid_input_power_kw = power_field(_("nominaal ingangsvermogen netvoeding (kW)"))
    nominal_voltage_v = power_field(_("nominale spanning fase-nul (V)"), default=Decimal("230"))
    pv_max_power_kw = optional(power_field, _("max. PV-ingangsvermogen (kW)"))
    pv_max_voltage_v = optional(power_field, _("max. PV-ingangsspanning (V)"))
    mppt_min_voltage_v = optional(power_field, _("MPPT-spanning min. (V)"))
    mppt_max_voltage_v = optional(power_field, _("MPPT-spanning max. (V)"))
    mppt_count = models.PositiveSmallIntegerField(_("aantal MPPT"), null=True, blank=True)
    strings_per_mppt = models.PositiveSmallIntegerField(
        _("strings per MPPT"), null=True, blank=True
    )
    pv_max_current_per_mppt_a = optional(power_field, _("max. PV-ingangsstroom per MPPT (A)"))
    pv_short_circuit_current_per_mppt_a = optional(
        power_field, _("max. PV-kortsluitstroom per MPPT (A)")
    )
    efficiency_max_pct = models.DecimalField(
        _("max. rendement (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    efficiency_eu_pct = models.DecimalField(
        _("Europees rendement (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    width_mm = optional(power_field, _("breedte (mm)"))
    depth_mm = optional(power_field, _("diepte (mm)"))
    height_mm = optional(power_field, _("hoogte (mm)"))
    weight_kg = optional(power_field, _("gewicht (kg)"))
    ip_rating = models.CharField(_("IP-klasse"), max_length=8, default="IP65")
    noise_db = optional(power_field, _("geluidsniveau (dB)"))
    cooling = models.CharField(_("koeling"), max_length=64, blank=True)
    grid_codes = models.TextField(_("netcodes"), blank=True)
    # Manufacturer installation data nobody has yet: admins fill these in.
    max_ac_current_a = optional(
        power_field,
        _("max. AC-stroom (A)"),
        _("Uit de installatiehandleiding; leeg = onbekend, de software rekent dan conservatief."),
    )
    recommended_ac_breaker_a = optional(power_field, _("aanbevolen AC-installatieautomaat (A)"))
    rcd_type = models.CharField(
        _("aardlekschakelaar volgens fabrikant"),
        max_length=1,
        choices=RcdType.choices,
        blank=True,
        default="",
        help_text=_("Alleen 'type A toegestaan' als de fabrikant een 6 mA-verklaring geeft."),
    )
    recommended_rcd_sensitivity_ma = optional(
        power_field, _("aanbevolen aanspreekstroom aardlek (mA)")
    )
    ac_terminal_max_mm2 = optional(
        power_field,
        _("max. aderdoorsnede AC-klem (mm²)"),
        _(
            "Grootste draad die de AC-klemmen (net- en noodstroompoort) nemen, uit de "
            "installatiehandleiding; leeg = onbekend, het ontwerp waarschuwt dan."
        ),
    )

    history = HistoricalRecords()
    objects: ClassVar[Any] = InverterManager()

    class Meta:
        verbose_name = _("omvormer")
        verbose_name_plural = _("omvormers")
        ordering = ["phases", "nominal_power_kw", "system_code"]

    def __str__(self) -> str:
        return self.system_code

    def natural_key(self) -> tuple[str]:  # type: ignore[override]
        # The system code, not the article: a generic code becomes a Vekto number later.
        return (self.system_code,)

    def clean(self) -> None:
        super().clean()
        errors: dict[str, Any] = {}
        if self.coupling == self.Coupling.AC and self.pv_max_power_kw:
            errors["pv_max_power_kw"] = _("Een AC-gekoppelde omvormer heeft geen PV-ingang.")
        if (
            self.mppt_min_voltage_v is not None
            and self.mppt_max_voltage_v is not None
            and self.mppt_min_voltage_v >= self.mppt_max_voltage_v
        ):
            errors["mppt_max_voltage_v"] = _("De MPPT-bovengrens moet boven de ondergrens liggen.")
        if (
            self.pv_max_voltage_v is not None
            and self.mppt_max_voltage_v is not None
            and self.mppt_max_voltage_v > self.pv_max_voltage_v
        ):
            errors["mppt_max_voltage_v"] = _(
                "De MPPT-bovengrens kan niet hoger zijn dan de max. PV-ingangsspanning."
            )
        if self.nominal_power_kw is not None and self.nominal_power_kw <= 0:
            errors["nominal_power_kw"] = _("Het vermogen moet groter dan 0 zijn.")
        if errors:
            raise ValidationError(errors)

    def to_domain(self) -> domain.Inverter:
        return domain.Inverter(
            **self.product_fields(),
            system_code=self.system_code,
            family=self.family,
            phases=self.phases,
            coupling=domain.Coupling(self.coupling),
            nominal_power_kw=float(self.nominal_power_kw),
            max_charge_power_kw=float(self.max_charge_power_kw),
            max_battery_current_a=float(self.max_battery_current_a),
            grid_port_current_a=_f(self.grid_port_current_a),
            backup_port_current_a=_f(self.backup_port_current_a),
            grid_input_power_kw=float(self.grid_input_power_kw),
            nominal_voltage_v=float(self.nominal_voltage_v),
            pv_max_power_kw=_f(self.pv_max_power_kw),
            pv_max_voltage_v=_f(self.pv_max_voltage_v),
            mppt_min_voltage_v=_f(self.mppt_min_voltage_v),
            mppt_max_voltage_v=_f(self.mppt_max_voltage_v),
            mppt_count=self.mppt_count,
            strings_per_mppt=self.strings_per_mppt,
            pv_max_current_per_mppt_a=_f(self.pv_max_current_per_mppt_a),
            pv_short_circuit_current_per_mppt_a=_f(self.pv_short_circuit_current_per_mppt_a),
            efficiency_max_pct=None
            if self.efficiency_max_pct is None
            else float(self.efficiency_max_pct),
            efficiency_eu_pct=None
            if self.efficiency_eu_pct is None
            else float(self.efficiency_eu_pct),
            weight_kg=_f(self.weight_kg),
            ip_rating=self.ip_rating,
            max_ac_current_a=_f(self.max_ac_current_a),
            recommended_ac_breaker_a=_f(self.recommended_ac_breaker_a),
            rcd_type_a_permitted={"A": True, "B": False}.get(self.rcd_type),
            recommended_rcd_sensitivity_ma=_f(self.recommended_rcd_sensitivity_ma),
            ac_terminal_max_mm2=_f(self.ac_terminal_max_mm2),
        )


class BatteryModule(Product):
    code = models.CharField(_("modelcode"), max_length=40, unique=True)
    nominal_kwh = power_field(_("nominale capaciteit (kWh)"))
    usable_kwh = power_field(_("bruikbare capaciteit (kWh)"))
    dod_pct = models.DecimalField(
        _("ontladingsdiepte DoD (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    nominal_voltage_v = power_field(_("nominale spanning (V)"))
    max_current_a = power_field(_("max. laad-/ontlaadstroom (A)"))
    min_temperature_c = models.DecimalField(
        _("min. bedrijfstemperatuur (°C)"), max_digits=5, decimal_places=1
    )
    max_temperature_c = models.DecimalField(
        _("max. bedrijfstemperatuur (°C)"), max_digits=5, decimal_places=1
    )
    ip_rating = models.CharField(
        _("IP-klasse"), max_length=8, help_text=_("IP2x = alleen binnen opstellen.")
    )
    width_mm = optional(power_field, _("breedte (mm)"))
    depth_mm = optional(power_field, _("diepte (mm)"))
    height_mm = optional(power_field, _("hoogte (mm)"))
    weight_kg = optional(power_field, _("gewicht (kg)"))
    cycles = models.PositiveIntegerField(_("cycli"), null=True, blank=True)

    history = HistoricalRecords()
    objects: ClassVar[Any] = ModuleManager()

    class Meta:
        verbose_name = _("batterijmodule")
        verbose_name_plural = _("batterijmodules")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code

    def natural_key(self) -> tuple[str]:  # type: ignore[override]
        return (self.code,)

    @property
    def indoor_only(self) -> bool:
        return domain.ip_water_digit(self.ip_rating) < 4

    def clean(self) -> None:
        super().clean()
        errors: dict[str, Any] = {}
        if self.nominal_kwh is not None and self.nominal_kwh <= 0:
            errors["nominal_kwh"] = _("De nominale capaciteit moet groter dan 0 zijn.")
        if (
            self.usable_kwh is not None
            and self.nominal_kwh is not None
            and self.usable_kwh > self.nominal_kwh
        ):
            errors["usable_kwh"] = _(
                "De bruikbare capaciteit kan niet groter zijn dan de nominale capaciteit."
            )
        if (
            self.min_temperature_c is not None
            and self.max_temperature_c is not None
            and self.min_temperature_c >= self.max_temperature_c
        ):
            errors["max_temperature_c"] = _("De max. temperatuur moet boven de min. liggen.")
        if errors:
            raise ValidationError(errors)

    def to_domain(self) -> domain.BatteryModule:
        return domain.BatteryModule(
            **self.product_fields(),
            code=self.code,
            nominal_kwh=float(self.nominal_kwh),
            usable_kwh=float(self.usable_kwh),
            depth_of_discharge_pct=float(self.dod_pct),
            nominal_voltage_v=float(self.nominal_voltage_v),
            max_current_a=float(self.max_current_a),
            min_temperature_c=float(self.min_temperature_c),
            max_temperature_c=float(self.max_temperature_c),
            ip_rating=self.ip_rating,
            weight_kg=_f(self.weight_kg),
            cycles=self.cycles,
        )


class CompatibilityManager(models.Manager):
    def get_by_natural_key(self, system_code: str, module_code: str) -> Any:
        return self.get(inverter__system_code=system_code, module__code=module_code)


class Compatibility(models.Model):
    """Which numbers of a module an inverter takes, and how they form clusters."""

    inverter = models.ForeignKey(
        Inverter,
        on_delete=models.CASCADE,
        related_name="compatibilities",
        verbose_name=_("omvormer"),
    )
    module = models.ForeignKey(
        BatteryModule,
        on_delete=models.CASCADE,
        related_name="compatibilities",
        verbose_name=_("batterijmodule"),
    )
    allowed_counts = models.CharField(
        _("toegestane aantallen"),
        max_length=120,
        help_text=_("Bijvoorbeeld 1-6, 8, 10, 12."),
    )
    max_per_cluster = models.PositiveSmallIntegerField(
        _("max. modules per cluster"), validators=[MinValueValidator(1)]
    )
    max_clusters = models.PositiveSmallIntegerField(
        _("max. clusters parallel"), validators=[MinValueValidator(1)]
    )
    source = models.CharField(
        _("bron"), max_length=16, choices=DataSource.choices, default=DataSource.BROCHURE
    )
    note = models.TextField(_("opmerking"), blank=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    history = HistoricalRecords()
    objects: ClassVar[Any] = CompatibilityManager()

    class Meta:
        verbose_name = _("batterijcombinatie")
        verbose_name_plural = _("batterijcombinaties")
        ordering = ["inverter", "module"]
        constraints = [
            models.UniqueConstraint(fields=["inverter", "module"], name="one_row_per_combination")
        ]

    def __str__(self) -> str:
        return f"{self.inverter_id} × {self.module_id}: {self.allowed_counts}"

    def natural_key(self) -> tuple[str, str]:
        return (self.inverter.system_code, self.module.code)

    natural_key.dependencies = ["catalog.inverter", "catalog.batterymodule"]  # type: ignore[attr-defined]

    def counts(self) -> tuple[int, ...]:
        return parse_counts(self.allowed_counts)

    def clean(self) -> None:
        super().clean()
        try:
            counts = parse_counts(self.allowed_counts or "")
        except ValueError as exc:
            raise ValidationError({"allowed_counts": str(exc)}) from exc
        if not counts:
            raise ValidationError(
                {"allowed_counts": _("Geef minstens één toegestaan aantal modules op.")}
            )
        self.allowed_counts = format_counts(counts)
        if self.max_per_cluster and self.max_clusters:
            capacity = self.max_per_cluster * self.max_clusters
            if capacity < max(counts):
                raise ValidationError(
                    {
                        "max_clusters": _(
                            "%(per)s modules per cluster × %(clusters)s clusters = %(cap)s, "
                            "minder dan het grootste toegestane aantal (%(max)s)."
                        )
                        % {
                            "per": self.max_per_cluster,
                            "clusters": self.max_clusters,
                            "cap": capacity,
                            "max": max(counts),
                        }
                    }
                )

    def to_domain(self) -> domain.Compatibility:
        return domain.Compatibility(
            inverter=self.inverter.system_code,
            family=self.inverter.family,
            module_code=self.module.code,
            allowed_counts=self.counts(),
            max_per_cluster=self.max_per_cluster,
            max_clusters=self.max_clusters,
            source=domain.DataSource(self.source),
            note=self.note,
        )


class PhasesMixin:
    """A ``phases`` text such as "1,3": the phase counts a product serves, checked on save."""

    phases: str

    def phase_tuple(self) -> tuple[int, ...]:
        return tuple(int(p) for p in self.phases.replace(" ", "").split(",") if p)

    def clean(self) -> None:
        super().clean()  # type: ignore[misc]
        try:
            phases = self.phase_tuple()
        except ValueError:
            phases = ()
        if not phases or any(p not in (1, 3) for p in phases):
            raise ValidationError({"phases": _("Geef 1, 3 of 1,3 op.")})


class Accessory(PhasesMixin, Product):
    class Kind(models.TextChoices):
        BACKUP_BOX = "backup_box", _("BackupBox")
        BACKUP_PROTECTION = "backup_protection", _("Backup-beveiliging")
        SHUTDOWN_KIT = "shutdown_kit", _("Afschakel-KIT")
        DISTRIBUTION_UNIT = "distribution_unit", _("Noodstroom verdeelunit")
        ATS = "ats", _("Automatische omschakelaar (ATS)")
        OTHER = "other", _("Overig")

    kind = models.CharField(_("soort"), max_length=24, choices=Kind.choices)
    phases = models.CharField(
        _("fasen"),
        max_length=8,
        help_text=_("1, 3 of 1,3 als het artikel bij beide past."),
    )
    compatible_inverters = models.ManyToManyField(
        Inverter,
        blank=True,
        related_name="accessories",
        verbose_name=_("past bij omvormers"),
        help_text=_("Leeg = past bij alle omvormers met het juiste aantal fasen."),
    )
    ip_rating = models.CharField(_("IP-klasse"), max_length=8, blank=True)
    rating_a = optional(power_field, _("nominale stroom (A)"))
    curve = models.CharField(_("karakteristiek"), max_length=2, blank=True)
    rcd_sensitivity_ma = optional(power_field, _("aanspreekstroom (mA)"))
    # A protective accessory (the backup-box RCBO) is checked against Ik like a breaker.
    breaking_capacity_ka = optional(power_field, _("kortsluitvermogen (kA)"))

    history = HistoricalRecords(m2m_fields=[compatible_inverters])

    class Meta:
        verbose_name = _("accessoire")
        verbose_name_plural = _("accessoires")
        ordering = ["kind", "article"]

    def to_domain(self, compatible: tuple[str, ...] | None = None) -> domain.Accessory:
        if compatible is None:
            compatible = tuple(i.system_code for i in self.compatible_inverters.all())
        return domain.Accessory(
            **self.product_fields(),
            kind=domain.AccessoryKind(self.kind),
            phases=self.phase_tuple(),
            compatible_inverters=compatible,
            ip_rating=self.ip_rating,
            description_nl=self.description_nl,
            description_en=self.description_en,
            rating_a=_f(self.rating_a),
            curve=self.curve,
            rcd_sensitivity_ma=_f(self.rcd_sensitivity_ma),
            breaking_capacity_ka=_f(self.breaking_capacity_ka),
        )


class Insulation(models.TextChoices):
    PVC = "PVC", "PVC (70 °C)"
    XLPE = "XLPE", "XLPE (90 °C)"


class CableTypeManager(models.Manager):
    def get_by_natural_key(self, code: str) -> Any:
        return self.get(code=code)


class CableType(models.Model):
    """A cable designation (VD, YMvK, XMvK): what it is made of decides its rating.

    Its insulation picks the ampacity table, its construction and methods the columns
    (IEC 60364-5-52 Table 52.1, A.52.3); the engine refuses a request that contradicts it.
    """

    class Construction(models.TextChoices):
        SINGLE_CORE_WIRE = "single_core_wire", _("enkeladerige draad (alleen in buis)")
        MULTI_CORE = "multi_core", _("meeraderige kabel")

    code = models.CharField(_("code"), max_length=8, unique=True)
    name_nl = models.CharField(_("naam (NL)"), max_length=120)
    name_en = models.CharField(_("naam (EN)"), max_length=120, blank=True)
    insulation = models.CharField(_("isolatie"), max_length=4, choices=Insulation.choices)
    construction = models.CharField(_("opbouw"), max_length=16, choices=Construction.choices)
    methods = models.CharField(
        _("installatiemethoden"),
        max_length=60,
        help_text=_(
            "Methoden volgens IEC 60364-5-52 (NEN 1010 tabel 52.A.3), met komma's: A1,B1. "
            "Alleen methoden die de opbouw toestaat."
        ),
    )
    source = models.CharField(
        _("bron"), max_length=16, choices=DataSource.choices, default=DataSource.PUBLIC
    )
    reference = models.CharField(_("vindplaats"), max_length=300, blank=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    history = HistoricalRecords()
    objects: ClassVar[Any] = CableTypeManager()

    class Meta:
        verbose_name = _("kabeltype")
        verbose_name_plural = _("kabeltypen")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code

    def natural_key(self) -> tuple[str]:
        return (self.code,)

    def method_tuple(self) -> tuple[str, ...]:
        return tuple(m.strip().upper() for m in self.methods.split(",") if m.strip())

    def clean(self) -> None:
        super().clean()
        if not self.construction:
            return
        allowed = allowed_methods(domain.Construction(self.construction))
        methods = self.method_tuple()
        wrong = [m for m in methods if m not in allowed]
        if not methods or wrong:
            raise ValidationError(
                {
                    "methods": _("Deze opbouw mag alleen volgens %(allowed)s liggen.")
                    % {"allowed": ", ".join(allowed)}
                }
            )

    def to_domain(self) -> domain.CableType:
        return domain.CableType(
            code=self.code,
            name_nl=self.name_nl,
            name_en=self.name_en,
            insulation=domain.Insulation(self.insulation),
            construction=domain.Construction(self.construction),
            methods=self.method_tuple(),
            source=domain.DataSource(self.source),
            reference=self.reference,
        )


class Cable(Product):
    # The type's code; clean() checks that the type exists and that the insulation agrees.
    cable_type = models.CharField(_("kabeltype"), max_length=8)
    cores = models.PositiveSmallIntegerField(_("aantal aders"), validators=[MinValueValidator(1)])
    csa_mm2 = models.DecimalField(
        _("doorsnede (mm²)"), max_digits=6, decimal_places=2, validators=POSITIVE
    )
    insulation = models.CharField(_("isolatie"), max_length=4, choices=Insulation.choices)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kabel")
        verbose_name_plural = _("kabels")
        ordering = ["cable_type", "cores", "csa_mm2"]

    def clean(self) -> None:
        super().clean()
        if not self.cable_type:
            return
        kind = CableType.objects.filter(code=self.cable_type).first()
        if kind is None:
            raise ValidationError({"cable_type": _("Dit kabeltype staat niet in de catalogus.")})
        if self.insulation and self.insulation != kind.insulation:
            raise ValidationError(
                {
                    "insulation": _("%(type)s heeft %(ins)s-isolatie.")
                    % {"type": self.cable_type, "ins": kind.insulation}
                }
            )

    def to_domain(self) -> domain.Cable:
        fields = self.product_fields() | {"unit": "m"}
        return domain.Cable(
            **fields,
            cable_type=self.cable_type,
            cores=self.cores,
            csa_mm2=float(self.csa_mm2),
            insulation=domain.Insulation(self.insulation),
        )


class PowerLoss(models.Model):
    """The power loss per pole at the rated current (ECLASS AAS575) and where it was read:
    what the heat calculation of the groepenkast adds up. Empty = unknown; the engine then
    takes a documented default per kind of device and says so."""

    loss_w_per_pole = models.DecimalField(
        _("vermogensverlies per pool bij In (W)"),
        max_digits=6,
        decimal_places=3,
        null=True,
        blank=True,
        validators=NON_NEGATIVE,
        help_text=_(
            "Uit de documentatie van de fabrikant; leeg = onbekend, de warmteberekening "
            "rekent dan met een voorzichtige standaardwaarde."
        ),
    )
    loss_source = models.CharField(
        _("bron vermogensverlies"),
        max_length=300,
        blank=True,
        help_text=_("Document en pagina van de fabrikant waar het verlies staat."),
    )

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()  # type: ignore[misc]
        if self.loss_w_per_pole is not None and not self.loss_source.strip():
            raise ValidationError(
                {"loss_source": _("Geef aan waar het vermogensverlies vandaan komt.")}
            )

    def loss_fields(self) -> dict[str, Any]:
        return {"loss_w_per_pole": _f(self.loss_w_per_pole), "loss_source": self.loss_source}


POLES = [("1P", "1P"), ("1P+N", "1P+N"), ("2P", "2P"), ("3P", "3P"), ("3P+N", "3P+N"), ("4P", "4P")]
CURVES = [("B", "B"), ("C", "C"), ("D", "D")]


class CircuitBreaker(PowerLoss, Product):
    rating_a = power_field(_("nominale stroom In (A)"))
    curve = models.CharField(_("karakteristiek"), max_length=1, choices=CURVES, default="B")
    poles = models.CharField(_("polen"), max_length=4, choices=POLES)
    breaking_capacity_ka = optional(power_field, _("kortsluitvermogen (kA)"))
    module_width = models.PositiveSmallIntegerField(
        _("breedte (modules)"), default=1, validators=[MinValueValidator(1)]
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("installatieautomaat")
        verbose_name_plural = _("installatieautomaten")
        ordering = ["poles", "curve", "rating_a"]

    def clean(self) -> None:
        super().clean()
        if self.rating_a is not None and self.rating_a <= 0:
            raise ValidationError({"rating_a": _("De nominale stroom moet groter dan 0 zijn.")})

    def to_domain(self) -> domain.CircuitBreaker:
        return domain.CircuitBreaker(
            **self.product_fields(),
            rating_a=float(self.rating_a),
            curve=self.curve,
            poles=self.poles,
            breaking_capacity_ka=_f(self.breaking_capacity_ka),
            module_width=self.module_width,
            **self.loss_fields(),
        )


class ResidualCurrentDevice(PowerLoss, Product):
    class RcdType(models.TextChoices):
        A = "A", _("Type A")
        F = "F", _("Type F")
        B = "B", _("Type B")

    is_rcbo = models.BooleanField(
        _("aardlekautomaat (RCBO)"),
        default=False,
        help_text=_("Aan: aardlekautomaat met overstroombeveiliging; uit: aardlekschakelaar."),
    )
    rcd_type = models.CharField(_("type"), max_length=1, choices=RcdType.choices)
    sensitivity_ma = power_field(_("aanspreekstroom IΔn (mA)"))
    rating_a = power_field(_("nominale stroom (A)"))
    poles = models.CharField(_("polen"), max_length=4, choices=POLES)
    curve = models.CharField(_("karakteristiek (RCBO)"), max_length=1, choices=CURVES, blank=True)
    # An RCBO breaks short-circuit current like a breaker; empty = unknown, the design warns.
    breaking_capacity_ka = optional(power_field, _("kortsluitvermogen (kA)"))
    module_width = models.PositiveSmallIntegerField(
        _("breedte (modules)"), default=2, validators=[MinValueValidator(1)]
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("aardlekschakelaar / aardlekautomaat")
        verbose_name_plural = _("aardlekschakelaars en aardlekautomaten")
        ordering = ["is_rcbo", "rcd_type", "sensitivity_ma", "poles", "rating_a"]

    def clean(self) -> None:
        super().clean()
        errors: dict[str, Any] = {}
        if self.sensitivity_ma is not None and self.sensitivity_ma <= 0:
            errors["sensitivity_ma"] = _("De aanspreekstroom moet groter dan 0 zijn.")
        if self.rating_a is not None and self.rating_a <= 0:
            errors["rating_a"] = _("De nominale stroom moet groter dan 0 zijn.")
        if self.is_rcbo and not self.curve:
            errors["curve"] = _("Een aardlekautomaat heeft een karakteristiek (B, C of D).")
        if errors:
            raise ValidationError(errors)

    def to_domain(self) -> domain.ResidualCurrentDevice:
        return domain.ResidualCurrentDevice(
            **self.product_fields(),
            is_rcbo=self.is_rcbo,
            rcd_type=domain.RcdType(self.rcd_type),
            sensitivity_ma=float(self.sensitivity_ma),
            rating_a=float(self.rating_a),
            poles=self.poles,
            curve=self.curve,
            breaking_capacity_ka=_f(self.breaking_capacity_ka),
            module_width=self.module_width,
            **self.loss_fields(),
        )


class MainSwitch(PowerLoss, Product):
    rating_a = power_field(_("nominale stroom (A)"))
    poles = models.CharField(_("polen"), max_length=4, choices=POLES)
    module_width = models.PositiveSmallIntegerField(
        _("breedte (modules)"), default=2, validators=[MinValueValidator(1)]
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("hoofdschakelaar")
        verbose_name_plural = _("hoofdschakelaars")
        ordering = ["poles", "rating_a"]

    def to_domain(self) -> domain.MainSwitch:
        return domain.MainSwitch(
            **self.product_fields(),
            rating_a=float(self.rating_a),
            poles=self.poles,
            module_width=self.module_width,
            **self.loss_fields(),
        )


class Enclosure(Product):
    class Material(models.TextChoices):
        UNKNOWN = "", _("Onbekend")
        PLASTIC = "plastic", _("Kunststof")
        STEEL = "steel", _("Staal")

    class Mounting(models.TextChoices):
        SURFACE = "surface", _("Opbouw")
        FLUSH = "flush", _("Inbouw")
        BETWEEN = "between", _("Tussen andere kasten")

    rows = models.PositiveSmallIntegerField(_("rijen"), validators=[MinValueValidator(1)])
    modules_per_row = models.PositiveSmallIntegerField(
        _("modules per rij"), validators=[MinValueValidator(1)]
    )
    width_mm = optional(power_field, _("breedte buitenmaat (mm)"))
    height_mm = optional(power_field, _("hoogte buitenmaat (mm)"))
    depth_mm = optional(power_field, _("diepte buitenmaat (mm)"))
    material = models.CharField(
        _("materiaal"), max_length=8, choices=Material.choices, blank=True, default=""
    )
    ip_rating = models.CharField(_("IP-klasse"), max_length=8, blank=True)
    mounting = models.CharField(
        _("montage"),
        max_length=8,
        choices=Mounting.choices,
        default=Mounting.SURFACE,
        help_text=_("Bepaalt welke wanden koelen in de warmteberekening (IEC TR 60890)."),
    )
    ventilated = models.BooleanField(_("met ventilatieopeningen"), default=False)
    max_internal_temperature_c = models.DecimalField(
        _("max. luchttemperatuur binnen (°C)"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        help_text=_("Volgens de kastfabrikant; leeg = de gedocumenteerde standaardgrens."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("groepenkast (behuizing)")
        verbose_name_plural = _("groepenkasten (behuizingen)")
        ordering = ["rows", "modules_per_row"]

    def to_domain(self) -> domain.Enclosure:
        return domain.Enclosure(
            **self.product_fields(),
            rows=self.rows,
            modules_per_row=self.modules_per_row,
            width_mm=_f(self.width_mm),
            height_mm=_f(self.height_mm),
            depth_mm=_f(self.depth_mm),
            material=self.material,
            ip_rating=self.ip_rating,
            mounting=domain.EnclosureMounting(self.mounting),
            ventilated=self.ventilated,
            max_internal_temperature_c=_f(self.max_internal_temperature_c),
        )


class InstallationMaterial(PhasesMixin, Product):
    """What an installation needs besides the devices: meter and CTs, warning labels, glands,
    conduit, fixings and surge protection. The engine picks them by kind, phases and size."""

    class Kind(models.TextChoices):
        ENERGY_METER = "energy_meter", _("Energiemeter")
        CURRENT_TRANSFORMER = "current_transformer", _("Stroomtransformator (CT)")
        WARNING_LABEL = "warning_label", _("Waarschuwingssticker")
        CABLE_GLAND = "cable_gland", _("Kabelwartel")
        CONDUIT = "conduit", _("Installatiebuis")
        CONDUIT_CLIP = "conduit_clip", _("Buisklem")
        CABLE_CLIP = "cable_clip", _("Kabelclip")
        SURGE_PROTECTION = "surge_protection", _("Overspanningsbeveiliging")

    class Unit(models.TextChoices):
        PIECE = "st", _("stuk")
        METRE = "m", _("meter")

    kind = models.CharField(_("soort"), max_length=24, choices=Kind.choices)
    phases = models.CharField(
        _("fasen"),
        max_length=8,
        default="1,3",
        help_text=_("1, 3 of 1,3 als het artikel bij beide past."),
    )
    size_mm = optional(
        power_field,
        _("maat (mm)"),
        _("Buitendiameter van buis of buisklem; leeg = past bij elke maat."),
    )
    unit = models.CharField(_("eenheid"), max_length=4, choices=Unit.choices, default=Unit.PIECE)
    module_width = models.PositiveSmallIntegerField(
        _("breedte (modules)"),
        null=True,
        blank=True,
        help_text=_(
            "Plaatsen op de DIN-rail, voor een toestel in de groepenkast "
            "(overspanningsbeveiliging); leeg = één per pool."
        ),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("installatiemateriaal")
        verbose_name_plural = _("installatiematerialen")
        ordering = ["kind", "article"]

    def to_domain(self) -> domain.InstallationMaterial:
        return domain.InstallationMaterial(
            **self.product_fields(),
            unit=self.unit,
            kind=domain.MaterialKind(self.kind),
            phases=self.phase_tuple(),
            size_mm=_f(self.size_mm),
            module_width=self.module_width,
        )
