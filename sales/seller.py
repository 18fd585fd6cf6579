"""What the seller configures once in the admin: the letterhead and quote defaults, and the VAT
categories with their sources. Imported by sales.models, so they are models of this app."""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class SellerSettings(models.Model):
    """The seller's letterhead and quote defaults: one row, edited in the admin."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    company_name = models.CharField(_("bedrijfsnaam"), max_length=120, default="Vekto")
    address = models.CharField(_("adres"), max_length=200, blank=True)
    postcode_city = models.CharField(_("postcode en plaats"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    kvk = models.CharField(_("KvK-nummer"), max_length=20, blank=True)
    vat_number = models.CharField(_("btw-nummer"), max_length=20, blank=True)
    iban = models.CharField(_("IBAN"), max_length=40, blank=True)
    validity_days = models.PositiveSmallIntegerField(
        _("geldigheid offerte (dagen)"), default=30, validators=[MinValueValidator(1)]
    )
    hourly_rate_eur = models.DecimalField(
        _("uurtarief excl. btw"), default=Decimal("65.00"), max_digits=12, decimal_places=2
    )
    default_labour_hours = models.DecimalField(
        _("standaard installatie-uren"), max_digits=6, decimal_places=2, default=Decimal("8.00")
    )
    payment_terms_business = models.TextField(
        _("betalingsvoorwaarden zakelijk"), default="Betaling binnen 30 dagen na factuurdatum."
    )
    payment_terms_consumer = models.TextField(
        _("betalingsvoorwaarden particulier"),
        default="50 % aanbetaling bij opdracht, het restant na oplevering.",
    )
    terms_reference = models.CharField(
        _("algemene voorwaarden"),
        max_length=200,
        default="Op deze offerte zijn onze algemene voorwaarden van toepassing.",
    )

    # A data:image/png URI made by sales.logo from an upload; empty = no logo.
    logo = models.TextField(_("logo"), blank=True, editable=False)

    class Meta:
        verbose_name = _("briefhoofd en offerte-instellingen")
        verbose_name_plural = _("briefhoofd en offerte-instellingen")

    def __str__(self) -> str:
        return self.company_name

    @classmethod
    def load(cls) -> SellerSettings:
        return cls.objects.get_or_create(pk=1)[0]

    def as_json(self) -> dict[str, str]:
        fields = ["company_name", "address", "postcode_city", "email", "phone", "kvk"]
        fields += ["vat_number", "iban", "terms_reference", "logo"]
        return {name: str(getattr(self, name)) for name in fields}


class VatCategory(models.Model):
    """What a line is for the VAT: the rate depends on what is sold, so admins keep it."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("naam"), max_length=120)
    rate = models.DecimalField(
        _("tarief (fractie)"),
        max_digits=5,
        decimal_places=4,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(1))],
        help_text=_("0,21 voor 21 %."),
    )
    source = models.TextField(_("bron"), help_text=_("Waar het tarief vandaan komt."))
    is_default = models.BooleanField(_("standaard voor materiaal en arbeid"), default=False)

    class Meta:
        verbose_name = _("btw-categorie")
        verbose_name_plural = _("btw-categorieën")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name} ({(self.rate * 100).normalize()} %)"

    @classmethod
    def default(cls) -> VatCategory:
        found = cls.objects.filter(is_default=True).first() or cls.objects.first()
        if found is None:
            raise VatCategory.DoesNotExist("no VAT category: run migrate")
        return found
